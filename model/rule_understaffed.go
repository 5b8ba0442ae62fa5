package model

import "rpbmatrix/model/words"

// RuleUnderstaffed, 小马拉大车 (capacity far below load): per duty, staff held
// fall short of staff needed by more than Settings.StaffTolerance; per
// office, the staff all its duties need exceed the office's actual staff
// (or, when that is not entered, the staff its duties hold).
const RuleUnderstaffed RuleCode = "UNDERSTAFFED"

var _ = register(rule{
	code:     RuleUnderstaffed,
	order:    60,
	settings: []string{"staff_tolerance", "shortfall_warning", "shortfall_serious"},
	duty:     &check[pairFacts]{grade: understaffedGrade, reason: understaffedReason},
	office:   &check[officeFacts]{grade: officeUnderstaffedGrade, reason: officeUnderstaffedReason},
})

// understaffedGrade grades the shortfall beyond the tolerance
// (shortfallGrade), one level up for a veto item.
func understaffedGrade(x *pairFacts) Severity {
	if x.a == nil {
		return 0
	}
	return shortfallGrade(x.a.StaffHeld, x.a.StaffNeeded, x.set.StaffTolerance, x.a.Veto, x.set)
}

// understaffedReason: "需要人力 2 人，实有 1 人，缺口 1 人（50%，容差 10%）".
func understaffedReason(x *pairFacts) words.Msg {
	a := x.a
	return words.M("rule.UNDERSTAFFED.reason", "needed", a.StaffNeeded, "held", a.StaffHeld,
		"short", a.StaffNeeded-a.StaffHeld, "shortfall", words.Pct(shortfall(a.StaffHeld, a.StaffNeeded)),
		"tolerance", words.Pct(x.set.StaffTolerance), "notes", notes(vetoNote(a)...))
}

// officeUnderstaffedGrade grades the office-wide shortfall like a duty's.
func officeUnderstaffedGrade(x *officeFacts) Severity {
	return shortfallGrade(x.staff.held(), x.staff.needed(), x.set.StaffTolerance, false, x.set)
}

// officeUnderstaffedReason: "各事项合计需要人力 10 人，实有人员 7 人，缺口 3 人（30%，容差 10%）".
func officeUnderstaffedReason(x *officeFacts) words.Msg {
	u := x.staff
	short, tolerance := words.Pct(shortfall(u.held(), u.needed())), words.Pct(x.set.StaffTolerance)
	if u.actual > 0 {
		return words.M("rule.UNDERSTAFFED.reason.office_actual", "needed", u.needed(), "held", u.actual,
			"short", u.needed()-u.held(), "shortfall", short, "tolerance", tolerance)
	}
	return words.M("rule.UNDERSTAFFED.reason.office_held", "needed", u.needed(), "held", u.held(),
		"short", u.needed()-u.held(), "shortfall", short, "tolerance", tolerance)
}
