package synth

import (
	"reflect"
	"testing"

	"rpbmatrix/model"
)

func TestGenerate(t *testing.T) {
	for _, tc := range []struct{ offices, duties int }{{1, 1}, {3, 80}, {20, 200}} {
		p := Generate(tc.offices, tc.duties, 7)
		if len(p.Offices) != tc.offices || len(p.Duties) != tc.duties || len(p.Assessments) != tc.offices*tc.duties {
			t.Fatalf("%v: got %d offices, %d duties, %d assessments", tc, len(p.Offices), len(p.Duties), len(p.Assessments))
		}
		if probs := model.Validate(p); len(probs) > 0 {
			t.Fatalf("%v: generated project is invalid: %v", tc, probs[0].Msg.In("zh"))
		}
	}
}

func TestGenerateIsReproducible(t *testing.T) {
	a, b := Generate(5, 50, 42), Generate(5, 50, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different projects")
	}
	if c := Generate(5, 50, 43); reflect.DeepEqual(a.Info.ID, c.Info.ID) {
		t.Fatal("different seeds gave the same project ID")
	}
}

// TestGenerateRegisters: generated projects carry issue 12's entities at
// rates that exercise every rule, so benchmarks measure them too.
func TestGenerateRegisters(t *testing.T) {
	p := Generate(20, 200, 7)
	if len(p.Incidents) == 0 || len(p.OffListTasks) == 0 || len(p.Proposals) < 4 {
		t.Fatalf("%d incidents, %d off-list tasks, %d admission requests", len(p.Incidents), len(p.OffListTasks), len(p.Proposals))
	}
	var staffed, burdened, sourced int
	for _, o := range p.Offices {
		if o.Establishment > 0 && o.CommunityWorkers > 0 {
			staffed++
		}
	}
	for _, a := range p.Assessments {
		if a.Apps+a.WorkGroups+a.InspectionsPerYear > 0 {
			burdened++
		}
		if a.FundsHeld > 0 && a.FundsSourced() > 0 {
			sourced++
		}
	}
	if staffed != len(p.Offices) || burdened < len(p.Assessments)/2 || sourced == 0 {
		t.Errorf("%d of %d offices staffed, %d of %d assessments with burden indicators, %d with fund sources",
			staffed, len(p.Offices), burdened, len(p.Assessments), sourced)
	}
	fired := map[model.RuleCode]int{}
	for _, f := range model.Analyze(p).AllFindings() {
		fired[f.Rule]++
	}
	for _, c := range model.RuleCodes {
		if fired[c] == 0 {
			t.Errorf("rule %s never fires in a generated 20×200 project", c)
		}
	}
}
