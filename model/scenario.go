package model

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
)

// Scenario returns the project as it would be with its decisions carried
// out (改革方案), to analyse and compare with p. Decisions act oldest first
// (Project.DecisionList), so a later decision on the same item wins. A
// decision naming an office acts on that office's item of the duty; one
// with Office = NilID on the item of every office the duty applies to. A
// decision on an item that has already left the office's lists does
// nothing. What each action does to an office's item:
//
//	keep, pending      nothing
//	to_basic           the item moves to the basic list (the office leads it)
//	to_supporting      the item moves to the supporting list; an assessed
//	                   lead role becomes support
//	to_returned,       the item is (or stays) on the returned list and the
//	confirm_returned   office stops being held to it: role none, no
//	                   workload, burden, exposure or needs (what it held
//	                   stays), and its accountability records go
//	return             the item leaves the office's lists: the named
//	                   department takes it back
//	cancel             the item leaves the office's lists
//	grant              the office holds Decision.Authority de jure and fully
//	                   de facto
//	withdraw           the office no longer holds Decision.Authority
//	add_resources      staff, funds and systems held change by the decision's
//	                   deltas, never below 0 (an item not assessed has no
//	                   needs, so nothing changes)
//
// Power follows the task back (权随事转): when an item is returned,
// confirmed returned or cancelled, each authority its duty requires goes
// back with it — the office no longer holds it — unless another duty the
// office still performs in the scenario needs it, or a later decision
// grants it again. Without this the office would keep powers no duty needs
// and the plan would open IDLE findings it does not deserve; withdrawing
// them in the scenario, rather than teaching IDLE about decisions, keeps
// every rule a function of the project alone and shows in the scenario's
// holdings what the plan really does.
//
// The scenario has the same offices, duties and authorities as p, so its
// findings and scores compare with p's one to one. The list kind is a
// property of the catalogue duty, so an office's item moved to another list
// is recorded on the scenario's copy of the duty for that office alone
// (engine.kindOf reads it), and a duty left in no office's list keeps its
// place with a scope naming no office: the scenario never adds or removes
// a duty, which would make the incremental analysis of a Plan start over.
//
// The scenario shares with p the entities the decisions leave as they are;
// like p, treat it as read-only.
func Scenario(p *Project) *Project {
	b := newScenarioBuilder(p)
	b.run(b.everything())
	return b.s
}

// scenarioOf is the part of a scenario project that differs from its
// baseline: its own maps of the entities decisions change. The others
// (offices, authorities, decisions, meetings …) are the baseline's maps.
func scenarioOf(p *Project) *Project {
	s := *p
	s.Duties = maps.Clone(p.Duties)
	s.Holdings = maps.Clone(p.Holdings)
	s.Assessments = maps.Clone(p.Assessments)
	s.Incidents = maps.Clone(p.Incidents)
	return &s
}

// kindOf is the list kind duty d has in office o's list: the duty's own,
// unless a scenario moved the office's item to another list.
func (e *engine) kindOf(o, d int) ListKind {
	if m := e.duties[d].kindIn; m != nil {
		if k, ok := m[e.offices[o].ID]; ok && k.Valid() {
			return k
		}
	}
	return e.dutyKind[d]
}

// kindFor is the list kind of the duty in office o's list.
func (d *Duty) kindFor(o ID) ListKind {
	if k, ok := d.kindIn[o]; ok {
		return k
	}
	return d.Kind
}

// effect is what one action does to an office's item (see Scenario).
type effect struct {
	kind   ListKind                     // the list the item moves to; 0: it stays
	edit   func(*Assessment, *Decision) // changes the office's assessment (a copy)
	stops  bool                         // the office is no longer held to the item: its incident records go
	leaves bool                         // the item leaves the office's lists
	frees  bool                         // the duty's authorities go back with it
	hold   holdOp                       // what happens to Decision.Authority
}

type holdOp int

const (
	holdNone holdOp = iota
	holdGrant
	holdWithdraw
	holdFree // withdrawn at the end unless still needed or granted again
)

// effects is the one table of what every action does in a scenario.
var effects = map[Action]effect{
	ActionPending:         {},
	ActionKeep:            {},
	ActionToBasic:         {kind: ListBasic},
	ActionToSupporting:    {kind: ListSupporting, edit: leadToSupport},
	ActionToReturned:      {kind: ListReturned, edit: stopHolding, stops: true, frees: true},
	ActionConfirmReturned: {kind: ListReturned, edit: stopHolding, stops: true, frees: true},
	ActionReturn:          {leaves: true, frees: true},
	ActionCancel:          {leaves: true, frees: true},
	ActionGrant:           {hold: holdGrant},
	ActionWithdraw:        {hold: holdWithdraw},
	ActionAddResources:    {edit: changeResources},
}

func leadToSupport(a *Assessment, _ *Decision) {
	if a.Role == RoleLead {
		a.Role = RoleSupport
	}
}

// stopHolding clears what an office did and answered for on an item handed
// back: it keeps the item's identity, what it held and its notes.
func stopHolding(a *Assessment, _ *Decision) {
	*a = Assessment{Meta: a.Meta, Office: a.Office, Duty: a.Duty, Role: RoleNone,
		StaffHeld: a.StaffHeld, FundsHeld: a.FundsHeld, FundsDistrict: a.FundsDistrict,
		FundsTransferred: a.FundsTransferred, FundsSelf: a.FundsSelf, SystemsHeld: a.SystemsHeld, Notes: a.Notes}
}

func changeResources(a *Assessment, d *Decision) {
	a.StaffHeld = max(0, a.StaffHeld+d.StaffDelta)
	a.FundsHeld = max(0, a.FundsHeld+d.FundsDelta)
	a.SystemsHeld = max(0, a.SystemsHeld+d.SystemsDelta)
}

// compareDecisions orders decisions as Project.DecisionList does: oldest first.
func compareDecisions(a, b *Decision) int {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return cmp.Compare(a.ID.String(), b.ID.String())
}

// scenarioBuilder derives a scenario project s from its baseline p, item by
// item, so that a Plan can redo only what a change touches.
type scenarioBuilder struct {
	p, s    *Project
	offices []ID // every office, in ID order (scopes are spelled out in it)

	byDuty    map[ID][]*Decision // the decisions on each duty, oldest first
	byAuth    map[ID][]*Decision // the decisions naming each authority, oldest first
	requiring map[ID][]ID        // the duties requiring each authority
	incidents map[PairKey][]ID   // the incident records of each (office, duty)

	// from names the baseline duty each scenario copy of a duty was made from.
	from  map[ID]*Duty
	items map[PairKey]*item // items replayed in the current run
}

// item is what the decisions on a duty make of one office's item of it.
type item struct {
	listed  bool
	stopped bool // the office is no longer held to it
	kind    ListKind
	a       *Assessment // the baseline's until a decision changes it
	acts    []holdAct   // what they do to the office's holdings, oldest first
}

// holdAct is a decision's act on the office's holding of an authority.
type holdAct struct {
	dec  *Decision
	auth ID
	op   holdOp
}

func newScenarioBuilder(p *Project) *scenarioBuilder {
	b := &scenarioBuilder{p: p, s: scenarioOf(p), byDuty: map[ID][]*Decision{}, byAuth: map[ID][]*Decision{},
		requiring: map[ID][]ID{}, from: map[ID]*Duty{}, incidents: map[PairKey][]ID{}}
	for id := range p.Offices {
		b.offices = append(b.offices, id)
	}
	slices.SortFunc(b.offices, func(x, y ID) int { return bytes.Compare(x[:], y[:]) })
	for _, d := range p.Duties {
		b.require(d, 1)
	}
	for _, dec := range p.Decisions {
		b.index(dec, 1)
	}
	for _, inc := range p.Incidents {
		b.fileIncident(inc, 1)
	}
	return b
}

// fileIncident adds (sign 1) or removes (−1) an incident record from the
// records of its (office, duty).
func (b *scenarioBuilder) fileIncident(inc *Incident, sign int) {
	k := inc.Key()
	list := slices.DeleteFunc(b.incidents[k], func(x ID) bool { return x == inc.ID })
	if sign > 0 {
		list = append(list, inc.ID)
	}
	if len(list) == 0 {
		delete(b.incidents, k)
	} else {
		b.incidents[k] = list
	}
}

// require adds (sign 1) or removes (−1) d from the lists of duties requiring its authorities.
func (b *scenarioBuilder) require(d *Duty, sign int) {
	for _, a := range d.Required {
		if sign > 0 {
			if !slices.Contains(b.requiring[a], d.ID) {
				b.requiring[a] = append(b.requiring[a], d.ID)
			}
		} else {
			b.requiring[a] = slices.DeleteFunc(b.requiring[a], func(x ID) bool { return x == d.ID })
		}
	}
}

// index adds (sign 1) or removes (−1) a decision from the indices.
func (b *scenarioBuilder) index(dec *Decision, sign int) {
	put := func(m map[ID][]*Decision, k ID) {
		list := slices.DeleteFunc(m[k], func(x *Decision) bool { return x.ID == dec.ID })
		if sign > 0 {
			i, _ := slices.BinarySearchFunc(list, dec, compareDecisions)
			list = slices.Insert(list, i, dec)
		}
		if len(list) == 0 {
			delete(m, k)
		} else {
			m[k] = list
		}
	}
	put(b.byDuty, dec.Duty)
	if dec.Authority != NilID {
		put(b.byAuth, dec.Authority)
	}
}

// work is what a run recomputes: duties in every office, single items,
// holdings and incident records; auths lists, per duty, authorities a change no longer shows
// (a duty's former requirements, a decision's former authority) whose
// holdings must be recomputed with the duty's items.
type work struct {
	duties    map[ID]bool
	items     map[PairKey]bool
	holds     map[PairKey]bool
	incidents map[ID]bool
	auths     map[ID][]ID
}

func newWork() *work {
	return &work{duties: map[ID]bool{}, items: map[PairKey]bool{}, holds: map[PairKey]bool{}, incidents: map[ID]bool{},
		auths: map[ID][]ID{}}
}

// everything is the work of building a scenario from scratch: every duty
// with decisions (the others are the baseline's as they are).
func (b *scenarioBuilder) everything() *work {
	w := newWork()
	for d := range b.byDuty {
		w.duties[d] = true
	}
	return w
}

// run recomputes what w names, stores it in the scenario and returns the
// changes it made, duties and assessments before holdings (a holding freed
// by a decision stays when the scenario's other items still need it).
func (b *scenarioBuilder) run(w *work) []Change {
	b.items = map[PairKey]*item{}
	defer func() { b.items = nil }()
	var out []Change
	touched := func(o, d ID) {
		for _, id := range b.incidents[PairKey{o, d}] {
			w.incidents[id] = true
		}
		for _, a := range b.p.Duties[d].Required {
			w.holds[PairKey{o, a}] = true
		}
		for _, dec := range b.byDuty[d] {
			if dec.Authority != NilID {
				w.holds[PairKey{o, dec.Authority}] = true
			}
		}
		for _, a := range w.auths[d] {
			w.holds[PairKey{o, a}] = true
		}
	}
	for d := range w.duties {
		if b.p.Duties[d] == nil {
			continue // a decision on a duty that is gone
		}
		out = b.putDuty(out, d)
		for _, o := range b.offices {
			out = b.putAssessment(out, o, d)
			touched(o, d)
		}
	}
	for k := range w.items {
		if w.duties[k.Other] || b.p.Duties[k.Other] == nil || b.p.Offices[k.Office] == nil {
			continue
		}
		out = b.putAssessment(out, k.Office, k.Other)
		touched(k.Office, k.Other)
	}
	for id := range w.incidents {
		out = b.putIncident(out, id)
	}
	for k := range w.holds {
		if b.p.Offices[k.Office] != nil && b.p.Authorities[k.Other] != nil {
			out = b.putHolding(out, k.Office, k.Other)
		}
	}
	return out
}

// replay plays the decisions on duty d for office o over the baseline.
func (b *scenarioBuilder) replay(o, d ID) *item {
	k := PairKey{o, d}
	if it := b.items[k]; it != nil {
		return it
	}
	bd := b.p.Duties[d]
	it := &item{listed: bd.AppliesTo(o), kind: bd.Kind, a: b.p.Assessments[k]}
	copied := false
	for _, dec := range b.byDuty[d] {
		if !it.listed {
			break
		}
		if dec.Office != NilID && dec.Office != o {
			continue
		}
		ef := effects[dec.Action]
		if ef.kind != 0 {
			it.kind = ef.kind
		}
		it.stopped = it.stopped || ef.stops
		if ef.edit != nil && it.a != nil {
			if !copied {
				x := *it.a
				it.a, copied = &x, true
			}
			ef.edit(it.a, dec)
		}
		if ef.hold != holdNone && dec.Authority != NilID {
			it.acts = append(it.acts, holdAct{dec, dec.Authority, ef.hold})
		}
		if ef.frees {
			for _, a := range bd.Required {
				it.acts = append(it.acts, holdAct{dec, a, holdFree})
			}
		}
		if ef.leaves {
			it.listed = false
		}
	}
	b.items[k] = it
	return it
}

// putDuty stores the scenario's duty d: the baseline's, unless decisions
// moved items of it to other lists or out of offices' lists.
func (b *scenarioBuilder) putDuty(out []Change, d ID) []Change {
	bd, cur := b.p.Duties[d], b.s.Duties[d]
	next := bd
	if len(b.byDuty[d]) > 0 {
		kind := bd.Kind // the catalogue's: as decisions for every office leave it
		for _, dec := range b.byDuty[d] {
			if k := effects[dec.Action].kind; k != 0 && dec.Office == NilID {
				kind = k
			}
		}
		var kindIn map[ID]ListKind
		var listed []ID
		left := false
		for _, o := range b.offices {
			if !bd.AppliesTo(o) {
				continue
			}
			it := b.replay(o, d)
			if !it.listed {
				left = true
				continue
			}
			listed = append(listed, o)
			if it.kind != kind {
				if kindIn == nil {
					kindIn = map[ID]ListKind{}
				}
				kindIn[o] = it.kind
			}
		}
		if left || kind != bd.Kind || kindIn != nil {
			x := *bd
			x.Kind, x.kindIn = kind, kindIn
			if left {
				x.Scope = b.scopeOf(bd, listed)
			}
			next = &x
		}
	}
	if cur == next || (next != bd && b.from[d] == bd && sameListing(cur, next)) {
		return out
	}
	b.s.Duties[d] = next
	if next == bd {
		delete(b.from, d)
	} else {
		b.from[d] = bd
	}
	return append(out, Change{Kind: KindDuty, Before: cur, After: next})
}

// noOffice is the scope of a duty left in no office's list: NilID names no office.
var noOffice = []ID{NilID}

// scopeOf is the scope of duty bd once only the offices listed still have
// it: offices of its scope the project does not have stay in it.
func (b *scenarioBuilder) scopeOf(bd *Duty, listed []ID) []ID {
	out := listed
	if len(bd.Scope) > 0 {
		out = nil
		for _, o := range bd.Scope {
			if b.p.Offices[o] == nil || slices.Contains(listed, o) {
				out = append(out, o)
			}
		}
	}
	if len(out) == 0 {
		return noOffice
	}
	return out
}

// sameListing reports whether two copies of a duty made from the same
// baseline duty list it alike: the same kinds, in the same offices.
func sameListing(x, y *Duty) bool {
	return x.Kind == y.Kind && slices.Equal(x.Scope, y.Scope) && maps.Equal(x.kindIn, y.kindIn)
}

// putAssessment stores the scenario's assessment of (o, d).
func (b *scenarioBuilder) putAssessment(out []Change, o, d ID) []Change {
	k := PairKey{o, d}
	next := b.p.Assessments[k]
	if len(b.byDuty[d]) > 0 {
		next = b.replay(o, d).a
	}
	return store(out, b.s.Assessments, k, next)
}

// putIncident stores the scenario's incident record id: the baseline's,
// unless the office is no longer held to its item.
func (b *scenarioBuilder) putIncident(out []Change, id ID) []Change {
	next := b.p.Incidents[id]
	if next != nil && len(b.byDuty[next.Duty]) > 0 && b.p.Duties[next.Duty] != nil && b.p.Offices[next.Office] != nil &&
		b.replay(next.Office, next.Duty).stopped {
		next = nil
	}
	return store(out, b.s.Incidents, id, next)
}

// putHolding stores the scenario's holding of (o, a): the baseline's with
// the grants, withdrawals and returns of the decisions acting on it, in
// their order.
func (b *scenarioBuilder) putHolding(out []Change, o, a ID) []Change {
	k := PairKey{o, a}
	next := b.p.Holdings[k]
	if acts := b.holdActs(o, a); len(acts) > 0 {
		freed := false
		for _, x := range acts {
			switch x.op {
			case holdGrant:
				if next == nil || !next.DeJure || next.DeFacto != LevelFull {
					h := Holding{Meta: Meta{Created: x.dec.Created, Modified: x.dec.Modified, Author: x.dec.Author}}
					if next != nil {
						h = *next
					}
					h.Office, h.Authority, h.DeJure, h.DeFacto = o, a, true, LevelFull
					next = &h
				}
				freed = false
			case holdWithdraw:
				next, freed = nil, false
			case holdFree:
				freed = true
			}
		}
		if freed && b.needed(o, a) {
			freed = false
		}
		if freed {
			next = nil
		}
	}
	return store(out, b.s.Holdings, k, next)
}

// store makes next the scenario's entity under k in m (nil: none) and adds
// the change to out, unless what m holds is equal to it.
func store[K comparable, T comparable, PT interface {
	*T
	Entity
}](out []Change, m map[K]PT, k K, next PT) []Change {
	cur := m[k]
	if cur == next || (cur != nil && next != nil && *cur == *next) {
		return out
	}
	c := Change{Before: orNil(cur), After: orNil(next)}
	if next == nil {
		delete(m, k)
		c.Kind = cur.EntityKind()
	} else {
		m[k] = next
		c.Kind = next.EntityKind()
	}
	return append(out, c)
}

// holdActs lists, oldest first, what decisions do to office o's holding of
// authority a: those naming it, and the returns of duties requiring it.
func (b *scenarioBuilder) holdActs(o, a ID) []holdAct {
	var duties []ID
	for _, dec := range b.byAuth[a] {
		if !slices.Contains(duties, dec.Duty) && b.p.Duties[dec.Duty] != nil {
			duties = append(duties, dec.Duty)
		}
	}
	for _, d := range b.requiring[a] {
		if len(b.byDuty[d]) > 0 && !slices.Contains(duties, d) {
			duties = append(duties, d)
		}
	}
	var acts []holdAct
	for _, d := range duties {
		for _, x := range b.replay(o, d).acts {
			if x.auth == a {
				acts = append(acts, x)
			}
		}
	}
	slices.SortStableFunc(acts, func(x, y holdAct) int { return compareDecisions(x.dec, y.dec) })
	return acts
}

// needed reports whether a duty office o still performs in the scenario
// (in its list, with a part in it) requires authority a: the duties whose
// use keeps IDLE quiet.
func (b *scenarioBuilder) needed(o, a ID) bool {
	for _, d := range b.requiring[a] {
		sd := b.s.Duties[d]
		if sd != nil && sd.AppliesTo(o) && effectiveRole(sd.kindFor(o), b.s.Assessments[PairKey{o, d}]) != RoleNone {
			return true
		}
	}
	return false
}

// orNil returns e as an Entity, or nil (not a nil pointer in an Entity).
func orNil[T any, PT interface {
	*T
	Entity
}](e PT) Entity {
	if e == nil {
		return nil
	}
	return e
}
