package model

import "rpbmatrix/model/words"

// RulePushedDown, 责任下移 (responsibility pushed down): the duty is listed as
// supporting or returned, yet the office acts as lead, is assessed on it, or
// was held accountable for it (an incident record is enough, assessed or not).
const RulePushedDown RuleCode = "PUSHED_DOWN"

var _ = register(rule{
	code:  RulePushedDown,
	order: 30,
	duty:  &check[pairFacts]{grade: pushedDownGrade, reason: pushedDownReason},
})

// pushedDownSigns says which signs of a pushed-down duty x shows.
func pushedDownSigns(x *pairFacts) (actsLead, assessed, accountable bool) {
	a := x.a
	return a != nil && a.Role == RoleLead, a != nil && a.AssessedBy > 0, x.incidents > 0
}

// pushedDownGrade: info when only assessed, warning when acting as lead or
// held accountable, serious when both; one level up for a returned item and
// one more for a veto item.
func pushedDownGrade(x *pairFacts) Severity {
	if x.kind == ListBasic {
		return 0
	}
	actsLead, assessed, accountable := pushedDownSigns(x)
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
	return raiseIf(raiseIf(sev, x.kind == ListReturned), x.a != nil && x.a.Veto)
}

// pushedDownReason: "列为配合履职事项，但实际牵头承担、近一年被问责 1 次".
func pushedDownReason(x *pairFacts) words.Msg {
	actsLead, assessed, accountable := pushedDownSigns(x)
	var signs []words.Msg
	if actsLead {
		signs = append(signs, words.M("rule.fact.lead"))
	}
	if assessed {
		signs = append(signs, words.M("rule.fact.assessed", "departments", x.a.AssessedBy))
	}
	if accountable {
		signs = append(signs, incidentsFact(x.incidents))
	}
	if x.kind == ListReturned {
		return words.M("rule.PUSHED_DOWN.reason.returned", "signs", signs, "notes", notes(vetoNote(x.a)...))
	}
	return words.M("rule.PUSHED_DOWN.reason.supporting", "signs", signs, "notes", notes(vetoNote(x.a)...))
}
