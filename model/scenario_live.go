package model

import (
	"maps"
	"slices"
)

// Plan keeps a reform plan's effect current while the working group
// decides: the baseline analysis (an Analyzer the caller keeps up to date)
// and the analysis of its scenario, which Update brings up to date by
// redoing only the scenario items a change touches and re-analysing them
// incrementally. A recorded decision shows its effect — an office's and the
// district's balance index before → after, findings closed, still open and
// opened — in a few milliseconds on 200 offices × 1,000 duties.
//
// A Plan follows one baseline Analyzer: when the caller replaces it (a
// full re-analysis into a new Analyzer, another project), make a new Plan.
// NewPlan analyses the scenario in full (a few hundred milliseconds on
// 200 × 1,000: build it off the UI thread while the project stays as it
// is). It is not safe for concurrent use.
type Plan struct {
	base *Analyzer
	b    *scenarioBuilder
	scen *Analyzer

	// tallies keeps each office's FindingTally until a change may alter
	// the office's findings, so that the district's is a sum of 200
	// numbers after a decision on one office.
	tallies map[ID]FindingTally
	pairs   *itemPairs
}

// NewPlan builds the scenario of base's project and analyses it in full.
func NewPlan(base *Analyzer) *Plan {
	pl := &Plan{base: base}
	pl.rebuild()
	return pl
}

func (pl *Plan) rebuild() {
	pl.b = newScenarioBuilder(pl.base.e.p)
	pl.b.run(pl.b.everything())
	pl.scen = NewAnalyzer(pl.b.s)
	pl.tallies = map[ID]FindingTally{}
}

// Base is the baseline analysis.
func (pl *Plan) Base() *Result { return pl.base.Result() }

// Scenario is the analysis of the scenario, current after each Update.
func (pl *Plan) Scenario() *Result { return pl.scen.Result() }

// ScenarioProject is the project as it would be with the decisions carried
// out (see Scenario); read-only.
func (pl *Plan) ScenarioProject() *Project { return pl.b.s }

// Update brings the scenario and its analysis up to date after changes were
// applied to the baseline project and passed to the baseline Analyzer's
// Update: call it right after, with the same changes. Decisions,
// assessments, holdings and duty edits redo the scenario items they touch;
// creating or deleting an office, duty or authority, or new settings,
// rebuild the scenario as the baseline analysis is rebuilt.
func (pl *Plan) Update(changes []Change) {
	if len(changes) == 0 {
		return
	}
	b, w := pl.b, newWork()
	var pass []Change
	for _, c := range changes {
		created, deleted := c.Before == nil, c.After == nil
		switch c.Kind {
		case KindSettings:
			pl.rebuild()
			return
		case KindOffice, KindDuty, KindAuthority:
			if created || deleted {
				pl.rebuild()
				return
			}
		}
		pl.forget(c)
		switch c.Kind {
		case KindDecision:
			if c.Before != nil {
				old := c.Before.(*Decision)
				b.index(old, -1)
				w.duties[old.Duty] = true
				if old.Authority != NilID {
					w.auths[old.Duty] = append(w.auths[old.Duty], old.Authority)
				}
			}
			if c.After != nil {
				dec := c.After.(*Decision)
				if cur := b.p.Decisions[dec.ID]; cur != nil {
					dec = cur // the project's own, which stays as it is
				}
				b.index(dec, 1)
				w.duties[dec.Duty] = true
			}
		case KindDuty:
			old, d := c.Before.(*Duty), b.p.Duties[c.After.(*Duty).ID]
			b.require(old, -1)
			b.require(d, 1)
			w.duties[d.ID] = true
			w.auths[d.ID] = append(w.auths[d.ID], old.Required...)
		case KindAssessment:
			w.items[entityOf[*Assessment](c).Key()] = true
		case KindHolding:
			w.holds[entityOf[*Holding](c).Key()] = true
		case KindIncident:
			if c.Before != nil {
				b.fileIncident(c.Before.(*Incident), -1)
			}
			id := entityOf[*Incident](c).ID
			if inc := b.p.Incidents[id]; inc != nil {
				b.fileIncident(inc, 1)
			}
			w.incidents[id] = true
		case KindInfo:
			b.s.Info = b.p.Info
			pass = append(pass, c)
		default:
			// Offices, authorities and the other kinds the scenario shares
			// with the baseline (its maps are the baseline's): the
			// scenario's analysis reads them as the baseline's does.
			pass = append(pass, c)
		}
	}
	derived := b.run(w)
	for _, c := range derived {
		pl.forget(c)
	}
	pl.scen.Update(append(pass, derived...))
}

// forget drops the tallies of the offices whose findings c may change, in
// the baseline or in the scenario.
func (pl *Plan) forget(c Change) {
	switch c.Kind {
	case KindDecision, KindInfo, KindMeeting:
		// a decision acts through the scenario changes it makes
	case KindAssessment:
		delete(pl.tallies, entityOf[*Assessment](c).Office)
	case KindHolding:
		delete(pl.tallies, entityOf[*Holding](c).Office)
	case KindOffice:
		delete(pl.tallies, entityOf[*Office](c).ID)
	case KindIncident:
		for _, x := range []Entity{c.Before, c.After} {
			if x != nil {
				delete(pl.tallies, x.(*Incident).Office)
			}
		}
	case KindDuty:
		old, d := c.Before.(*Duty), c.After.(*Duty)
		if !slices.Equal(old.Required, d.Required) || old.Category != d.Category {
			clear(pl.tallies)
			return
		}
		for _, o := range pl.b.offices {
			in := d.AppliesTo(o)
			if in != old.AppliesTo(o) || (in && d.kindFor(o) != old.kindFor(o)) {
				delete(pl.tallies, o)
			}
		}
	default:
		clear(pl.tallies)
	}
}

// tally is office's FindingTally, from the cache when still good.
func (pl *Plan) tally(office ID) FindingTally {
	if !pl.pairs.current(pl.base.e, pl.scen.e) {
		pl.pairs = pairUp(pl.base.e, pl.scen.e)
		clear(pl.tallies)
	}
	t, ok := pl.tallies[office]
	if !ok {
		t = pl.pairs.tally(office)
		pl.tallies[office] = t
	}
	return t
}

// BeforeAfter is an office's or the district's totals in the baseline and
// in the scenario (balance index, ΣW, ΣG, findings by rule and severity),
// with the findings the plan closes, leaves open and opens. It is a copy:
// later updates do not change it.
type BeforeAfter struct {
	Before, After Summary
	FindingTally
}

// Office is office's totals before and after.
func (pl *Plan) Office(office ID) BeforeAfter {
	var ba BeforeAfter
	if s := pl.Base().Offices[office]; s != nil {
		ba.Before = snapshot(s.Summary)
	}
	if s := pl.Scenario().Offices[office]; s != nil {
		ba.After = snapshot(s.Summary)
	}
	ba.FindingTally = pl.tally(office)
	return ba
}

// District is the whole project's totals before and after.
func (pl *Plan) District() BeforeAfter {
	ba := BeforeAfter{Before: snapshot(pl.Base().Total), After: snapshot(pl.Scenario().Total)}
	pl.tally(NilID) // re-pairs the items first if an analysis started over
	for _, o := range pl.pairs.offices() {
		ba.FindingTally.plus(pl.tally(o))
	}
	return ba
}

// CompareOffice lists office's findings closed by the plan (word their
// reasons with Base().Reason), still open and opened (Scenario().Reason),
// each worst first.
func (pl *Plan) CompareOffice(office ID) (closed, stillOpen, opened []Finding) {
	return CompareFindings(pl.Base().FindingsOfOffice(office), pl.Scenario().FindingsOfOffice(office))
}

// snapshot copies a summary and its maps.
func snapshot(s Summary) Summary {
	s.ByRule, s.BySeverity = maps.Clone(s.ByRule), maps.Clone(s.BySeverity)
	return s
}
