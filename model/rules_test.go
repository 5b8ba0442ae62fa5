package model_test

import (
	"testing"

	"rpbmatrix/model"
)

// Each case builds one office with one or two duties and checks one rule:
// that it fires with the severity and reason given, or (sev 0) that it does
// not — the cases just inside each threshold.
func TestRules(t *testing.T) {
	full, partial, none := model.LevelFull, model.LevelPartial, model.LevelNone
	lead := func(a *model.Assessment) { a.Role = model.RoleLead }
	cases := []struct {
		name   string
		rule   model.RuleCode
		setup  func(f *fixture, o *model.Office)
		sev    model.Severity
		zh, en string
	}{
		// AUTHORITY_GAP 有责无权
		{"gap: basic duty, 1 of 3 held, not assessed", model.RuleAuthorityGap, func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政强制", "行政检查")
			f.hold(o, "行政检查", true, full)
		}, model.SevSerious,
			"需要 3 项权限，实际完全行使 1 项（覆盖率 33%）：缺少 行政处罚、行政强制",
			"needs 3 authorities, fully exercises 1 (coverage 33%): missing 行政处罚, 行政强制"},
		{"gap: partial keeps coverage at the threshold: warning", model.RuleAuthorityGap, func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政检查")
			f.hold(o, "行政处罚", true, partial)
			f.hold(o, "行政检查", true, full)
		}, model.SevWarning,
			"需要 2 项权限，实际完全行使 1 项（覆盖率 75%）：缺少 行政处罚（部分行使）",
			"needs 2 authorities, fully exercises 1 (coverage 75%): missing 行政处罚 (partly exercised)"},
		{"gap: veto raises to critical", model.RuleAuthorityGap, func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, none)
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true })
		}, model.SevCritical,
			"需要 1 项权限，实际完全行使 0 项（覆盖率 0%）：缺少 行政处罚（有名无实）；一票否决事项",
			"needs 1 authority, fully exercises 0 (coverage 0%): missing 行政处罚 (on paper only); veto item"},
		{"gap: all held fully", model.RuleAuthorityGap, func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, full)
		}, 0, "", ""},
		{"gap: supporting role does not bear it", model.RuleAuthorityGap, func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting, "行政处罚")
			f.assess(o, d, nil)
		}, 0, "", ""},

		// PAPER_POWER 接不住
		{"paper: granted, cannot exercise, led duty needs it", model.RulePaperPower, func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, none)
		}, model.SevSerious,
			"「行政处罚」已依法赋予，但实际不能行使；本街道 1 项职责需要此权限，其中牵头 1 项",
			"行政处罚 is granted on paper but cannot be exercised in fact; needed by 1 duty of this office (1 led)"},
		{"paper: partly, supporting duty only", model.RulePaperPower, func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting, "行政处罚")
			f.assess(o, d, nil)
			f.hold(o, "行政处罚", true, partial)
		}, model.SevInfo,
			"「行政处罚」已依法赋予，但只能部分行使；本街道 1 项职责需要此权限，其中牵头 0 项",
			"行政处罚 is granted on paper but can only partly be exercised; needed by 1 duty of this office (0 led)"},
		{"paper: fully exercised", model.RulePaperPower, func(f *fixture, o *model.Office) {
			f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, full)
		}, 0, "", ""},
		{"paper: not needed by any duty", model.RulePaperPower, func(f *fixture, o *model.Office) {
			f.hold(o, "行政处罚", true, none)
		}, 0, "", ""},

		// PUSHED_DOWN 责任下移
		{"pushed: supporting, acts as lead and held accountable", model.RulePushedDown, func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { lead(a); a.Incidents = 1 })
		}, model.SevSerious,
			"列为配合履职事项，但实际牵头承担；近一年被问责 1 次",
			"listed as supporting, yet acts as lead; held accountable 1 time in the past year"},
		{"pushed: returned, still assessed", model.RulePushedDown, func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) { a.Role = model.RoleNone; a.AssessedBy = 2 })
		}, model.SevWarning,
			"列为上级部门收回事项，但被 2 个部门考核",
			"listed as returned to the higher department, yet assessed by 2 departments"},
		{"pushed: supporting as support, not assessed or accountable", model.RulePushedDown, func(f *fixture, o *model.Office) {
			d := f.duty("配合执法", model.ListSupporting)
			f.assess(o, d, nil)
		}, 0, "", ""},

		// ACCOUNTABILITY_TRAP 问责陷阱
		{"trap: incidents at threshold, no coverage", model.RuleAccountabilityTrap, func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政强制")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 2 })
		}, model.SevSerious,
			"近一年被问责 2 次（阈值 2 次），但权限覆盖率仅 0%（阈值 50%）",
			"held accountable 2 times in the past year (threshold 2), but authority coverage is only 0% (threshold 50%)"},
		{"trap: veto and many assessors: critical", model.RuleAccountabilityTrap, func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true; a.AssessedBy = 3 })
		}, model.SevCritical,
			"一票否决事项，被 3 个部门考核（阈值 3 个），但权限覆盖率仅 0%（阈值 50%）",
			"veto item, assessed by 3 departments (threshold 3), but authority coverage is only 0% (threshold 50%)"},
		{"trap: incidents one below threshold", model.RuleAccountabilityTrap, func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 1; a.AssessedBy = 2 })
		}, 0, "", ""},
		{"trap: coverage exactly at threshold", model.RuleAccountabilityTrap, func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政强制")
			f.hold(o, "行政处罚", true, full)
			f.assess(o, d, func(a *model.Assessment) { a.Veto = true })
		}, 0, "", ""},

		// UNFUNDED 费随事转缺失
		{"unfunded: 60% short", model.RuleUnfunded, func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 4 })
		}, model.SevSerious,
			"需要经费 10 万元/年，实有 4 万元，缺口 6 万元（60%，容差 10%）",
			"needs funds of 10 (10,000 yuan a year), holds 4: short 6 (60%, tolerance 10%)"},
		{"unfunded: 30% short, veto item", model.RuleUnfunded, func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.Veto = 12.5, 8.75, true })
		}, model.SevSerious,
			"需要经费 12.5 万元/年，实有 8.8 万元，缺口 3.8 万元（30%，容差 10%）；一票否决事项",
			"needs funds of 12.5 (10,000 yuan a year), holds 8.8: short 3.8 (30%, tolerance 10%); veto item"},
		{"unfunded: 11% short is info", model.RuleUnfunded, func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 8.9 })
		}, model.SevInfo,
			"需要经费 10 万元/年，实有 8.9 万元，缺口 1.1 万元（11%，容差 10%）",
			"needs funds of 10 (10,000 yuan a year), holds 8.9: short 1.1 (11%, tolerance 10%)"},
		{"unfunded: shortfall equal to tolerance", model.RuleUnfunded, func(f *fixture, o *model.Office) {
			d := f.duty("垃圾分类", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 9 })
		}, 0, "", ""},

		// UNDERSTAFFED 小马拉大车, per duty
		{"understaffed: half the staff", model.RuleUnderstaffed, func(f *fixture, o *model.Office) {
			o.StaffActual = 100 // the office as a whole has enough
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 2, 1 })
		}, model.SevSerious,
			"需要人力 2 人，实有 1 人，缺口 1 人（50%，容差 10%）",
			"needs 2 staff (FTE), holds 1: short 1 (50%, tolerance 10%)"},
		{"understaffed: shortfall equal to tolerance", model.RuleUnderstaffed, func(f *fixture, o *model.Office) {
			d := f.duty("网格化管理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 2, 1.8 })
		}, 0, "", ""},

		// FORMALISM 形式主义负担
		{"formalism: share over", model.RuleFormalism, func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours = 12.4 })
		}, model.SevWarning,
			"填报留痕 12.4 小时/月，占工作量 40 小时的 31%（阈值 30%）",
			"reporting and evidence take 12.4 of 40 hours a month (31%, threshold 30%)"},
		{"formalism: share and reports over", model.RuleFormalism, func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours, a.ReportsPerMonth = 20, 9 })
		}, model.SevSerious,
			"填报留痕 20 小时/月，占工作量 40 小时的 50%（阈值 30%）；每月报表 9 次（阈值 8 次）",
			"reporting and evidence take 20 of 40 hours a month (50%, threshold 30%); 9 reports a month (threshold 8)"},
		{"formalism: share and reports at thresholds", model.RuleFormalism, func(f *fixture, o *model.Office) {
			d := f.duty("台账填报", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.FormalismHours, a.ReportsPerMonth = 12, 8 })
		}, 0, "", ""},

		// IDLE 空转
		{"idle: listed, no workload", model.RuleIdle, func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth = 0 })
		}, model.SevInfo,
			"列入基本履职清单，但无工作量（每月 0 小时、0 次报表）",
			"on the basic list but has no workload (0 hours and 0 reports a month)"},
		{"idle: no workload yet assessed", model.RuleIdle, func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListSupporting)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.AssessedBy = 0, 2 })
		}, model.SevWarning,
			"列入配合履职清单，但无工作量（每月 0 小时、0 次报表）；仍被 2 个部门考核",
			"on the supporting list but has no workload (0 hours and 0 reports a month); still assessed by 2 departments"},
		{"idle: one report a month is work", model.RuleIdle, func(f *fixture, o *model.Office) {
			d := f.duty("历史遗留事项", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.ReportsPerMonth = 0, 1 })
		}, 0, "", ""},
		{"idle: returned item has no workload by design", model.RuleIdle, func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned)
			f.assess(o, d, func(a *model.Assessment) { a.HoursPerMonth, a.Role = 0, model.RoleNone })
		}, 0, "", ""},
		{"idle: authority no duty needs", model.RuleIdle, func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", true, full)
		}, model.SevInfo,
			"持有「行政检查」（依法赋予，完全行使），但本街道承担的事项都不需要此权限",
			"holds 行政检查 (granted on paper, fully) but none of the duties this office performs needs it"},
		{"idle: authority needed only by a returned item", model.RuleIdle, func(f *fixture, o *model.Office) {
			d := f.duty("收回事项", model.ListReturned, "行政检查")
			f.assess(o, d, func(a *model.Assessment) { a.Role = model.RoleNone })
			f.hold(o, "行政检查", false, partial)
		}, model.SevInfo,
			"持有「行政检查」（未依法赋予，部分行使），但本街道承担的事项都不需要此权限",
			"holds 行政检查 (not granted on paper, partly) but none of the duties this office performs needs it"},
		{"idle: authority neither granted nor exercised", model.RuleIdle, func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", false, none)
		}, 0, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture()
			o := f.office("东城街道", 0)
			tc.setup(f, o)
			got := of(model.Analyze(f.p), tc.rule)
			if tc.sev == 0 {
				if len(got) > 0 {
					t.Fatalf("%s fired: %s", tc.rule, got[0].Reason.Zh)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%s fired %d times, want once: %v", tc.rule, len(got), got)
			}
			g := got[0]
			if g.Severity != tc.sev || g.Reason.Zh != tc.zh || g.Reason.En != tc.en || g.Office != o.ID {
				t.Errorf("got %s %q / %q\nwant %s %q / %q", g.Severity, g.Reason.Zh, g.Reason.En, tc.sev, tc.zh, tc.en)
			}
		})
	}
}

// TestOfficeUnderstaffed checks the office-wide UNDERSTAFFED finding (Duty = NilID).
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
		var got []model.Finding
		for _, x := range of(model.Analyze(f.p), model.RuleUnderstaffed) {
			if x.Duty == model.NilID {
				got = append(got, x)
			}
		}
		switch {
		case tc.sev == 0 && len(got) > 0:
			t.Errorf("actual %d: fired: %s", tc.actual, got[0].Reason.Zh)
		case tc.sev != 0 && (len(got) != 1 || got[0].Severity != tc.sev || got[0].Reason.Zh != tc.zh || got[0].Reason.En != tc.en):
			t.Errorf("actual %d: got %v\nwant %s %q / %q", tc.actual, got, tc.sev, tc.zh, tc.en)
		}
	}
}

// TestScores checks W, A, S, G and the balance index on one item.
func TestScores(t *testing.T) {
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政检查")
	f.hold(o, "行政处罚", true, model.LevelFull)
	f.hold(o, "行政检查", true, model.LevelPartial)
	f.assess(o, d, func(a *model.Assessment) {
		a.Veto, a.Incidents, a.AssessedBy = true, 1, 3 // W = 3 + 1 + 0.5 + 0.5 = 5
		a.StaffNeeded, a.StaffHeld = 2, 1              // 0.5
		a.FundsNeeded, a.FundsHeld = 10, 8             // 0.8
	})
	r := model.Analyze(f.p)
	s := r.Scores[model.PairKey{Office: o.ID, Other: d.ID}]
	if s == nil {
		t.Fatal("no score")
	}
	want := model.Score{Office: o.ID, Duty: d.ID, Weight: 5, AuthorityCoverage: 0.75, ResourceCoverage: 0.5, Gap: 2.5, Worst: model.SevCritical}
	if *s != want {
		t.Fatalf("score %+v\nwant %+v", *s, want)
	}
	if b := r.Offices[o.ID].Balance; b != 0.5 || r.Total.Balance != 0.5 {
		t.Fatalf("balance %v / %v, want 0.5", b, r.Total.Balance)
	}
	if got := r.Worst(model.NilID, 1); len(got) != 1 || got[0] != s {
		t.Fatalf("Worst = %v", got)
	}
	k := r.Offices[o.ID].ByKind[model.ListBasic]
	if k == nil || k.Items != 1 || k.ByRule[model.RuleUnderstaffed] != 1 || r.ByCategory["城市管理"].Gap != 2.5 {
		t.Fatalf("summaries: by kind %+v, by category %+v", k, r.ByCategory["城市管理"])
	}
}

// TestZeroSettingsUseDefaults: settings stored before a field existed decode as zero.
func TestZeroSettingsUseDefaults(t *testing.T) {
	if got := (model.Settings{}).Normalized(); got != model.DefaultSettings() {
		t.Fatalf("Normalized zero settings = %+v", got)
	}
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("垃圾分类", model.ListBasic)
	f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 9 })
	f.p.Settings = model.Settings{}
	if got := of(model.Analyze(f.p), model.RuleUnfunded); len(got) != 0 {
		t.Fatalf("a zero tolerance was taken literally: %v", got)
	}
}

func TestRuleInfo(t *testing.T) {
	if len(model.Rules()) != len(model.RuleCodes) {
		t.Fatalf("%d rules described, %d codes", len(model.Rules()), len(model.RuleCodes))
	}
	for _, c := range model.RuleCodes {
		info, ok := model.RuleByCode(c)
		if !ok || info.Name.Zh == "" || info.Name.En == "" || info.Description.Zh == "" || info.Description.En == "" {
			t.Errorf("%s: %+v", c, info)
		}
		if got, ok := model.ParseRuleCode(info.Name.Zh); !ok || got != c {
			t.Errorf("ParseRuleCode(%q) = %v", info.Name.Zh, got)
		}
	}
	if _, ok := model.ParseRuleCode("idle"); !ok {
		t.Error("rule codes are case-insensitive on the command line")
	}
}
