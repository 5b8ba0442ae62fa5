// Package merge brings what planners changed in a hand-out copy back into
// the project it was handed out from: a three-way merge by identity against
// the records the copy was made with (the base), field by field.
//
// A field changed on one side only takes that side's value; a field both
// sides changed to different values is a conflict, resolved by choosing a
// side. A record deleted on one side and unchanged on the other is deleted;
// deleted on one side and changed on the other is a conflict. A copy that
// was not handed out from the project has no base: its records are merged
// by identity and every field that differs is a conflict.
//
// The package works on projects in memory and imports no bbolt: storage
// reads the projects and the base from the files, asks who changed what in
// their audit logs (Plan.Attribute), and commits Plan.Changes as one action.
package merge

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Side is one of the two projects of a merge.
type Side int

const (
	Unresolved Side = iota
	Ours            // the project merged into: the original
	Theirs          // the project merged from: the copy
)

// String is the side's code: "ours", "theirs", "".
func (s Side) String() string {
	switch s {
	case Ours:
		return "ours"
	case Theirs:
		return "theirs"
	}
	return ""
}

// ParseSide reads "ours" or "theirs".
func ParseSide(code string) (Side, bool) {
	switch code {
	case "ours":
		return Ours, true
	case "theirs":
		return Theirs, true
	}
	return Unresolved, false
}

// MarshalText writes the side's code.
func (s Side) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// By is who changed something on one side, and when.
type By struct {
	Author string    `json:"author,omitempty"`
	Time   time.Time `json:"time,omitzero"`
}

// Record names a record of either project.
type Record struct {
	Kind model.EntityKind `json:"kind"`
	ID   model.Identity   `json:"-"`
	Name words.Msg        `json:"-"` // as the user knows it, e.g. 评估“老城街道／违法建设巡查”
}

// Op is what an edit does to a record of ours.
type Op string

const (
	OpAdd    Op = "add"    // a record the copy added
	OpDelete Op = "delete" // a record the copy deleted
	OpChange Op = "change" // a field the copy changed
)

// Edit is a change made in the copy only, which the merge applies.
type Edit struct {
	Record Record          `json:"record"`
	Op     Op              `json:"op"`
	Field  string          `json:"field,omitempty"` // the field's JSON name, for OpChange
	From   json.RawMessage `json:"from,omitempty"`  // ours' value (absent: the field is empty)
	To     json.RawMessage `json:"to,omitempty"`
	By     By              `json:"by"`
}

// ConflictKind says how the two sides disagree.
type ConflictKind string

const (
	// BothChanged: both changed Field, to different values (or, without a
	// base, the field differs).
	BothChanged ConflictKind = "both_changed"
	// OursDeleted: ours deleted the record, the copy changed it.
	OursDeleted ConflictKind = "ours_deleted"
	// TheirsDeleted: the copy deleted the record, ours changed it.
	TheirsDeleted ConflictKind = "theirs_deleted"
	// InUse: the copy deleted the record, which other records of ours
	// (outside the copy) still refer to; taking theirs deletes those too.
	InUse ConflictKind = "in_use"
	// Dangling: the copy added a record that refers to one ours deleted;
	// taking theirs restores that one too.
	Dangling ConflictKind = "dangling"
)

// Conflict is a change both sides made, which someone must choose between.
type Conflict struct {
	Kind   ConflictKind    `json:"kind"`
	Record Record          `json:"record"`
	Field  string          `json:"field,omitempty"` // for BothChanged
	Base   json.RawMessage `json:"base,omitempty"`  // absent: not in the base, or no base
	Ours   json.RawMessage `json:"ours,omitempty"`  // absent: ours has no such record (or field)
	Theirs json.RawMessage `json:"theirs,omitempty"`
	OursBy By              `json:"ours_by"`
	// TheirsBy is who changed it in the copy.
	TheirsBy By `json:"theirs_by"`
	// Users counts ours' records that refer to it, for InUse; Refers
	// names the record ours deleted, for Dangling.
	Users  int    `json:"users,omitempty"`
	Refers Record `json:"refers,omitzero"`
	// Resolution is the side chosen; Unresolved until someone chooses.
	Resolution Side `json:"resolution"`
}

// Input is what a merge compares.
type Input struct {
	// Base holds the records the copy was handed out with, or those of
	// the copy when it was last merged; nil for a copy not handed out from
	// Ours, whose every differing field is then a conflict.
	Base   *model.Project
	Ours   *model.Project
	Theirs *model.Project
	// Offices are the offices the copy was handed out for (with Base):
	// a duty's scope is compared for these offices only.
	Offices []model.ID
}

// Plan is a merge worked out and not yet applied: the copy's edits, the
// conflicts and their resolutions.
type Plan struct {
	Edits     []Edit
	Conflicts []Conflict
	in        Input
	recs      []*record
}

// Resolve chooses a side for conflict i.
func (p *Plan) Resolve(i int, side Side) { p.Conflicts[i].Resolution = side }

// ResolveAll chooses side for every conflict still unresolved.
func (p *Plan) ResolveAll(side Side) {
	for i := range p.Conflicts {
		if p.Conflicts[i].Resolution == Unresolved {
			p.Conflicts[i].Resolution = side
		}
	}
}

// Unresolved counts the conflicts nobody has chosen a side for.
func (p *Plan) Unresolved() int {
	n := 0
	for _, c := range p.Conflicts {
		if c.Resolution == Unresolved {
			n++
		}
	}
	return n
}

// Empty reports whether merging changes nothing: no edit and no conflict.
func (p *Plan) Empty() bool { return len(p.Edits) == 0 && len(p.Conflicts) == 0 }

// HasBase reports whether the copy was merged against a base (three-way).
func (p *Plan) HasBase() bool { return p.in.Base != nil }

// record is the merge of one record: what each side holds and how each
// field or the whole record is decided.
type record struct {
	kind               model.EntityKind
	base, ours, theirs model.Entity
	// whole decides the record as a whole: an edit (add, delete) or a
	// conflict (OursDeleted, TheirsDeleted, InUse, Dangling); -1 if none.
	whole    decision
	fields   map[string]decision // field-by-field, when both sides hold it
	oursMap  fieldMap
	theirMap fieldMap
}

// decision points at the edit or conflict that decides something.
type decision struct {
	edit     int // index into Plan.Edits, or -1
	conflict int // index into Plan.Conflicts, or -1
}

var none = decision{-1, -1}

// taken reports whether the decision takes theirs.
func (p *Plan) taken(d decision) bool {
	switch {
	case d.edit >= 0:
		return true
	case d.conflict >= 0:
		return p.Conflicts[d.conflict].Resolution == Theirs
	}
	return false
}

// Compute works out the merge of in.Theirs into in.Ours.
func Compute(in Input) *Plan {
	p := &Plan{in: in}
	sc := newScopes(in)
	for _, k := range model.Kinds() {
		if k == model.KindInfo {
			continue // each project keeps its own name and identity
		}
		seen := map[model.Identity]bool{}
		if in.Base != nil {
			for _, b := range inOrder(in.Base, k) {
				seen[b.Identity()] = true
				p.recordOf(k, b, in.Ours.Find(b), in.Theirs.Find(b), sc)
			}
		}
		for _, t := range inOrder(in.Theirs, k) {
			if !seen[t.Identity()] {
				p.recordOf(k, nil, in.Ours.Find(t), t, sc)
			}
		}
	}
	p.checkReferences()
	return p
}

// recordOf works out one record, present on some of the sides.
func (p *Plan) recordOf(k model.EntityKind, b, o, t model.Entity, sc *scopes) {
	r := &record{kind: k, base: b, ours: o, theirs: t, whole: none}
	name := p.name(k, firstOf(o, t, b))
	threeWay := p.in.Base != nil
	switch {
	case o == nil && t == nil:
		return // deleted on both sides, or never anywhere
	case b == nil && o == nil:
		r.whole = p.edit(Edit{Record: name, Op: OpAdd, To: sc.raw(t), By: metaBy(t)})
	case b != nil && t == nil:
		if sameContent(o, b, sc) {
			r.whole = p.edit(Edit{Record: name, Op: OpDelete, From: sc.raw(o)})
		} else {
			r.whole = p.conflict(Conflict{Kind: TheirsDeleted, Record: name, Base: sc.raw(b), Ours: sc.raw(o), OursBy: metaBy(o)})
		}
	case b != nil && o == nil:
		if sameContent(t, b, sc) {
			return // deleted in ours only: stays deleted
		}
		r.whole = p.conflict(Conflict{Kind: OursDeleted, Record: name, Base: sc.raw(b), Theirs: sc.raw(t), TheirsBy: metaBy(t)})
	default: // both hold it
		if sameContent(o, t, sc) || (threeWay && sameContent(t, b, sc)) {
			return // nothing of theirs to take
		}
		p.fieldsOf(r, name, sc)
		if len(r.fields) == 0 {
			return
		}
	}
	p.recs = append(p.recs, r)
}

// fieldsOf decides field by field a record both sides hold.
func (p *Plan) fieldsOf(r *record, name Record, sc *scopes) {
	var bm fieldMap
	if r.base != nil {
		bm = sc.fields(r.base)
	}
	r.oursMap, r.theirMap = sc.fields(r.ours), sc.fields(r.theirs)
	r.fields = map[string]decision{}
	for _, f := range unionKeys(bm, r.oursMap, r.theirMap) {
		bv, ov, tv := bm[f], r.oursMap[f], r.theirMap[f]
		switch {
		case sameRaw(ov, tv):
			continue
		case r.base != nil && sameRaw(tv, bv):
			continue // changed in ours only, or in neither
		case r.base != nil && sameRaw(ov, bv):
			r.fields[f] = p.edit(Edit{Record: name, Op: OpChange, Field: f, From: ov, To: tv, By: metaBy(r.theirs)})
		default:
			r.fields[f] = p.conflict(Conflict{Kind: BothChanged, Record: name, Field: f, Base: bv, Ours: ov, Theirs: tv,
				OursBy: metaBy(r.ours), TheirsBy: metaBy(r.theirs)})
		}
	}
}

func (p *Plan) edit(e Edit) decision {
	p.Edits = append(p.Edits, e)
	return decision{edit: len(p.Edits) - 1, conflict: -1}
}

func (p *Plan) conflict(c Conflict) decision {
	p.Conflicts = append(p.Conflicts, c)
	return decision{edit: -1, conflict: len(p.Conflicts) - 1}
}

// metaBy is who last changed e and when, as its Meta says; zero for a
// kind without Meta or an absent record.
func metaBy(e model.Entity) By {
	if e == nil {
		return By{}
	}
	if m := model.MetaOf(e); m != nil {
		return By{Author: m.Author, Time: m.Modified}
	}
	return By{}
}

// Attribute refines who changed what: find returns who last changed field
// of the record on side ("" for a whole record), when it knows (storage
// reads the audit logs of both files). Until then a change is put down to
// whoever last changed the record, as its Meta says.
func (p *Plan) Attribute(side Side, find func(r Record, field string) (By, bool)) {
	if side == Theirs {
		for i := range p.Edits {
			if by, ok := find(p.Edits[i].Record, p.Edits[i].Field); ok {
				p.Edits[i].By = by
			}
		}
	}
	for i := range p.Conflicts {
		c := &p.Conflicts[i]
		if by, ok := find(c.Record, c.Field); ok {
			if side == Theirs {
				c.TheirsBy = by
			} else {
				c.OursBy = by
			}
		}
	}
}

// inOrder lists p's records of kind k by identity, so that a plan lists its
// edits and conflicts in the same order every time.
func inOrder(p *model.Project, k model.EntityKind) []model.Entity {
	var out []model.Entity
	for e := range p.All(k) {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b model.Entity) int {
		x, y := a.Identity(), b.Identity()
		if c := bytes.Compare(x.ID[:], y.ID[:]); c != 0 {
			return c
		}
		return bytes.Compare(x.Other[:], y.Other[:])
	})
	return out
}

func firstOf(es ...model.Entity) model.Entity {
	for _, e := range es {
		if e != nil {
			return e
		}
	}
	return nil
}

// checkReferences turns into conflicts the edits that would leave a
// reference dangling: the copy deleting what ours still uses elsewhere,
// and the copy adding what refers to something ours deleted.
func (p *Plan) checkReferences() {
	deleted := map[model.Ref]*record{} // by the copy, without conflict
	for _, r := range p.recs {
		if r.whole.edit >= 0 && p.Edits[r.whole.edit].Op == OpDelete && r.ours.Identity().Other == model.NilID {
			deleted[model.Ref{Kind: r.kind, ID: r.ours.Identity().ID}] = r
		}
	}
	if len(deleted) > 0 {
		goneToo := map[model.Identity]bool{} // ours' records the copy deletes as well
		for _, r := range p.recs {
			if r.whole.edit >= 0 && p.Edits[r.whole.edit].Op == OpDelete {
				goneToo[r.ours.Identity()] = true
			}
		}
		users := map[model.Ref]int{}
		var refs []model.Ref
		kinds := map[model.EntityKind]bool{}
		for ref := range deleted {
			for _, k := range model.ReferrersOf(ref.Kind) {
				kinds[k] = true
			}
		}
		for _, k := range model.Kinds() {
			if !kinds[k] {
				continue
			}
			for e := range p.in.Ours.All(k) {
				if goneToo[e.Identity()] {
					continue
				}
				refs = e.AppendRefs(refs[:0])
				for _, ref := range refs {
					if deleted[ref] != nil {
						users[ref]++
					}
				}
			}
		}
		for ref, n := range users {
			r := deleted[ref]
			e := p.Edits[r.whole.edit]
			p.Edits[r.whole.edit].Op = "" // dropped below
			r.whole = p.conflict(Conflict{Kind: InUse, Record: e.Record, Base: rawOf(r.base), Ours: rawOf(r.ours), Users: n, OursBy: metaBy(r.ours)})
		}
	}
	// What ours deleted of the base, and the copy kept.
	for _, r := range p.recs {
		if r.whole.edit < 0 || p.Edits[r.whole.edit].Op != OpAdd || p.in.Base == nil {
			continue
		}
		for _, ref := range r.theirs.AppendRefs(nil) {
			target := refEntity(p.in.Base, ref)
			if target == nil || p.in.Ours.Find(target) != nil {
				continue
			}
			e := p.Edits[r.whole.edit]
			p.Edits[r.whole.edit].Op = ""
			r.whole = p.conflict(Conflict{Kind: Dangling, Record: e.Record, Theirs: rawOf(r.theirs), TheirsBy: e.By,
				Refers: p.name(ref.Kind, target)})
			break
		}
	}
	p.Edits = slices.DeleteFunc(p.Edits, func(e Edit) bool { return e.Op == "" })
	p.reindexEdits()
}

// reindexEdits points the records' decisions at the edits again after
// some were dropped (edits keep their order).
func (p *Plan) reindexEdits() {
	// Rebuild from scratch: edits are listed in the order records and
	// fields were decided, so walk the records in that order.
	i := 0
	for _, r := range p.recs {
		if r.whole.edit >= 0 {
			r.whole.edit = i
			i++
		}
		for _, f := range sortedKeys(r.fields) {
			if d := r.fields[f]; d.edit >= 0 {
				r.fields[f] = decision{edit: i, conflict: -1}
				i++
			}
		}
	}
}

// refEntity returns the entity a reference names in p, or nil.
func refEntity(p *model.Project, ref model.Ref) model.Entity {
	switch ref.Kind {
	case model.KindOffice:
		if e := p.Offices[ref.ID]; e != nil {
			return e
		}
	case model.KindDuty:
		if e := p.Duties[ref.ID]; e != nil {
			return e
		}
	case model.KindAuthority:
		if e := p.Authorities[ref.ID]; e != nil {
			return e
		}
	}
	return nil
}
