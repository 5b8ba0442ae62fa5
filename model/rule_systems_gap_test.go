package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestSystemsGap(t *testing.T) {
	runRuleCases(t, model.RuleSystemsGap, []ruleCase{
		{"none of 2 provided", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.SystemsNeeded = 2 })
		}, model.SevSerious,
			"需要信息系统或数据 2 项，已开通 0 项，缺少 2 项（100%）",
			"needs 2 information systems or data sources, has access to 0: 2 missing (100%)"},
		{"1 of 3 missing, veto item", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.SystemsNeeded, a.SystemsHeld, a.Veto = 3, 2, true })
		}, model.SevSerious,
			"需要信息系统或数据 3 项，已开通 2 项，缺少 1 项（33%）；一票否决事项",
			"needs 3 information systems or data sources, has access to 2: 1 missing (33%); veto item"},
		{"1 of 5 missing is info", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.SystemsNeeded, a.SystemsHeld = 5, 4 })
		}, model.SevInfo,
			"需要信息系统或数据 5 项，已开通 4 项，缺少 1 项（20%）",
			"needs 5 information systems or data sources, has access to 4: 1 missing (20%)"},
		{"all provided", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.SystemsNeeded, a.SystemsHeld = 2, 2 })
		}, 0, "", ""},
		{"none needed", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, nil)
		}, 0, "", ""},
	})
}
