package model

import (
	"slices"

	"github.com/google/uuid"
)

// Scenario returns a copy of p with its decisions carried out, oldest first,
// so a later decision on the same item wins. p is not changed.
//
// A decision naming an office acts on that office only. The list kind is a
// property of the catalogue duty, so to reassign or return a duty for one
// office the scenario splits it: the office gets its own copy of the duty
// (scoped to it alone, with a derived ID), the catalogue duty's scope loses
// the office, and the office's assessment moves to the copy. The copy
// remembers the catalogue duty, and analysis reports its scores and findings
// under the catalogue duty's ID, so they compare one to one with the
// baseline. A decision with Office = NilID acts on every office the duty
// applies to, on the catalogue duty itself.
//
//	keep, pending    nothing
//	to_supporting    kind → supporting; an assessed lead role → support
//	return           kind → returned; the office's role → none, its workload,
//	                 exposure and needs → 0 (the resources it held are freed)
//	cancel           the duty leaves the office's list (NilID: the catalogue)
//	grant            the office holds the authority de jure and fully de facto
//	add_resources    staff and funds held rise by the amounts decided (an item
//	                 not yet assessed has no needs, so nothing changes)
func Scenario(p *Project) *Project {
	b := &scenarioBuilder{s: p.Clone(), clones: map[PairKey]ID{}}
	for _, dec := range p.DecisionList() {
		b.apply(dec)
	}
	return b.s
}

type scenarioBuilder struct {
	s      *Project
	clones map[PairKey]ID // (office, catalogue duty) → the office's own copy
}

func (b *scenarioBuilder) apply(dec *Decision) {
	offices := b.officesOf(dec)
	if len(offices) == 0 {
		return
	}
	switch dec.Action {
	case ActionToSupporting, ActionReturn:
		kind := ListSupporting
		if dec.Action == ActionReturn {
			kind = ListReturned
		}
		for _, d := range b.targets(dec) {
			d.Kind = kind
		}
		for _, o := range offices {
			if a := b.assessment(o, dec.Duty); a != nil {
				if dec.Action == ActionReturn {
					returnWorkload(a)
				} else if a.Role == RoleLead {
					a.Role = RoleSupport
				}
			}
		}
	case ActionCancel:
		if dec.Office == NilID {
			for _, o := range offices {
				if d := b.holder(o, dec.Duty); d != nil {
					delete(b.s.Assessments, PairKey{o, d.ID})
				}
			}
			for _, d := range b.targets(dec) {
				delete(b.s.Duties, d.ID)
			}
			return
		}
		b.leave(dec.Office, dec.Duty)
	case ActionGrant:
		if b.s.Authorities[dec.Authority] == nil {
			return
		}
		for _, o := range offices {
			k := PairKey{o, dec.Authority}
			h := b.s.Holdings[k]
			if h == nil {
				h = &Holding{Office: o, Authority: dec.Authority}
				b.s.Holdings[k] = h
			}
			h.DeJure, h.DeFacto = true, LevelFull
		}
	case ActionAddResources:
		for _, o := range offices {
			if a := b.assessment(o, dec.Duty); a != nil {
				a.StaffHeld += dec.StaffDelta
				a.FundsHeld += dec.FundsDelta
			}
		}
	}
}

// returnWorkload clears what an office did on a duty handed back.
func returnWorkload(a *Assessment) {
	a.Role = RoleNone
	a.AssessedBy, a.Veto, a.Incidents = 0, false, 0
	a.HoursPerMonth, a.FormalismHours, a.ReportsPerMonth = 0, 0, 0
	a.StaffNeeded, a.FundsNeeded, a.SystemsNeeded = 0, 0, 0
}

// officesOf lists the offices a decision acts on, in name order.
func (b *scenarioBuilder) officesOf(dec *Decision) []ID {
	if dec.Office != NilID {
		if b.holder(dec.Office, dec.Duty) != nil {
			return []ID{dec.Office}
		}
		return nil
	}
	var out []ID
	for _, o := range b.s.OfficeList() {
		if b.holder(o.ID, dec.Duty) != nil {
			out = append(out, o.ID)
		}
	}
	return out
}

// targets are the duties whose kind a decision changes: the office's own
// copy, or for NilID the catalogue duty and every copy split from it.
func (b *scenarioBuilder) targets(dec *Decision) []*Duty {
	if dec.Office != NilID {
		if d := b.own(dec.Office, dec.Duty); d != nil {
			return []*Duty{d}
		}
		return nil
	}
	var out []*Duty
	if d := b.s.Duties[dec.Duty]; d != nil {
		out = append(out, d)
	}
	for k, id := range b.clones {
		if d := b.s.Duties[id]; k.Other == dec.Duty && d != nil {
			out = append(out, d)
		}
	}
	return out
}

// holder is the duty that carries catalogue duty id in office o's list, or nil.
func (b *scenarioBuilder) holder(o, id ID) *Duty {
	if c, ok := b.clones[PairKey{o, id}]; ok {
		return b.s.Duties[c] // nil once cancelled
	}
	if d := b.s.Duties[id]; d != nil && d.AppliesTo(o) {
		return d
	}
	return nil
}

func (b *scenarioBuilder) assessment(o, id ID) *Assessment {
	if d := b.holder(o, id); d != nil {
		return b.s.Assessments[PairKey{o, d.ID}]
	}
	return nil
}

// own returns a duty carrying id for office o alone, splitting it off the
// catalogue duty when other offices share it.
func (b *scenarioBuilder) own(o, id ID) *Duty {
	d := b.holder(o, id)
	if d == nil || d.origin != NilID || (len(d.Scope) == 1 && d.Scope[0] == o) {
		return d
	}
	c := *d
	c.ID = uuid.NewSHA1(id, o[:])
	c.origin = id
	c.Scope = []ID{o}
	c.Required = slices.Clone(d.Required)
	b.s.Duties[c.ID] = &c
	b.clones[PairKey{o, id}] = c.ID
	if a := b.s.Assessments[PairKey{o, id}]; a != nil {
		delete(b.s.Assessments, PairKey{o, id})
		a.Duty = c.ID
		b.s.Assessments[a.Key()] = a
	}
	b.removeFromScope(d, o)
	return &c
}

// leave takes catalogue duty id out of office o's list.
func (b *scenarioBuilder) leave(o, id ID) {
	d := b.holder(o, id)
	if d == nil {
		return
	}
	delete(b.s.Assessments, PairKey{o, d.ID})
	if d.origin != NilID {
		delete(b.s.Duties, d.ID)
		return
	}
	b.removeFromScope(d, o)
}

// removeFromScope drops office o from d's scope, spelling out "every
// office" first; a duty left with no office leaves the catalogue.
func (b *scenarioBuilder) removeFromScope(d *Duty, o ID) {
	if len(d.Scope) == 0 {
		for _, x := range b.s.OfficeList() {
			d.Scope = append(d.Scope, x.ID)
		}
	}
	d.Scope = slices.DeleteFunc(d.Scope, func(x ID) bool { return x == o })
	if len(d.Scope) == 0 {
		delete(b.s.Duties, d.ID)
	}
}
