package model

// This file fixes the analysis API that storage, app and the report writer
// use. The rules behind it live in the analysis*.go and rule_*.go files.

// RuleCode is the stable code of an analysis rule.
type RuleCode string

const (
	RuleAuthorityGap       RuleCode = "AUTHORITY_GAP"       // 有责无权
	RulePaperPower         RuleCode = "PAPER_POWER"         // 接不住
	RulePushedDown         RuleCode = "PUSHED_DOWN"         // 责任下移
	RuleAccountabilityTrap RuleCode = "ACCOUNTABILITY_TRAP" // 问责陷阱
	RuleUnfunded           RuleCode = "UNFUNDED"            // 费随事转缺失
	RuleUnderstaffed       RuleCode = "UNDERSTAFFED"        // 小马拉大车
	RuleFormalism          RuleCode = "FORMALISM"           // 形式主义负担
	RuleIdle               RuleCode = "IDLE"                // 空转
)

// RuleCodes lists every rule in display order.
var RuleCodes = []RuleCode{RuleAuthorityGap, RulePaperPower, RulePushedDown, RuleAccountabilityTrap,
	RuleUnfunded, RuleUnderstaffed, RuleFormalism, RuleIdle}

// Finding is one mismatch detected by a rule.
type Finding struct {
	Rule      RuleCode `json:"rule"`
	Office    ID       `json:"office"`
	Duty      ID       `json:"duty,omitempty"`      // NilID for office-level findings
	Authority ID       `json:"authority,omitempty"` // set for authority-level findings (IDLE authority, PAPER_POWER)
	Severity  Severity `json:"severity"`
	Reason    Msg      `json:"reason"` // names the numbers and items it used
	// Gap ranks findings of equal severity: the item's G for duty findings;
	// for PAPER_POWER the ΣG of the duties that need the authority; for the
	// office-wide UNDERSTAFFED the office's ΣG; 0 for an idle authority.
	Gap float64 `json:"gap,omitempty"`
}

// Key identifies a finding across analyses (baseline vs scenario).
func (f Finding) Key() FindingKey { return FindingKey{f.Rule, f.Office, f.Duty, f.Authority} }

// FindingKey identifies a finding independent of its wording and severity.
type FindingKey struct {
	Rule      RuleCode
	Office    ID
	Duty      ID
	Authority ID
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
}

// Summary totals scores and findings over a set of (office, duty) pairs.
type Summary struct {
	Items      int              `json:"items"`
	Weight     float64          `json:"weight"`        // ΣW
	Gap        float64          `json:"gap"`           // ΣG
	Balance    float64          `json:"balance_index"` // 1 − ΣG/ΣW; 1 when ΣW = 0
	ByRule     map[RuleCode]int `json:"by_rule"`
	BySeverity map[Severity]int `json:"by_severity"`
}

// OfficeSummary is one office's totals with breakdowns.
type OfficeSummary struct {
	Office ID `json:"office"`
	Summary
	ByCategory map[string]*Summary   `json:"by_category"`
	ByKind     map[ListKind]*Summary `json:"by_kind"`
}

// Result is a full analysis of a project. It is read-only once returned.
type Result struct {
	Settings Settings
	// Findings, worst first (severity, then gap, then office and duty order).
	Findings []Finding
	// Scores of every (office, duty) in an office's list.
	Scores map[PairKey]*Score
	// Offices totals per office; Total over the whole project.
	Offices    map[ID]*OfficeSummary
	Total      Summary
	ByCategory map[string]*Summary
	ByKind     map[ListKind]*Summary

	eng *engine // the analysis behind it; nil for a Result built by hand
}

// RuleInfo describes a rule for the UI, the report and the help text.
type RuleInfo struct {
	Code        RuleCode
	Name        Msg // 有责无权 / Duty without power
	Description Msg // when it fires, naming the settings it uses
}
