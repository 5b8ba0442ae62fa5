package model

import "slices"

// Incremental analysis. What each change makes dirty:
//
//	assessment (office, duty)        that cell
//	incident (office, duty)          that cell, before and after (W, exposure, 容错)
//	holding (office, authority)      the office's cells of duties requiring it, that authority
//	                                 cell, and the office's column of the admission requests
//	                                 (an authority it fully exercises need not come with a task)
//	duty edited                      the duty's cell in every office, and the authority cells of
//	                                 the authorities it required before or requires now
//	office edited                    that office's office-level findings (staffing), and
//	                                 the display order
//	authority edited                 nothing but the display order
//	proposal, off-list task          its whole register, re-graded (registers are small), and
//	                                 the offices whose findings in it change
//	decision, meeting, info          nothing: decisions act only in scenarios
//	settings; creating or deleting   full re-analysis (indices change)
//	an office, duty or authority
//
// and, from a dirty cell, the authority cells of the authorities its duty
// requires (the authority rules read the roles of the duties needing them)
// and its office (totals, office-wide staffing). Each dirty thing's old
// contribution to the totals is subtracted, it is recomputed, and the new
// contribution added; totals are integers (fixed point), so the result is
// exactly that of a full analysis. Only the breakdowns (category, list
// kind) a dirty cell was or is in are published again. Findings and their
// reasons are read from this state when asked for, so nothing else changes.

// updatePlan is what one batch of changes makes dirty and how the indices change.
type updatePlan struct {
	cells, auths, offices []int // dirty cells (o*nd+d), authority cells (o*na+a), offices
	officeEdits           []*Office
	authEdits             []*Authority
	dutyEdits             []*Duty
	holdEdits             []indexed[*Holding]
	assessEdits           []indexed[*Assessment]
	incidentEdits         []Change
	registers             []bool // registers to re-grade whole, by position in engine.regs
	rerank                bool
	// breakdowns are the (office, category) and (office, list kind) pairs
	// of dirty cells, before and after: o<<32 | category, and likewise
	// for kinds.
	cats, kinds []uint64
}

type indexed[T any] struct {
	at  int
	val T // nil: deleted
}

// marks remember what is already in a plan, so a column touched twice is listed once.
type marks struct{ cells, auths, offices []bool }

func (e *engine) update(changes []Change) {
	if len(changes) == 0 {
		return
	}
	plan := &updatePlan{}
	m := e.marks()
	defer m.clear(plan)
	for _, c := range changes {
		if !e.planChange(plan, m, c) {
			e.rebuildInPlace()
			return
		}
	}
	if len(plan.cells)+len(plan.auths)+len(plan.offices) == 0 && !plan.rerank && !slices.Contains(plan.registers, true) {
		return // e.g. only decisions or notes changed: nothing the analysis reads
	}
	e.apply(plan, m)
}

// marks returns the engine's (clear) marks, sized to its index spaces.
func (e *engine) marks() *marks {
	m := &e.mark
	if len(m.cells) != len(e.cells) || len(m.auths) != len(e.uses) || len(m.offices) != len(e.offices) {
		*m = marks{make([]bool, len(e.cells)), make([]bool, len(e.uses)), make([]bool, len(e.offices))}
	}
	return m
}

// clear unmarks what plan marked, so the next update starts clean without
// clearing every cell.
func (m *marks) clear(p *updatePlan) {
	for _, i := range p.cells {
		m.cells[i] = false
	}
	for _, i := range p.auths {
		m.auths[i] = false
	}
	for _, o := range p.offices {
		m.offices[o] = false
	}
}

// rebuildInPlace re-analyses in full, keeping the same *Result.
func (e *engine) rebuildInPlace() {
	old := e.res
	e.build()
	if old != nil {
		*old = *e.res
		e.res = old
	}
}

func (p *updatePlan) markCell(e *engine, m *marks, o, d int) {
	i := o*len(e.duties) + d
	if m.cells[i] {
		return
	}
	m.cells[i] = true
	p.cells = append(p.cells, i)
	p.markOffice(m, o)
	for _, a := range e.dutyReq[d] {
		p.markAuth(e, m, o, int(a))
	}
}

func (p *updatePlan) markAuth(e *engine, m *marks, o, a int) {
	i := o*len(e.auths) + a
	if !m.auths[i] {
		m.auths[i] = true
		p.auths = append(p.auths, i)
		p.markOffice(m, o)
	}
}

func (p *updatePlan) markOffice(m *marks, o int) {
	if !m.offices[o] {
		m.offices[o] = true
		p.offices = append(p.offices, o)
	}
}

// planChange adds one change to the plan; false means a full re-analysis is needed.
func (e *engine) planChange(p *updatePlan, m *marks, c Change) bool {
	created, deleted := c.Before == nil, c.After == nil
	switch c.Kind {
	case KindInfo, KindDecision, KindMeeting:
		return true
	case KindSettings:
		return false
	case KindOffice:
		if created || deleted {
			return false
		}
		o, ok := e.officeIx[c.After.(*Office).ID]
		if !ok {
			return false
		}
		after := c.After.(*Office)
		p.officeEdits = append(p.officeEdits, after)
		p.rerank = p.rerank || after.Name != e.offices[o].Name
		p.markOffice(m, int(o))
	case KindAuthority:
		if created || deleted {
			return false
		}
		after := c.After.(*Authority)
		a, ok := e.authIx[after.ID]
		if !ok {
			return false
		}
		p.authEdits = append(p.authEdits, after)
		p.rerank = p.rerank || after.Name != e.auths[a].Name || after.Type != e.auths[a].Type
	case KindDuty:
		if created || deleted {
			return false
		}
		after := c.After.(*Duty)
		d, ok := e.dutyIx[after.ID]
		if !ok {
			return false
		}
		before := e.duties[d]
		p.dutyEdits = append(p.dutyEdits, after)
		p.rerank = p.rerank || after.Kind != before.Kind || after.Seq != before.Seq || after.Name != before.Name
		for o := range e.offices {
			p.markCell(e, m, o, int(d))
			for _, id := range after.Required {
				if a, ok := e.authIx[id]; ok {
					p.markAuth(e, m, o, int(a))
				}
			}
		}
	case KindHolding:
		h := entityOf[*Holding](c)
		o, ok1 := e.officeIx[h.Office]
		a, ok2 := e.authIx[h.Authority]
		if !ok1 || !ok2 {
			return true // names an office or authority the project does not have: nothing to analyse
		}
		p.holdEdits = append(p.holdEdits, indexed[*Holding]{int(o)*len(e.auths) + int(a), afterOf[*Holding](c)})
		p.markAuth(e, m, int(o), int(a))
		for _, d := range e.authReq[a] {
			p.markCell(e, m, int(o), int(d))
		}
	case KindIncident:
		p.incidentEdits = append(p.incidentEdits, c)
		for _, x := range []Entity{c.Before, c.After} {
			if x == nil {
				continue
			}
			if i, ok := e.incidentCell(x.(*Incident)); ok {
				p.markCell(e, m, int(i)/len(e.duties), int(i)%len(e.duties))
			}
		}
	case KindProposal, KindOffListTask:
		k := slices.IndexFunc(e.regs, func(g entryRegister) bool { return g.kind() == c.Kind })
		if k < 0 {
			return false
		}
		if p.registers == nil {
			p.registers = make([]bool, len(e.regs))
		}
		p.registers[k] = true
	case KindAssessment:
		x := entityOf[*Assessment](c)
		o, ok1 := e.officeIx[x.Office]
		d, ok2 := e.dutyIx[x.Duty]
		if !ok1 || !ok2 {
			return true
		}
		p.assessEdits = append(p.assessEdits, indexed[*Assessment]{int(o)*len(e.duties) + int(d), afterOf[*Assessment](c)})
		p.markCell(e, m, int(o), int(d))
	default:
		return false
	}
	return true
}

// entityOf returns the entity a change is about (After, else Before).
func entityOf[T any](c Change) T {
	if c.After != nil {
		return c.After.(T)
	}
	return c.Before.(T)
}

func afterOf[T any](c Change) T {
	var zero T
	if c.After == nil {
		return zero
	}
	return c.After.(T)
}

// apply carries out a plan: subtract, re-index, recompute, add, publish.
func (e *engine) apply(p *updatePlan, m *marks) {
	nd, na := len(e.duties), len(e.auths)
	for _, i := range p.cells {
		p.touchBreakdowns(e, i/nd, i%nd)
		e.addCell(i/nd, i%nd, -1)
	}
	for _, i := range p.auths {
		e.addAuth(i/na, i%na, -1)
	}
	for _, o := range p.offices {
		e.addOffice(o, -1)
	}

	for _, o := range p.officeEdits {
		e.offices[e.officeIx[o.ID]] = o
	}
	for _, a := range p.authEdits {
		e.auths[e.authIx[a.ID]] = a
	}
	for _, h := range p.holdEdits {
		e.holds[h.at] = h.val
	}
	for _, a := range p.assessEdits {
		e.cells[a.at].a = a.val
	}
	for _, d := range p.dutyEdits {
		i := int(e.dutyIx[d.ID])
		e.unsetDutyRequired(i)
		e.setDutyFacts(i, d)
		e.setScope(i)
	}
	for _, c := range p.incidentEdits {
		e.applyIncident(c)
	}
	if p.rerank {
		e.rerank()
	}
	published := e.updateRegisters(p, m)

	for _, i := range p.cells {
		e.computeCell(i/nd, i%nd)
		e.addCell(i/nd, i%nd, 1)
		p.touchBreakdowns(e, i/nd, i%nd)
	}
	for _, i := range p.auths {
		e.computeAuth(i/na, i%na)
		e.addAuth(i/na, i%na, 1)
	}
	for _, o := range p.offices {
		e.computeOffice(o)
		e.addOffice(o, 1)
	}

	for _, i := range p.cells {
		e.publishCell(i/nd, i%nd)
	}
	for _, o := range p.offices {
		e.publishOffice(o)
	}
	for _, o := range published {
		if !m.offices[o] {
			e.publishOffice(o)
		}
	}
	e.publishBreakdowns(p)
	e.publishTotals()
}

// applyIncident files an incident's change in the engine's index.
func (e *engine) applyIncident(c Change) {
	if c.Before != nil {
		inc := c.Before.(*Incident)
		if i, ok := e.incidentCell(inc); ok && e.cells[i].inc > 0 {
			k := e.cells[i].inc - 1
			e.incs[k] = slices.DeleteFunc(e.incs[k], func(x *Incident) bool { return x.ID == inc.ID })
		}
	}
	if c.After != nil {
		inc := c.After.(*Incident)
		if i, ok := e.incidentCell(inc); ok {
			e.addIncident(int(i), inc)
			slices.SortFunc(e.incs[e.cells[i].inc-1], compareIncidents)
		}
	}
}

// updateRegisters re-grades the registers a plan changed: whole ones
// (an entry edited), or the columns of the offices whose holdings changed
// in registers that read holdings. It returns the offices whose register
// findings changed and which the plan does not already publish.
func (e *engine) updateRegisters(p *updatePlan, m *marks) []int {
	var out []int
	mark := func(o int) {
		if !m.offices[o] && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	for k, g := range e.regs {
		switch {
		case k < len(p.registers) && p.registers[k]:
			g.count(e, -1, -1, mark)
			g.rebuild(e)
			g.count(e, -1, 1, mark)
		case g.readsHoldings() && len(p.holdEdits) > 0:
			na := len(e.auths)
			var done []int
			for _, h := range p.holdEdits {
				if o := h.at / na; !slices.Contains(done, o) {
					done = append(done, o)
					g.regradeOffice(e, o) // o is in the plan: markAuth marked it
				}
			}
		}
	}
	return out
}

// touchBreakdowns records the breakdowns cell (o, d) counts in.
func (p *updatePlan) touchBreakdowns(e *engine, o, d int) {
	if e.cells[o*len(e.duties)+d].inList {
		p.cats = append(p.cats, uint64(o)<<32|uint64(e.dutyCat[d]))
		p.kinds = append(p.kinds, uint64(o)<<32|uint64(e.kindOf(o, d)))
	}
}

// publishBreakdowns publishes each touched breakdown once.
func (e *engine) publishBreakdowns(p *updatePlan) {
	slices.Sort(p.cats)
	slices.Sort(p.kinds)
	for _, k := range slices.Compact(p.cats) {
		o, cat := int(k>>32), int(uint32(k))
		fillMap(e.res.Offices[e.offices[o].ID].ByCategory, e.cats[cat], &e.offAcc[o].byCat[cat])
	}
	for _, k := range slices.Compact(p.kinds) {
		o, kind := int(k>>32), ListKind(uint32(k))
		fillMap(e.res.Offices[e.offices[o].ID].ByKind, kind, &e.offAcc[o].byKind[kind])
	}
}

// rerank recomputes display orders after a rename or a change of list kind.
func (e *engine) rerank() {
	e.officeRank, e.officeAt = ranksBy(e.offices, compareOffices)
	e.dutyRank, e.dutyAt = ranksBy(e.duties, compareDuties)
	e.authRank, e.authAt = ranksBy(e.auths, compareAuthorities)
}

func ranksBy[T any](xs []T, cmp func(a, b T) int) (rank, at []int32) {
	rank, at = identityRanks(len(xs))
	slices.SortFunc(at, func(i, j int32) int { return cmp(xs[i], xs[j]) })
	for pos, i := range at {
		rank[i] = int32(pos)
	}
	return
}
