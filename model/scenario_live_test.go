package model_test

import (
	"fmt"
	"math/rand"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// TestPlanEqualsScenario records, edits and deletes random decisions, and
// edits the baseline in between, on generated projects; after every step
// the Plan's incrementally kept scenario analysis must equal a from-scratch
// analysis of Scenario(p), finding for finding, and its before → after
// tallies must count what CompareFindings sorts.
func TestPlanEqualsScenario(t *testing.T) {
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			p := synth.Generate(6, 40, seed)
			base := model.NewAnalyzer(p)
			pl := model.NewPlan(base)
			r := rand.New(rand.NewSource(seed))
			for step := 0; step < 120; step++ {
				var changes []model.Change
				what := "decision"
				switch r.Intn(8) {
				case 0, 1:
					changes, what = randomEdit(r, p)
				case 2:
					changes, what = incidentEdit(r, p), "incident"
				default:
					changes = randomDecision(r, p)
				}
				for _, c := range changes {
					p.Apply(c)
				}
				base.Update(changes)
				pl.Update(changes)
				if step%5 != 0 && step < 110 {
					continue
				}
				want := model.Analyze(model.Scenario(p))
				if diff := compareResults(pl.Scenario(), want); diff != "" {
					t.Fatalf("step %d (%s): the plan differs from the scenario analysed afresh: %s", step, what, diff)
				}
				if diff := compareResults(pl.Base(), model.Analyze(p)); diff != "" {
					t.Fatalf("step %d (%s): baseline: %s", step, what, diff)
				}
				checkTallies(t, pl, p)
			}
		})
	}
}

// checkTallies checks the plan's tallies against CompareFindings, office
// by office and for the district.
func checkTallies(t *testing.T, pl *model.Plan, p *model.Project) {
	t.Helper()
	var sum model.FindingTally
	for _, o := range p.OfficeList() {
		closed, still, opened := pl.CompareOffice(o.ID)
		want := model.FindingTally{Closed: len(closed), StillOpen: len(still), Opened: len(opened)}
		ba := pl.Office(o.ID)
		if ba.FindingTally != want {
			t.Fatalf("%s: tally %+v, CompareFindings %+v", o.Name, ba.FindingTally, want)
		}
		if ba.Before.Balance != pl.Base().Offices[o.ID].Balance || ba.After.Balance != pl.Scenario().Offices[o.ID].Balance {
			t.Fatalf("%s: balance %v → %v", o.Name, ba.Before.Balance, ba.After.Balance)
		}
		sum.Closed += want.Closed
		sum.StillOpen += want.StillOpen
		sum.Opened += want.Opened
	}
	if d := pl.District(); d.FindingTally != sum || d.Before.Balance != pl.Base().Total.Balance || d.After.Balance != pl.Scenario().Total.Balance {
		t.Fatalf("district %+v, offices add up to %+v", d, sum)
	}
}

// incidentEdit records an accountability event or deletes one.
func incidentEdit(r *rand.Rand, p *model.Project) []model.Change {
	for _, inc := range p.Incidents {
		if r.Intn(3) == 0 {
			return []model.Change{p.Delete(inc)}
		}
		break
	}
	offices, duties := p.OfficeList(), p.DutyList()
	return []model.Change{p.Put(&model.Incident{Meta: model.NewMeta("t"), Office: offices[r.Intn(len(offices))].ID,
		Duty: duties[r.Intn(len(duties))].ID, Kind: model.IncidentKinds[r.Intn(len(model.IncidentKinds))], Tolerance: r.Intn(3) == 0})}
}

// randomDecision records a new decision, edits one or deletes one.
func randomDecision(r *rand.Rand, p *model.Project) []model.Change {
	decs := p.DecisionList()
	if len(decs) > 0 && r.Intn(4) == 0 {
		dec := decs[r.Intn(len(decs))]
		if r.Intn(2) == 0 {
			return []model.Change{p.Delete(dec)}
		}
		n := *dec
		fillDecision(r, p, &n)
		return []model.Change{p.Put(&n)}
	}
	n := model.Decision{Meta: model.NewMeta("t")}
	fillDecision(r, p, &n)
	return []model.Change{p.Put(&n)}
}

func fillDecision(r *rand.Rand, p *model.Project, n *model.Decision) {
	offices, duties, auths := p.OfficeList(), p.DutyList(), p.AuthorityList()
	n.Duty = duties[r.Intn(len(duties))].ID
	n.Office = model.NilID
	if r.Intn(5) > 0 {
		n.Office = offices[r.Intn(len(offices))].ID
	}
	n.Action = model.Actions[r.Intn(len(model.Actions))]
	n.Authority, n.StaffDelta, n.FundsDelta, n.SystemsDelta = model.NilID, 0, 0, 0
	switch {
	case n.Action.NeedsAuthority():
		n.Authority = auths[r.Intn(len(auths))].ID
	case n.Action == model.ActionAddResources:
		n.StaffDelta, n.FundsDelta, n.SystemsDelta = float64(r.Intn(5)-2), float64(r.Intn(20)-5), r.Intn(3)-1
	}
}
