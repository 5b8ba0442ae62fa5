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

// FindingTally counts findings closed, still open and opened, as
// CompareFindings sorts them.
type FindingTally struct {
	Closed    int `json:"closed"`
	StillOpen int `json:"still_open"`
	Opened    int `json:"opened"`
}

func (t *FindingTally) add(before, after []Severity) {
	for r := range max(len(before), len(after)) {
		var b, a Severity
		if r < len(before) {
			b = before[r]
		}
		if r < len(after) {
			a = after[r]
		}
		switch {
		case b > 0 && a > 0:
			t.StillOpen++
		case b > 0:
			t.Closed++
		case a > 0:
			t.Opened++
		}
	}
}

// tallyFindings counts the findings of office (NilID: every office) that
// scen closes, leaves open and opens against base, reading the grades the
// engines keep rather than listing and sorting the findings: it is what
// the district's before → after shows after every decision.
func tallyFindings(base, scen *engine, office ID) FindingTally {
	var t FindingTally
	var offices []ID
	if office != NilID {
		offices = []ID{office}
	} else {
		for _, o := range base.offices {
			offices = append(offices, o.ID)
		}
		for _, o := range scen.offices {
			if _, ok := base.officeIx[o.ID]; !ok {
				offices = append(offices, o.ID)
			}
		}
	}
	// Items pair up by ID: each item of either analysis with its index in
	// the other, or -1.
	duties := pairItems(base.duties, scen.duties, base.dutyIx, scen.dutyIx)
	auths := pairItems(base.auths, scen.auths, base.authIx, scen.authIx)
	for _, id := range offices {
		bo, inBase := base.officeIx[id]
		so, inScen := scen.officeIx[id]
		b, s := officeSide{base, int(bo), inBase}, officeSide{scen, int(so), inScen}
		t.add(b.office(), s.office())
		for _, x := range auths {
			t.add(b.auth(x[0]), s.auth(x[1]))
		}
		for _, x := range duties {
			t.add(b.duty(x[0]), s.duty(x[1]))
		}
	}
	return t
}

// pairItems pairs the items of two analyses by ID: [index in a, index in
// b], -1 where one has no such item.
func pairItems[T interface{ Identity() Identity }](a, b []T, aIx, bIx map[ID]int32) [][2]int32 {
	out := make([][2]int32, 0, len(a))
	for i, x := range a {
		j, ok := bIx[x.Identity().ID]
		if !ok {
			j = -1
		}
		out = append(out, [2]int32{int32(i), j})
	}
	for j, x := range b {
		if _, ok := aIx[x.Identity().ID]; !ok {
			out = append(out, [2]int32{-1, int32(j)})
		}
	}
	return out
}

// officeSide reads one office's grades in one analysis; nil where the
// analysis has no such office or item (index -1), or the duty is not in
// the office's list.
type officeSide struct {
	e  *engine
	o  int
	ok bool
}

func (x officeSide) office() []Severity {
	if !x.ok {
		return nil
	}
	return x.e.officeGrades(x.o)
}

func (x officeSide) auth(a int32) []Severity {
	if !x.ok || a < 0 {
		return nil
	}
	return x.e.authGrades(x.o*len(x.e.auths) + int(a))
}

func (x officeSide) duty(d int32) []Severity {
	if !x.ok || d < 0 {
		return nil
	}
	i := x.o*len(x.e.duties) + int(d)
	if !x.e.cells[i].inList {
		return nil
	}
	return x.e.dutyGrades(i)
}
