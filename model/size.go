package model

import (
	"sync/atomic"

	"rpbmatrix/model/words"
)

// MaxPairs is the most office × duty pairs a project may have: the analysis
// holds every pair in dense tables (analysis_engine.go), whether assessed
// or not, so its memory grows with the product, not with what is filled in.
//
// Measured (BenchmarkAnalysisBytesPerPair, size_bench_test.go): the analysis
// keeps 300–350 bytes per pair live, assessed or not. Whole processes,
// project included: `check --json` takes 194 MB at 200 × 1,000 and 899 MB
// at 1,000 × 1,000 (0.88 KB a pair more); the window 1.24 GB just opened at
// 1,000 × 1,000 and some 2 KB a pair in use (views, live scenario). At
// 2,000,000 pairs (twice the design's largest project) that is about
// 1.8 GB for `check` and 2.5–4 GB for the window: what an ordinary 8 GB
// office PC can give beside its system and an office suite; twice that
// would not leave it room. The 1,000 offices × 1,000,000 duties an import
// can make would need some 300 GB for the analysis alone.
const MaxPairs = 2_000_000

// SizeError refuses a project with more office × duty pairs than a limit.
type SizeError struct {
	Offices, Duties, Limit int
}

// pairLimit is MaxPairs, lowered by tests (SetPairLimit) that need a file
// past it without making a huge one.
var pairLimit atomic.Int64

func init() { pairLimit.Store(MaxPairs) }

// SetPairLimit sets the limit CheckSize applies, for tests, and returns a
// function that puts back the previous one.
func SetPairLimit(pairs int) (restore func()) {
	old := pairLimit.Swap(int64(pairs))
	return func() { pairLimit.Store(old) }
}

// CheckSize reports a *SizeError when offices × duties passes MaxPairs.
func CheckSize(offices, duties int) error {
	return CheckSizeUnder(offices, duties, int(pairLimit.Load()))
}

// CheckSizeUnder is CheckSize against limit pairs (tests pass a small one).
func CheckSizeUnder(offices, duties, limit int) error {
	if int64(offices)*int64(duties) <= int64(limit) {
		return nil
	}
	return &SizeError{Offices: offices, Duties: duties, Limit: limit}
}

// CheckProjectSize is CheckSize on p's offices and duties.
func CheckProjectSize(p *Project) error { return CheckSize(len(p.Offices), len(p.Duties)) }

// Pairs is offices × duties.
func (e *SizeError) Pairs() int64 { return int64(e.Offices) * int64(e.Duties) }

// PerCopy is how many offices, with every duty, a project within the limit
// may have; 0 when the duties alone pass it.
func (e *SizeError) PerCopy() int { return e.Limit / max(e.Duties, 1) }

// Counts words the offices, the duties and their product.
func (e *SizeError) Counts() words.Msg {
	return words.M("size.counts", "offices", e.Offices, "duties", e.Duties, "pairs", e.Pairs())
}

// Msg names the counts, their product and the limit, and says how to split
// the project: by office (a hand-out copy of some offices keeps every
// duty), or, when the duties alone pass the limit, by list.
func (e *SizeError) Msg() words.Msg {
	advice := words.M("size.split_duties")
	if n := e.PerCopy(); n > 0 {
		advice = words.M("size.split_offices", "per_copy", n)
	}
	return words.M("size.too_large", "counts", e.Counts(), "limit", e.Limit, "advice", advice)
}

// Error is the message in English, for logs.
func (e *SizeError) Error() string { return e.Msg().In(words.En) }

// CheckSizeAfter is CheckSize on p as it would be with changes applied:
// offices and duties added count, deleted ones do not.
func CheckSizeAfter(p *Project, changes []Change) error {
	offices, duties := len(p.Offices), len(p.Duties)
	for _, c := range changes {
		n := 0
		switch {
		case c.Before == nil && c.After != nil:
			n = 1
		case c.Before != nil && c.After == nil:
			n = -1
		}
		switch c.Kind {
		case KindOffice:
			offices += n
		case KindDuty:
			duties += n
		}
	}
	return CheckSize(offices, duties)
}
