package model_test

import (
	"fmt"
	"slices"
	"testing"

	"rpbmatrix/model"
)

// scenarioCase is a two-office project (东城, 西城) with one decision or a
// few, and what the scenario must make of it.
type scenarioCase struct {
	name string
	// setup builds the baseline and records the decisions.
	setup func(f *fixture, east, west *model.Office) *scenarioWant
}

// scenarioWant is what a case checks in the scenario.
type scenarioWant struct {
	check func(t *testing.T, s *model.Project, base, scen *model.Result)
	// closed and opened list the findings the plan closes and opens, as
	// "rule office duty-or-authority" with the names given in the fixture.
	closed, opened []string
}

// decide records a decision on d for o (nil: every office), edited by edit.
func (f *fixture) decide(o *model.Office, d *model.Duty, act model.Action, edit func(*model.Decision)) *model.Decision {
	dec := &model.Decision{Meta: f.meta(), Duty: d.ID, Action: act}
	if o != nil {
		dec.Office = o.ID
	}
	if edit != nil {
		edit(dec)
	}
	f.p.Decisions[dec.ID] = dec
	return dec
}

func (f *fixture) authority(name string) func(*model.Decision) {
	return func(d *model.Decision) { d.Authority = f.auths[name].ID }
}

// TestScenarioActions checks what every kind of decision does to the
// scenario project and which findings it closes and opens.
func TestScenarioActions(t *testing.T) {
	role := func(s *model.Project, o *model.Office, d *model.Duty) model.Role {
		if a := s.Assessment(o.ID, d.ID); a != nil {
			return a.Role
		}
		return -1
	}
	cases := []scenarioCase{
		{"keep and pending change nothing", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.assess(east, d, nil)
			f.decide(east, d, model.ActionKeep, nil)
			f.decide(nil, d, model.ActionPending, nil)
			return &scenarioWant{check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
				if diff := compareResults(scen, base); diff != "" {
					t.Error(diff)
				}
			}}
		}},
		{"to basic: the office leads the item", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("配合执法", model.ListSupporting, "行政处罚")
			f.assess(east, d, nil)
			f.assess(west, d, nil)
			f.decide(east, d, model.ActionToBasic, nil)
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if w := scen.Scores[model.PairKey{Office: east.ID, Other: d.ID}].Weight; w != 3 {
						t.Errorf("东城's item weighs %v, want 3 (lead)", w)
					}
					if w := scen.Scores[model.PairKey{Office: west.ID, Other: d.ID}].Weight; w != 2 {
						t.Errorf("西城's item weighs %v, want 2 (still supporting)", w)
					}
					if scen.Offices[east.ID].ByKind[model.ListBasic] == nil || scen.Offices[west.ID].ByKind[model.ListBasic] != nil {
						t.Error("the item is not counted on 东城's basic list alone")
					}
				},
				opened: []string{"AUTHORITY_GAP 东城 配合执法"},
			}
		}},
		{"to supporting: a lead becomes a supporter", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.assess(east, d, nil)
			f.assess(west, d, nil)
			f.decide(east, d, model.ActionToSupporting, nil)
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if role(s, east, d) != model.RoleSupport || role(s, west, d) != model.RoleLead {
						t.Errorf("roles 东城 %v 西城 %v, want support and lead", role(s, east, d), role(s, west, d))
					}
				},
				closed: []string{"AUTHORITY_GAP 东城 违法建设查处"},
			}
		}},
		{"to returned: the office stops being held to it", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("燃气安全", model.ListBasic)
			f.assess(east, d, func(a *model.Assessment) { a.Incidents, a.StaffNeeded, a.StaffHeld = 2, 2, 1 })
			f.assess(west, d, nil)
			inc := &model.Incident{Meta: f.meta(), Office: east.ID, Duty: d.ID, Date: "2026-02-01", Kind: model.IncidentInterview}
			f.p.Incidents[inc.ID] = inc
			f.decide(east, d, model.ActionToReturned, nil)
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					a := s.Assessment(east.ID, d.ID)
					if a.Role != model.RoleNone || a.Incidents != 0 || a.HoursPerMonth != 0 || a.StaffNeeded != 0 || a.StaffHeld != 1 {
						t.Errorf("东城 still carries the returned item: %+v", a)
					}
					if len(s.Incidents) != 0 {
						t.Error("东城 is still held to account for the returned item")
					}
					if s.Assessment(west.ID, d.ID).HoursPerMonth == 0 || s.Duties[d.ID].Kind != model.ListBasic {
						t.Error("西城's item changed")
					}
					if scen.Offices[east.ID].ByKind[model.ListReturned] == nil {
						t.Error("the item is not on 东城's returned list")
					}
				},
				closed: []string{"UNDERSTAFFED 东城 燃气安全", "UNDERSTAFFED 东城 -", "ACCOUNTABILITY_NO_TOLERANCE 东城 燃气安全"},
			}
		}},
		{"confirm returned: a returned item the office is still held to", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("统计调查", model.ListReturned)
			for _, o := range []*model.Office{east, west} {
				f.assess(o, d, func(a *model.Assessment) { a.AssessedBy, a.HoursPerMonth = 2, 10 })
			}
			f.decide(east, d, model.ActionConfirmReturned, nil)
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if a := s.Assessment(east.ID, d.ID); a.AssessedBy != 0 || a.HoursPerMonth != 0 {
						t.Errorf("东城 is still assessed on the item: %+v", a)
					}
				},
				closed: []string{"PUSHED_DOWN 东城 统计调查"},
			}
		}},
		{"return to a department: the item leaves the office's lists", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("配合执法", model.ListSupporting)
			for _, o := range []*model.Office{east, west} {
				f.assess(o, d, func(a *model.Assessment) { a.Role, a.Incidents = model.RoleLead, 1 })
			}
			f.decide(east, d, model.ActionReturn, func(dec *model.Decision) { dec.Department = "区城管委" })
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if scen.Scores[model.PairKey{Office: east.ID, Other: d.ID}] != nil || scen.Scores[model.PairKey{Office: west.ID, Other: d.ID}] == nil {
						t.Error("the item should leave 东城's lists and stay in 西城's")
					}
					if scen.Offices[east.ID].Items != base.Offices[east.ID].Items-1 {
						t.Errorf("东城 lists %d items, want %d", scen.Offices[east.ID].Items, base.Offices[east.ID].Items-1)
					}
				},
				closed: []string{"PUSHED_DOWN 东城 配合执法"},
			}
		}},
		{"cancel for one office and for every office", func(f *fixture, east, west *model.Office) *scenarioWant {
			d1 := f.duty("台账填报", model.ListBasic)
			d2 := f.duty("迎检材料", model.ListBasic)
			for _, o := range []*model.Office{east, west} {
				f.assess(o, d1, func(a *model.Assessment) { a.FormalismHours = 30 })
				f.assess(o, d2, func(a *model.Assessment) { a.FormalismHours = 30 })
			}
			f.decide(west, d1, model.ActionCancel, nil)
			f.decide(nil, d2, model.ActionCancel, nil)
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if s.Duties[d2.ID] == nil || s.Duties[d2.ID].AppliesTo(east.ID) || s.Duties[d2.ID].AppliesTo(west.ID) {
						t.Error("a duty cancelled for every office stays in the catalogue in no office's list")
					}
					if !s.Duties[d1.ID].AppliesTo(east.ID) || s.Duties[d1.ID].AppliesTo(west.ID) {
						t.Errorf("d1's scope %v: want 东城 alone", s.Duties[d1.ID].Scope)
					}
				},
				closed: []string{"FORMALISM 东城 迎检材料", "FORMALISM 西城 台账填报", "FORMALISM 西城 迎检材料"},
			}
		}},
		{"grant: held de jure and fully in fact", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政强制")
			f.hold(east, "行政强制", true, model.LevelPartial)
			for _, o := range []*model.Office{east, west} {
				f.assess(o, d, nil)
			}
			f.decide(nil, d, model.ActionGrant, f.authority("行政强制"))
			f.decide(east, d, model.ActionGrant, f.authority("行政处罚"))
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					for _, x := range []struct {
						o    *model.Office
						auth string
					}{{east, "行政强制"}, {west, "行政强制"}, {east, "行政处罚"}} {
						if h := s.Holding(x.o.ID, f.auths[x.auth].ID); h == nil || !h.DeJure || h.DeFacto != model.LevelFull {
							t.Errorf("%s %s: %+v", x.o.Name, x.auth, h)
						}
					}
					if s.Holding(west.ID, f.auths["行政处罚"].ID) != nil {
						t.Error("西城 was granted 行政处罚")
					}
				},
				closed: []string{"AUTHORITY_GAP 东城 违法建设查处", "PAPER_POWER 东城 行政强制"},
			}
		}},
		{"withdraw: the office no longer holds it", func(f *fixture, east, west *model.Office) *scenarioWant {
			d := f.duty("违法建设查处", model.ListBasic, "行政处罚")
			f.hold(east, "行政处罚", true, model.LevelFull)
			f.hold(east, "行政检查", true, model.LevelFull) // needed by no duty: IDLE
			f.assess(east, d, nil)
			f.decide(east, d, model.ActionWithdraw, f.authority("行政检查"))
			f.decide(east, d, model.ActionWithdraw, f.authority("行政处罚"))
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if s.Holding(east.ID, f.auths["行政处罚"].ID) != nil || s.Holding(east.ID, f.auths["行政检查"].ID) != nil {
						t.Error("东城 still holds a withdrawn authority")
					}
				},
				closed: []string{"IDLE 东城 行政检查"},
				opened: []string{"AUTHORITY_GAP 东城 违法建设查处"},
			}
		}},
		{"add and remove resources", func(f *fixture, east, west *model.Office) *scenarioWant {
			d1 := f.duty("垃圾分类", model.ListBasic)
			d2 := f.duty("网格化管理", model.ListBasic)
			f.assess(east, d1, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld, a.SystemsNeeded = 10, 4, 2 })
			f.assess(east, d2, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 1, 1 })
			f.decide(east, d1, model.ActionAddResources, func(d *model.Decision) { d.FundsDelta, d.SystemsDelta = 6, 2 })
			f.decide(east, d2, model.ActionAddResources, func(d *model.Decision) { d.StaffDelta = -3 })
			return &scenarioWant{
				check: func(t *testing.T, s *model.Project, base, scen *model.Result) {
					if a := s.Assessment(east.ID, d1.ID); a.FundsHeld != 10 || a.SystemsHeld != 2 {
						t.Errorf("d1: funds %v systems %v, want 10 and 2", a.FundsHeld, a.SystemsHeld)
					}
					if a := s.Assessment(east.ID, d2.ID); a.StaffHeld != 0 {
						t.Errorf("d2: staff %v, want 0 (never below)", a.StaffHeld)
					}
				},
				closed: []string{"UNFUNDED 东城 垃圾分类", "SYSTEMS_GAP 东城 垃圾分类"},
				opened: []string{"UNDERSTAFFED 东城 网格化管理", "UNDERSTAFFED 东城 -"},
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture()
			east, west := f.office("东城街道", 0), f.office("西城街道", 0)
			want := tc.setup(f, east, west)
			before := snapshotProject(f.p)
			s := model.Scenario(f.p)
			if after := snapshotProject(f.p); !slices.Equal(before, after) {
				t.Fatal("Scenario changed the baseline project")
			}
			base, scen := model.Analyze(f.p), model.Analyze(s)
			if want.check != nil {
				want.check(t, s, base, scen)
			}
			c := model.Compare(base, scen)
			names := f.names(east, west)
			checkFindings(t, "closed", c.Closed, names, want.closed)
			checkFindings(t, "opened", c.Opened, names, want.opened)
		})
	}
}

// TestScenarioReturnFreesAuthorities: a returned or cancelled duty takes
// back the authorities only it needed, so the scenario opens no IDLE
// finding for them; an authority another duty still needs stays, and so
// does one granted again after the return.
func TestScenarioReturnFreesAuthorities(t *testing.T) {
	for _, act := range []model.Action{model.ActionReturn, model.ActionToReturned, model.ActionConfirmReturned, model.ActionCancel} {
		t.Run(act.Code(), func(t *testing.T) {
			f := newFixture()
			east := f.office("东城街道", 0)
			west := f.office("西城街道", 0)
			only := f.duty("违法建设查处", model.ListBasic, "行政处罚", "行政检查")
			other := f.duty("市容巡查", model.ListBasic, "行政检查")
			again := f.duty("占道经营整治", model.ListBasic, "行政强制")
			for _, o := range []*model.Office{east, west} {
				for _, d := range []*model.Duty{only, other, again} {
					f.assess(o, d, nil)
				}
				for _, a := range []string{"行政处罚", "行政检查", "行政强制"} {
					f.hold(o, a, true, model.LevelFull)
				}
			}
			f.decide(east, only, act, nil)
			f.decide(east, again, act, nil)
			f.decide(east, other, model.ActionGrant, f.authority("行政强制")) // granted again, after the return

			s := model.Scenario(f.p)
			held := func(o *model.Office, a string) bool { return s.Holding(o.ID, f.auths[a].ID) != nil }
			if held(east, "行政处罚") {
				t.Error("东城 keeps 行政处罚, which only the returned duty needed")
			}
			if !held(east, "行政检查") {
				t.Error("东城 lost 行政检查, which 市容巡查 still needs")
			}
			if !held(east, "行政强制") {
				t.Error("东城 lost 行政强制, granted again after the return")
			}
			if !held(west, "行政处罚") {
				t.Error("西城 lost an authority: the decision was 东城's")
			}
			c := model.Compare(model.Analyze(f.p), model.Analyze(s))
			names := f.names(east, west)
			// 行政强制 was granted again though no duty 东城 performs needs it
			// any more: that is the plan's own doing, and IDLE says so.
			checkFindings(t, "closed", c.Closed, names, nil)
			checkFindings(t, "opened", c.Opened, names, []string{"IDLE 东城 行政强制"})
		})
	}
}

// TestScenarioOrder: decisions act oldest first; a later one on the same
// item wins, and one on an item that has left the office's lists does nothing.
func TestScenarioOrder(t *testing.T) {
	f := newFixture()
	east, west := f.office("东城街道", 0), f.office("西城街道", 0)
	d := f.duty("违法建设查处", model.ListBasic, "行政处罚")
	f.assess(east, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 0 })
	f.assess(west, d, nil)
	f.decide(east, d, model.ActionToReturned, nil)
	f.decide(nil, d, model.ActionToSupporting, nil) // every office, 东城 too
	f.decide(west, d, model.ActionCancel, nil)
	f.decide(west, d, model.ActionToBasic, nil)                                               // 西城 has left: nothing
	f.decide(east, d, model.ActionAddResources, func(x *model.Decision) { x.FundsDelta = 5 }) // needs were cleared on return
	s := model.Scenario(f.p)
	sd := s.Duties[d.ID]
	if sd.Kind != model.ListSupporting || !sd.AppliesTo(east.ID) || sd.AppliesTo(west.ID) {
		t.Errorf("duty: kind %v scope %v; want supporting, 东城 alone", sd.Kind, sd.Scope)
	}
	if a := s.Assessment(east.ID, d.ID); a.FundsNeeded != 0 || a.FundsHeld != 5 || a.Role != model.RoleNone {
		t.Errorf("东城's item: %+v", a)
	}
	if k := model.Analyze(s).Offices[east.ID].ByKind; k[model.ListSupporting] == nil || k[model.ListReturned] != nil {
		t.Error("东城's item is not on the supporting list")
	}
}

// names maps the fixture's IDs to the names findings are checked by.
func (f *fixture) names(offices ...*model.Office) map[model.ID]string {
	m := map[model.ID]string{}
	for _, o := range offices {
		m[o.ID] = o.Name[:len("东城")]
	}
	for _, d := range f.p.Duties {
		m[d.ID] = d.Name
	}
	for _, a := range f.p.Authorities {
		m[a.ID] = a.Name
	}
	return m
}

// checkFindings compares findings, as "rule office item" ("-" for the
// office as a whole), with want in any order.
func checkFindings(t *testing.T, what string, got []model.Finding, names map[model.ID]string, want []string) {
	t.Helper()
	var g []string
	for _, x := range got {
		item := "-"
		switch {
		case x.Duty != model.NilID:
			item = names[x.Duty]
		case x.Authority != model.NilID:
			item = names[x.Authority]
		}
		g = append(g, string(x.Rule)+" "+names[x.Office]+" "+item)
	}
	slices.Sort(g)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(g, want) {
		t.Errorf("%s: %q, want %q", what, g, want)
	}
}

// snapshotProject lists a project's entities as values, to tell whether it changed.
func snapshotProject(p *model.Project) []string {
	var out []string
	for _, k := range model.Kinds() {
		for e := range p.All(k) {
			out = append(out, string(k)+" "+e.Identity().String()+" "+fmt.Sprintf("%+v", e))
		}
	}
	slices.Sort(out)
	return out
}
