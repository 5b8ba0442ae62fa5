package model

import "rpbmatrix/model/words"

// RulePushedDown, 责任下移 (responsibility pushed down): the duty is listed as
// supporting or returned, yet the office acts as lead, is assessed on it, or
// was held accountable for it.
const RulePushedDown RuleCode = "PUSHED_DOWN"

var _ = register(rule{
	code:  RulePushedDown,
	order: 30,
	duty:  &check[pairFacts]{grade: pushedDownGrade, reason: pushedDownReason},
})

// pushedDownGrade: info when only assessed, warning when acting as lead or
// held accountable, serious when both; one level up for a returned item and
// one more for a veto item.
func pushedDownGrade(x *pairFacts) Severity {
	a := x.a
	if a == nil || x.kind == ListBasic {
		return 0
	}
	actsLead, assessed, accountable := a.Role == RoleLead, a.AssessedBy > 0, a.Incidents > 0
	if !actsLead && !assessed && !accountable {
		return 0
	}
	sev := SevInfo
	switch {
	case actsLead && accountable:
		sev = SevSerious
	case actsLead || accountable:
		sev = SevWarning
	}
	return raiseIf(raiseIf(sev, x.kind == ListReturned), a.Veto)
}

// pushedDownReason: "列为配合履职事项，但实际牵头承担、近一年被问责 1 次".
func pushedDownReason(x *pairFacts) words.Msg {
	a := x.a
	var signs []words.Msg
	if a.Role == RoleLead {
		signs = append(signs, words.M("rule.fact.lead"))
	}
	if a.AssessedBy > 0 {
		signs = append(signs, words.M("rule.fact.assessed", "departments", a.AssessedBy))
	}
	if a.Incidents > 0 {
		signs = append(signs, incidentsFact(a.Incidents))
	}
	if x.kind == ListReturned {
		return words.M("rule.PUSHED_DOWN.reason.returned", "signs", signs, "notes", notes(vetoNote(a)...))
	}
	return words.M("rule.PUSHED_DOWN.reason.supporting", "signs", signs, "notes", notes(vetoNote(a)...))
}
