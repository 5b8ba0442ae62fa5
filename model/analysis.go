package model

import (
	"cmp"
	"slices"
)

// Analyze runs every rule over p and returns the full result, Findings
// included. The Result keeps pointers to p's entities, which the project
// replaces rather than mutates on change, so it stays valid as p changes.
func Analyze(p *Project) *Result { return newEngine(p, true).res }

// Summarize is Analyze without wording the worst-first list up front:
// scores, summaries and counts are complete, Findings is nil, and
// AllFindings, FindingsOfOffice and FindingsFor word what they return on
// demand. On a prefecture-sized project that is the difference between tens
// and hundreds of milliseconds when only totals or one office are wanted.
func Summarize(p *Project) *Result { return newEngine(p, false).res }

// FindingsFor returns the findings on one (office, duty), worst first.
func (r *Result) FindingsFor(office, duty ID) []Finding {
	e := r.eng
	if e == nil {
		return filterFindings(r.Findings, func(f *Finding) bool { return f.Office == office && f.Duty == duty && f.Duty != NilID })
	}
	o, ok := e.officeIx[office]
	if !ok {
		return nil
	}
	l := e.layout()
	var keys []uint64
	for d := range e.duties {
		if e.dutyOut[d] == duty {
			keys = e.appendCellKeys(keys, &l, int(o), d)
		}
	}
	return e.findingsOf(&l, keys)
}

// FindingsOfOffice returns an office's findings, worst first (NilID: all).
func (r *Result) FindingsOfOffice(office ID) []Finding {
	if office == NilID {
		return r.AllFindings()
	}
	e := r.eng
	if e == nil {
		return filterFindings(r.Findings, func(f *Finding) bool { return f.Office == office })
	}
	o, ok := e.officeIx[office]
	if !ok {
		return nil
	}
	l := e.layout()
	return e.findingsOf(&l, e.appendAllOfOffice(nil, &l, int(o)))
}

// AllFindings returns every finding, worst first. Prefer it to reading
// Findings on a Result kept by an Analyzer: Update leaves Findings to be
// refreshed on demand (see Analyzer.Update).
func (r *Result) AllFindings() []Finding {
	if r.eng != nil && r.eng.res == r {
		r.eng.refreshList()
	}
	return r.Findings
}

func filterFindings(fs []Finding, keep func(*Finding) bool) []Finding {
	var out []Finding
	for i := range fs {
		if keep(&fs[i]) {
			out = append(out, fs[i])
		}
	}
	return out
}

// Worst returns the n scores with the largest gap for office (NilID: all
// offices); ties go by office and list order. Items without a gap are left
// out; n ≤ 0 returns them all.
func (r *Result) Worst(office ID, n int) []*Score {
	type ranked struct {
		s    *Score
		o, d int32
	}
	var cands []ranked
	if e := r.eng; e != nil {
		nd := len(e.duties)
		for i := range e.cells {
			c := &e.cells[i]
			if c.published && c.sc.Gap > 0 && (office == NilID || c.sc.Office == office) {
				cands = append(cands, ranked{s: &c.sc, o: e.officeRank[i/nd], d: e.dutyRank[i%nd]})
			}
		}
	} else {
		for k, s := range r.Scores {
			if s.Gap > 0 && (office == NilID || k.Office == office) {
				cands = append(cands, ranked{s: s})
			}
		}
	}
	slices.SortFunc(cands, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.s.Gap, a.s.Gap), cmp.Compare(a.o, b.o), cmp.Compare(a.d, b.d),
			slices.Compare(a.s.Office[:], b.s.Office[:]), slices.Compare(a.s.Duty[:], b.s.Duty[:]))
	})
	if n > 0 && len(cands) > n {
		cands = cands[:n]
	}
	out := make([]*Score, len(cands))
	for i, c := range cands {
		out[i] = c.s
	}
	return out
}

// Analyzer keeps an analysis current as changes are applied to its project.
// It is not safe for concurrent use.
type Analyzer struct {
	e *engine
}

// NewAnalyzer analyses p in full. Every finding is detected, scored and
// counted; the worst-first Findings list with its wording — the costly part
// on a large project — is built by the first call to Result.
func NewAnalyzer(p *Project) *Analyzer { return &Analyzer{e: newEngine(p, false)} }

// Result returns the current analysis, with Findings up to date.
func (a *Analyzer) Result() *Result {
	a.e.refreshList()
	return a.e.res
}

// Update re-analyses after changes have been applied to the project,
// recomputing only what depends on them (see incremental.go), and returns
// the Result, which it updates in place: Scores, Offices, Total, ByCategory
// and ByKind are current on return. The worst-first Findings list, which on
// a large project holds hundreds of thousands of entries, is refreshed on
// the next call to Result or AllFindings; until then Findings is nil.
func (a *Analyzer) Update(changes []Change) *Result {
	a.e.update(changes)
	return a.e.res
}
