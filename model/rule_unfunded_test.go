package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestUnfunded(t *testing.T) {
	runRuleCases(t, model.RuleUnfunded, []ruleCase{
		{"60% short", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 4 })
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 4 万元，缺口 6 万元（60%，容差 10%）",
			"needs funds of 10 (10,000 yuan a year), holds 4: short 6 (60%, tolerance 10%)"},
		{"30% short, veto item", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.Veto = 12.5, 8.75, true })
		}, model.SevSerious,
			"需要经费 12.5 万元/年，实有 8.8 万元，缺口 3.8 万元（30%，容差 10%）；一票否决事项",
			"needs funds of 12.5 (10,000 yuan a year), holds 8.8: short 3.8 (30%, tolerance 10%); veto item"},
		{"11% short is info", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 8.9 })
		}, model.SevInfo,
			"需要经费 10 万元/年，实有 8.9 万元，缺口 1.1 万元（11%，容差 10%）",
			"needs funds of 10 (10,000 yuan a year), holds 8.9: short 1.1 (11%, tolerance 10%)"},
		{"shortfall equal to tolerance", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 9 })
		}, 0, "", ""},
	})
}
