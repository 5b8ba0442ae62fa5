package meeting

import (
	"rpbmatrix/model"
)

// Filter picks the findings the meeting goes through: one office (NilID:
// every office), one rule and one category (empty: all).
type Filter struct {
	Office   model.ID
	Rule     model.RuleCode
	Category string
}

// items lists the (office, duty) items to discuss, each once, in the order
// of their worst finding that passes f (findings come worst first). Only
// findings on a duty are discussed: a decision is taken on a duty.
func items(p *model.Project, r *model.Result, f Filter) []model.PairKey {
	var fs []model.Finding
	if f.Office != model.NilID {
		fs = r.FindingsOfOffice(f.Office)
	} else {
		fs = r.AllFindings()
	}
	seen := map[model.PairKey]bool{}
	var out []model.PairKey
	for _, x := range fs {
		if x.Duty == model.NilID || (f.Rule != "" && x.Rule != f.Rule) {
			continue
		}
		if f.Category != "" {
			if d := p.Duties[x.Duty]; d == nil || d.Category != f.Category {
				continue
			}
		}
		k := model.PairKey{Office: x.Office, Other: x.Duty}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// decisionOf is the decision the meeting records for item: the latest one
// taken on the duty for the item's office alone, nil when there is none.
func decisionOf(p *model.Project, item model.PairKey) *model.Decision {
	var last *model.Decision
	for _, d := range p.Decisions {
		if d.Duty != item.Other || d.Office != item.Office {
			continue
		}
		if last == nil || d.Created.After(last.Created) || (d.Created.Equal(last.Created) && d.ID.String() > last.ID.String()) {
			last = d
		}
	}
	return last
}
