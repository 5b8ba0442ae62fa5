package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestPushedDown(t *testing.T) {
	runRuleCases(t, model.RulePushedDown, []ruleCase{
		{"supporting, acts as lead and held accountable", func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { a.Role, a.Incidents = model.RoleLead, 1 })
		}, model.SevSerious,
			"列为配合履职事项，但实际牵头承担、近一年被问责 1 次",
			"listed as supporting, yet acts as lead, held accountable 1 time in the past year"},
		{"returned, still assessed", func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) { a.Role = model.RoleNone; a.AssessedBy = 2 })
		}, model.SevWarning,
			"列为上级部门收回事项，但被 2 个部门考核",
			"listed as returned to the higher department, yet assessed by 2 departments"},
		{"returned veto item, assessed by one: two levels up", func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) { a.Role, a.AssessedBy, a.Veto = model.RoleNone, 1, true })
		}, model.SevSerious,
			"列为上级部门收回事项，但被 1 个部门考核；一票否决事项",
			"listed as returned to the higher department, yet assessed by 1 department; veto item"},
		{"supporting as support, not assessed or accountable", func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting)
			f.assess(o, d, nil)
		}, 0, "", ""},
		{"returned, held accountable by a record, not assessed", func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.incident(o, d, model.IncidentCriticism, model.CauseOther, false)
		}, model.SevSerious,
			"列为上级部门收回事项，但近一年被问责 1 次",
			"listed as returned to the higher department, yet held accountable 1 time in the past year"},
		{"basic list is the office's own", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.AssessedBy, a.Incidents = 3, 2 })
		}, 0, "", ""},
	})
}
