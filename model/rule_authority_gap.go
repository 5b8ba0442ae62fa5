package model

import "rpbmatrix/model/words"

// RuleAuthorityGap, 有责无权 (duty without power): the office bears the duty
// as lead (basic list, or actual role lead) and does not fully exercise
// every authority the duty requires. It fires on a basic-list item not yet
// assessed too: the item is the office's duty by the list, and what the
// office holds is known without an assessment. Such an item stays out of
// the balance index until it is assessed (Summary), but not out of the
// findings.
const RuleAuthorityGap RuleCode = "AUTHORITY_GAP"

var _ = register(rule{
	code:     RuleAuthorityGap,
	order:    10,
	settings: []string{"coverage_threshold", "incident_threshold"},
	duty:     &check[pairFacts]{grade: authorityGapGrade, reason: authorityGapReason},
})

// authorityGapGrade: warning while authority coverage reaches
// Settings.CoverageThreshold, serious below it; one level up for a veto
// item or for incidents at Settings.IncidentThreshold.
func authorityGapGrade(x *pairFacts) Severity {
	if x.role != RoleLead || x.nFull >= x.nReq {
		return 0
	}
	sev := SevWarning
	if x.cov < x.set.CoverageThreshold {
		sev = SevSerious
	}
	ex := exposureOf(x)
	return raiseIf(sev, ex.veto || ex.incidents)
}

// authorityGapReason: "需要 3 项权限，实际完全行使 1 项（覆盖率 33%）：缺少
// 行政处罚、行政强制（部分行使）；一票否决事项".
func authorityGapReason(x *pairFacts) words.Msg {
	var missing []words.Msg
	for _, r := range x.required {
		switch h := r.h; {
		case h != nil && h.DeFacto == LevelFull:
		case h != nil && h.DeFacto == LevelPartial:
			missing = append(missing, words.M("rule.AUTHORITY_GAP.missing.partial", "authority", r.name))
		case h != nil && h.DeJure:
			missing = append(missing, words.M("rule.AUTHORITY_GAP.missing.paper", "authority", r.name))
		default:
			missing = append(missing, words.M("rule.AUTHORITY_GAP.missing", "authority", r.name))
		}
	}
	ns := vetoNote(x.a)
	if x.incidents >= x.set.IncidentThreshold {
		ns = append(ns, incidentsFact(x.incidents))
	}
	return words.M("rule.AUTHORITY_GAP.reason", "required", x.nReq, "full", x.nFull,
		"coverage", words.Pct(x.cov), "missing", missing, "notes", notes(ns...))
}
