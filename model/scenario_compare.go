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
	at := make(map[FindingKey]int, len(before))
	for i := range before {
		at[before[i].Key()] = i
	}
	kept := make([]bool, len(before))
	for i := range after {
		if j, ok := at[after[i].Key()]; ok {
			kept[j] = true
			stillOpen = append(stillOpen, after[i])
		} else {
			opened = append(opened, after[i])
		}
	}
	for i := range before {
		if !kept[i] {
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

func (t *FindingTally) plus(u FindingTally) {
	t.Closed += u.Closed
	t.StillOpen += u.StillOpen
	t.Opened += u.Opened
}

// itemPairs pairs the items of two analyses by ID: [index in base, index
// in scen], -1 where one has no such item.
type itemPairs struct {
	base, scen    *engine
	duties, auths [][2]int32
	// The engines' index slices when paired: a full re-analysis makes new
	// ones, and the pairs must be made again.
	baseDuties, scenDuties []*Duty
	baseAuths, scenAuths   []*Authority
}

func pairUp(base, scen *engine) *itemPairs {
	return &itemPairs{base: base, scen: scen,
		duties:     pairItems(base.duties, scen.duties, base.dutyIx, scen.dutyIx),
		auths:      pairItems(base.auths, scen.auths, base.authIx, scen.authIx),
		baseDuties: base.duties, scenDuties: scen.duties, baseAuths: base.auths, scenAuths: scen.auths}
}

// current reports whether the pairs still index base and scen.
func (x *itemPairs) current(base, scen *engine) bool {
	return x != nil && x.base == base && x.scen == scen && sameSlice(x.baseDuties, base.duties) &&
		sameSlice(x.scenDuties, scen.duties) && sameSlice(x.baseAuths, base.auths) && sameSlice(x.scenAuths, scen.auths)
}

// sameSlice reports whether a and b are the same slice (not equal ones).
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// offices lists the offices of either analysis.
func (x *itemPairs) offices() []ID {
	var out []ID
	for _, o := range x.base.offices {
		out = append(out, o.ID)
	}
	for _, o := range x.scen.offices {
		if _, ok := x.base.officeIx[o.ID]; !ok {
			out = append(out, o.ID)
		}
	}
	return out
}

// tally counts one office's findings closed, still open and opened.
func (x *itemPairs) tally(office ID) FindingTally {
	var t FindingTally
	bo, inBase := x.base.officeIx[office]
	so, inScen := x.scen.officeIx[office]
	b, s := officeSide{x.base, int(bo), inBase}, officeSide{x.scen, int(so), inScen}
	t.add(b.office(), s.office())
	t.addEntries(b, s)
	for _, p := range x.auths {
		t.add(b.auth(p[0]), s.auth(p[1]))
	}
	for _, p := range x.duties {
		t.add(b.duty(p[0]), s.duty(p[1]))
	}
	return t
}

// addEntries counts the findings on the registers beside the lists
// (admission requests, off-list tasks), which both analyses share: they are
// few, so they pair by rule and entry ID as listed.
func (t *FindingTally) addEntries(b, s officeSide) {
	type key struct {
		rule  int32
		entry ID
	}
	var before map[key]bool
	for _, side := range []officeSide{b, s} {
		if !side.ok {
			continue
		}
		for k, g := range side.e.regs {
			base := side.e.entryBase(k)
			for _, f := range g.appendFindings(nil, side.e, side.o, base) {
				x := key{f.rule, g.id(int(f.item - base))}
				switch {
				case side.e == b.e:
					if before == nil {
						before = map[key]bool{}
					}
					before[x] = true
				case before[x]:
					t.StillOpen++
					delete(before, x)
				default:
					t.Opened++
				}
			}
		}
	}
	t.Closed += len(before)
}

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
// analysis has no such office or item (index -1), or no finding on it.
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
	if c := &x.e.cells[i]; !c.inList || c.sc.Worst == 0 {
		return nil
	}
	return x.e.dutyGrades(i)
}
