package model

import "rpbmatrix/model/words"

// RuleSystemsGap, 信息系统缺失 (systems and data not provided): the office
// has access to fewer of the information systems or data (business-system
// accounts, data interfaces, shared records) than the duty needs. Systems
// are part of resource coverage S, so a shortfall lowers the gap G; this
// rule says so, as UNFUNDED and UNDERSTAFFED do for funds and staff.
// Systems are counted whole, so there is no tolerance.
const RuleSystemsGap RuleCode = "SYSTEMS_GAP"

var _ = register(rule{
	code:     RuleSystemsGap,
	order:    65,
	settings: []string{"shortfall_warning", "shortfall_serious"},
	duty:     &check[pairFacts]{grade: systemsGapGrade, reason: systemsGapReason},
})

// systemsGapGrade grades the shortfall like a staff or funds shortfall
// (shortfallSeverity), one level up for a veto item.
func systemsGapGrade(x *pairFacts) Severity {
	a := x.a
	if a == nil || a.SystemsNeeded <= 0 || a.SystemsHeld >= a.SystemsNeeded {
		return 0
	}
	return raiseIf(shortfallSeverity(shortfall(float64(a.SystemsHeld), float64(a.SystemsNeeded)), x.set), a.Veto)
}

// systemsGapReason: "需要信息系统或数据 3 项，已开通 1 项，缺少 2 项（67%）".
func systemsGapReason(x *pairFacts) words.Msg {
	a := x.a
	return words.M("rule.SYSTEMS_GAP.reason", "needed", a.SystemsNeeded, "held", max(0, a.SystemsHeld),
		"short", a.SystemsNeeded-max(0, a.SystemsHeld),
		"shortfall", words.Pct(shortfall(float64(a.SystemsHeld), float64(a.SystemsNeeded))), "notes", notes(vetoNote(a)...))
}
