package merge

import "rpbmatrix/model"

// Slice returns what a copy handed out for offices holds: the settings,
// the authorities, the duties that apply to any of those offices (a duty's
// scope cut to them), and the offices with their holdings, assessments and
// decisions (and the decisions about a duty for every office). Every record
// is a copy; the Info is p's, for the caller to make the copy's own.
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
	for _, d := range p.Duties {
		applies := len(d.Scope) == 0
		var scope []model.ID
		for _, id := range d.Scope {
			if in[id] {
				applies = true
				scope = append(scope, id)
			}
		}
		if !applies {
			continue
		}
		c := d.Clone().(*model.Duty)
		if len(d.Scope) > 0 {
			c.Scope = scope
		}
		q.Insert(c)
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
	return q
}
