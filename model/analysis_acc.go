package model

// acc totals scores and findings over a set of items. W and G are summed in
// fixed point so that adding and removing contributions one edit at a time
// gives exactly what a full recount gives.
type acc struct {
	items    int
	assessed int
	wq, gq   int64 // over the assessed items (cell.wq, cell.gq are 0 for the others)
	rules    []int // findings per rule, in registry order; nil until one is counted
	sevs     [SevCritical + 1]int

	// shown is what fill last published and into which Summary: the next
	// fill into the same Summary writes only the counts that changed (a
	// duty edit publishes hundreds of summaries, most counts the same).
	shown struct {
		to    *Summary
		rules []int
		sevs  [SevCritical + 1]int
	}
}

// officeAcc is one office's totals with breakdowns and its staffing sums.
type officeAcc struct {
	total                  acc
	byCat                  []acc
	byKind                 [ListReturned + 1]acc
	staffNeedQ, staffHeldQ int64
}

// addFinding counts (sign 1) or uncounts (−1) a finding of rule r, if s > 0.
func (x *acc) addFinding(r *rule, s Severity, sign int) {
	if s <= 0 {
		return
	}
	if x.rules == nil {
		x.rules = make([]int, len(registry.all))
	}
	x.rules[r.ix] += sign
	x.sevs[s] += sign
}

// addCell adds (sign 1) or removes (sign −1) a cell's contribution.
func (e *engine) addCell(o, d, sign int) {
	i := o*len(e.duties) + d
	c := &e.cells[i]
	if !c.inList {
		return
	}
	cat, kind := e.dutyCat[d], e.kindOf(o, d)
	oa := &e.offAcc[o]
	accs := [...]*acc{&oa.total, &oa.byCat[cat], &oa.byKind[kind], &e.tot, &e.byCat[cat], &e.byKind[kind]}
	for _, x := range accs {
		x.items += sign
		if c.a != nil {
			x.assessed += sign
		}
		x.wq += int64(sign) * c.wq
		x.gq += int64(sign) * c.gq
	}
	if c.sc.Worst > 0 {
		for r, s := range e.dutyGrades(i) {
			if s > 0 {
				for _, x := range accs {
					x.addFinding(registry.duty[r], s, sign)
				}
			}
		}
	}
	need, held := c.staffQ()
	oa.staffNeedQ += int64(sign) * need
	oa.staffHeldQ += int64(sign) * held
	// The authorities the duty requires: the authority rules read their use.
	if c.role != RoleNone {
		na := len(e.auths)
		for _, a := range e.dutyReq[d] {
			e.uses[o*na+int(a)].add(c, sign)
		}
	}
}

// addAuth adds or removes the findings on (o, a).
func (e *engine) addAuth(o, a, sign int) {
	for r, s := range e.authGrades(o*len(e.auths) + a) {
		e.offAcc[o].total.addFinding(registry.auth[r], s, sign)
		e.tot.addFinding(registry.auth[r], s, sign)
	}
}

// addOffice adds or removes the findings on office o as a whole.
func (e *engine) addOffice(o, sign int) {
	for r, s := range e.officeGrades(o) {
		e.offAcc[o].total.addFinding(registry.office[r], s, sign)
		e.tot.addFinding(registry.office[r], s, sign)
	}
}

// count is the number of findings x counts.
func (x *acc) count() int {
	n := 0
	for _, c := range x.rules {
		n += c
	}
	return n
}

// fill publishes the totals into s, reusing its maps.
func (x *acc) fill(s *Summary) {
	s.Items, s.Assessed, s.Weight, s.Gap = x.items, x.assessed, fromFixed(x.wq), fromFixed(x.gq)
	s.Balance = balance(s.Weight, s.Gap)
	sh := &x.shown
	if sh.to != s || s.ByRule == nil || s.BySeverity == nil {
		x.fillCounts(s)
		return
	}
	for i, r := range registry.all {
		if n := x.ruleCount(i); n != sh.rules[i] {
			if n == 0 {
				delete(s.ByRule, r.code)
			} else {
				s.ByRule[r.code] = n
			}
			sh.rules[i] = n
		}
	}
	for sev, n := range x.sevs {
		if n != sh.sevs[sev] {
			if n == 0 {
				delete(s.BySeverity, Severity(sev))
			} else {
				s.BySeverity[Severity(sev)] = n
			}
		}
	}
	sh.sevs = x.sevs
}

// fillCounts writes every count into s afresh and remembers them.
func (x *acc) fillCounts(s *Summary) {
	if s.ByRule == nil || s.BySeverity == nil {
		s.ByRule, s.BySeverity = map[RuleCode]int{}, map[Severity]int{}
	}
	clear(s.ByRule)
	clear(s.BySeverity)
	sh := &x.shown
	sh.to, sh.sevs = s, x.sevs
	if len(sh.rules) != len(registry.all) {
		sh.rules = make([]int, len(registry.all))
	}
	for i, r := range registry.all {
		n := x.ruleCount(i)
		sh.rules[i] = n
		if n != 0 {
			s.ByRule[r.code] = n
		}
	}
	for sev, n := range x.sevs {
		if n != 0 {
			s.BySeverity[Severity(sev)] = n
		}
	}
}

// ruleCount is the number of findings of the i-th rule.
func (x *acc) ruleCount(i int) int {
	if x.rules == nil {
		return 0
	}
	return x.rules[i]
}

// fillMap publishes a breakdown: an entry for every key with items, others removed.
func fillMap[K comparable](m map[K]*Summary, k K, x *acc) {
	if x.items == 0 {
		delete(m, k)
		return
	}
	s := m[k]
	if s == nil {
		s = &Summary{}
		m[k] = s
	}
	x.fill(s)
}

// publishAll builds a fresh Result from the engine.
func (e *engine) publishAll() {
	r := &Result{Settings: e.set, eng: e}
	e.res = r
	nd := len(e.duties)
	n := 0
	for i := range e.cells {
		if e.cells[i].inList {
			n++
		}
	}
	r.Scores = make(map[PairKey]*Score, n)
	for i := range e.cells {
		c := &e.cells[i]
		if c.published = c.inList; c.published {
			r.Scores[PairKey{c.sc.Office, e.duties[i%nd].ID}] = &c.sc
		}
	}
	r.Offices = make(map[ID]*OfficeSummary, len(e.offices))
	for o := range e.offices {
		s := e.publishOffice(o)
		for i := range e.cats {
			fillMap(s.ByCategory, e.cats[i], &e.offAcc[o].byCat[i])
		}
		for _, k := range ListKinds {
			fillMap(s.ByKind, k, &e.offAcc[o].byKind[k])
		}
	}
	e.publishTotals()
}

// publishCell adds or removes a cell's Score when the duty entered or left
// the office's list (computeCell keeps the Score's values current).
func (e *engine) publishCell(o, d int) {
	c := &e.cells[o*len(e.duties)+d]
	key := PairKey{e.offices[o].ID, e.duties[d].ID}
	switch {
	case c.inList && !c.published:
		e.res.Scores[key] = &c.sc
	case !c.inList && c.published:
		delete(e.res.Scores, key)
	}
	c.published = c.inList
}

// publishOffice brings an office's totals up to date in place and returns
// its summary; its breakdowns are published by the caller, which knows
// which of them changed.
func (e *engine) publishOffice(o int) *OfficeSummary {
	id := e.offices[o].ID
	s := e.res.Offices[id]
	if s == nil {
		s = &OfficeSummary{Office: id, ByCategory: map[string]*Summary{}, ByKind: map[ListKind]*Summary{}}
		e.res.Offices[id] = s
	}
	e.offAcc[o].total.fill(&s.Summary)
	return s
}

// publishTotals brings the project totals up to date in place.
func (e *engine) publishTotals() {
	r := e.res
	e.tot.fill(&r.Total)
	if r.ByCategory == nil {
		r.ByCategory, r.ByKind = map[string]*Summary{}, map[ListKind]*Summary{}
	}
	for i := range e.byCat {
		fillMap(r.ByCategory, e.cats[i], &e.byCat[i])
	}
	for _, k := range ListKinds {
		fillMap(r.ByKind, k, &e.byKind[k])
	}
}
