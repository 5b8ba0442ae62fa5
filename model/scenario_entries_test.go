package model_test

import (
	"testing"

	"rpbmatrix/model"
)

// TestPlanTalliesEntries: the before → after tallies count the findings on
// admission requests and off-list tasks. Granting the office an authority
// an admitted task needs closes its ADMISSION_UNFUNDED finding; an off-list
// task no decision touches stays open.
func TestPlanTalliesEntries(t *testing.T) {
	f := newFixture()
	east := f.office("东城街道", 10)
	d := f.duty("违法建设查处", model.ListBasic, "行政处罚")
	f.assess(east, d, nil)
	f.proposal("户外广告巡查", "区城市管理局", model.AdmissionAdmitted, func(q *model.Proposal) {
		q.Required = []model.ID{f.auth("行政处罚")}
	})
	f.offList(east, "协助征地", "区建设集团", 4, 50)
	f.decide(east, d, model.ActionGrant, f.authority("行政处罚"))

	pl := model.NewPlan(model.NewAnalyzer(f.p))
	closed, stillOpen, opened := pl.CompareOffice(east.ID)
	rules := func(fs []model.Finding) map[model.RuleCode]int {
		m := map[model.RuleCode]int{}
		for _, x := range fs {
			m[x.Rule]++
		}
		return m
	}
	if rules(closed)[model.RuleAdmissionUnfunded] != 1 {
		t.Errorf("closed %v, want the admission request's ADMISSION_UNFUNDED", rules(closed))
	}
	if rules(stillOpen)[model.RuleOffListBurden] != 1 {
		t.Errorf("still open %v, want the off-list task's OFF_LIST_BURDEN", rules(stillOpen))
	}
	for _, ba := range []model.BeforeAfter{pl.Office(east.ID), pl.District()} {
		if ba.Closed != len(closed) || ba.StillOpen != len(stillOpen) || ba.Opened != len(opened) {
			t.Errorf("tally %+v, want %d closed, %d still open, %d opened", ba.FindingTally, len(closed), len(stillOpen), len(opened))
		}
	}
}

// TestScenarioDropsReturnedIncidents: after to-returned and confirm-returned
// the office is no longer held to account for the item, so the scenario
// drops the pair's incident records (the analysis reads them), both when
// built afresh and when kept by a Plan; other pairs keep theirs.
func TestScenarioDropsReturnedIncidents(t *testing.T) {
	for _, act := range []model.Action{model.ActionToReturned, model.ActionConfirmReturned} {
		t.Run(act.Code(), func(t *testing.T) {
			f := newFixture()
			east, west := f.office("东城街道", 10), f.office("西城街道", 10)
			kind := model.ListBasic
			if act == model.ActionConfirmReturned {
				kind = model.ListReturned
			}
			d := f.duty("燃气安全", kind, "行政检查")
			f.assess(east, d, nil)
			f.assess(west, d, nil)
			dropped := f.incident(east, d, model.IncidentAccountability, model.CauseAuthority, false)
			kept := f.incident(west, d, model.IncidentInterview, model.CauseAuthority, false)
			f.decide(east, d, act, nil)

			pl := model.NewPlan(model.NewAnalyzer(f.p))
			for name, s := range map[string]*model.Project{"Scenario": model.Scenario(f.p), "Plan": pl.ScenarioProject()} {
				if s.Incidents[dropped.ID] != nil {
					t.Errorf("%s: 东城 is still held to account for the returned item", name)
				}
				if s.Incidents[kept.ID] == nil {
					t.Errorf("%s: 西城's incident is gone", name)
				}
			}
			for _, x := range pl.Scenario().FindingsFor(east.ID, d.ID) {
				if x.Rule == model.RuleNoTolerance || x.Rule == model.RuleAccountabilityTrap {
					t.Errorf("the scenario still finds %s on 东城's returned item", x.Rule)
				}
			}
			if f.p.Incidents[dropped.ID] == nil {
				t.Error("the baseline lost its incident")
			}
		})
	}
}
