package model

// Analyze runs every rule over p and returns the result: scores, summaries
// and counts, with findings and their reasons read from it on demand. The
// Result keeps pointers to p's entities, which the project replaces rather
// than mutates on change, so it stays valid as p changes.
func Analyze(p *Project) *Result { return newEngine(p).res }

// Analyzer keeps an analysis current as changes are applied to its project.
// It is not safe for concurrent use.
type Analyzer struct {
	e *engine
}

// NewAnalyzer analyses p in full.
func NewAnalyzer(p *Project) *Analyzer { return &Analyzer{e: newEngine(p)} }

// Result returns the current analysis.
func (a *Analyzer) Result() *Result { return a.e.res }

// Update re-analyses after changes have been applied to the project,
// recomputing only what depends on them (see incremental.go), and returns
// the Result, which it updates in place: everything read from it afterwards
// — scores, summaries, findings, reasons — is current.
func (a *Analyzer) Update(changes []Change) *Result {
	a.e.update(changes)
	return a.e.res
}
