package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestTechBurden(t *testing.T) {
	runRuleCases(t, model.RuleTechBurden, []ruleCase{
		{"apps over", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Apps = 3 })
		}, model.SevWarning,
			"需使用政务APP 3 个（阈值 2 个）",
			"needs 3 government apps (threshold 2)"},
		{"work groups and duplicate entry", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.WorkGroups, a.DuplicateEntry = 6, 2 })
		}, model.SevSerious,
			"需加入工作群 6 个（阈值 3 个）；同一数据重复录入 2 个系统（阈值 2 个）",
			"needs 6 work groups (threshold 3); the same data is entered into 2 systems (threshold 2)"},
		{"all three", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { a.Apps, a.WorkGroups, a.DuplicateEntry = 5, 4, 4 })
		}, model.SevSerious,
			"需使用政务APP 5 个（阈值 2 个）；需加入工作群 4 个（阈值 3 个）；同一数据重复录入 4 个系统（阈值 2 个）",
			"needs 5 government apps (threshold 2); needs 4 work groups (threshold 3); the same data is entered into 4 systems (threshold 2)"},
		{"just below every threshold", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Apps, a.WorkGroups, a.DuplicateEntry = 2, 3, 1 })
		}, 0, "", ""},
		{"thresholds from the settings", func(f *fixture, o *model.Office) {
			f.p.Settings.AppsThreshold = 4
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Apps = 4 })
		}, 0, "", ""},
	})
}
