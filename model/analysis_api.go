package model

import "rpbmatrix/model/words"

// This file fixes the analysis API that storage, app and the report writer
// use. The rules behind it live in the rule_*.go files (see rules.go), the
// engine in analysis_*.go and incremental.go.

// Finding is one mismatch detected by a rule: on one (office, duty), one
// (office, authority), one (office, register entry) — an admission request
// or an off-list task — or an office as a whole. Its reason, which names
// the numbers and items the rule used, is worded on demand by Result.Reason.
type Finding struct {
	Rule      RuleCode `json:"rule"`
	Office    ID       `json:"office"`
	Duty      ID       `json:"duty,omitempty"`      // set for duty findings
	Authority ID       `json:"authority,omitempty"` // set for authority findings (IDLE authority, PAPER_POWER)
	// Entry is set for findings on a register entry: a Proposal
	// (ScopeProposal rules) or an OffListTask (ScopeOffList rules).
	Entry    ID       `json:"entry,omitempty"`
	Severity Severity `json:"severity"`
	// Gap ranks findings of equal severity: the item's G for duty findings;
	// for authority findings the ΣG of the office's duties that need the
	// authority; for office and entry findings the office's ΣG.
	Gap float64 `json:"gap,omitempty"`
}

// Key identifies a finding across analyses (baseline vs scenario).
func (f Finding) Key() FindingKey { return FindingKey{f.Rule, f.Office, f.Duty, f.Authority, f.Entry} }

// FindingKey identifies a finding independent of its wording and severity.
type FindingKey struct {
	Rule      RuleCode
	Office    ID
	Duty      ID
	Authority ID
	Entry     ID
}

// Score is the measure of one (office, duty) in the office's list.
type Score struct {
	Office            ID       `json:"office"`
	Duty              ID       `json:"duty"`
	Weight            float64  `json:"weight"`             // W, 1–5
	AuthorityCoverage float64  `json:"authority_coverage"` // A, 0–1
	ResourceCoverage  float64  `json:"resource_coverage"`  // S, 0–1
	Gap               float64  `json:"gap"`                // G = W·(1 − min(A,S))
	Worst             Severity `json:"worst,omitempty"`    // worst finding on it, 0 when none
	// Assessed: the item has an assessment. An item not assessed has its
	// W, A and G (its resources are unknown, so S counts as 1) but stays
	// out of every ΣW and ΣG, so it never moves a balance index.
	Assessed bool `json:"assessed"`
}

// Summary totals scores and findings over a set of (office, duty) pairs.
// The balance index is honest about what is known: ΣW and ΣG run over the
// assessed items only (Assessed of Items, the assessment coverage 已评估
// x / y), since an item not assessed has no known resources and would
// count as fully resourced. Findings are counted on every item.
type Summary struct {
	Items      int              `json:"items"`         // (office, duty) pairs in the lists
	Assessed   int              `json:"assessed"`      // of them, assessed
	Weight     float64          `json:"weight"`        // ΣW over the assessed items
	Gap        float64          `json:"gap"`           // ΣG over the assessed items
	Balance    float64          `json:"balance_index"` // 1 − ΣG/ΣW; 1 when ΣW = 0, which is when nothing is assessed: show no index then
	ByRule     map[RuleCode]int `json:"by_rule"`
	BySeverity map[Severity]int `json:"by_severity"`
}

// Coverage words the assessment coverage of the items summed: "已评估 3 / 5".
// The balance index speaks for the assessed ones only.
func (s *Summary) Coverage() words.Msg {
	return words.M("summary.assessed", "assessed", s.Assessed, "items", s.Items)
}

// OfficeSummary is one office's totals with breakdowns.
type OfficeSummary struct {
	Office ID `json:"office"`
	Summary
	ByCategory map[string]*Summary   `json:"by_category"`
	ByKind     map[ListKind]*Summary `json:"by_kind"`
}

// Result is a full analysis of a project. It is read-only once returned,
// except that an Analyzer updates its own Result in place. Findings are
// read from it by office, by item or all at once (findings.go).
type Result struct {
	Settings Settings
	// Scores of every (office, duty) in an office's list.
	Scores map[PairKey]*Score
	// Offices totals per office; Total over the whole project.
	Offices    map[ID]*OfficeSummary
	Total      Summary
	ByCategory map[string]*Summary
	ByKind     map[ListKind]*Summary

	eng *engine // the analysis behind it; nil for a Result built by hand
}
