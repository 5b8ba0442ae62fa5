package model

import (
	"bytes"
	"slices"
	"strings"
)

// The engine keeps the whole analysis in flat slices indexed by small
// integers, so a full run over 200 offices × 1,000 duties touches no map in
// its inner loops and one edit recomputes only the cells that depend on it.
//
// Index spaces: offices o ∈ [0,no), duties d ∈ [0,nd), authorities a ∈
// [0,na). Cells of (office, duty) live at o*nd+d, holdings and authority
// findings of (office, authority) at o*na+a. Indices are fixed between full
// rebuilds; display order is kept separately in *Rank so a rename reorders
// without re-indexing.
type engine struct {
	p   *Project
	set Settings // normalised

	offices  []*Office
	officeIx map[ID]int32
	duties   []*Duty
	dutyIx   map[ID]int32
	dutyCat  []int32
	dutyKind []ListKind
	dutyReq  [][]int32 // authorities each duty requires
	auths    []*Authority
	authIx   map[ID]int32
	authReq  [][]int32 // duties requiring each authority
	cats     []string
	catIx    map[string]int32

	officeRank, dutyRank, authRank []int32 // index → display position
	officeAt, dutyAt, authAt       []int32 // display position → index

	cells []cell     // o*nd+d
	holds []*Holding // o*na+a
	uses  []authUse  // o*na+a: how the office's duties use each authority
	// incs are the incident records of the cells that have any (most have
	// none), each list by date; cell.inc is its list's position + 1.
	incs [][]*Incident
	// regs are the registers beside the lists (admission requests,
	// off-list tasks), graded entry by entry (analysis_entries.go).
	regs []entryRegister

	// The grades of every rule on every item, 0 where it did not fire:
	// len(registry.duty) per cell, len(registry.auth) per (office,
	// authority), len(registry.office) per office, in registry order.
	dutySev, authSev, officeSev []Severity

	offAcc []officeAcc
	tot    acc
	byCat  []acc
	byKind [ListReturned + 1]acc

	res  *Result
	mark marks // scratch for Analyzer.Update
	// fx holds the facts being graded: the rules are called through
	// function values, so facts on the stack would escape to the heap,
	// one allocation per item.
	fx struct {
		pair   pairFacts
		auth   authFacts
		office officeFacts
	}
}

// cell is the analysis of one (office, duty). Its published Score lives in
// it, filled while the cell is hot; Result.Scores points into the cells.
type cell struct {
	a         *Assessment
	sc        Score // W, A, S, G and the worst severity
	wq, gq    int64 // W and G fixed point, for the totals; 0 when not assessed (the honest index)
	role      Role
	inc       int32 // 1 + the position of its incident records in engine.incs; 0: none
	inList    bool  // the duty is in the office's list
	published bool  // sc is in Result.Scores
}

// staffQ is the cell's contribution to its office's staffing, fixed point:
// staff needed and held over the assessed duties the office performs.
func (c *cell) staffQ() (need, held int64) {
	if c.a == nil || c.role == RoleNone || !c.inList {
		return 0, 0
	}
	return toFixed(max(0, c.a.StaffNeeded)), toFixed(max(0, c.a.StaffHeld))
}

// dutyGrades, authGrades and officeGrades are the grades of the rules on one
// cell, (office, authority) or office, in registry order.
func (e *engine) dutyGrades(i int) []Severity {
	n := len(registry.duty)
	return e.dutySev[i*n : (i+1)*n]
}

func (e *engine) authGrades(i int) []Severity {
	n := len(registry.auth)
	return e.authSev[i*n : (i+1)*n]
}

func (e *engine) officeGrades(o int) []Severity {
	n := len(registry.office)
	return e.officeSev[o*n : (o+1)*n]
}

// newEngine panics with a *SizeError, before allocating, on a project too
// large to analyse. That is a last-resort guard, not control flow: whatever
// analyses a file checks CheckProjectSize first (the window on open, every
// command, report.Write), and every change that adds offices or duties is
// checked before it is stored (edits, undo and redo, import, merge); cli.Run
// words the panic should a new path forget, instead of allocating for hours.
func newEngine(p *Project) *engine {
	if err := CheckProjectSize(p); err != nil {
		panic(err)
	}
	e := &engine{p: p}
	e.build()
	return e
}

// build indexes the project and analyses it in full.
func (e *engine) build() {
	p := e.p
	e.offAcc = nil
	e.set = p.Settings.Normalized()
	e.indexOffices()
	e.indexAuthorities()
	e.indexDuties()
	no, nd, na := len(e.offices), len(e.duties), len(e.auths)

	e.holds = make([]*Holding, no*na)
	for _, h := range p.Holdings {
		o, ok1 := e.officeIx[h.Office]
		a, ok2 := e.authIx[h.Authority]
		if ok1 && ok2 {
			e.holds[int(o)*na+int(a)] = h
		}
	}
	e.cells = make([]cell, no*nd)
	e.setScopes()
	e.indexIncidents()

	e.uses = make([]authUse, no*na)
	e.dutySev = make([]Severity, no*nd*len(registry.duty))
	e.authSev = make([]Severity, no*na*len(registry.auth))
	e.officeSev = make([]Severity, no*len(registry.office))
	e.offAcc = make([]officeAcc, no)
	for o := range e.offAcc {
		e.offAcc[o].byCat = make([]acc, len(e.cats))
	}
	e.tot, e.byCat, e.byKind = acc{}, make([]acc, len(e.cats)), [ListReturned + 1]acc{}

	// Place the assessments by the map's keys, without touching the
	// assessments themselves (a cache miss each on a large project), into a
	// compact table; then compute the cells in order, loading each
	// assessment once.
	at := make([]*Assessment, no*nd)
	for k, a := range p.Assessments {
		o, ok1 := e.officeIx[k.Office]
		d, ok2 := e.dutyIx[k.Other]
		if ok1 && ok2 {
			at[int(o)*nd+int(d)] = a
		}
	}
	for i := range e.cells {
		e.cells[i].a = at[i]
		e.buildCell(i/nd, i%nd)
	}
	for o := 0; o < no; o++ {
		for a := 0; a < na; a++ {
			e.computeAuth(o, a)
			e.addAuth(o, a, 1)
		}
		e.computeOffice(o)
		e.addOffice(o, 1)
	}
	e.regs = newRegisters()
	for _, g := range e.regs {
		g.rebuild(e)
		g.count(e, -1, 1, nil)
	}
	e.publishAll()
}

func (e *engine) indexOffices() {
	e.offices = make([]*Office, 0, len(e.p.Offices))
	for _, o := range e.p.Offices {
		e.offices = append(e.offices, o)
	}
	slices.SortFunc(e.offices, compareOffices)
	e.officeIx = make(map[ID]int32, len(e.offices))
	for i, o := range e.offices {
		e.officeIx[o.ID] = int32(i)
	}
	e.officeRank, e.officeAt = identityRanks(len(e.offices))
}

func (e *engine) indexAuthorities() {
	e.auths = make([]*Authority, 0, len(e.p.Authorities))
	for _, a := range e.p.Authorities {
		e.auths = append(e.auths, a)
	}
	slices.SortFunc(e.auths, compareAuthorities)
	e.authIx = make(map[ID]int32, len(e.auths))
	for i, a := range e.auths {
		e.authIx[a.ID] = int32(i)
	}
	e.authRank, e.authAt = identityRanks(len(e.auths))
}

func (e *engine) indexDuties() {
	e.duties = make([]*Duty, 0, len(e.p.Duties))
	for _, d := range e.p.Duties {
		e.duties = append(e.duties, d)
	}
	slices.SortFunc(e.duties, compareDuties)
	nd := len(e.duties)
	e.dutyIx = make(map[ID]int32, nd)
	e.dutyCat = make([]int32, nd)
	e.dutyKind = make([]ListKind, nd)
	e.dutyReq = make([][]int32, nd)
	e.authReq = make([][]int32, len(e.auths))
	e.cats = e.p.Categories()
	e.catIx = make(map[string]int32, len(e.cats))
	for i, c := range e.cats {
		e.catIx[c] = int32(i)
	}
	for i, d := range e.duties {
		e.dutyIx[d.ID] = int32(i)
		e.setDutyFacts(i, d)
	}
	e.dutyRank, e.dutyAt = identityRanks(nd)
}

// setDutyFacts records what the analysis reads from a duty: its reported
// identity, category, kind and required authorities.
func (e *engine) setDutyFacts(i int, d *Duty) {
	e.duties[i] = d
	e.dutyCat[i] = e.category(d.Category)
	e.dutyKind[i] = d.Kind
	if !d.Kind.Valid() {
		e.dutyKind[i] = ListBasic // invalid data is reported by Validate; analyse it as the strictest kind
	}
	req := e.dutyReq[i][:0]
	for _, id := range d.Required {
		if a, ok := e.authIx[id]; ok && !slices.Contains(req, a) {
			req = append(req, a)
		}
	}
	e.dutyReq[i] = req
	for _, a := range req {
		e.authReq[a] = append(e.authReq[a], int32(i))
	}
}

// unsetDutyRequired removes duty i from the authorities' lists of requiring duties.
func (e *engine) unsetDutyRequired(i int) {
	for _, a := range e.dutyReq[i] {
		e.authReq[a] = slices.DeleteFunc(e.authReq[a], func(x int32) bool { return x == int32(i) })
	}
}

// category returns the index of a category, adding it when new.
func (e *engine) category(c string) int32 {
	if i, ok := e.catIx[c]; ok {
		return i
	}
	i := int32(len(e.cats))
	e.cats = append(e.cats, c)
	e.catIx[c] = i
	if e.offAcc != nil {
		for o := range e.offAcc {
			e.offAcc[o].byCat = append(e.offAcc[o].byCat, acc{})
		}
		e.byCat = append(e.byCat, acc{})
	}
	return i
}

// setScope marks which offices have duty d in their list.
func (e *engine) setScope(d int) {
	nd := len(e.duties)
	duty := e.duties[d]
	all := len(duty.Scope) == 0
	for o := range e.offices {
		e.cells[o*nd+d].inList = all
	}
	for _, id := range duty.Scope {
		if o, ok := e.officeIx[id]; ok {
			e.cells[int(o)*nd+d].inList = true
		}
	}
}

// buildCell computes a cell during a full build and adds it to the totals.
func (e *engine) buildCell(o, d int) {
	e.computeCell(o, d)
	e.addCell(o, d, 1)
}

// setScopes marks, row by row, which duties are in each office's list.
func (e *engine) setScopes() {
	nd := len(e.duties)
	all := make([]bool, nd)
	for d, duty := range e.duties {
		all[d] = len(duty.Scope) == 0
	}
	for o := range e.offices {
		row := e.cells[o*nd : (o+1)*nd]
		for d := range row {
			row[d].inList = all[d]
		}
	}
	for d, duty := range e.duties {
		for _, id := range duty.Scope {
			if o, ok := e.officeIx[id]; ok {
				e.cells[int(o)*nd+d].inList = true
			}
		}
	}
}

// indexIncidents files the incident records by the cell of the (office,
// duty) they name; a record naming an office or duty the project lacks is
// left out (Validate reports it).
func (e *engine) indexIncidents() {
	e.incs = nil
	for _, inc := range e.p.Incidents {
		if i, ok := e.incidentCell(inc); ok {
			e.addIncident(int(i), inc)
		}
	}
	for _, list := range e.incs {
		slices.SortFunc(list, compareIncidents)
	}
}

// addIncident files an incident under cell i (unsorted).
func (e *engine) addIncident(i int, inc *Incident) {
	c := &e.cells[i]
	if c.inc == 0 {
		e.incs = append(e.incs, nil)
		c.inc = int32(len(e.incs))
	}
	e.incs[c.inc-1] = append(e.incs[c.inc-1], inc)
}

// incidentsOf are cell i's incident records, by date.
func (e *engine) incidentsOf(i int) []*Incident {
	if c := e.cells[i].inc; c > 0 {
		return e.incs[c-1]
	}
	return nil
}

func compareIncidents(a, b *Incident) int {
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}

// incidentCell is the cell an incident is filed under: its office and
// duty, as named.
func (e *engine) incidentCell(inc *Incident) (int32, bool) {
	o, ok1 := e.officeIx[inc.Office]
	d, ok2 := e.dutyIx[inc.Duty]
	if !ok1 || !ok2 {
		return 0, false
	}
	return o*int32(len(e.duties)) + d, true
}

// pairFacts gathers what the rules read for (o, d), duty d being in o's list.
func (e *engine) pairFacts(o, d int) pairFacts {
	na := len(e.auths)
	i := o*len(e.duties) + d
	a := e.cells[i].a
	kind := e.kindOf(o, d)
	x := pairFacts{set: &e.set, office: e.offices[o], duty: e.duties[d], kind: kind, role: effectiveRole(kind, a), a: a, cov: 1}
	x.incs = e.incidentsOf(i)
	x.incidents = IncidentCount(a, x.incs)
	x.res = resourceCoverage(a, &e.set)
	req := e.dutyReq[d]
	x.nReq = len(req)
	credit := 0.0
	for _, ai := range req {
		h := e.holds[o*na+int(ai)]
		credit += levelCredit(h, &e.set)
		if h != nil && h.DeFacto == LevelFull {
			x.nFull++
		}
	}
	// Only a lead needs the duty's authorities: a supporter does its part
	// without them (the lead department holds them; PUSHED_DOWN reports a
	// supporter held to account as if it led), and an office with no part
	// needs none. A supporter's lacking them is no gap, so no G > 0 goes
	// unexplained.
	if x.nReq > 0 && x.role == RoleLead {
		x.cov = credit / float64(x.nReq)
	}
	return x
}

// required lists the authorities duty d requires with office o's holdings.
func (e *engine) required(o, d int) []heldAuthority {
	na := len(e.auths)
	out := make([]heldAuthority, len(e.dutyReq[d]))
	for i, ai := range e.dutyReq[d] {
		out[i] = heldAuthority{name: e.auths[ai].Name, h: e.holds[o*na+int(ai)]}
	}
	return out
}

// computeCell analyses one (office, duty): scores it and grades it by
// every duty rule.
func (e *engine) computeCell(o, d int) {
	i := o*len(e.duties) + d
	c := &e.cells[i]
	sevs := e.dutyGrades(i)
	if !c.inList {
		*c = cell{a: c.a, sc: c.sc, inc: c.inc, published: c.published}
		clear(sevs)
		return
	}
	x := &e.fx.pair
	*x = e.pairFacts(o, d)
	c.role = x.role
	w := weight(x.role, c.a, x.incidents, &e.set)
	res := x.res
	gap := w * (1 - min(x.cov, res))
	c.wq, c.gq = 0, 0
	if c.a != nil {
		c.wq, c.gq = toFixed(w), toFixed(gap)
	}
	var worst Severity
	for r, ru := range registry.duty {
		sevs[r] = ru.duty.grade(x)
		worst = max(worst, sevs[r])
	}
	c.sc = Score{Office: e.offices[o].ID, Duty: e.duties[d].ID, Weight: w, AuthorityCoverage: x.cov,
		ResourceCoverage: res, Gap: gap, Worst: worst, Assessed: c.a != nil}
}

// add adds (sign 1) or removes (−1) a duty the office performs that
// requires the authority.
func (u *authUse) add(c *cell, sign int) {
	u.need += sign
	if c.role == RoleLead {
		u.lead += sign
	}
	if c.a != nil && c.a.Veto {
		u.vetoes += sign
	}
	u.gapq += int64(sign) * c.gq
}

// authFacts gathers what the rules read for (o, a).
func (e *engine) authFacts(o, a int) authFacts {
	i := o*len(e.auths) + a
	return authFacts{set: &e.set, h: e.holds[i], use: e.uses[i], name: e.auths[a].Name, office: e.offices[o]}
}

// computeAuth grades one (office, authority) by every authority rule, from
// the use addCell keeps.
func (e *engine) computeAuth(o, a int) {
	x := &e.fx.auth
	*x = e.authFacts(o, a)
	sevs := e.authGrades(o*len(e.auths) + a)
	for r, ru := range registry.auth {
		sevs[r] = ru.auth.grade(x)
	}
}

// officeFacts gathers what the rules read for office o, from the staffing
// sums addCell keeps.
func (e *engine) officeFacts(o int) officeFacts {
	oa := &e.offAcc[o]
	return officeFacts{set: &e.set, office: e.offices[o], staff: staffUse{neededQ: oa.staffNeedQ, heldQ: oa.staffHeldQ}}
}

// computeOffice grades an office as a whole by every office rule.
func (e *engine) computeOffice(o int) {
	x := &e.fx.office
	*x = e.officeFacts(o)
	sevs := e.officeGrades(o)
	for r, ru := range registry.office {
		sevs[r] = ru.office.grade(x)
	}
}

func identityRanks(n int) (rank, at []int32) {
	rank, at = make([]int32, n), make([]int32, n)
	for i := range rank {
		rank[i], at[i] = int32(i), int32(i)
	}
	return
}

// Display orders: offices by name, duties in list order (kind, number, name),
// authorities by type then name; the ID breaks ties so order is total.
func compareOffices(a, b *Office) int {
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}

func compareDuties(a, b *Duty) int {
	switch {
	case a.Kind != b.Kind:
		return int(a.Kind) - int(b.Kind)
	case a.Seq != b.Seq:
		if a.Seq < b.Seq {
			return -1
		}
		return 1
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}

var authorityTypeOrder = func() map[AuthorityType]int {
	m := map[AuthorityType]int{}
	for i, t := range AuthorityTypes {
		m[t] = i
	}
	return m
}()

func compareAuthorities(a, b *Authority) int {
	ta, oka := authorityTypeOrder[a.Type]
	tb, okb := authorityTypeOrder[b.Type]
	if !oka {
		ta = len(AuthorityTypes)
	}
	if !okb {
		tb = len(AuthorityTypes)
	}
	if ta != tb {
		return ta - tb
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}
