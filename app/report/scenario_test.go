package report

import (
	"math"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// Comparing office by office, each from its own scenario, gives for every
// office exactly what model.Compare gives for the whole district, in the
// same order; and the district's balance after is the whole scenario's.
func TestComparisonByOfficeAgreesWithCompare(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Decisions) == 0 {
		t.Fatal("the demo project has no decisions to compare")
	}
	base, scen := model.Analyze(p), model.Analyze(model.Scenario(p))
	whole := model.Compare(base, scen)
	d := &doc{p: p, r: base}
	keys := func(fs []model.Finding, office model.ID) []model.FindingKey {
		var out []model.FindingKey
		for _, f := range fs {
			if f.Office == office {
				out = append(out, f.Key())
			}
		}
		return out
	}
	changed := 0
	for _, o := range p.OfficeList() {
		c := d.changeOf(o)
		closed, still, opened := c.closed, c.still, c.opened
		for _, g := range []struct {
			name      string
			got, want []model.FindingKey
		}{
			{"closed", keys(closed, o.ID), keys(whole.Closed, o.ID)},
			{"still open", keys(still, o.ID), keys(whole.StillOpen, o.ID)},
			{"opened", keys(opened, o.ID), keys(whole.Opened, o.ID)},
		} {
			if len(g.got) != len(g.want) {
				t.Errorf("%s %s: %d findings, Compare has %d", o.Name, g.name, len(g.got), len(g.want))
				continue
			}
			for i := range g.got {
				if g.got[i] != g.want[i] {
					t.Errorf("%s %s #%d: %v, Compare has %v", o.Name, g.name, i, g.got[i], g.want[i])
				}
			}
		}
		changed += len(closed) + len(opened)
		if before, after := c.before.Balance, c.after.Balance; before != whole.OfficeBefore[o.ID] || after != whole.OfficeAfter[o.ID] {
			t.Errorf("%s balance %v → %v, Compare has %v → %v", o.Name, before, after, whole.OfficeBefore[o.ID], whole.OfficeAfter[o.ID])
		}
	}
	if got := d.districtAfter(p.OfficeList()); math.Abs(got-scen.Total.Balance) > 1e-9 {
		t.Errorf("district balance after %v, the whole scenario's %v", got, scen.Total.Balance)
	}
	if changed == 0 {
		t.Error("the demo's decisions change no finding: the test compares nothing")
	}
}
