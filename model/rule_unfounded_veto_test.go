package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestUnfoundedVeto(t *testing.T) {
	runRuleCases(t, model.RuleUnfoundedVeto, []ruleCase{
		{"veto without basis", func(f *fixture, o *model.Office) {
			d := f.duty("信访维稳", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Veto, a.AssessedBy = true, 2 })
		}, model.SevWarning,
			"列为一票否决事项，但未注明法规或文件依据；被 2 个部门考核",
			"a veto item with no regulation or document stated as its basis; assessed by 2 departments"},
		{"veto without basis, held accountable (a record)", func(f *fixture, o *model.Office) {
			d := f.duty("信访维稳", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Veto, a.VetoBasis = true, "  " })
			f.incident(o, d, model.IncidentInterview, model.CauseOther, true)
		}, model.SevSerious,
			"列为一票否决事项，但未注明法规或文件依据；近一年被问责 1 次",
			"a veto item with no regulation or document stated as its basis; held accountable 1 time in the past year"},
		{"veto with a basis", func(f *fixture, o *model.Office) {
			d := f.duty("信访维稳", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.Veto, a.VetoBasis = true, "《信访工作条例》第四十五条" })
		}, 0, "", ""},
		{"no veto", func(f *fixture, o *model.Office) {
			d := f.duty("信访维稳", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.AssessedBy = 5 })
		}, 0, "", ""},
	})
}
