package merge

import (
	"errors"
	"reflect"
	"slices"

	"rpbmatrix/model"
)

// ErrUnresolved is returned by Changes while a conflict has no side chosen.
var ErrUnresolved = errors.New("merge: unresolved conflicts")

// Change is a change the merge makes to ours, with who made it in the copy
// (By is zero for what the merge itself does, such as deleting the records
// that refer to what the copy deleted).
type Change struct {
	model.Change
	By By
}

// Changes returns the changes that carry the merge into ours: deletions
// first, what refers to others before what it refers to; then additions
// and updates, what is referred to first. It fails with ErrUnresolved while
// a conflict has no side chosen.
func (p *Plan) Changes() ([]Change, error) {
	if p.Unresolved() > 0 {
		return nil, ErrUnresolved
	}
	var out []Change
	var cascade []*record
	for _, r := range p.recs {
		out = p.recordChanges(r, out, &cascade)
	}
	if len(cascade) > 0 {
		out = p.cascades(out, cascade)
	}
	out = lastPerRecord(out)
	order := map[model.EntityKind]int{}
	for i, k := range model.Kinds() {
		order[k] = i
	}
	rank := func(c Change) int {
		if c.After == nil {
			return -order[c.Kind] - 1 // deletions first, referrers first
		}
		return order[c.Kind]
	}
	slices.SortStableFunc(out, func(a, b Change) int { return rank(a) - rank(b) })
	// Offices and duties the copy adds may make ours too large to analyse.
	mc := make([]model.Change, len(out))
	for i, c := range out {
		mc[i] = c.Change
	}
	if err := model.CheckSizeAfter(p.in.Ours, mc); err != nil {
		return nil, err
	}
	return out, nil
}

// recordChanges appends the changes one record makes.
func (p *Plan) recordChanges(r *record, out []Change, cascade *[]*record) []Change {
	put := func(e model.Entity, by By) []Change {
		return append(out, Change{Change: p.in.Ours.Put(e), By: by})
	}
	if d := r.whole; d.edit >= 0 || d.conflict >= 0 {
		if !p.taken(d) {
			return out
		}
		var kind ConflictKind
		var by By
		if d.conflict >= 0 {
			kind, by = p.Conflicts[d.conflict].Kind, p.Conflicts[d.conflict].TheirsBy
		} else {
			by = p.Edits[d.edit].By
		}
		switch {
		case kind == InUse:
			*cascade = append(*cascade, r)
			return out
		case kind == Dangling:
			out = put(r.theirs, by)
			for _, ref := range r.theirs.AppendRefs(nil) {
				if target := refEntity(p.in.Theirs, ref); target != nil && p.in.Ours.Find(target) == nil {
					out = append(out, Change{Change: p.in.Ours.Put(target), By: by})
				}
			}
			return out
		case r.theirs == nil:
			return append(out, Change{Change: p.in.Ours.Delete(r.ours), By: by})
		}
		return put(r.theirs, by)
	}
	var taken []string
	var by By
	for _, f := range sortedKeys(r.fields) {
		d := r.fields[f]
		if !p.taken(d) {
			continue
		}
		taken = append(taken, f)
		var b By
		if d.edit >= 0 {
			b = p.Edits[d.edit].By
		} else {
			b = p.Conflicts[d.conflict].TheirsBy
		}
		if b.Time.After(by.Time) || by.Author == "" {
			by = b
		}
	}
	if len(taken) == 0 {
		return out
	}
	return put(p.merged(r, taken), by)
}

// merged is ours' record with the taken fields set to theirs' values.
func (p *Plan) merged(r *record, taken []string) model.Entity {
	e := r.ours.Clone()
	ev, tv := reflect.ValueOf(e).Elem(), reflect.ValueOf(r.theirs.Clone()).Elem()
	for _, name := range taken {
		f, ok := fieldNamed(ev.Type(), name)
		if !ok {
			continue
		}
		if name == "scope" && p.in.Base != nil {
			ev.FieldByIndex(f.index).Set(reflect.ValueOf(p.mergedScope(r)))
			continue
		}
		ev.FieldByIndex(f.index).Set(tv.FieldByIndex(f.index))
	}
	if om, tm := model.MetaOf(e), model.MetaOf(r.theirs); om != nil && tm != nil && tm.Modified.After(om.Modified) {
		om.Modified, om.Author = tm.Modified, tm.Author
	}
	return e
}

// mergedScope is ours' duty scope with the copy's offices added or taken
// out as the copy changed them. A scope that was empty (every office)
// stays empty while every office stays in.
func (p *Plan) mergedScope(r *record) []model.ID {
	do, dt := r.ours.(*model.Duty), r.theirs.(*model.Duty)
	db, _ := r.base.(*model.Duty)
	inCopy := map[model.ID]bool{}
	var copyMembers []model.ID
	allIn := true
	for _, x := range newScopes(p.in).offices {
		inCopy[x] = true
		member := do.AppliesTo(x)
		if db != nil && dt.AppliesTo(x) != db.AppliesTo(x) {
			member = dt.AppliesTo(x)
		}
		if member {
			copyMembers = append(copyMembers, x)
		} else {
			allIn = false
		}
	}
	if len(do.Scope) == 0 && allIn {
		return nil
	}
	var out []model.ID
	if len(do.Scope) == 0 {
		for _, o := range p.in.Ours.OfficeList() {
			if !inCopy[o.ID] {
				out = append(out, o.ID)
			}
		}
	} else {
		for _, id := range do.Scope {
			if !inCopy[id] {
				out = append(out, id)
			}
		}
	}
	return append(out, copyMembers...)
}

// cascades deletes, with everything of ours that refers to them, the
// records the copy deleted and ours still uses (InUse resolved theirs).
// It works on a copy of ours with the merge's other changes applied, so
// that what it changes keeps what the merge changed.
func (p *Plan) cascades(out []Change, rs []*record) []Change {
	w := p.in.Ours.Clone()
	for _, c := range out {
		w.Apply(c.Change)
	}
	for _, r := range rs {
		var cs []model.Change
		id := r.ours.Identity().ID
		switch r.kind {
		case model.KindOffice:
			cs = w.DeleteOffice(id)
		case model.KindDuty:
			cs = w.DeleteDuty(id)
		case model.KindAuthority:
			cs = w.DeleteAuthority(id)
		default:
			cs = []model.Change{w.Delete(r.ours)}
		}
		for _, c := range cs {
			w.Apply(c)
			out = append(out, Change{Change: c})
		}
	}
	return out
}

// lastPerRecord keeps the last change of each record.
func lastPerRecord(cs []Change) []Change {
	type key struct {
		k  model.EntityKind
		id model.Identity
	}
	last := map[key]int{}
	for i, c := range cs {
		e := c.After
		if e == nil {
			e = c.Before
		}
		last[key{c.Kind, e.Identity()}] = i
	}
	out := cs[:0:0]
	for i, c := range cs {
		e := c.After
		if e == nil {
			e = c.Before
		}
		if last[key{c.Kind, e.Identity()}] == i {
			out = append(out, c)
		}
	}
	return out
}
