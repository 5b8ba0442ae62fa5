package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestAccountabilityTrap(t *testing.T) {
	runRuleCases(t, model.RuleAccountabilityTrap, []ruleCase{
		{"incidents at threshold, no coverage", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政强制")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 2 })
		}, model.SevSerious,
			"近一年被问责 2 次（阈值 2 次），但权限覆盖率仅 0%（阈值 50%）",
			"held accountable 2 times in the past year (threshold 2), but authority coverage is only 0% (threshold 50%)"},
		{"veto and many assessors: critical", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true; a.AssessedBy = 3 })
		}, model.SevCritical,
			"一票否决事项、被 3 个部门考核（阈值 3 个），但权限覆盖率仅 0%（阈值 50%）",
			"veto item, assessed by 3 departments (threshold 3), but authority coverage is only 0% (threshold 50%)"},
		{"many assessors alone: warning", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.AssessedBy = 4 })
		}, model.SevWarning,
			"被 4 个部门考核（阈值 3 个），但权限覆盖率仅 0%（阈值 50%）",
			"assessed by 4 departments (threshold 3), but authority coverage is only 0% (threshold 50%)"},
		{"incidents one below threshold", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 1; a.AssessedBy = 2 })
		}, 0, "", ""},
		{"coverage exactly at threshold", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政强制")
			f.hold(o, "行政处罚", true, model.LevelFull)
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true })
		}, 0, "", ""},
	})
}
