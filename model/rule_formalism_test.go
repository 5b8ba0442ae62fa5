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
