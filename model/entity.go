package model

import (
	"fmt"
	"iter"
	"slices"
)

// Entity is one record of a project: an office, a duty, an authority, a
// holding, an assessment, a meeting, a decision, a proposal, an off-list
// task, an incident, or the project's Info or Settings.
// Changes, storage, undo and the audit log handle every kind through it, so
// a new kind of record is a type that implements Entity plus a row in
// kinds, not a case added to switches.
//
// Only this package's types implement it: the unexported methods put an
// entity into a Project and take it out.
type Entity interface {
	// EntityKind says which kind of record this is.
	EntityKind() EntityKind
	// Identity tells it from the other entities of its kind.
	Identity() Identity
	// Label is the name the user knows it by; "" for a kind without a name
	// of its own (a holding is known by its office and authority).
	Label() string
	// Clone returns a copy that shares nothing with it.
	Clone() Entity
	// AppendRefs appends the entities it cannot do without: deleting one of
	// them must delete or change it too. A duty's scope is not among them,
	// as a duty may go on naming an office that is gone (see DeleteOffice).
	AppendRefs(refs []Ref) []Ref

	// refKinds lists the kinds AppendRefs may name, whatever the values.
	refKinds() []EntityKind
	// in returns the project's own entity under the same identity, or nil.
	in(p *Project) Entity
	// storeIn makes it the project's entity under its identity.
	storeIn(p *Project)
	// removeFrom removes the entity under its identity from p.
	removeFrom(p *Project)
}

// Identity tells an entity from the others of its kind: its ID, or the pair
// (office, authority) of a holding and (office, duty) of an assessment.
// Info and Settings, of which a project has one each, have the zero Identity.
type Identity struct {
	ID    ID
	Other ID // the second ID of a pair; NilID for an entity known by its ID
}

// String is the ID, or the pair's two IDs joined by "/".
func (i Identity) String() string {
	switch {
	case i.Other != NilID:
		return i.ID.String() + "/" + i.Other.String()
	case i.ID != NilID:
		return i.ID.String()
	}
	return ""
}

// Ref names the entity another one refers to.
type Ref struct {
	Kind EntityKind
	ID   ID
}

// kinds lists every kind of entity, in the order a project is written and
// listed: the project's own records, the catalogues, then what refers to them.
var kinds = []struct {
	new func() Entity
	all func(p *Project) iter.Seq[Entity]
}{
	{func() Entity { return new(Info) }, func(p *Project) iter.Seq[Entity] { return one(&p.Info) }},
	{func() Entity { return new(Settings) }, func(p *Project) iter.Seq[Entity] { return one(&p.Settings) }},
	{func() Entity { return new(Office) }, func(p *Project) iter.Seq[Entity] { return values(p.Offices) }},
	{func() Entity { return new(Duty) }, func(p *Project) iter.Seq[Entity] { return values(p.Duties) }},
	{func() Entity { return new(Authority) }, func(p *Project) iter.Seq[Entity] { return values(p.Authorities) }},
	{func() Entity { return new(Holding) }, func(p *Project) iter.Seq[Entity] { return values(p.Holdings) }},
	{func() Entity { return new(Assessment) }, func(p *Project) iter.Seq[Entity] { return values(p.Assessments) }},
	{func() Entity { return new(Meeting) }, func(p *Project) iter.Seq[Entity] { return values(p.Meetings) }},
	{func() Entity { return new(Decision) }, func(p *Project) iter.Seq[Entity] { return values(p.Decisions) }},
	{func() Entity { return new(Proposal) }, func(p *Project) iter.Seq[Entity] { return values(p.Proposals) }},
	{func() Entity { return new(OffListTask) }, func(p *Project) iter.Seq[Entity] { return values(p.OffListTasks) }},
	{func() Entity { return new(Incident) }, func(p *Project) iter.Seq[Entity] { return values(p.Incidents) }},
}

// kindIndex finds a kind's row in kinds.
var kindIndex = func() map[EntityKind]int {
	m := make(map[EntityKind]int, len(kinds))
	for i, k := range kinds {
		m[k.new().EntityKind()] = i
	}
	return m
}()

// Kinds lists every kind of entity, the project's Info and Settings first
// and every kind after the kinds it refers to.
func Kinds() []EntityKind {
	out := make([]EntityKind, len(kinds))
	for i, k := range kinds {
		out[i] = k.new().EntityKind()
	}
	return out
}

// NewEntity returns a new, empty entity of kind k, to decode a stored value into.
func NewEntity(k EntityKind) (Entity, error) {
	i, ok := kindIndex[k]
	if !ok {
		return nil, fmt.Errorf("model: unknown entity kind %q", k)
	}
	return kinds[i].new(), nil
}

// ReferrersOf lists the kinds whose entities may refer to entities of kind
// k, in the order of Kinds: the kinds to look through for what a deletion
// would leave dangling.
func ReferrersOf(k EntityKind) []EntityKind {
	var out []EntityKind
	for _, row := range kinds {
		e := row.new()
		if slices.Contains(e.refKinds(), k) {
			out = append(out, e.EntityKind())
		}
	}
	return out
}

// All returns the project's entities of kind k (themselves, not copies), in
// no particular order.
func (p *Project) All(k EntityKind) iter.Seq[Entity] {
	i, ok := kindIndex[k]
	if !ok {
		return func(func(Entity) bool) {}
	}
	return kinds[i].all(p)
}

// Has reports whether the project holds an entity under e's identity.
func (p *Project) Has(e Entity) bool { return e.in(p) != nil }

// Find returns the project's own entity (not a copy) under e's identity,
// or nil: the same record in another project, such as a copy handed out
// from it.
func (p *Project) Find(e Entity) Entity { return e.in(p) }

// Insert puts e itself, not a copy, into the project under its identity,
// replacing what is there. It is for building a project from records nobody
// else holds (a file or a document being read); every edit goes through Put
// and Apply instead, so that it can be undone.
func (p *Project) Insert(e Entity) { e.storeIn(p) }

func one(e Entity) iter.Seq[Entity] {
	return func(yield func(Entity) bool) { yield(e) }
}

func values[K comparable, E Entity](m map[K]E) iter.Seq[Entity] {
	return func(yield func(Entity) bool) {
		for _, e := range m {
			if !yield(e) {
				return
			}
		}
	}
}

// lookup returns m[k] as an Entity, or nil (not a nil *T in an Entity).
func lookup[K comparable, T any, PT interface {
	*T
	Entity
}](m map[K]PT, k K) Entity {
	if e := m[k]; e != nil {
		return e
	}
	return nil
}

func (*Info) EntityKind() EntityKind       { return KindInfo }
func (*Info) Identity() Identity           { return Identity{} }
func (i *Info) Label() string              { return i.Name }
func (i *Info) Clone() Entity              { x := *i; return &x }
func (*Info) AppendRefs(refs []Ref) []Ref  { return refs }
func (*Info) in(p *Project) Entity         { return &p.Info }
func (i *Info) storeIn(p *Project)         { p.Info = *i }
func (*Info) removeFrom(*Project)          {} // a project always has its Info
func (*Info) refKinds() []EntityKind       { return nil }
func (*Settings) EntityKind() EntityKind   { return KindSettings }
func (*Settings) Identity() Identity       { return Identity{} }
func (*Settings) Label() string            { return "" }
func (s *Settings) Clone() Entity          { x := *s; return &x }
func (*Settings) AppendRefs(r []Ref) []Ref { return r }
func (*Settings) in(p *Project) Entity     { return &p.Settings }
func (s *Settings) storeIn(p *Project)     { p.Settings = *s }
func (*Settings) removeFrom(*Project)      {} // a project always has its Settings
func (*Settings) refKinds() []EntityKind   { return nil }

func (*Office) EntityKind() EntityKind      { return KindOffice }
func (o *Office) Identity() Identity        { return Identity{ID: o.ID} }
func (o *Office) Label() string             { return o.Name }
func (o *Office) Clone() Entity             { x := *o; return &x }
func (*Office) AppendRefs(refs []Ref) []Ref { return refs }
func (o *Office) in(p *Project) Entity      { return lookup(p.Offices, o.ID) }
func (o *Office) storeIn(p *Project)        { p.Offices[o.ID] = o }
func (o *Office) removeFrom(p *Project)     { delete(p.Offices, o.ID) }
func (*Office) refKinds() []EntityKind      { return nil }

func (*Duty) EntityKind() EntityKind { return KindDuty }
func (d *Duty) Identity() Identity   { return Identity{ID: d.ID} }
func (d *Duty) Label() string        { return d.Title() }
func (d *Duty) Clone() Entity {
	x := *d
	x.Scope = append([]ID(nil), d.Scope...)
	x.Required = append([]ID(nil), d.Required...)
	return &x
}
func (d *Duty) AppendRefs(refs []Ref) []Ref {
	for _, a := range d.Required {
		refs = append(refs, Ref{KindAuthority, a})
	}
	return refs
}
func (d *Duty) in(p *Project) Entity  { return lookup(p.Duties, d.ID) }
func (d *Duty) storeIn(p *Project)    { p.Duties[d.ID] = d }
func (d *Duty) removeFrom(p *Project) { delete(p.Duties, d.ID) }
func (*Duty) refKinds() []EntityKind  { return []EntityKind{KindAuthority} }

func (*Authority) EntityKind() EntityKind      { return KindAuthority }
func (a *Authority) Identity() Identity        { return Identity{ID: a.ID} }
func (a *Authority) Label() string             { return a.Name }
func (a *Authority) Clone() Entity             { x := *a; return &x }
func (*Authority) AppendRefs(refs []Ref) []Ref { return refs }
func (a *Authority) in(p *Project) Entity      { return lookup(p.Authorities, a.ID) }
func (a *Authority) storeIn(p *Project)        { p.Authorities[a.ID] = a }
func (a *Authority) removeFrom(p *Project)     { delete(p.Authorities, a.ID) }
func (*Authority) refKinds() []EntityKind      { return nil }

func (*Holding) EntityKind() EntityKind { return KindHolding }
func (h *Holding) Identity() Identity   { return Identity{ID: h.Office, Other: h.Authority} }
func (*Holding) Label() string          { return "" }
func (h *Holding) Clone() Entity        { x := *h; return &x }
func (h *Holding) AppendRefs(refs []Ref) []Ref {
	return append(refs, Ref{KindOffice, h.Office}, Ref{KindAuthority, h.Authority})
}
func (h *Holding) in(p *Project) Entity  { return lookup(p.Holdings, h.Key()) }
func (h *Holding) storeIn(p *Project)    { p.Holdings[h.Key()] = h }
func (h *Holding) removeFrom(p *Project) { delete(p.Holdings, h.Key()) }
func (*Holding) refKinds() []EntityKind  { return []EntityKind{KindOffice, KindAuthority} }

func (*Assessment) EntityKind() EntityKind { return KindAssessment }
func (a *Assessment) Identity() Identity   { return Identity{ID: a.Office, Other: a.Duty} }
func (*Assessment) Label() string          { return "" }
func (a *Assessment) Clone() Entity        { x := *a; return &x }
func (a *Assessment) AppendRefs(refs []Ref) []Ref {
	return append(refs, Ref{KindOffice, a.Office}, Ref{KindDuty, a.Duty})
}
func (a *Assessment) in(p *Project) Entity  { return lookup(p.Assessments, a.Key()) }
func (a *Assessment) storeIn(p *Project)    { p.Assessments[a.Key()] = a }
func (a *Assessment) removeFrom(p *Project) { delete(p.Assessments, a.Key()) }
func (*Assessment) refKinds() []EntityKind  { return []EntityKind{KindOffice, KindDuty} }

func (*Decision) EntityKind() EntityKind { return KindDecision }
func (d *Decision) Identity() Identity   { return Identity{ID: d.ID} }
func (*Decision) Label() string          { return "" }
func (d *Decision) Clone() Entity        { x := *d; return &x }

// AppendRefs names the duty, and the office, the authority to grant or
// withdraw and the meeting when the decision names them (NilID means every
// office, or none).
func (d *Decision) AppendRefs(refs []Ref) []Ref {
	if d.Office != NilID {
		refs = append(refs, Ref{KindOffice, d.Office})
	}
	refs = append(refs, Ref{KindDuty, d.Duty})
	if d.Authority != NilID {
		refs = append(refs, Ref{KindAuthority, d.Authority})
	}
	if d.Meeting != NilID {
		refs = append(refs, Ref{KindMeeting, d.Meeting})
	}
	return refs
}
func (d *Decision) in(p *Project) Entity  { return lookup(p.Decisions, d.ID) }
func (d *Decision) storeIn(p *Project)    { p.Decisions[d.ID] = d }
func (d *Decision) removeFrom(p *Project) { delete(p.Decisions, d.ID) }
func (*Decision) refKinds() []EntityKind {
	return []EntityKind{KindOffice, KindDuty, KindAuthority, KindMeeting}
}
