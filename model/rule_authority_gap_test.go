package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestAuthorityGap(t *testing.T) {
	full, partial, none := model.LevelFull, model.LevelPartial, model.LevelNone
	runRuleCases(t, model.RuleAuthorityGap, []ruleCase{
		{"basic duty, 1 of 3 held, not assessed", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政强制", "行政检查")
			f.hold(o, "行政检查", true, full)
		}, model.SevSerious,
			"需要 3 项权限，实际完全行使 1 项（覆盖率 33%）：缺少 行政处罚、行政强制",
			"needs 3 authorities, fully exercises 1 (coverage 33%): missing 行政处罚, 行政强制"},
		{"partial keeps coverage at the threshold: warning", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政检查")
			f.hold(o, "行政处罚", true, partial)
			f.hold(o, "行政检查", true, full)
		}, model.SevWarning,
			"需要 2 项权限，实际完全行使 1 项（覆盖率 75%）：缺少 行政处罚（部分行使）",
			"needs 2 authorities, fully exercises 1 (coverage 75%): missing 行政处罚 (partly exercised)"},
		{"veto raises to critical", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, none)
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true })
		}, model.SevCritical,
			"需要 1 项权限，实际完全行使 0 项（覆盖率 0%）：缺少 行政处罚（有名无实）；一票否决事项",
			"needs 1 authority, fully exercises 0 (coverage 0%): missing 行政处罚 (on paper only); veto item"},
		{"veto and incidents at the threshold", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Veto, a.Incidents = true, 2 })
		}, model.SevCritical,
			"需要 1 项权限，实际完全行使 0 项（覆盖率 0%）：缺少 行政处罚；一票否决事项、近一年被问责 2 次",
			"needs 1 authority, fully exercises 0 (coverage 0%): missing 行政处罚; veto item, held accountable 2 times in the past year"},
		{"incidents one below the threshold do not raise it", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 1 })
		}, model.SevSerious,
			"需要 1 项权限，实际完全行使 0 项（覆盖率 0%）：缺少 行政处罚",
			"needs 1 authority, fully exercises 0 (coverage 0%): missing 行政处罚"},
		{"all held fully", func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, full)
		}, 0, "", ""},
		{"supporting role does not bear it", func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting, "行政处罚")
			f.assess(o, d, nil)
		}, 0, "", ""},
	})
}
