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
	return groupByOffice(p).officesOnly(offices)
}

// officeRecords are p's off-list tasks and incident records grouped by
// office once, so that cutting p for many offices one at a time (the
// district's scenario: every decided office) reads each office's own
// records, not all of the project's (200 offices: 60,000 incidents) each time.
type officeRecords struct {
	p         *model.Project
	tasks     map[model.ID][]*model.OffListTask
	incidents map[model.ID][]*model.Incident
}

func groupByOffice(p *model.Project) *officeRecords {
	g := &officeRecords{p: p, tasks: map[model.ID][]*model.OffListTask{}, incidents: map[model.ID][]*model.Incident{}}
	for _, x := range p.OffListTasks {
		g.tasks[x.Office] = append(g.tasks[x.Office], x)
	}
	for _, x := range p.Incidents {
		g.incidents[x.Office] = append(g.incidents[x.Office], x)
	}
	return g
}

// officesOnly is officesOnly(g.p, offices).
func (g *officeRecords) officesOnly(offices []*model.Office) *model.Project {
	p := g.p
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
	for _, o := range offices {
		for _, x := range g.tasks[o.ID] {
			q.OffListTasks[x.ID] = x
		}
		for _, x := range g.incidents[o.ID] {
			q.Incidents[x.ID] = x
		}
	}
	return q
}
