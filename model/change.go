package model

import (
	"slices"

	"rpbmatrix/model/words"
)

// EntityKind names a kind of stored entity.
type EntityKind string

const (
	KindInfo        EntityKind = "info"
	KindSettings    EntityKind = "settings"
	KindOffice      EntityKind = "office"
	KindDuty        EntityKind = "duty"
	KindAuthority   EntityKind = "authority"
	KindHolding     EntityKind = "holding"
	KindAssessment  EntityKind = "assessment"
	KindDecision    EntityKind = "decision"
	KindMeeting     EntityKind = "meeting"
	KindProposal    EntityKind = "proposal"
	KindOffListTask EntityKind = "off_list_task"
	KindIncident    EntityKind = "incident"
)

// Name is the kind's name (entity.kind.<kind>): 街道（乡镇）, 专班会议 ….
func (k EntityKind) Name() words.Msg { return words.M("entity.kind." + string(k)) }

// Change is one entity created, replaced or deleted. Before is nil for a
// creation and After is nil for a deletion; both are values the project does
// not share (copies), so a Change can be kept for undo.
type Change struct {
	Kind   EntityKind
	Before Entity
	After  Entity
}

// Inverse returns the change that undoes c.
func (c Change) Inverse() Change { return Change{Kind: c.Kind, Before: c.After, After: c.Before} }

// Put returns the change that stores e (an entity the caller owns) in place
// of what the project holds under the same identity.
// It does not apply it; the caller passes it to the store, which applies it
// once it is committed.
func (p *Project) Put(e Entity) Change {
	return Change{Kind: e.EntityKind(), Before: p.copyOf(e), After: e.Clone()}
}

// Delete returns the change that removes e.
func (p *Project) Delete(e Entity) Change {
	return Change{Kind: e.EntityKind(), Before: p.copyOf(e)}
}

// DeleteDuty returns the changes that remove a duty with its assessments,
// decisions and incidents; a proposal that became the duty no longer names it.
func (p *Project) DeleteDuty(id ID) []Change {
	d := p.Duties[id]
	if d == nil {
		return nil
	}
	var out []Change
	for _, a := range p.Assessments {
		if a.Duty == id {
			out = append(out, p.Delete(a))
		}
	}
	for _, dec := range p.Decisions {
		if dec.Duty == id {
			out = append(out, p.Delete(dec))
		}
	}
	for _, i := range p.Incidents {
		if i.Duty == id {
			out = append(out, p.Delete(i))
		}
	}
	for _, q := range p.Proposals {
		if q.Duty == id {
			nq := *q
			nq.Duty = NilID
			out = append(out, p.Put(&nq))
		}
	}
	return append(out, p.Delete(d))
}

// DeleteOffice returns the changes that remove an office with its holdings,
// assessments, decisions, incidents and off-list tasks, and take it out of
// duty and proposal scopes. A duty or proposal whose scope names only this
// office goes with it: it would otherwise be left applying to no office, or
// silently to every office.
func (p *Project) DeleteOffice(id ID) []Change {
	o := p.Offices[id]
	if o == nil {
		return nil
	}
	onlyHere := map[ID]bool{}
	for _, d := range p.Duties {
		if len(d.Scope) == 1 && d.Scope[0] == id {
			onlyHere[d.ID] = true
		}
	}
	var out []Change
	for _, h := range p.Holdings {
		if h.Office == id {
			out = append(out, p.Delete(h))
		}
	}
	for _, a := range p.Assessments {
		if a.Office == id || onlyHere[a.Duty] {
			out = append(out, p.Delete(a))
		}
	}
	for _, dec := range p.Decisions {
		if dec.Office == id || onlyHere[dec.Duty] {
			out = append(out, p.Delete(dec))
		}
	}
	for _, i := range p.Incidents {
		if i.Office == id || onlyHere[i.Duty] {
			out = append(out, p.Delete(i))
		}
	}
	for _, t := range p.OffListTasks {
		if t.Office == id {
			out = append(out, p.Delete(t))
		}
	}
	for _, q := range p.Proposals {
		switch {
		case len(q.Scope) == 1 && q.Scope[0] == id:
			out = append(out, p.Delete(q))
		case len(q.Scope) > 0 && q.AppliesTo(id):
			nq := *q
			nq.Scope = without(q.Scope, id)
			if onlyHere[q.Duty] {
				nq.Duty = NilID
			}
			out = append(out, p.Put(&nq))
		case q.Duty != NilID && onlyHere[q.Duty]:
			nq := *q
			nq.Duty = NilID
			out = append(out, p.Put(&nq))
		}
	}
	for _, d := range p.Duties {
		switch {
		case onlyHere[d.ID]:
			out = append(out, p.Delete(d))
		case len(d.Scope) > 0 && d.AppliesTo(id):
			nd := *d
			nd.Scope = without(d.Scope, id)
			out = append(out, p.Put(&nd))
		}
	}
	return append(out, p.Delete(o))
}

// DeleteAuthority returns the changes that remove an authority with its
// holdings and the decisions that grant or withdraw it, and take it out of
// duties' required lists and proposals' required and granted lists.
func (p *Project) DeleteAuthority(id ID) []Change {
	a := p.Authorities[id]
	if a == nil {
		return nil
	}
	var out []Change
	for _, h := range p.Holdings {
		if h.Authority == id {
			out = append(out, p.Delete(h))
		}
	}
	for _, d := range p.Duties {
		if slices.Contains(d.Required, id) {
			nd := *d
			nd.Required = without(d.Required, id)
			out = append(out, p.Put(&nd))
		}
	}
	for _, q := range p.Proposals {
		if slices.Contains(q.Required, id) || slices.Contains(q.Granted, id) {
			nq := *q
			nq.Required, nq.Granted = without(q.Required, id), without(q.Granted, id)
			out = append(out, p.Put(&nq))
		}
	}
	for _, dec := range p.Decisions {
		if dec.Authority == id {
			out = append(out, p.Delete(dec))
		}
	}
	return append(out, p.Delete(a))
}

// without returns a new list of ids without id (nil when none is left).
func without(ids []ID, id ID) []ID {
	var out []ID
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// copyOf returns a copy of what the project holds under e's identity, or nil.
func (p *Project) copyOf(e Entity) Entity {
	if cur := e.in(p); cur != nil {
		return cur.Clone()
	}
	return nil
}

// Apply makes c's After the project's state (or removes Before when After is nil).
func (p *Project) Apply(c Change) {
	switch {
	case c.After != nil:
		c.After.Clone().storeIn(p)
	case c.Before != nil:
		c.Before.removeFrom(p)
	}
}
