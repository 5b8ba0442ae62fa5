package model

import "rpbmatrix/model/words"

// RuleOffListBurden, 清单外负担 (off-list burden): the office performs a task
// that is on none of its lists (清单外事项), typically pushed down in the
// name of territorial responsibility (以属地之名). One finding per task:
// serious from Settings.OffListHoursSerious hours a month, warning from
// Settings.OffListHours hours a month or Settings.OffListTimes times a
// year, info below.
const RuleOffListBurden RuleCode = "OFF_LIST_BURDEN"

var _ = register(rule{
	code:     RuleOffListBurden,
	order:    90,
	settings: []string{"off_list_hours", "off_list_hours_serious", "off_list_times"},
	offList:  &check[offListFacts]{grade: offListGrade, reason: offListReason},
})

func offListGrade(x *offListFacts) Severity {
	t, s := x.t, x.set
	switch {
	case t.HoursPerMonth >= s.OffListHoursSerious:
		return SevSerious
	case t.HoursPerMonth >= s.OffListHours, t.TimesPerYear >= s.OffListTimes:
		return SevWarning
	}
	return SevInfo
}

// offListReason: "承担清单外事项「迎检材料准备」（区城管委交办）：每年 12 次、
// 每月 10 小时（达到一般阈值 8 小时/月）".
func offListReason(x *offListFacts) words.Msg {
	t, s := x.t, x.set
	by := either(t.AssignedBy != "", words.M("rule.OFF_LIST_BURDEN.by", "dept", t.AssignedBy), words.M("rule.OFF_LIST_BURDEN.by.unknown"))
	var load []words.Msg
	if t.TimesPerYear > 0 {
		load = append(load, words.M("rule.OFF_LIST_BURDEN.times", "times", t.TimesPerYear))
	}
	if t.HoursPerMonth > 0 {
		load = append(load, words.M("rule.OFF_LIST_BURDEN.hours", "hours", t.HoursPerMonth))
	}
	loadOf := either(len(load) > 0, words.M("rule.OFF_LIST_BURDEN.load", "load", load), words.M("rule.OFF_LIST_BURDEN.load.unknown"))
	grade := words.M("rule.notes.none")
	switch {
	case t.HoursPerMonth >= s.OffListHoursSerious:
		grade = words.M("rule.OFF_LIST_BURDEN.grade.serious", "threshold", s.OffListHoursSerious)
	case t.HoursPerMonth >= s.OffListHours:
		grade = words.M("rule.OFF_LIST_BURDEN.grade.hours", "threshold", s.OffListHours)
	case t.TimesPerYear >= s.OffListTimes:
		grade = words.M("rule.OFF_LIST_BURDEN.grade.times", "threshold", s.OffListTimes)
	}
	return words.M("rule.OFF_LIST_BURDEN.reason", "name", t.Name, "by", by, "load", loadOf, "grade", grade)
}
