package model_test

import (
	"testing"

	"rpbmatrix/model"
)

// UNDERSTAFFED on one duty.
func TestUnderstaffed(t *testing.T) {
	runRuleCases(t, model.RuleUnderstaffed, []ruleCase{
		{"half the staff", func(f *fixture, o *model.Office) {
			o.OnStaff = 100 // the office as a whole has enough
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 2, 1 })
		}, model.SevSerious,
			"需要人力 2 人，实有 1 人，缺口 1 人（50%，容差 10%）",
			"needs 2 staff (FTE), holds 1: short 1 (50%, tolerance 10%)"},
		{"a quarter short on a veto item", func(f *fixture, o *model.Office) {
			o.OnStaff = 100
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld, a.Veto = 4, 3, true })
		}, model.SevSerious,
			"需要人力 4 人，实有 3 人，缺口 1 人（25%，容差 10%）；一票否决事项",
			"needs 4 staff (FTE), holds 3: short 1 (25%, tolerance 10%); veto item"},
		{"shortfall equal to tolerance", func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 2, 1.8 })
		}, 0, "", ""},
	})
}

// UNDERSTAFFED on an office as a whole (Duty = NilID).
func TestOfficeUnderstaffed(t *testing.T) {
	cases := []struct {
		actual int
		sev    model.Severity
		zh, en string
	}{
		{7, model.SevWarning, "各事项合计需要人力 10 人，实有人员 7 人，缺口 3 人（30%，容差 10%）",
			"its duties need 10 staff (FTE) in total, the office has 7: short 3 (30%, tolerance 10%)"},
		{9, 0, "", ""}, // 10% short: at the tolerance
		{0, model.SevSerious, "各事项合计需要人力 10 人，合计配备 4 人，缺口 6 人（60%，容差 10%）",
			"its duties need 10 staff (FTE) in total, they hold 4: short 6 (60%, tolerance 10%)"},
	}
	for _, tc := range cases {
		f := newFixture()
		o := f.office("东城街道", tc.actual)
		for _, name := range []string{"网格化管理", "社区治理"} {
			d := f.duty(name, model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 5, 5 })
		}
		if tc.actual == 0 { // no staff entered: the duties' staff held count, and they fall short
			for _, a := range f.p.Assessments {
				a.StaffHeld = 2
			}
		}
		r := model.Analyze(f.p)
		var got []model.Finding
		for _, x := range of(r, model.RuleUnderstaffed) {
			if x.Duty == model.NilID {
				got = append(got, x)
			}
		}
		switch {
		case tc.sev == 0 && len(got) > 0:
			t.Errorf("actual %d: fired", tc.actual)
		case tc.sev != 0 && (len(got) != 1 || got[0].Severity != tc.sev):
			t.Errorf("actual %d: got %v, want one %s", tc.actual, got, tc.sev)
		case tc.sev != 0:
			checkReason(t, r, got[0], tc.zh, tc.en)
		}
	}
}
