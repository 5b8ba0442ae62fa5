package model

// TEMPORARY scaffold: replaced by the analysis implementation (issue 3).

// Analyze runs every rule over p.
func Analyze(p *Project) *Result {
	return &Result{Settings: p.Settings, Scores: map[PairKey]*Score{}, Offices: map[ID]*OfficeSummary{},
		ByCategory: map[string]*Summary{}, ByKind: map[ListKind]*Summary{}}
}

// Rules describes every rule.
func Rules() []RuleInfo { return nil }

// RuleByCode returns a rule's description.
func RuleByCode(c RuleCode) (RuleInfo, bool) { return RuleInfo{}, false }

// FindingsFor returns the findings on one (office, duty), worst first.
func (r *Result) FindingsFor(office, duty ID) []Finding { return nil }

// FindingsOfOffice returns an office's findings, worst first (NilID: all).
func (r *Result) FindingsOfOffice(office ID) []Finding { return nil }

// Worst returns the n scores with the largest gap for office (NilID: all offices).
func (r *Result) Worst(office ID, n int) []*Score { return nil }

// Analyzer keeps an analysis current as changes are applied.
type Analyzer struct {
	p *Project
	r *Result
}

// NewAnalyzer analyses p in full.
func NewAnalyzer(p *Project) *Analyzer { return &Analyzer{p: p, r: Analyze(p)} }

// Result returns the current analysis.
func (a *Analyzer) Result() *Result { return a.r }

// Update re-analyses after changes have been applied to the project,
// recomputing only what depends on them.
func (a *Analyzer) Update(changes []Change) *Result { a.r = Analyze(a.p); return a.r }

// Scenario returns a copy of p with its decisions carried out.
func Scenario(p *Project) *Project { return p.Clone() }

// Comparison is baseline against scenario.
type Comparison struct {
	Closed, StillOpen, Opened     []Finding
	Before, After                 Summary
	OfficeBefore, OfficeAfter     map[ID]float64 // balance index per office
	CategoryBefore, CategoryAfter map[string]float64
}

// Compare compares a baseline analysis with a scenario analysis.
func Compare(base, scen *Result) *Comparison { return &Comparison{} }
