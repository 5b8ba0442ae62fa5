package demo

import (
	"strings"
	"testing"

	"rpbmatrix/model"
)

// TestDemoRuralItemsAreTownships: a street office has no farm roads and no
// farm census to support, a farming township no urban renewal: the
// generator's rural supporting items apply to townships only, its urban
// ones to street offices only, and no other supporting item about the
// countryside alone (农村, 农业, 农作物 without 城镇) reaches a street office.
func TestDemoRuralItemsAreTownships(t *testing.T) {
	p := loadDemoForTest(t)
	only := map[string]model.OfficeKind{}
	for _, d := range domains {
		for _, s := range d.rural {
			only["配合"+s] = model.OfficeTownship
		}
		for _, s := range d.urban {
			only["配合"+s] = model.OfficeStreet
		}
	}
	seen := map[string]bool{}
	for _, o := range p.OfficeList() {
		for _, d := range p.DutiesOf(o.ID) {
			if d.Kind != model.ListSupporting {
				continue
			}
			if kind, ok := only[d.Name]; ok {
				seen[d.Name] = true
				if o.Kind != kind {
					t.Errorf("%s (%s) carries %s, an item of %s only", o.Name, o.Kind, d.Name, kind)
				}
			}
			rural := strings.Contains(d.Name, "农村") || strings.Contains(d.Name, "农业") || strings.Contains(d.Name, "农作物")
			if rural && !strings.Contains(d.Name, "城镇") && o.Kind == model.OfficeStreet {
				t.Errorf("street office %s carries the rural item %s", o.Name, d.Name)
			}
		}
	}
	for name := range only {
		if !seen[name] {
			t.Errorf("no office carries %s", name)
		}
	}
}
