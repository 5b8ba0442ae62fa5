package model

// Comparison is baseline against scenario.
type Comparison struct {
	// Closed are baseline findings the scenario no longer has; StillOpen are
	// in both (as the scenario words them); Opened are new in the scenario.
	// Each list is worst first. Findings match by FindingKey.
	Closed, StillOpen, Opened []Finding
	// Before and After are the project totals.
	Before, After Summary
	// Balance index per office and per category, before and after.
	OfficeBefore, OfficeAfter     map[ID]float64
	CategoryBefore, CategoryAfter map[string]float64
}

// Compare compares a baseline analysis with a scenario analysis.
func Compare(base, scen *Result) *Comparison {
	bf, sf := base.AllFindings(), scen.AllFindings()
	inBase := make(map[FindingKey]struct{}, len(bf))
	for i := range bf {
		inBase[bf[i].Key()] = struct{}{}
	}
	inScen := make(map[FindingKey]struct{}, len(sf))
	c := &Comparison{Before: base.Total, After: scen.Total}
	for i := range sf {
		k := sf[i].Key()
		inScen[k] = struct{}{}
		if _, ok := inBase[k]; ok {
			c.StillOpen = append(c.StillOpen, sf[i])
		} else {
			c.Opened = append(c.Opened, sf[i])
		}
	}
	for i := range bf {
		if _, ok := inScen[bf[i].Key()]; !ok {
			c.Closed = append(c.Closed, bf[i])
		}
	}
	c.OfficeBefore, c.OfficeAfter = officeBalances(base), officeBalances(scen)
	c.CategoryBefore, c.CategoryAfter = categoryBalances(base), categoryBalances(scen)
	return c
}

func officeBalances(r *Result) map[ID]float64 {
	out := make(map[ID]float64, len(r.Offices))
	for id, s := range r.Offices {
		out[id] = s.Balance
	}
	return out
}

func categoryBalances(r *Result) map[string]float64 {
	out := make(map[string]float64, len(r.ByCategory))
	for c, s := range r.ByCategory {
		out[c] = s.Balance
	}
	return out
}
