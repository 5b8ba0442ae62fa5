package model

import (
	"cmp"
	"slices"

	"rpbmatrix/model/words"
)

// Findings are read from the analysis when asked for, for one item, one
// office or the whole project, and ordered worst first: severity, then gap
// (largest first), then office order, then item (the office as a whole,
// its admission requests and off-list tasks, authorities, duties in list
// order), then rule order. Reasons are worded
// one finding at a time, when shown.

// found is a finding named by indices, with what the order compares.
type found struct {
	gap   float64
	sev   Severity
	orank int32 // the office's display position
	item  int32 // 0 the office, then the entries (entryBase), then authorities (authBase), then duties (dutyBase)
	rule  int32 // the rule's position in the registry
}

func compareFound(a, b found) int {
	return cmp.Or(cmp.Compare(b.sev, a.sev), cmp.Compare(b.gap, a.gap), cmp.Compare(a.orank, b.orank),
		cmp.Compare(a.item, b.item), cmp.Compare(a.rule, b.rule))
}

// appendCell appends the findings on (o, d).
func (e *engine) appendCell(dst []found, o, d int) []found {
	i := o*len(e.duties) + d
	c := &e.cells[i]
	if !c.inList || c.sc.Worst == 0 {
		return dst
	}
	item := e.dutyBase() + e.dutyRank[d]
	for r, s := range e.dutyGrades(i) {
		if s > 0 {
			dst = append(dst, found{gap: c.sc.Gap, sev: s, orank: e.officeRank[o], item: item, rule: int32(registry.duty[r].ix)})
		}
	}
	return dst
}

// appendAuth appends the findings on (o, a); they rank by the ΣG of the
// duties that need the authority.
func (e *engine) appendAuth(dst []found, o, a int) []found {
	i := o*len(e.auths) + a
	item := e.authBase() + e.authRank[a]
	for r, s := range e.authGrades(i) {
		if s > 0 {
			dst = append(dst, found{gap: fromFixed(e.uses[i].gapq), sev: s, orank: e.officeRank[o], item: item, rule: int32(registry.auth[r].ix)})
		}
	}
	return dst
}

// appendOffice appends the findings on office o as a whole; they rank by
// the office's ΣG.
func (e *engine) appendOffice(dst []found, o int) []found {
	for r, s := range e.officeGrades(o) {
		if s > 0 {
			dst = append(dst, found{gap: fromFixed(e.offAcc[o].total.gq), sev: s, orank: e.officeRank[o], rule: int32(registry.office[r].ix)})
		}
	}
	return dst
}

// authBase and dutyBase are the item numbers of the first authority and
// the first duty in the finding order.
func (e *engine) authBase() int32 { return 1 + int32(e.entries()) }
func (e *engine) dutyBase() int32 { return e.authBase() + int32(len(e.auths)) }

// appendAllOf appends every finding of office o.
func (e *engine) appendAllOf(dst []found, o int) []found {
	dst = e.appendOffice(dst, o)
	for k, g := range e.regs {
		dst = g.appendFindings(dst, e, o, e.entryBase(k))
	}
	for a := range e.auths {
		dst = e.appendAuth(dst, o, a)
	}
	for d := range e.duties {
		dst = e.appendCell(dst, o, d)
	}
	return dst
}

// findings sorts fs worst first and names them.
func (e *engine) findings(fs []found) []Finding {
	slices.SortFunc(fs, compareFound)
	authBase, dutyBase := e.authBase(), e.dutyBase()
	out := make([]Finding, len(fs))
	for i, x := range fs {
		o := e.officeAt[x.orank]
		f := Finding{Rule: registry.all[x.rule].code, Office: e.offices[o].ID, Severity: x.sev, Gap: x.gap}
		switch {
		case x.item >= dutyBase:
			f.Duty = e.duties[e.dutyAt[x.item-dutyBase]].ID
		case x.item >= authBase:
			f.Authority = e.auths[e.authAt[x.item-authBase]].ID
		case x.item > 0:
			g, k := e.entryAt(x.item)
			f.Entry = g.id(k)
		}
		out[i] = f
	}
	return out
}

// dutyIn returns the index of duty id if it is in office o's list.
func (e *engine) dutyIn(o int, id ID) (int, bool) {
	nd := len(e.duties)
	if d, ok := e.dutyIx[id]; ok && e.cells[o*nd+int(d)].inList {
		return int(d), true
	}
	return 0, false
}

// FindingsFor returns the findings on one (office, duty), worst first.
func (r *Result) FindingsFor(office, duty ID) []Finding {
	e := r.eng
	if e == nil || duty == NilID {
		return nil
	}
	o, ok := e.officeIx[office]
	if !ok {
		return nil
	}
	d, ok := e.dutyIn(int(o), duty)
	if !ok {
		return nil
	}
	return e.findings(e.appendCell(nil, int(o), d))
}

// FindingsOfEntry returns the findings on one admission request or
// off-list task, for every office it applies to, worst first.
func (r *Result) FindingsOfEntry(entry ID) []Finding {
	e := r.eng
	if e == nil || entry == NilID {
		return nil
	}
	var fs []found
	for k, g := range e.regs {
		i, ok := g.index(entry)
		if !ok {
			continue
		}
		base := e.entryBase(k)
		for o := range e.offices {
			fs = g.appendItemFindings(fs, e, o, i, base)
		}
	}
	return e.findings(fs)
}

// Entry returns the admission request (*Proposal) or off-list task
// (*OffListTask) a finding's Entry names, as the analysis read it, to name
// it beside the finding; nil when the analysis has no such entry.
func (r *Result) Entry(id ID) Entity {
	if r.eng == nil {
		return nil
	}
	if g, i, ok := r.eng.findEntry(id); ok {
		return g.entity(i)
	}
	return nil
}

// FindingsOfOffice returns an office's findings, worst first (NilID: all).
func (r *Result) FindingsOfOffice(office ID) []Finding {
	if office == NilID {
		return r.AllFindings()
	}
	e := r.eng
	if e == nil {
		return nil
	}
	o, ok := e.officeIx[office]
	if !ok {
		return nil
	}
	return e.findings(e.appendAllOf(nil, int(o)))
}

// AllFindings returns every finding of the project, worst first. On a
// large project that is hundreds of thousands: prefer FindingsOfOffice,
// FindingsFor and the counts in the summaries where they serve.
func (r *Result) AllFindings() []Finding {
	e := r.eng
	if e == nil {
		return nil
	}
	fs := make([]found, 0, e.tot.count())
	for o := range e.offices {
		fs = e.appendAllOf(fs, o)
	}
	return e.findings(fs)
}

// FindingCount is the number of findings in the project.
func (r *Result) FindingCount() int {
	if r.eng == nil {
		return 0
	}
	return r.eng.tot.count()
}

// Reason words why f was found, from the analysis as it is now: the numbers
// and items the rule read. It is the zero Msg when f names a rule, office
// or item the analysis does not have, or the rule no longer finds it.
func (r *Result) Reason(f Finding) words.Msg {
	e := r.eng
	if e == nil {
		return words.Msg{}
	}
	ru, ok1 := registry.byCode[f.Rule]
	o, ok2 := e.officeIx[f.Office]
	if !ok1 || !ok2 {
		return words.Msg{}
	}
	switch {
	case f.Duty != NilID:
		d, ok := e.dutyIn(int(o), f.Duty)
		if !ok || ru.duty == nil {
			return words.Msg{}
		}
		x := e.pairFacts(int(o), d)
		x.required = e.required(int(o), d)
		return worded(ru.duty, &x)
	case f.Authority != NilID:
		a, ok := e.authIx[f.Authority]
		if !ok || ru.auth == nil {
			return words.Msg{}
		}
		x := e.authFacts(int(o), int(a))
		return worded(ru.auth, &x)
	case f.Entry != NilID:
		g, i, ok := e.findEntry(f.Entry)
		if !ok {
			return words.Msg{}
		}
		return g.reason(e, ru, int(o), i)
	case ru.office != nil:
		x := e.officeFacts(int(o))
		return worded(ru.office, &x)
	}
	return words.Msg{}
}

// worded is c's reason on x, or the zero Msg if c does not fire on x.
func worded[F any](c *check[F], x *F) words.Msg {
	if c.grade(x) == 0 {
		return words.Msg{}
	}
	return c.reason(x)
}

// Worst returns the n scores with the largest gap for office (NilID: all
// offices); ties go by office and list order. Items without a gap are left
// out; n ≤ 0 returns them all.
//
// The overview asks for ten of 200,000 scores when a project opens, so the
// candidates pass through a bounded heap of the n best so far (the worst of
// them on top, to be pushed out) and only those n are sorted.
func (r *Result) Worst(office ID, n int) []*Score {
	var top worstHeap
	if n > 0 {
		top.limit = n
		top.items = make([]rankedScore, 0, min(n, 1024))
	}
	if e := r.eng; e != nil {
		nd := len(e.duties)
		for i := range e.cells {
			c := &e.cells[i]
			if c.published && c.sc.Gap > 0 && (office == NilID || c.sc.Office == office) {
				top.offer(rankedScore{s: &c.sc, o: e.officeRank[i/nd], d: e.dutyRank[i%nd]})
			}
		}
	} else {
		for k, s := range r.Scores {
			if s.Gap > 0 && (office == NilID || k.Office == office) {
				top.offer(rankedScore{s: s})
			}
		}
	}
	slices.SortFunc(top.items, compareRanked)
	out := make([]*Score, len(top.items))
	for i, c := range top.items {
		out[i] = c.s
	}
	return out
}

// rankedScore is a candidate of Worst: a score with its office's and
// duty's places in the lists.
type rankedScore struct {
	s    *Score
	o, d int32
}

// compareRanked orders worst first: larger gap, then office and list
// order, then IDs (a total order, so the top n are the first n of a full sort).
func compareRanked(a, b rankedScore) int {
	return cmp.Or(cmp.Compare(b.s.Gap, a.s.Gap), cmp.Compare(a.o, b.o), cmp.Compare(a.d, b.d),
		slices.Compare(a.s.Office[:], b.s.Office[:]), slices.Compare(a.s.Duty[:], b.s.Duty[:]))
}

// worstHeap keeps the limit first candidates in compareRanked order (all
// of them when limit is 0) as a heap whose root is the last of them.
type worstHeap struct {
	items []rankedScore
	limit int
}

func (h *worstHeap) offer(c rankedScore) {
	if h.limit <= 0 {
		h.items = append(h.items, c)
		return
	}
	if len(h.items) < h.limit {
		h.items = append(h.items, c)
		for i := len(h.items) - 1; i > 0; {
			parent := (i - 1) / 2
			if compareRanked(h.items[parent], h.items[i]) >= 0 {
				break
			}
			h.items[parent], h.items[i] = h.items[i], h.items[parent]
			i = parent
		}
		return
	}
	if compareRanked(c, h.items[0]) >= 0 {
		return // not before the last one kept
	}
	h.items[0] = c
	for i := 0; ; {
		last, l, r := i, 2*i+1, 2*i+2
		if l < len(h.items) && compareRanked(h.items[l], h.items[last]) > 0 {
			last = l
		}
		if r < len(h.items) && compareRanked(h.items[r], h.items[last]) > 0 {
			last = r
		}
		if last == i {
			return
		}
		h.items[i], h.items[last] = h.items[last], h.items[i]
		i = last
	}
}
