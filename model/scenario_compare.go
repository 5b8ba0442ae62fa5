package model

// Comparison is baseline against scenario.
type Comparison struct {
	// Closed are baseline findings the scenario no longer has; StillOpen are
	// in both (as the scenario has them); Opened are new in the scenario.
	// Each list is worst first. Findings match by FindingKey; the reasons of
	// Closed are the baseline's to word (base.Reason), the others the
	// scenario's (scen.Reason).
	Closed, StillOpen, Opened []Finding
	// Before and After are the project totals.
	Before, After Summary
	// Balance index per office and per category, before and after.
	OfficeBefore, OfficeAfter     map[ID]float64
	CategoryBefore, CategoryAfter map[string]float64
}

// Compare compares a baseline analysis with a scenario analysis.
func Compare(base, scen *Result) *Comparison {
	c := &Comparison{Before: base.Total, After: scen.Total}
	c.Closed, c.StillOpen, c.Opened = CompareFindings(base.AllFindings(), scen.AllFindings())
	c.OfficeBefore, c.OfficeAfter = officeBalances(base), officeBalances(scen)
	c.CategoryBefore, c.CategoryAfter = categoryBalances(base), categoryBalances(scen)
	return c
}

// CompareFindings sorts findings before and after into those closed (in
// before only), still open (in both, as after has them) and opened (in
// after only), keeping each list's order; e.g. one office's findings in the
// baseline and in the scenario.
func CompareFindings(before, after []Finding) (closed, stillOpen, opened []Finding) {
	inBefore := make(map[FindingKey]struct{}, len(before))
	for i := range before {
		inBefore[before[i].Key()] = struct{}{}
	}
	inAfter := make(map[FindingKey]struct{}, len(after))
	for i := range after {
		k := after[i].Key()
		inAfter[k] = struct{}{}
		if _, ok := inBefore[k]; ok {
			stillOpen = append(stillOpen, after[i])
		} else {
			opened = append(opened, after[i])
		}
	}
	for i := range before {
		if _, ok := inAfter[before[i].Key()]; !ok {
			closed = append(closed, before[i])
		}
	}
	return closed, stillOpen, opened
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
