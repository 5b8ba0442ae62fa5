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

// officeUnderstaffedGrade grades the office-wide shortfall like a duty's:
// the staff its duties need against the staff it has (officeFacts.available).
// When that is no shortfall but the staff its duties say they hold add up
// to more than the office's people, it is info: those figures cannot all be
// true, so some duties hold less than they say.
func officeUnderstaffedGrade(x *officeFacts) Severity {
	sev := shortfallGrade(x.available(), x.staff.needed(), x.set.StaffTolerance, false, x.set)
	if sev == 0 && x.overclaimed() {
		return SevInfo
	}
	return sev
}

// overclaimed reports whether the staff the office's duties hold add up to
// more than the people it has.
func (x *officeFacts) overclaimed() bool {
	return x.staffed() && x.staff.held() > x.available()
}

// officeUnderstaffedReason: "各事项合计需要人力 10 人，本街道可用人员 7 人（在编
// 6 人、编外 3 人、借调出 2 人；核定编制 8 人），缺口 3 人（30%，容差 10%）；各事项
// 填报的实有人力合计 9 人，超过可用人员".
func officeUnderstaffedReason(x *officeFacts) words.Msg {
	u, set := x.staff, x.set
	short := shortfall(x.available(), u.needed())
	if !x.staffed() {
		return words.M("rule.UNDERSTAFFED.reason.office_held", "needed", u.needed(), "held", u.held(),
			"short", u.needed()-u.held(), "shortfall", words.Pct(short), "tolerance", words.Pct(set.StaffTolerance))
	}
	self, staffing := x.office.KindWord(), staffingOf(x.office)
	if short <= set.StaffTolerance {
		return words.M("rule.UNDERSTAFFED.reason.office_overclaimed", "held", u.held(), "office", self,
			"available", x.available(), "staffing", staffing)
	}
	var ns []words.Msg
	if x.overclaimed() {
		ns = append(ns, words.M("rule.UNDERSTAFFED.fact.overclaimed", "held", u.held()))
	}
	return words.M("rule.UNDERSTAFFED.reason.office", "needed", u.needed(), "office", self, "available", x.available(),
		"staffing", staffing, "short", u.needed()-x.available(), "shortfall", words.Pct(short),
		"tolerance", words.Pct(set.StaffTolerance), "notes", notes(ns...))
}

// staffingOf words an office's staffing, the parts it has: "在编 6 人、编外
// 3 人、借调出 2 人；核定编制 8 人". Community workers are left out, as
// StaffAvailable leaves them out.
func staffingOf(o *Office) words.Msg {
	var parts []words.Msg
	for _, p := range []struct {
		key string
		n   int
	}{
		{"rule.UNDERSTAFFED.staff.on_staff", o.OnStaff},
		{"rule.UNDERSTAFFED.staff.auxiliary", o.Auxiliary},
		{"rule.UNDERSTAFFED.staff.seconded_out", o.SecondedOut},
		{"rule.UNDERSTAFFED.staff.seconded_in", o.SecondedIn},
	} {
		if p.n != 0 {
			parts = append(parts, words.M(p.key, "n", p.n))
		}
	}
	if o.Establishment > 0 {
		return words.M("rule.UNDERSTAFFED.staffing.establishment", "parts", parts, "establishment", o.Establishment)
	}
	return words.M("rule.UNDERSTAFFED.staffing", "parts", parts)
}
