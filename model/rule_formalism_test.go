package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestFormalism(t *testing.T) {
	runRuleCases(t, model.RuleFormalism, []ruleCase{
		{"share over", func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours = 12.4 })
		}, model.SevWarning,
			"填报留痕 12.4 小时/月，占工作量 40 小时的 31%（阈值 30%）",
			"reporting and evidence take 12.4 of 40 hours a month (31%, threshold 30%)"},
		{"reports over", func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.ReportsPerMonth = 9 })
		}, model.SevWarning,
			"每月报表 9 次（阈值 8 次）",
			"9 reports a month (threshold 8)"},
		{"share and reports over", func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours, a.ReportsPerMonth = 20, 9 })
		}, model.SevSerious,
			"填报留痕 20 小时/月，占工作量 40 小时的 50%（阈值 30%）；每月报表 9 次（阈值 8 次）",
			"reporting and evidence take 20 of 40 hours a month (50%, threshold 30%); 9 reports a month (threshold 8)"},
		{"share and reports at thresholds", func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours, a.ReportsPerMonth = 12, 8 })
		}, 0, "", ""},
	})
}

// The burdens that are not hours (issue 12): each over its threshold is one
// sign; at the threshold it is not.
func TestFormalismBurdens(t *testing.T) {
	runRuleCases(t, model.RuleFormalism, []ruleCase{
		{"inspections over", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.InspectionsPerYear = 6 })
		}, model.SevWarning,
			"每年督查检查考核 6 次（阈值 4 次）",
			"6 inspections and assessments a year (threshold 4)"},
		{"sign-offs and check-ins over", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.SignOffs, a.CheckIns = 3, 31 })
		}, model.SevSerious,
			"每年签责任状、签字背书 3 次（阈值 1 次）；每月打卡、上报指标 31 次（阈值 30 次）",
			"3 responsibility pledges and sign-offs a year (threshold 1); 31 check-ins and reporting targets a month (threshold 30)"},
		{"three signs are still serious", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.ReportsPerMonth, a.InspectionsPerYear, a.SignOffs = 9, 5, 2 })
		}, model.SevSerious,
			"每月报表 9 次（阈值 8 次）；每年督查检查考核 5 次（阈值 4 次）；每年签责任状、签字背书 2 次（阈值 1 次）",
			"9 reports a month (threshold 8); 5 inspections and assessments a year (threshold 4); 2 responsibility pledges and sign-offs a year (threshold 1)"},
		{"all at their thresholds", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.InspectionsPerYear, a.SignOffs, a.CheckIns = 4, 1, 30 })
		}, 0, "", ""},
		{"apps are TECH_BURDEN's", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Apps, a.WorkGroups, a.DuplicateEntry = 9, 9, 9 })
		}, 0, "", ""},
	})
}
