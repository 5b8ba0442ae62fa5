package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestIdle(t *testing.T) {
	full, partial, none := model.LevelFull, model.LevelPartial, model.LevelNone
	runRuleCases(t, model.RuleIdle, []ruleCase{
		{"listed, no workload", func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth = 0 })
		}, model.SevInfo,
			"列入基本履职清单，但无工作量（每月 0 小时、0 次报表）",
			"on the Basic list but has no workload (0 hours and 0 reports a month)"},
		{"no workload yet assessed", func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.AssessedBy = 0, 2 })
		}, model.SevWarning,
			"列入配合履职清单，但无工作量（每月 0 小时、0 次报表）；仍被 2 个部门考核",
			"on the Supporting list but has no workload (0 hours and 0 reports a month); still assessed by 2 departments"},
		{"no workload, held accountable on a veto item", func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.Incidents, a.Veto = 0, 1, true })
		}, model.SevWarning,
			"列入基本履职清单，但无工作量（每月 0 小时、0 次报表）；近一年被问责 1 次、一票否决事项",
			"on the Basic list but has no workload (0 hours and 0 reports a month); held accountable 1 time in the past year, veto item"},
		{"one report a month is work", func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.ReportsPerMonth = 0, 1 })
		}, 0, "", ""},
		{"returned item has no workload by design", func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.Role = 0, model.RoleNone })
		}, 0, "", ""},
		{"authority no duty needs", func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", true, full)
		}, model.SevInfo,
			"持有「行政检查」（依法赋予，完全行使），但本街道承担的事项都不需要此权限",
			"holds 行政检查 (granted on paper, fully exercised) but none of the duties this street office performs needs it"},
		{"authority needed only by a returned item", func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned, "行政检查")
			f.assess(o, d, func(a *model.Assessment) { a.Role = model.RoleNone })
			f.hold(o, "行政检查", false, partial)
		}, model.SevInfo,
			"持有「行政检查」（未依法赋予，部分行使），但本街道承担的事项都不需要此权限",
			"holds 行政检查 (not granted on paper, partly exercised) but none of the duties this street office performs needs it"},
		{"authority granted, not exercised, not needed", func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", true, none)
		}, model.SevInfo,
			"持有「行政检查」（依法赋予，不能行使），但本街道承担的事项都不需要此权限",
			"holds 行政检查 (granted on paper, not exercised) but none of the duties this street office performs needs it"},
		{"a township calls itself 乡镇", func(f *fixture, o *model.Office) {
			o.Kind = model.OfficeTownship
			f.hold(o, "行政检查", true, full)
		}, model.SevInfo,
			"持有「行政检查」（依法赋予，完全行使），但本乡镇承担的事项都不需要此权限",
			"holds 行政检查 (granted on paper, fully exercised) but none of the duties this township performs needs it"},
		{"authority neither granted nor exercised", func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", false, none)
		}, 0, "", ""},
	})
}
