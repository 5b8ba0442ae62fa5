package report

import "rpbmatrix/model"

// officesOnly is the part of p that the analysis of the given offices
// reads: those offices, the duties in their lists, every authority, their
// holdings and assessments, the decisions that concern them, every meeting,
// the admission requests that would go to them, and their off-list tasks
// and incident records. Every rule
// grades one office at a time, so their findings, scores and summaries are
// those of the whole project; a report of one office from a 200-office file
// analyses one office, not 200. Entities are shared with p, not copied.
func officesOnly(p *model.Project, offices []*model.Office) *model.Project {
	q := &model.Project{Info: p.Info, Settings: p.Settings,
		Offices: make(map[model.ID]*model.Office, len(offices)), Duties: map[model.ID]*model.Duty{},
		Authorities: p.Authorities, Holdings: map[model.PairKey]*model.Holding{},
		Assessments: map[model.PairKey]*model.Assessment{}, Decisions: map[model.ID]*model.Decision{},
		Meetings: p.Meetings, Proposals: map[model.ID]*model.Proposal{}, OffListTasks: map[model.ID]*model.OffListTask{},
		Incidents: map[model.ID]*model.Incident{}}
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
	for id, x := range p.Proposals {
		for _, o := range offices {
			if x.AppliesTo(o.ID) {
				q.Proposals[id] = x
				break
			}
		}
	}
	for id, x := range p.OffListTasks {
		if _, ok := q.Offices[x.Office]; ok {
			q.OffListTasks[id] = x
		}
	}
	for id, x := range p.Incidents {
		if _, ok := q.Offices[x.Office]; ok {
			q.Incidents[id] = x
		}
	}
	return q
}
