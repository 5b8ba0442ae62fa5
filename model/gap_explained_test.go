package model_test

import (
	"fmt"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/synth"
)

// Every gap is explained: an (office, duty) with G > 0 carries at least one
// finding on it, in generated projects of several shapes and seeds, in the
// demo project, and in the scenarios of both (DESIGN §3).
func TestEveryGapHasAFinding(t *testing.T) {
	projects := map[string]*model.Project{}
	for _, shape := range []struct {
		offices, duties int
		seed            int64
	}{{3, 200, 1}, {8, 120, 2}, {20, 60, 3}, {5, 300, 4}, {12, 150, 5}} {
		projects[fmt.Sprintf("synth %d×%d seed %d", shape.offices, shape.duties, shape.seed)] = synth.Generate(shape.offices, shape.duties, shape.seed)
	}
	d, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	projects["demo"] = d
	for name, p := range projects {
		for _, x := range []struct {
			what string
			p    *model.Project
		}{{"baseline", p}, {"scenario", model.Scenario(p)}} {
			t.Run(name+" "+x.what, func(t *testing.T) {
				r := model.Analyze(x.p)
				gaps := 0
				for k, sc := range r.Scores {
					if sc.Gap <= 0 {
						continue
					}
					gaps++
					if len(r.FindingsFor(k.Office, k.Other)) == 0 {
						t.Errorf("%s / %s: G = %.2f (W %.1f, A %.2f, S %.2f) and no finding explains it",
							x.p.Offices[k.Office].Name, x.p.Duties[k.Other].Title(), sc.Gap, sc.Weight, sc.AuthorityCoverage, sc.ResourceCoverage)
					}
				}
				if gaps == 0 {
					t.Error("no gap at all: the project tests nothing")
				}
			})
		}
	}
}
