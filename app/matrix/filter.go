package matrix

import (
	"strings"

	"rpbmatrix/model"
)

// NoFindings as Filter.Severity keeps only rows without any finding.
const NoFindings model.Severity = -1

// Filter selects rows; a zero field does not filter.
type Filter struct {
	Category string
	Kind     model.ListKind
	Rule     model.RuleCode
	Severity model.Severity // keep rows whose worst finding is at least this; NoFindings: rows without findings
	Text     string         // words that must all appear (case-insensitive) in office, duty, category, departments, basis or notes
	Duty     model.ID       // keep only this duty
	Decision DecisionFilter // rows by their decisions
	Gap      GapFilter      // rows by their gap G
}

// DecisionFilter keeps rows by the working group's decisions on them.
type DecisionFilter int

const (
	AnyDecision     DecisionFilter = iota // no filter
	HasDecision                           // at least one decision
	NoDecision                            // none yet
	PendingDecision                       // the latest is 待定, or not yet carried out (待落实)
)

// DecisionFilters are the decision filter's choices in order.
var DecisionFilters = []DecisionFilter{AnyDecision, HasDecision, NoDecision, PendingDecision}

func (f DecisionFilter) match(r *Row) bool {
	switch f {
	case HasDecision:
		return r.Decision != nil
	case NoDecision:
		return r.Decision == nil
	case PendingDecision:
		return r.Decision != nil && (r.Decision.Action == model.ActionPending || r.Decision.Status == model.DecisionOpen)
	}
	return true
}

// GapFilter keeps rows by their gap G.
type GapFilter int

const (
	AnyGap GapFilter = iota // no filter
	HasGap                  // G > 0
	NoGap                   // G = 0 or not scored
)

// GapFilters are the gap filter's choices in order.
var GapFilters = []GapFilter{AnyGap, HasGap, NoGap}

func (f GapFilter) match(r *Row) bool {
	has := r.Score != nil && r.Score.Gap > 0
	switch f {
	case HasGap:
		return has
	case NoGap:
		return !has
	}
	return true
}

// compiled is a Filter prepared for matching many rows.
type compiled struct {
	Filter
	words []string
	rule  int
}

func (f Filter) compile() compiled {
	c := compiled{Filter: f, words: strings.Fields(strings.ToLower(f.Text)), rule: -1}
	if f.Rule != "" {
		if i, ok := ruleIndex[f.Rule]; ok {
			c.rule = i
		}
	}
	return c
}

func (c *compiled) match(r *Row) bool {
	if c.Category != "" && r.Duty.Category != c.Category {
		return false
	}
	if c.Kind != 0 && r.Duty.Kind != c.Kind {
		return false
	}
	if c.Duty != model.NilID && r.Duty.ID != c.Duty {
		return false
	}
	if !c.Decision.match(r) || !c.Gap.match(r) {
		return false
	}
	switch {
	case c.Severity == NoFindings && r.Worst() != 0:
		return false
	case c.Severity > 0 && r.Worst() < c.Severity:
		return false
	}
	for _, w := range c.words {
		if !strings.Contains(r.searchDuty, w) && !strings.Contains(r.searchOffice, w) {
			return false
		}
	}
	// Last: it reads the row's findings from the analysis.
	return c.Rule == "" || c.rule >= 0 && r.SeverityOf(c.Rule) > 0
}

// Select returns the indices into rows.All that pass f, in list order.
func (rows *Rows) Select(f Filter) []int {
	c := f.compile()
	out := make([]int, 0, len(rows.All))
	for i := range rows.All {
		if c.match(&rows.All[i]) {
			out = append(out, i)
		}
	}
	return out
}
