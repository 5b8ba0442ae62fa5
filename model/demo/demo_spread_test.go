package demo

import (
	"sort"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
)

// TestDemoShowsTroubleSpots: a planner shown the demo must see at once
// where a district's trouble is (issue 12, item 6): the offices differ,
// some fields of some offices are red on the heat map, and the staff the
// duties hold comes out of each office's real people.
func TestDemoShowsTroubleSpots(t *testing.T) {
	p := loadDemoForTest(t)
	r := model.Analyze(p)
	t.Logf("district balance %.3f", r.Total.Balance)
	lowest, highest := 1.0, 0.0
	red := map[string]int{} // office → categories at least serious on the gap ramp
	for _, o := range p.OfficeList() {
		s := r.Offices[o.ID]
		lowest, highest = min(lowest, s.Balance), max(highest, s.Balance)
		var needed, held float64
		for _, d := range p.DutiesOf(o.ID) {
			a := p.Assessment(o.ID, d.ID)
			needed += a.StaffNeeded
			held += a.StaffHeld
		}
		t.Logf("%s: balance %.3f; staff needed %.1f, held %.1f, available %d", o.Name, s.Balance, needed, held, o.StaffAvailable())
		if held > float64(o.StaffAvailable()) {
			t.Errorf("%s: its duties hold %.1f staff, more than its %d people", o.Name, held, o.StaffAvailable())
		}
		var cats []string
		for c := range s.ByCategory {
			cats = append(cats, c)
		}
		sort.Strings(cats)
		for _, c := range cats {
			ratio := palette.GapRatio(s.ByCategory[c])
			t.Logf("    %s: gap ratio %.2f", c, ratio)
			if palette.GapSeverity(ratio) >= model.SevSerious {
				red[o.Name]++
			}
		}
	}
	if lowest > 0.75 || highest < 0.85 {
		t.Errorf("office balance indices from %.3f to %.3f: want one office below 0.75 and one above 0.85", lowest, highest)
	}
	if len(red) < 2 {
		t.Errorf("offices with red fields on the heat map: %v, want at least 2", red)
	}
	// Offices are short of people in different ways, not all by one
	// mechanism: some office's duties need no more than its people.
	short := 0
	for _, f := range r.AllFindings() {
		if f.Rule == model.RuleUnderstaffed && f.Duty == model.NilID && f.Severity >= model.SevWarning {
			short++
		}
	}
	if short == 0 || short == len(p.Offices) {
		t.Errorf("%d of %d offices short of staff as a whole (warning or worse), want some but not all", short, len(p.Offices))
	}
}

// TestDemoProfilesNameRealItems: the generator's profiles name items and
// fields by their words; a misspelt one would silently do nothing.
func TestDemoProfilesNameRealItems(t *testing.T) {
	p := loadDemoForTest(t)
	returned := map[string]*model.Duty{}
	fields := map[string]bool{}
	for _, d := range p.Duties {
		if d.Kind == model.ListReturned {
			returned[d.Name] = d
		}
		fields[d.Category], fields[d.Category+"/"+d.SubCategory] = true, true
	}
	for name := range returnedRequired {
		if returned[name] == nil {
			t.Errorf("returnedRequired: no returned item %s", name)
		}
	}
	for office, prof := range officeProfiles {
		o := p.OfficeByName(office)
		if o == nil {
			t.Errorf("officeProfiles: no office %s", office)
			continue
		}
		for name := range prof.pushed {
			if d := returned[name]; d == nil {
				t.Errorf("%s: no returned item %s to push down", office, name)
			} else if a := p.Assessment(o.ID, d.ID); a == nil || a.Role != model.RoleLead {
				t.Errorf("%s: returned item %s is not led as pushed down", office, name)
			}
		}
		for field := range prof.trouble {
			if !fields[field] {
				t.Errorf("%s: trouble in unknown field %s", office, field)
			}
		}
		for field := range prof.burden {
			if !fields[field] {
				t.Errorf("%s: burden in unknown field %s", office, field)
			}
		}
	}
}
