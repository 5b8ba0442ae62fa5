package model

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"rpbmatrix/model/words"
)

// The registers beside the lists — admission requests (准入申请) and
// off-list tasks (清单外事项) — are graded entry by entry, for every office
// an entry applies to. They are small (tens or hundreds of entries), so a
// change to one re-grades the whole register, and a change that one office's
// grades depend on (a holding, for the authorities a request needs)
// re-grades that office's column; the duty cells are not touched.
//
// One generic register type serves every kind; a new register is a row in
// newRegisters, a facts type and a check field on rule.

// entryRegister is the analysis of one register, seen from the engine.
type entryRegister interface {
	scope() Scope
	kind() EntityKind
	// rebuild indexes the project's entries and grades them all; it
	// neither adds to nor takes from the totals (count does).
	rebuild(e *engine)
	// regradeOffice grades office o's column again, keeping the totals.
	regradeOffice(e *engine, o int)
	// count adds (1) or removes (−1) every finding of the register, or of
	// office o only (o ≥ 0), from the totals; it marks the offices whose
	// totals change in mark, when given.
	count(e *engine, o, sign int, mark func(o int))
	// readsHoldings says a holding edit changes grades (regradeOffice).
	readsHoldings() bool
	size() int
	id(i int) ID
	entity(i int) Entity
	index(id ID) (int, bool)
	appendFindings(dst []found, e *engine, o int, base int32) []found
	appendItemFindings(dst []found, e *engine, o, i int, base int32) []found
	reason(e *engine, r *rule, o, i int) words.Msg
}

// register is the analysis of the entries of type T, graded by the rules
// with a check on facts F.
type typedRegister[T interface {
	Entity
	comparable
}, F any] struct {
	sc       Scope
	k        EntityKind
	holdings bool                          // facts read the office's holdings
	list     func(p *Project) []T          // every entry, in any order
	name     func(x T) string              // orders the entries, with the ID
	idOf     func(x T) ID                  //
	applies  func(x T, office ID) bool     // whether x applies to office
	facts    func(e *engine, o int, x T) F // what the rules read
	checkOf  func(r *rule) *check[F]       // a rule's check on this register, or nil

	rules []*rule
	items []T
	ix    map[ID]int32
	sev   []Severity // (i*no + o)*len(rules) + k; 0 where the entry does not apply
}

// newRegisters returns the engine's registers, in the order their findings
// come after an office's own: admission requests, then off-list tasks.
func newRegisters() []entryRegister {
	return []entryRegister{
		&typedRegister[*Proposal, proposalFacts]{
			sc: ScopeProposal, k: KindProposal, holdings: true,
			list:    func(p *Project) []*Proposal { return slices.Collect(maps.Values(p.Proposals)) },
			name:    func(q *Proposal) string { return q.Department + "\x00" + q.Name },
			idOf:    func(q *Proposal) ID { return q.ID },
			applies: func(q *Proposal, office ID) bool { return q.AppliesTo(office) },
			facts:   (*engine).proposalFacts,
			checkOf: func(r *rule) *check[proposalFacts] { return r.proposal },
		},
		&typedRegister[*OffListTask, offListFacts]{
			sc: ScopeOffList, k: KindOffListTask,
			list:    func(p *Project) []*OffListTask { return slices.Collect(maps.Values(p.OffListTasks)) },
			name:    func(t *OffListTask) string { return t.Name },
			idOf:    func(t *OffListTask) ID { return t.ID },
			applies: func(t *OffListTask, office ID) bool { return t.Office == office },
			facts:   func(e *engine, o int, t *OffListTask) offListFacts { return offListFacts{set: &e.set, t: t} },
			checkOf: func(r *rule) *check[offListFacts] { return r.offList },
		},
	}
}

func (g *typedRegister[T, F]) scope() Scope        { return g.sc }
func (g *typedRegister[T, F]) kind() EntityKind    { return g.k }
func (g *typedRegister[T, F]) readsHoldings() bool { return g.holdings }
func (g *typedRegister[T, F]) size() int           { return len(g.items) }
func (g *typedRegister[T, F]) id(i int) ID         { return g.idOf(g.items[i]) }
func (g *typedRegister[T, F]) entity(i int) Entity { return g.items[i] }
func (g *typedRegister[T, F]) grades(i, o, no int) []Severity {
	n := len(g.rules)
	at := (i*no + o) * n
	return g.sev[at : at+n]
}

func (g *typedRegister[T, F]) index(id ID) (int, bool) {
	i, ok := g.ix[id]
	return int(i), ok
}

func (g *typedRegister[T, F]) rebuild(e *engine) {
	if g.rules == nil {
		for _, r := range registry.all {
			if g.checkOf(r) != nil {
				g.rules = append(g.rules, r)
			}
		}
	}
	g.items = g.list(e.p)
	slices.SortFunc(g.items, func(a, b T) int {
		if c := strings.Compare(g.name(a), g.name(b)); c != 0 {
			return c
		}
		ia, ib := g.idOf(a), g.idOf(b)
		return bytes.Compare(ia[:], ib[:])
	})
	g.ix = make(map[ID]int32, len(g.items))
	for i, x := range g.items {
		g.ix[g.idOf(x)] = int32(i)
	}
	no := len(e.offices)
	g.sev = make([]Severity, len(g.items)*no*len(g.rules))
	for o := range e.offices {
		g.grade(e, o)
	}
}

// grade grades office o's column.
func (g *typedRegister[T, F]) grade(e *engine, o int) {
	no, id := len(e.offices), e.offices[o].ID
	for i, x := range g.items {
		sevs := g.grades(i, o, no)
		if !g.applies(x, id) {
			clear(sevs)
			continue
		}
		f := g.facts(e, o, x)
		for k, r := range g.rules {
			sevs[k] = g.checkOf(r).grade(&f)
		}
	}
}

func (g *typedRegister[T, F]) regradeOffice(e *engine, o int) {
	g.count(e, o, -1, nil)
	g.grade(e, o)
	g.count(e, o, 1, nil)
}

func (g *typedRegister[T, F]) count(e *engine, only, sign int, mark func(o int)) {
	no := len(e.offices)
	for i := range g.items {
		for o := range no {
			if only >= 0 && o != only {
				continue
			}
			for k, s := range g.grades(i, o, no) {
				if s > 0 {
					e.offAcc[o].total.addFinding(g.rules[k], s, sign)
					e.tot.addFinding(g.rules[k], s, sign)
					if mark != nil {
						mark(o)
					}
				}
			}
		}
	}
}

// appendFindings appends office o's findings in the register; they rank
// after the office's own, by the office's ΣG.
func (g *typedRegister[T, F]) appendFindings(dst []found, e *engine, o int, base int32) []found {
	for i := range g.items {
		dst = g.appendItemFindings(dst, e, o, i, base)
	}
	return dst
}

// appendItemFindings appends office o's findings on entry i alone.
func (g *typedRegister[T, F]) appendItemFindings(dst []found, e *engine, o, i int, base int32) []found {
	for k, s := range g.grades(i, o, len(e.offices)) {
		if s > 0 {
			dst = append(dst, found{gap: fromFixed(e.offAcc[o].total.gq), sev: s, orank: e.officeRank[o],
				item: base + int32(i), rule: int32(g.rules[k].ix)})
		}
	}
	return dst
}

func (g *typedRegister[T, F]) reason(e *engine, r *rule, o, i int) words.Msg {
	c := g.checkOf(r)
	x := g.items[i]
	if c == nil || !g.applies(x, e.offices[o].ID) {
		return words.Msg{}
	}
	f := g.facts(e, o, x)
	return worded(c, &f)
}

// entryBase is the item number of the first entry of register k in the
// finding order: after the office itself (0), before the authorities.
func (e *engine) entryBase(k int) int32 {
	base := int32(1)
	for _, g := range e.regs[:k] {
		base += int32(g.size())
	}
	return base
}

// entries is the number of entries in every register.
func (e *engine) entries() int {
	n := 0
	for _, g := range e.regs {
		n += g.size()
	}
	return n
}

// entryAt finds the register and entry of an item number of the finding order.
func (e *engine) entryAt(item int32) (entryRegister, int) {
	i := int(item) - 1
	for _, g := range e.regs {
		if i < g.size() {
			return g, i
		}
		i -= g.size()
	}
	return nil, 0
}

// findEntry finds the register holding the entry id.
func (e *engine) findEntry(id ID) (entryRegister, int, bool) {
	for _, g := range e.regs {
		if i, ok := g.index(id); ok {
			return g, i, true
		}
	}
	return nil, 0, false
}

// proposalFacts gathers what the rules read for office o and admission
// request q: the authorities the task requires that come neither with it
// nor from what the office already fully exercises. A task admitted as a
// supporting item needs none of them, as a supporter needs none of a
// duty's (pairFacts).
func (e *engine) proposalFacts(o int, q *Proposal) proposalFacts {
	x := proposalFacts{set: &e.set, q: q, office: e.offices[o], names: e.authorityNames}
	if q.Admission == AdmissionToSupporting {
		return x
	}
	na := len(e.auths)
	for _, id := range q.MissingAuthorities() {
		a, ok := e.authIx[id]
		if !ok {
			continue // an authority the project lacks: Validate reports it
		}
		if h := e.holds[o*na+int(a)]; h != nil && h.DeFacto == LevelFull {
			continue
		}
		if !slices.Contains(x.missing, id) {
			x.missing = append(x.missing, id)
		}
	}
	return x
}

// authorityNames names authorities by their IDs.
func (e *engine) authorityNames(ids []ID) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if a, ok := e.authIx[id]; ok {
			out = append(out, e.auths[a].Name)
		}
	}
	return out
}
