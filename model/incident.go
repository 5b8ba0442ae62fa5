package model

import (
	"encoding/json"
	"sort"

	"rpbmatrix/model/words"
)

// Incident is one accountability event on a duty of an office (问责事件).
type Incident struct {
	Meta
	Office ID            `json:"office"`
	Duty   ID            `json:"duty"`
	Date   string        `json:"date,omitempty"` // YYYY-MM-DD
	Kind   IncidentKind  `json:"kind"`
	Cause  IncidentCause `json:"cause,omitempty"`
	// Tolerance says 容错纠错 was applied: the office was not blamed in the
	// end, for it acted in good faith within what it could do.
	Tolerance bool   `json:"tolerance,omitempty"`
	Notes     string `json:"notes,omitempty"`
}

// Key is the incident's (office, duty) pair, as an assessment's.
func (i *Incident) Key() PairKey { return PairKey{i.Office, i.Duty} }

// IncidentIndex groups the incident records by (office, duty), each group
// by date: the analysis builds it once per run.
func (p *Project) IncidentIndex() map[PairKey][]*Incident {
	out := map[PairKey][]*Incident{}
	for _, i := range p.Incidents {
		out[i.Key()] = append(out[i.Key()], i)
	}
	for _, list := range out {
		sort.Slice(list, func(a, b int) bool {
			if list[a].Date != list[b].Date {
				return list[a].Date < list[b].Date
			}
			return list[a].ID.String() < list[b].ID.String()
		})
	}
	return out
}

// IncidentCount is how many times the office was held accountable for the
// duty: the records when the pair has any, else the count entered on the
// assessment (a may be nil). Records and count are never added up: the
// count is the fallback of a project that keeps no records.
func IncidentCount(a *Assessment, records []*Incident) int {
	if len(records) > 0 || a == nil {
		return len(records)
	}
	return a.Incidents
}

func (*Incident) EntityKind() EntityKind { return KindIncident }
func (i *Incident) Identity() Identity   { return Identity{ID: i.ID} }
func (*Incident) Label() string          { return "" }
func (i *Incident) Clone() Entity        { x := *i; return &x }
func (i *Incident) AppendRefs(refs []Ref) []Ref {
	return append(refs, Ref{KindOffice, i.Office}, Ref{KindDuty, i.Duty})
}
func (i *Incident) in(p *Project) Entity  { return lookup(p.Incidents, i.ID) }
func (i *Incident) storeIn(p *Project)    { p.Incidents[i.ID] = i }
func (i *Incident) removeFrom(p *Project) { delete(p.Incidents, i.ID) }
func (*Incident) refKinds() []EntityKind  { return []EntityKind{KindOffice, KindDuty} }

// IncidentKind is the form accountability took.
type IncidentKind int

const (
	IncidentAccountability IncidentKind = 1 // 问责
	IncidentInterview      IncidentKind = 2 // 约谈
	IncidentCriticism      IncidentKind = 3 // 通报批评
	IncidentAdmonition     IncidentKind = 4 // 诫勉
)

// IncidentKinds lists the kinds in display order.
var IncidentKinds = []IncidentKind{IncidentAccountability, IncidentInterview, IncidentCriticism, IncidentAdmonition}

var incidentKindCodes = map[IncidentKind]string{
	IncidentAccountability: "accountability", IncidentInterview: "interview",
	IncidentCriticism: "criticism", IncidentAdmonition: "admonition",
}

func (k IncidentKind) Code() string    { return incidentKindCodes[k] }
func (k IncidentKind) Name() words.Msg { return enumName("incident_kind.", k.Code()) }
func (k IncidentKind) Valid() bool     { _, ok := incidentKindCodes[k]; return ok }
func (k IncidentKind) String() string  { return k.Code() }

// ParseIncidentKind accepts a code or a name ("interview", "约谈" …).
func ParseIncidentKind(s string) (IncidentKind, bool) {
	return parseEnum(s, "incident_kind.", incidentKindCodes)
}

func (k IncidentKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.Code()) }
func (k *IncidentKind) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "incident kind", func(s string) bool { v, ok := ParseIncidentKind(s); *k = v; return ok })
}

// IncidentCause is why the office failed, as the incident's record says.
type IncidentCause int

const (
	CauseOther     IncidentCause = 0 // 其他
	CauseAuthority IncidentCause = 1 // 缺少权限
	CauseResources IncidentCause = 2 // 缺少人员、经费等资源
)

// IncidentCauses lists the causes in display order.
var IncidentCauses = []IncidentCause{CauseAuthority, CauseResources, CauseOther}

var incidentCauseCodes = map[IncidentCause]string{CauseOther: "other", CauseAuthority: "authority", CauseResources: "resources"}

func (c IncidentCause) Code() string    { return incidentCauseCodes[c] }
func (c IncidentCause) Name() words.Msg { return enumName("incident_cause.", c.Code()) }
func (c IncidentCause) Valid() bool     { _, ok := incidentCauseCodes[c]; return ok }
func (c IncidentCause) String() string  { return c.Code() }

// ParseIncidentCause accepts a code or a name ("authority", "缺少权限" …).
func ParseIncidentCause(s string) (IncidentCause, bool) {
	return parseEnum(s, "incident_cause.", incidentCauseCodes)
}

func (c IncidentCause) MarshalJSON() ([]byte, error) { return json.Marshal(c.Code()) }
func (c *IncidentCause) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "incident cause", func(s string) bool { v, ok := ParseIncidentCause(s); *c = v; return ok })
}
