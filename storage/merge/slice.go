package merge

import "rpbmatrix/model"

// Slice returns what a copy handed out for offices holds: the settings,
// the authorities, the meetings, the duties and proposals that apply to any
// of those offices (their scope cut to them; a proposal names the duty it
// became only when the copy has it), and the offices with their holdings,
// assessments, decisions (and the decisions about a duty for every office),
// off-list tasks and incidents. Every record is a copy; the Info is p's,
// for the caller to make the copy's own.
func Slice(p *model.Project, offices []model.ID) *model.Project {
	in := map[model.ID]bool{}
	for _, id := range offices {
		if p.Offices[id] != nil {
			in[id] = true
		}
	}
	q := model.NewProject("", "", "")
	q.Info, q.Settings = p.Info, p.Settings
	for id := range in {
		q.Insert(p.Offices[id].Clone())
	}
	for _, a := range p.Authorities {
		q.Insert(a.Clone())
	}
	for _, m := range p.Meetings {
		q.Insert(m.Clone())
	}
	for _, d := range p.Duties {
		if scope, ok := cut(d.Scope, in); ok {
			c := d.Clone().(*model.Duty)
			c.Scope = scope
			q.Insert(c)
		}
	}
	for _, r := range p.Proposals {
		if scope, ok := cut(r.Scope, in); ok {
			c := r.Clone().(*model.Proposal)
			c.Scope = scope
			if q.Duties[c.Duty] == nil {
				c.Duty = model.NilID
			}
			q.Insert(c)
		}
	}
	for _, h := range p.Holdings {
		if in[h.Office] {
			q.Insert(h.Clone())
		}
	}
	for _, a := range p.Assessments {
		if in[a.Office] && q.Duties[a.Duty] != nil {
			q.Insert(a.Clone())
		}
	}
	for _, d := range p.Decisions {
		if (in[d.Office] || d.Office == model.NilID) && q.Duties[d.Duty] != nil {
			q.Insert(d.Clone())
		}
	}
	for _, t := range p.OffListTasks {
		if in[t.Office] {
			q.Insert(t.Clone())
		}
	}
	for _, i := range p.Incidents {
		if in[i.Office] && q.Duties[i.Duty] != nil {
			q.Insert(i.Clone())
		}
	}
	return q
}

// cut returns a scope cut to the offices in, and whether it names any of
// them (an empty scope, every office, stays empty).
func cut(scope []model.ID, in map[model.ID]bool) ([]model.ID, bool) {
	if len(scope) == 0 {
		return nil, true
	}
	var out []model.ID
	for _, id := range scope {
		if in[id] {
			out = append(out, id)
		}
	}
	return out, len(out) > 0
}
