package model

import "sort"

// OffListTask is work an office actually does that is on none of its lists
// (清单外事项), typically pushed down "以属地之名".
type OffListTask struct {
	Meta
	Office        ID      `json:"office"`
	Name          string  `json:"name"`
	AssignedBy    string  `json:"assigned_by,omitempty"`    // 交办部门
	TimesPerYear  int     `json:"times_per_year,omitempty"` // 频次，次/年
	HoursPerMonth float64 `json:"hours,omitempty"`          // 工作量，小时/月
	Since         string  `json:"since,omitempty"`          // 起始日期, YYYY-MM-DD
	Notes         string  `json:"notes,omitempty"`
}

// OffListTasksOf returns the office's off-list tasks by name.
func (p *Project) OffListTasksOf(office ID) []*OffListTask {
	var out []*OffListTask
	for _, t := range p.OffListTasks {
		if t.Office == office {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID.String() < out[j].ID.String()
	})
	return out
}

func (*OffListTask) EntityKind() EntityKind { return KindOffListTask }
func (t *OffListTask) Identity() Identity   { return Identity{ID: t.ID} }
func (t *OffListTask) Label() string        { return t.Name }
func (t *OffListTask) Clone() Entity        { x := *t; return &x }
func (t *OffListTask) AppendRefs(refs []Ref) []Ref {
	return append(refs, Ref{KindOffice, t.Office})
}
func (t *OffListTask) in(p *Project) Entity  { return lookup(p.OffListTasks, t.ID) }
func (t *OffListTask) storeIn(p *Project)    { p.OffListTasks[t.ID] = t }
func (t *OffListTask) removeFrom(p *Project) { delete(p.OffListTasks, t.ID) }
func (*OffListTask) refKinds() []EntityKind  { return []EntityKind{KindOffice} }
