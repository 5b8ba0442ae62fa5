package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestPaperPower(t *testing.T) {
	full, partial, none := model.LevelFull, model.LevelPartial, model.LevelNone
	runRuleCases(t, model.RulePaperPower, []ruleCase{
		{"granted, cannot exercise, led duty needs it", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, none)
		}, model.SevSerious,
			"「行政处罚」已依法赋予，但实际不能行使；本街道 1 项职责需要此权限，其中牵头 1 项",
			"行政处罚 is granted on paper but cannot be exercised in fact; needed by 1 duty of this street office (1 led)"},
		{"partly, supporting duty only", func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting, "行政处罚")
			f.assess(o, d, nil)
			f.hold(o, "行政处罚", true, partial)
		}, model.SevInfo,
			"「行政处罚」已依法赋予，但只能部分行使；本街道 1 项职责需要此权限，其中牵头 0 项",
			"行政处罚 is granted on paper but can only partly be exercised; needed by 1 duty of this street office (0 led)"},
		{"partly, two led duties, one a veto item", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true })
			f.hold(o, "行政处罚", true, partial)
		}, model.SevSerious,
			"「行政处罚」已依法赋予，但只能部分行使；本街道 2 项职责需要此权限，其中牵头 2 项，含一票否决事项",
			"行政处罚 is granted on paper but can only partly be exercised; needed by 2 duties of this street office (2 led, including a veto item)"},
		{"fully exercised", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, full)
		}, 0, "", ""},
		{"not needed by any duty", func(f *fixture, o *model.Office) {
			f.hold(o, "行政处罚", true, none)
		}, 0, "", ""},
		{"a township calls itself 乡镇", func(f *fixture, o *model.Office) {
			o.Kind = model.OfficeTownship
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, none)
		}, model.SevSerious,
			"「行政处罚」已依法赋予，但实际不能行使；本乡镇 1 项职责需要此权限，其中牵头 1 项",
			"行政处罚 is granted on paper but cannot be exercised in fact; needed by 1 duty of this township (1 led)"},
		{"not granted on paper", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", false, partial)
		}, 0, "", ""},
	})
}
