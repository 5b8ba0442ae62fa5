package model

import "rpbmatrix/model/words"

// RuleAccountabilityTrap, 问责陷阱 (accountability trap): accountability
// exposure is high — a veto item (一票否决), incidents at
// Settings.IncidentThreshold, or assessing departments at
// Settings.AssessedByThreshold (多头考核) — while authority coverage is below
// Settings.CoverageThreshold. Incidents are the pair's incident records,
// or the count on the assessment when it has none (IncidentCount).
const RuleAccountabilityTrap RuleCode = "ACCOUNTABILITY_TRAP"

var _ = register(rule{
	code:     RuleAccountabilityTrap,
	order:    40,
	settings: []string{"incident_threshold", "assessed_by_threshold", "coverage_threshold"},
	duty:     &check[pairFacts]{grade: accountabilityTrapGrade, reason: accountabilityTrapReason},
})

// accountabilityTrapGrade: warning for many assessors alone, serious for a
// veto item or incidents at the threshold, critical for two signals or more.
func accountabilityTrapGrade(x *pairFacts) Severity {
	ex := exposureOf(x)
	n := ex.count()
	switch {
	case n == 0 || x.cov >= x.set.CoverageThreshold:
		return 0
	case n >= 2:
		return SevCritical
	case ex.assessors:
		return SevWarning
	}
	return SevSerious
}

// accountabilityTrapReason: "一票否决事项、被 3 个部门考核（阈值 3 个），但权限
// 覆盖率仅 0%（阈值 50%）".
func accountabilityTrapReason(x *pairFacts) words.Msg {
	s := x.set
	ex := exposureOf(x)
	var signs []words.Msg
	if ex.veto {
		signs = append(signs, words.M("rule.fact.veto"))
	}
	if ex.incidents {
		signs = append(signs, words.M("rule.fact.incidents_threshold", "incidents", x.incidents, "threshold", s.IncidentThreshold))
	}
	if ex.assessors {
		signs = append(signs, words.M("rule.fact.assessed_threshold", "departments", x.a.AssessedBy, "threshold", s.AssessedByThreshold))
	}
	return words.M("rule.ACCOUNTABILITY_TRAP.reason", "exposure", signs,
		"coverage", words.Pct(x.cov), "threshold", words.Pct(s.CoverageThreshold))
}
