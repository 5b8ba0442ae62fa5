package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestOffListBurden(t *testing.T) {
	runRuleCases(t, model.RuleOffListBurden, []ruleCase{
		{"a working week a month: serious", func(f *fixture, o *model.Office) {
			f.offList(o, "创城迎检材料准备", "区文明办", 12, 40)
		}, model.SevSerious,
			"承担清单外事项「创城迎检材料准备」（区文明办交办）：每年 12 次、每月 40 小时（达到严重阈值 40 小时/月）",
			"performs the off-list task \"创城迎检材料准备\" (assigned by 区文明办): 12 times a year, 40 hours a month (at least the serious threshold of 40 hours a month)"},
		{"just below serious", func(f *fixture, o *model.Office) {
			f.offList(o, "创城迎检材料准备", "区文明办", 0, 39.5)
		}, model.SevWarning,
			"承担清单外事项「创城迎检材料准备」（区文明办交办）：每月 39.5 小时（达到一般阈值 8 小时/月）",
			"performs the off-list task \"创城迎检材料准备\" (assigned by 区文明办): 39.5 hours a month (at least the warning threshold of 8 hours a month)"},
		{"monthly, few hours: warning by frequency", func(f *fixture, o *model.Office) {
			f.offList(o, "代收代缴", "", 12, 2)
		}, model.SevWarning,
			"承担清单外事项「代收代缴」（交办部门未注明）：每年 12 次、每月 2 小时（达到频次阈值 每年 12 次）",
			"performs the off-list task \"代收代缴\" (assigning department not stated): 12 times a year, 2 hours a month (at least the frequency threshold of 12 a year)"},
		{"just below every threshold: info", func(f *fixture, o *model.Office) {
			f.offList(o, "代收代缴", "区税务局", 11, 7.9)
		}, model.SevInfo,
			"承担清单外事项「代收代缴」（区税务局交办）：每年 11 次、每月 7.9 小时",
			"performs the off-list task \"代收代缴\" (assigned by 区税务局): 11 times a year, 7.9 hours a month"},
		{"nothing entered", func(f *fixture, o *model.Office) {
			f.offList(o, "代收代缴", "", 0, 0)
		}, model.SevInfo,
			"承担清单外事项「代收代缴」（交办部门未注明）：频次和工时未填写",
			"performs the off-list task \"代收代缴\" (assigning department not stated): frequency and hours not entered"},
	})
}

// A finding on an off-list task names it, on its office only, and is
// listed with the office's findings and counted in its summary.
func TestOffListFindingNamesTheTask(t *testing.T) {
	f := newFixture()
	east, west := f.office("东城街道", 0), f.office("西城街道", 0)
	task := f.offList(east, "创城迎检材料准备", "区文明办", 4, 10)
	r := model.Analyze(f.p)
	fs := r.FindingsOfEntry(task.ID)
	if len(fs) != 1 || fs[0].Office != east.ID || fs[0].Entry != task.ID || fs[0].Duty != model.NilID || fs[0].Severity != model.SevWarning {
		t.Fatalf("findings of the task: %+v", fs)
	}
	if e, ok := r.Entry(fs[0].Entry).(*model.OffListTask); !ok || e.Label() != "创城迎检材料准备" {
		t.Fatalf("Entry names %v", r.Entry(fs[0].Entry))
	}
	if e, ok := r.Entry(fs[0].Entry).(*model.OffListTask); !ok || e.Label() != "创城迎检材料准备" {
		t.Fatalf("Entry names %v", r.Entry(fs[0].Entry))
	}
	if got := r.FindingsOfOffice(east.ID); len(got) != 1 || got[0] != fs[0] {
		t.Fatalf("findings of the office: %+v", got)
	}
	if len(r.FindingsOfOffice(west.ID)) != 0 || r.Offices[east.ID].ByRule[model.RuleOffListBurden] != 1 || r.Total.ByRule[model.RuleOffListBurden] != 1 {
		t.Fatalf("counts: %v / %v", r.Offices[east.ID].ByRule, r.Total.ByRule)
	}
	if info, _ := model.RuleByCode(model.RuleOffListBurden); len(info.Scopes) != 1 || info.Scopes[0] != model.ScopeOffList {
		t.Fatalf("scopes %v", info.Scopes)
	}
}
