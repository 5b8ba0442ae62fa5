package model

import (
	"sort"
	"time"
)

// SchemaVersion is the version of the project's stored form.
const SchemaVersion = 3

// Info describes the project as a whole.
type Info struct {
	ID       ID        `json:"id"`
	Name     string    `json:"name"`   // 工作底稿名称
	Region   string    `json:"region"` // 区（县）
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Author   string    `json:"author,omitempty"` // 编制人: the person or group who prepared it

	// The title block of printed reports and exported workbooks (covers,
	// page headers and footers, PDF and workbook metadata).
	Organization string `json:"organization,omitempty"` // 编制单位
	Marking      string `json:"marking,omitempty"`      // 标注，如 内部资料 注意保存、工作秘密
	Version      string `json:"version,omitempty"`      // 版本，如 征求意见稿、审定稿
	DataCutoff   string `json:"data_cutoff,omitempty"`  // 数据截止日期, YYYY-MM-DD
	DocNumber    string `json:"doc_number,omitempty"`   // 文号
}

// Project is the whole working file in memory.
type Project struct {
	Info         Info
	Settings     Settings
	Offices      map[ID]*Office
	Duties       map[ID]*Duty
	Authorities  map[ID]*Authority
	Holdings     map[PairKey]*Holding    // (office, authority)
	Assessments  map[PairKey]*Assessment // (office, duty)
	Decisions    map[ID]*Decision
	Meetings     map[ID]*Meeting
	Proposals    map[ID]*Proposal
	OffListTasks map[ID]*OffListTask
	Incidents    map[ID]*Incident
}

// NewProject returns an empty project with default settings.
func NewProject(name, region, author string) *Project {
	now := time.Now().UTC().Truncate(time.Millisecond)
	return &Project{
		Info:         Info{ID: NewID(), Name: name, Region: region, Created: now, Modified: now, Author: author},
		Settings:     DefaultSettings(),
		Offices:      map[ID]*Office{},
		Duties:       map[ID]*Duty{},
		Authorities:  map[ID]*Authority{},
		Holdings:     map[PairKey]*Holding{},
		Assessments:  map[PairKey]*Assessment{},
		Decisions:    map[ID]*Decision{},
		Meetings:     map[ID]*Meeting{},
		Proposals:    map[ID]*Proposal{},
		OffListTasks: map[ID]*OffListTask{},
		Incidents:    map[ID]*Incident{},
	}
}

// OfficeList returns the offices sorted by name.
func (p *Project) OfficeList() []*Office {
	out := make([]*Office, 0, len(p.Offices))
	for _, o := range p.Offices {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// DutyList returns the catalogue in list order: kind, then sequence number, then name.
func (p *Project) DutyList() []*Duty {
	out := make([]*Duty, 0, len(p.Duties))
	for _, d := range p.Duties {
		out = append(out, d)
	}
	SortDuties(out)
	return out
}

// SortDuties sorts duties by list kind, sequence number and name.
func SortDuties(ds []*Duty) {
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Seq != b.Seq {
			return a.Seq < b.Seq
		}
		return a.Name < b.Name
	})
}

// DutiesOf returns the duties in office's list, in list order.
func (p *Project) DutiesOf(office ID) []*Duty {
	var out []*Duty
	for _, d := range p.Duties {
		if d.AppliesTo(office) {
			out = append(out, d)
		}
	}
	SortDuties(out)
	return out
}

// AuthorityList returns the authorities sorted by type then name.
func (p *Project) AuthorityList() []*Authority {
	out := make([]*Authority, 0, len(p.Authorities))
	for _, a := range p.Authorities {
		out = append(out, a)
	}
	order := map[AuthorityType]int{}
	for i, t := range AuthorityTypes {
		order[t] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if order[out[i].Type] != order[out[j].Type] {
			return order[out[i].Type] < order[out[j].Type]
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// DecisionList returns decisions oldest first.
func (p *Project) DecisionList() []*Decision {
	out := make([]*Decision, 0, len(p.Decisions))
	for _, d := range p.Decisions {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.Before(out[j].Created)
		}
		return out[i].ID.String() < out[j].ID.String()
	})
	return out
}

// OfficeByName finds an office by exact name.
func (p *Project) OfficeByName(name string) *Office {
	for _, o := range p.Offices {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// Assessment returns the assessment of duty for office, or nil.
func (p *Project) Assessment(office, duty ID) *Assessment {
	return p.Assessments[PairKey{office, duty}]
}

// Holding returns the office's holding of authority, or nil.
func (p *Project) Holding(office, authority ID) *Holding {
	return p.Holdings[PairKey{office, authority}]
}

// Categories returns the categories in use: the six usual ones first, then others by name.
func (p *Project) Categories() []string {
	seen := map[string]bool{}
	for _, d := range p.Duties {
		seen[d.Category] = true
	}
	var out []string
	for _, c := range Categories {
		if seen[c] {
			out = append(out, c)
			delete(seen, c)
		}
	}
	var rest []string
	for c := range seen {
		rest = append(rest, c)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Clone returns a deep copy, so a scenario can change facts without touching the baseline.
func (p *Project) Clone() *Project {
	return &Project{Info: p.Info, Settings: p.Settings,
		Offices: cloneAll(p.Offices), Duties: cloneAll(p.Duties), Authorities: cloneAll(p.Authorities),
		Holdings: cloneAll(p.Holdings), Assessments: cloneAll(p.Assessments), Decisions: cloneAll(p.Decisions),
		Meetings: cloneAll(p.Meetings), Proposals: cloneAll(p.Proposals), OffListTasks: cloneAll(p.OffListTasks),
		Incidents: cloneAll(p.Incidents),
	}
}

// cloneAll returns a map of copies (Entity.Clone) of m's entities.
func cloneAll[K comparable, T any, PT interface {
	*T
	Entity
}](m map[K]PT) map[K]PT {
	out := make(map[K]PT, len(m))
	for k, v := range m {
		out[k] = v.Clone().(PT)
	}
	return out
}
