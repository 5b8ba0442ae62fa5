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

// UNDERSTAFFED on an office as a whole (Duty = NilID): two duties need 5
// staff each and say they hold 5 each; the office's staffing decides.
func TestOfficeUnderstaffed(t *testing.T) {
	cases := []struct {
		name     string
		staffing func(o *model.Office)
		held     float64
		sev      model.Severity
		zh, en   string
	}{
		{"7 available of 10 needed, the duties claim 10", func(o *model.Office) {
			o.OnStaff, o.Auxiliary, o.SecondedOut, o.SecondedIn, o.Establishment, o.CommunityWorkers = 6, 3, 3, 1, 8, 40
		}, 5, model.SevWarning,
			"各事项合计需要人力 10 人，本街道可用人员 7 人（在编 6 人、编外 3 人、借调出 3 人、下沉入 1 人；核定编制 8 人），缺口 3 人（30%，容差 10%）；各事项填报的实有人力合计 10 人，超过可用人员",
			"its duties need 10 staff (FTE) in total, the street office has 7 (6 on the establishment, 3 auxiliary, 3 seconded out, 1 seconded in; establishment 8): short 3 (30%, tolerance 10%); its duties say they hold 10 in total, more than it has"},
		{"7 available, the duties claim 7", func(o *model.Office) { o.OnStaff = 7 }, 3.5, model.SevWarning,
			"各事项合计需要人力 10 人，本街道可用人员 7 人（在编 7 人），缺口 3 人（30%，容差 10%）",
			"its duties need 10 staff (FTE) in total, the street office has 7 (7 on the establishment): short 3 (30%, tolerance 10%)"},
		// 10% short: at the tolerance; but the duties claim 10 of 9 people.
		{"9 available: within the tolerance, overclaimed", func(o *model.Office) { o.OnStaff = 9 }, 5, model.SevInfo,
			"各事项填报的实有人力合计 10 人，超过本街道可用人员 9 人（在编 9 人），所填人力不能同时到位",
			"its duties say they hold 10 staff (FTE) in total, more than the 9 the street office has (9 on the establishment): they cannot all be there"},
		{"9 available, the duties claim 9", func(o *model.Office) { o.OnStaff = 9 }, 4.5, 0, "", ""},
		// A township calls itself by the word its name ends in: 本镇, 本乡,
		// else 本乡镇.
		{"a town 7 of 10", func(o *model.Office) { o.Name, o.Kind, o.OnStaff = "青山镇", model.OfficeTownship, 7 }, 3.5, model.SevWarning,
			"各事项合计需要人力 10 人，本镇可用人员 7 人（在编 7 人），缺口 3 人（30%，容差 10%）",
			"its duties need 10 staff (FTE) in total, the town has 7 (7 on the establishment): short 3 (30%, tolerance 10%)"},
		{"a xiang overclaimed", func(o *model.Office) { o.Name, o.Kind, o.OnStaff = "和平乡", model.OfficeTownship, 9 }, 5, model.SevInfo,
			"各事项填报的实有人力合计 10 人，超过本乡可用人员 9 人（在编 9 人），所填人力不能同时到位",
			"its duties say they hold 10 staff (FTE) in total, more than the 9 the township has (9 on the establishment): they cannot all be there"},
		{"a township named neither", func(o *model.Office) { o.Kind, o.OnStaff = model.OfficeTownship, 7 }, 3.5, model.SevWarning,
			"各事项合计需要人力 10 人，本乡镇可用人员 7 人（在编 7 人），缺口 3 人（30%，容差 10%）",
			"its duties need 10 staff (FTE) in total, the township has 7 (7 on the establishment): short 3 (30%, tolerance 10%)"},
		// No staffing entered: what the duties hold counts, and they fall short.
		{"no staffing", func(o *model.Office) {}, 2, model.SevSerious,
			"各事项合计需要人力 10 人，合计配备 4 人，缺口 6 人（60%，容差 10%）",
			"its duties need 10 staff (FTE) in total, they hold 4: short 6 (60%, tolerance 10%)"},
		// Community workers alone are not the office's staff.
		{"community workers only", func(o *model.Office) { o.CommunityWorkers = 50 }, 5, 0, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture()
			o := f.office("东城街道", 0)
			tc.staffing(o)
			for _, name := range []string{"网格化管理", "社区治理"} {
				d := f.duty(name, model.ListBasic)
				f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 5, tc.held })
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
				t.Errorf("fired: %s", r.Reason(got[0]).In("zh"))
			case tc.sev != 0 && (len(got) != 1 || got[0].Severity != tc.sev):
				t.Errorf("got %v, want one %s", got, tc.sev)
			case tc.sev != 0:
				checkReason(t, r, got[0], tc.zh, tc.en)
			}
		})
	}
}
