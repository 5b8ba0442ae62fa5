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
			"需要经费 10 万元/年，实有 4 万元，缺口 6 万元（60%，容差 10%），属经费总体不足",
			"needs funds of 10 (10,000 yuan a year), holds 4: short 6 (60%, tolerance 10%), a general shortfall"},
		{"30% short, veto item", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.Veto = 12.5, 8.75, true })
		}, model.SevSerious,
			"需要经费 12.5 万元/年，实有 8.8 万元，缺口 3.8 万元（30%，容差 10%），属经费总体不足；一票否决事项",
			"needs funds of 12.5 (10,000 yuan a year), holds 8.8: short 3.8 (30%, tolerance 10%), a general shortfall; veto item"},
		{"11% short is info", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 8.9 })
		}, model.SevInfo,
			"需要经费 10 万元/年，实有 8.9 万元，缺口 1.1 万元（11%，容差 10%），属经费总体不足",
			"needs funds of 10 (10,000 yuan a year), holds 8.9: short 1.1 (11%, tolerance 10%), a general shortfall"},
		{"shortfall equal to tolerance", func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 9 })
		}, 0, "", ""},
		// Whose money did not follow: a supporting item is the lead
		// department's task, and it transferred nothing.
		{"department's money did not follow", func(f *fixture, o *model.Office) {
			d := f.duty("燃气安全检查", model.ListSupporting)
			d.LeadDept = "区城市管理委"
			f.assess(o, d, func(a *model.Assessment) {
				a.FundsNeeded, a.FundsHeld, a.FundsDistrict, a.FundsSelf = 10, 4, 1, 3
			})
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 4 万元（区级财政专项 1 万元、部门随事转移 0 万元、街道自筹 3 万元），缺口 6 万元（60%，容差 10%），主责部门（区城市管理委）的经费未随事转移",
			"needs funds of 10 (10,000 yuan a year), holds 4 (district special funds 1, transferred by departments 0, raised by the street office 3): short 6 (60%, tolerance 10%), the funds of the lead department (区城市管理委) did not follow the task"},
		{"department transferred too little", func(f *fixture, o *model.Office) {
			d := f.duty("燃气安全检查", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) {
				a.Role, a.FundsNeeded, a.FundsHeld, a.FundsTransferred = model.RoleNone, 10, 6, 6
			})
		}, model.SevWarning,
			"需要经费 10 万元/年，实有 6 万元（区级财政专项 0 万元、部门随事转移 6 万元、街道自筹 0 万元），缺口 4 万元（40%，容差 10%），主责部门随事转移经费仅 6 万元",
			"needs funds of 10 (10,000 yuan a year), holds 6 (district special funds 0, transferred by departments 6, raised by the street office 0): short 4 (40%, tolerance 10%), the lead department transferred only 6"},
		// A township raises its own money: 镇自筹, 乡镇自筹 when its name says
		// neither 镇 nor 乡.
		{"a town raises its own money", func(f *fixture, o *model.Office) {
			o.Name, o.Kind = "青山镇", model.OfficeTownship
			d := f.duty("燃气安全检查", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.FundsSelf = 10, 4, 4 })
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 4 万元（区级财政专项 0 万元、部门随事转移 0 万元、镇自筹 4 万元），缺口 6 万元（60%，容差 10%），属经费总体不足",
			"needs funds of 10 (10,000 yuan a year), holds 4 (district special funds 0, transferred by departments 0, raised by the town 4): short 6 (60%, tolerance 10%), a general shortfall"},
		{"a township raises its own money", func(f *fixture, o *model.Office) {
			o.Kind = model.OfficeTownship
			d := f.duty("燃气安全检查", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.FundsSelf = 10, 4, 4 })
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 4 万元（区级财政专项 0 万元、部门随事转移 0 万元、乡镇自筹 4 万元），缺口 6 万元（60%，容差 10%），属经费总体不足",
			"needs funds of 10 (10,000 yuan a year), holds 4 (district special funds 0, transferred by departments 0, raised by the township 4): short 6 (60%, tolerance 10%), a general shortfall"},
		{"department item without sources", func(f *fixture, o *model.Office) {
			d := f.duty("燃气安全检查", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 0 })
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 0 万元，缺口 10 万元（100%，容差 10%），主责部门的经费未随事转移",
			"needs funds of 10 (10,000 yuan a year), holds 0: short 10 (100%, tolerance 10%), the lead department's funds did not follow the task"},
	})
}
