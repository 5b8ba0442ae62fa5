package model

import (
	"slices"

	"rpbmatrix/model/words"
)

// Opinion words a decision as the 处理意见清单 states it: the action, with
// the authority granted or withdrawn, the department taking the duty back,
// or the staff, funds and systems added or removed.
func (p *Project) Opinion(d *Decision) words.Msg {
	action := d.Action.Name()
	switch d.Action {
	case ActionGrant, ActionWithdraw:
		if a := p.Authorities[d.Authority]; a != nil {
			return words.M("scenario.opinion.authority", "action", action, "authority", a.Name)
		}
	case ActionReturn:
		if d.Department != "" {
			return words.M("scenario.opinion.department", "action", action, "department", d.Department)
		}
	case ActionAddResources:
		var what []words.Msg
		for _, x := range []struct {
			delta float64
			key   string
		}{{d.StaffDelta, "staff"}, {d.FundsDelta, "funds"}, {float64(d.SystemsDelta), "systems"}} {
			switch {
			case x.delta > 0:
				what = append(what, words.M("scenario.opinion."+x.key+".add", "n", x.delta))
			case x.delta < 0:
				what = append(what, words.M("scenario.opinion."+x.key+".remove", "n", -x.delta))
			}
		}
		if len(what) > 0 {
			return words.M("scenario.opinion.resources", "action", action, "changes", what)
		}
	}
	return action
}

// DecisionFindings lists the rules that found a mismatch on the item a
// decision is about, each once: worst first on the office's item, or, for a
// decision for every office, on the items of the offices the duty applies
// to in name order.
func (r *Result) DecisionFindings(p *Project, d *Decision) []RuleCode {
	var out []RuleCode
	add := func(office ID) {
		for _, f := range r.FindingsFor(office, d.Duty) {
			if !slices.Contains(out, f.Rule) {
				out = append(out, f.Rule)
			}
		}
	}
	if d.Office != NilID {
		add(d.Office)
	} else if du := p.Duties[d.Duty]; du != nil {
		for _, o := range p.OfficeList() {
			if du.AppliesTo(o.ID) {
				add(o.ID)
			}
		}
	}
	return out
}
