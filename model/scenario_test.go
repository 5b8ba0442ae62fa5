package model_test

import (
	"math"
	"slices"
	"sort"
	"testing"

	"rpbmatrix/model"
)

// TestScenarioCompare runs a reform plan on a hand-made project of two
// offices and five duties whose findings before and after are worked out by
// hand in the comments.
func TestScenarioCompare(t *testing.T) {
	f := newFixture()
	east, west := f.office("东城街道", 100), f.office("西城街道", 100)
	// d1: basic, needs 行政处罚, held by neither → AUTHORITY_GAP in both (W 3, G 3).
	d1 := f.duty("违法建设查处", model.ListBasic, "行政处罚")
	// d2: supporting, but 东城 leads it and was held accountable once → PUSHED_DOWN (W 3.5, G 0).
	d2 := f.duty("配合执法", model.ListSupporting)
	f.assess(east, d2, func(a *model.Assessment) { a.Role, a.Incidents = model.RoleLead, 1 })
	// d3: 东城 needs 10 万元 and holds 4 → UNFUNDED (W 3, S 0.4, G 1.8).
	d3 := f.duty("垃圾分类", model.ListBasic)
	f.assess(east, d3, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 4 })
	// d4: half the hours are paperwork in both → FORMALISM in both (G 0).
	d4 := f.duty("台账填报", model.ListBasic)
	for _, o := range []*model.Office{east, west} {
		f.assess(o, d4, func(a *model.Assessment) { a.FormalismHours = 20 })
	}
	// d5: 西城 has half the staff it needs → UNDERSTAFFED (W 3, S 0.5, G 1.5).
	d5 := f.duty("网格化管理", model.ListBasic)
	f.assess(west, d5, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld, a.AssessedBy = 2, 1, 1 })

	decide := func(o *model.Office, d *model.Duty, act model.Action, edit func(*model.Decision)) {
		dec := &model.Decision{Meta: f.meta(), Duty: d.ID, Action: act}
		if o != nil {
			dec.Office = o.ID
		}
		if edit != nil {
			edit(dec)
		}
		f.p.Decisions[dec.ID] = dec
	}
	decide(east, d1, model.ActionGrant, func(d *model.Decision) { d.Authority = f.auths["行政处罚"].ID })
	decide(west, d1, model.ActionPending, nil)
	decide(east, d2, model.ActionReturn, nil)
	decide(east, d3, model.ActionAddResources, func(d *model.Decision) { d.FundsDelta = 6 })
	decide(nil, d4, model.ActionCancel, nil)
	decide(west, d5, model.ActionToSupporting, nil) // still assessed by 1 department: opens PUSHED_DOWN
	decide(east, d5, model.ActionKeep, nil)

	baseFindings := len(f.p.Assessments)
	base := model.Analyze(f.p)
	scen := model.Analyze(model.Scenario(f.p))
	if len(f.p.Assessments) != baseFindings || len(f.p.Duties) != 5 || f.p.Duties[d2.ID].Kind != model.ListSupporting {
		t.Fatal("Scenario changed the baseline project")
	}
	c := model.Compare(base, scen)

	type item struct {
		rule   model.RuleCode
		office string
		duty   string
	}
	names := map[model.ID]string{east.ID: "东城", west.ID: "西城", d1.ID: "d1", d2.ID: "d2", d3.ID: "d3", d4.ID: "d4", d5.ID: "d5"}
	list := func(fs []model.Finding) []item {
		var out []item
		for _, x := range fs {
			out = append(out, item{x.Rule, names[x.Office], names[x.Duty]})
		}
		sort.Slice(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if a.office != b.office {
				return a.office < b.office
			}
			return a.duty < b.duty
		})
		return out
	}
	check := func(what string, got []model.Finding, want ...item) {
		g := list(got)
		if len(g) != len(want) {
			t.Errorf("%s: %v, want %v", what, g, want)
			return
		}
		for i := range want {
			if g[i] != want[i] {
				t.Errorf("%s: %v, want %v", what, g, want)
				return
			}
		}
	}
	check("closed", c.Closed,
		item{model.RuleAuthorityGap, "东城", "d1"}, item{model.RulePushedDown, "东城", "d2"}, item{model.RuleUnfunded, "东城", "d3"},
		item{model.RuleFormalism, "东城", "d4"}, item{model.RuleFormalism, "西城", "d4"})
	check("still open", c.StillOpen, item{model.RuleAuthorityGap, "西城", "d1"}, item{model.RuleUnderstaffed, "西城", "d5"})
	check("opened", c.Opened, item{model.RulePushedDown, "西城", "d5"})

	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, x := range []struct {
		what      string
		got, want float64
	}{
		{"东城 before", c.OfficeBefore[east.ID], 1 - 4.8/15.5}, // ΣW 3+3.5+3+3+3, ΣG 3+1.8
		{"东城 after", c.OfficeAfter[east.ID], 1},              // d1 granted, d2 returned (W 1), d3 funded, d4 cancelled
		{"西城 before", c.OfficeBefore[west.ID], 1 - 4.5/14},   // ΣW 3+2+3+3+3, ΣG 3+1.5
		{"西城 after", c.OfficeAfter[west.ID], 0.6},            // d4 gone; d5 supporting: W 2, G 1; ΣW 10, ΣG 4
		{"total before", c.Before.Balance, 1 - 9.3/29.5},
		{"total after", c.After.Balance, 1 - 4.0/20},
		{"城市管理 after", c.CategoryAfter["城市管理"], 1 - 4.0/20},
	} {
		if !near(x.got, x.want) {
			t.Errorf("%s: balance %v, want %v", x.what, x.got, x.want)
		}
	}

	// The split-off copy of d5 reports under the catalogue duty's ID.
	if s := scen.Scores[model.PairKey{Office: west.ID, Other: d5.ID}]; s == nil || s.Weight != 2 {
		t.Errorf("scenario score of 西城/d5 = %+v, want weight 2 under the catalogue ID", s)
	}
	if s := scen.Scores[model.PairKey{Office: east.ID, Other: d5.ID}]; s == nil || s.Weight != 3 {
		t.Errorf("东城 keeps d5 as a basic duty: %+v", s)
	}
}

// TestScenarioDecisionScopes covers decisions for every office (Office =
// NilID), a cancellation for one office, and a decision for all offices on
// a duty already split off for one.
func TestScenarioDecisionScopes(t *testing.T) {
	f := newFixture()
	east, west := f.office("东城街道", 100), f.office("西城街道", 100)
	d1 := f.duty("违法建设查处", model.ListBasic, "行政处罚")
	f.assess(east, d1, func(a *model.Assessment) { a.AssessedBy = 2 })
	d2 := f.duty("燃气安全", model.ListBasic)
	f.assess(east, d2, func(a *model.Assessment) { a.Incidents = 1 })
	d3 := f.duty("占道经营整治", model.ListBasic, "行政强制")
	decide := func(o *model.Office, d *model.Duty, act model.Action, auth string) {
		dec := &model.Decision{Meta: f.meta(), Duty: d.ID, Action: act}
		if o != nil {
			dec.Office = o.ID
		}
		if auth != "" {
			dec.Authority = f.auths[auth].ID
		}
		f.p.Decisions[dec.ID] = dec
	}
	decide(nil, d1, model.ActionToSupporting, "")
	decide(west, d2, model.ActionCancel, "")
	decide(nil, d2, model.ActionReturn, "")
	decide(east, d3, model.ActionToSupporting, "")
	decide(nil, d3, model.ActionGrant, "行政强制")

	s := model.Scenario(f.p)
	if len(f.p.Duties) != 3 || len(f.p.Holdings) != 0 || f.p.Duties[d1.ID].Kind != model.ListBasic {
		t.Fatal("Scenario changed the baseline project")
	}
	if len(s.Duties) != 4 {
		t.Fatalf("scenario has %d duties, want 4 (d3 split off for 东城)", len(s.Duties))
	}
	if s.Duties[d1.ID].Kind != model.ListSupporting || s.Assessment(east.ID, d1.ID).Role != model.RoleSupport {
		t.Error("d1 was not reassigned to supporting for every office")
	}
	if d := s.Duties[d2.ID]; d.Kind != model.ListReturned || d.AppliesTo(west.ID) || !d.AppliesTo(east.ID) {
		t.Errorf("d2: kind %v, scope %v: want returned, 东城 only", d.Kind, d.Scope)
	}
	if a := s.Assessment(east.ID, d2.ID); a.Role != model.RoleNone || a.Incidents != 0 || a.HoursPerMonth != 0 {
		t.Errorf("d2 returned but 东城 still carries it: %+v", a)
	}
	for _, o := range []*model.Office{east, west} {
		if h := s.Holding(o.ID, f.auths["行政强制"].ID); h == nil || !h.DeJure || h.DeFacto != model.LevelFull {
			t.Errorf("%s was not granted 行政强制: %+v", o.Name, h)
		}
	}

	base, scen := model.Analyze(f.p), model.Analyze(s)
	if sc := scen.Scores[model.PairKey{Office: east.ID, Other: d3.ID}]; sc == nil || sc.Weight != 2 || sc.AuthorityCoverage != 1 {
		t.Errorf("东城/d3 in the scenario: %+v, want a supporting item (W 2) with full coverage", sc)
	}
	if scen.Scores[model.PairKey{Office: west.ID, Other: d2.ID}] != nil {
		t.Error("西城 still lists d2 after cancelling it")
	}
	c := model.Compare(base, scen)
	closed := map[model.RuleCode]int{}
	for _, x := range c.Closed {
		closed[x.Rule]++
	}
	// AUTHORITY_GAP closes on d1 (both offices, now supporting) and on d3 (both, granted).
	if closed[model.RuleAuthorityGap] != 4 || len(c.Closed) != 4 {
		t.Errorf("closed %v", c.Closed)
	}
	// 东城 is still assessed by 2 departments on d1, now a supporting item.
	if len(c.Opened) != 1 || c.Opened[0].Rule != model.RulePushedDown || c.Opened[0].Office != east.ID || c.Opened[0].Duty != d1.ID {
		t.Errorf("opened %v", c.Opened)
	}
	// Office by office, CompareFindings sorts exactly as Compare does; the
	// scenario words what is still open, the baseline what it closed.
	for _, o := range []*model.Office{east, west} {
		closed, still, opened := model.CompareFindings(base.FindingsOfOffice(o.ID), scen.FindingsOfOffice(o.ID))
		for _, tc := range []struct {
			got, all []model.Finding
			r        *model.Result
		}{{closed, c.Closed, base}, {still, c.StillOpen, scen}, {opened, c.Opened, scen}} {
			var want []model.Finding
			for _, x := range tc.all {
				if x.Office == o.ID {
					want = append(want, x)
				}
			}
			if !slices.Equal(tc.got, want) {
				t.Errorf("%s: CompareFindings %v, Compare %v", o.Name, tc.got, want)
			}
			for _, x := range tc.got {
				if tc.r.Reason(x).IsZero() {
					t.Errorf("%s: %s has no reason", o.Name, x.Rule)
				}
			}
		}
	}
}
