package report

import "rpbmatrix/model"

// officesOnly is the part of p that the analysis of the given offices
// reads: those offices, the duties in their lists, every authority, their
// holdings and assessments, and the decisions that concern them. Every rule
// grades one office at a time, so their findings, scores and summaries are
// those of the whole project; a report of one office from a 200-office file
// analyses one office, not 200. Entities are shared with p, not copied.
func officesOnly(p *model.Project, offices []*model.Office) *model.Project {
	q := &model.Project{Info: p.Info, Settings: p.Settings,
		Offices: make(map[model.ID]*model.Office, len(offices)), Duties: map[model.ID]*model.Duty{},
		Authorities: p.Authorities, Holdings: map[model.PairKey]*model.Holding{},
		Assessments: map[model.PairKey]*model.Assessment{}, Decisions: map[model.ID]*model.Decision{}}
	for _, o := range offices {
		q.Offices[o.ID] = o
	}
	for _, du := range p.Duties {
		for _, o := range offices {
			if du.AppliesTo(o.ID) {
				q.Duties[du.ID] = du
				break
			}
		}
	}
	for _, o := range offices {
		for id := range q.Duties {
			if a := p.Assessment(o.ID, id); a != nil {
				q.Assessments[a.Key()] = a
			}
		}
		for id := range p.Authorities {
			if h := p.Holding(o.ID, id); h != nil {
				q.Holdings[h.Key()] = h
			}
		}
	}
	for id, dec := range p.Decisions {
		if _, ok := q.Offices[dec.Office]; ok || dec.Office == model.NilID && q.Duties[dec.Duty] != nil {
			q.Decisions[id] = dec
		}
	}
	return q
}
