package model

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
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

// sortedValues returns m's values in the order compare gives; the lists
// below end their orders with the ID, so that equal names still come in
// one order every time.
func sortedValues[K comparable, V any](m map[K]V, compare func(a, b V) int) []V {
	out := slices.Collect(maps.Values(m))
	slices.SortFunc(out, compare)
	return out
}

// byID orders two IDs by their bytes (as their text would).
func byID(a, b ID) int { return bytes.Compare(a[:], b[:]) }

// OfficeList returns the offices sorted by name.
func (p *Project) OfficeList() []*Office {
	return sortedValues(p.Offices, func(a, b *Office) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), byID(a.ID, b.ID))
	})
}

// DutyList returns the catalogue in list order: kind, then sequence number, then name.
func (p *Project) DutyList() []*Duty { return sortedValues(p.Duties, dutyOrder) }

// SortDuties sorts duties by list kind, sequence number and name.
func SortDuties(ds []*Duty) { slices.SortFunc(ds, dutyOrder) }

func dutyOrder(a, b *Duty) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.Name, b.Name), byID(a.ID, b.ID))
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
	order := map[AuthorityType]int{}
	for i, t := range AuthorityTypes {
		order[t] = i
	}
	return sortedValues(p.Authorities, func(a, b *Authority) int {
		return cmp.Or(cmp.Compare(order[a.Type], order[b.Type]), cmp.Compare(a.Name, b.Name), byID(a.ID, b.ID))
	})
}

// DecisionList returns decisions oldest first.
func (p *Project) DecisionList() []*Decision {
	return sortedValues(p.Decisions, func(a, b *Decision) int {
		return cmp.Or(a.Created.Compare(b.Created), byID(a.ID, b.ID))
	})
}

// OfficeByName finds an office by exact name.
// Of two offices with the name, the first in OfficeList's order (the
// smaller ID), the same one every time.
func (p *Project) OfficeByName(name string) *Office {
	var found *Office
	for _, o := range p.Offices {
		if o.Name == name && (found == nil || byID(o.ID, found.ID) < 0) {
			found = o
		}
	}
	return found
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
	slices.Sort(rest)
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
