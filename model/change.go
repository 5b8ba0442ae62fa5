package model

import "fmt"

// EntityKind names a kind of stored entity.
type EntityKind string

const (
	KindInfo       EntityKind = "info"
	KindSettings   EntityKind = "settings"
	KindOffice     EntityKind = "office"
	KindDuty       EntityKind = "duty"
	KindAuthority  EntityKind = "authority"
	KindHolding    EntityKind = "holding"
	KindAssessment EntityKind = "assessment"
	KindDecision   EntityKind = "decision"
)

// Change is one entity created, replaced or deleted. Before is nil for a
// creation and After is nil for a deletion; both are pointers to values the
// project does not share (copies), so a Change can be kept for undo.
//
// Before/After hold *Info, *Settings, *Office, *Duty, *Authority, *Holding,
// *Assessment or *Decision according to Kind.
type Change struct {
	Kind   EntityKind
	Before any
	After  any
}

// Inverse returns the change that undoes c.
func (c Change) Inverse() Change { return Change{Kind: c.Kind, Before: c.After, After: c.Before} }

// KindOf returns the entity kind of a pointer to an entity.
func KindOf(e any) (EntityKind, error) {
	switch e.(type) {
	case *Info:
		return KindInfo, nil
	case *Settings:
		return KindSettings, nil
	case *Office:
		return KindOffice, nil
	case *Duty:
		return KindDuty, nil
	case *Authority:
		return KindAuthority, nil
	case *Holding:
		return KindHolding, nil
	case *Assessment:
		return KindAssessment, nil
	case *Decision:
		return KindDecision, nil
	}
	return "", fmt.Errorf("model: %T is not an entity", e)
}

// Put returns the change that stores e (a pointer to an entity the caller
// owns) in place of what the project holds under the same identity.
// It does not apply it; the caller passes it to the store, which applies it
// once it is committed.
func (p *Project) Put(e any) Change {
	k, err := KindOf(e)
	if err != nil {
		panic(err)
	}
	return Change{Kind: k, Before: p.current(k, e), After: copyEntity(e)}
}

// Delete returns the change that removes e.
func (p *Project) Delete(e any) Change {
	k, err := KindOf(e)
	if err != nil {
		panic(err)
	}
	return Change{Kind: k, Before: p.current(k, e)}
}

// DeleteDuty returns the changes that remove a duty with its assessments and decisions.
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
	return append(out, p.Delete(d))
}

// DeleteOffice returns the changes that remove an office with its holdings,
// assessments and decisions, and take it out of duty scopes. A duty whose
// scope names only this office goes with it: it would otherwise be left
// applying to no office, or silently to every office.
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
	for _, d := range p.Duties {
		switch {
		case onlyHere[d.ID]:
			out = append(out, p.Delete(d))
		case len(d.Scope) > 0 && d.AppliesTo(id):
			nd := *d
			nd.Scope = nil
			for _, s := range d.Scope {
				if s != id {
					nd.Scope = append(nd.Scope, s)
				}
			}
			out = append(out, p.Put(&nd))
		}
	}
	return append(out, p.Delete(o))
}

// DeleteAuthority returns the changes that remove an authority with its
// holdings and take it out of duties' required lists and grant decisions.
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
		for _, r := range d.Required {
			if r == id {
				nd := *d
				nd.Required = nil
				for _, x := range d.Required {
					if x != id {
						nd.Required = append(nd.Required, x)
					}
				}
				out = append(out, p.Put(&nd))
				break
			}
		}
	}
	for _, dec := range p.Decisions {
		if dec.Authority == id {
			out = append(out, p.Delete(dec))
		}
	}
	return append(out, p.Delete(a))
}

// current returns a copy of what the project holds under e's identity, or nil.
func (p *Project) current(k EntityKind, e any) any {
	switch k {
	case KindInfo:
		x := p.Info
		return &x
	case KindSettings:
		x := p.Settings
		return &x
	case KindOffice:
		if v := p.Offices[e.(*Office).ID]; v != nil {
			return copyEntity(v)
		}
	case KindDuty:
		if v := p.Duties[e.(*Duty).ID]; v != nil {
			return copyEntity(v)
		}
	case KindAuthority:
		if v := p.Authorities[e.(*Authority).ID]; v != nil {
			return copyEntity(v)
		}
	case KindHolding:
		if v := p.Holdings[e.(*Holding).Key()]; v != nil {
			return copyEntity(v)
		}
	case KindAssessment:
		if v := p.Assessments[e.(*Assessment).Key()]; v != nil {
			return copyEntity(v)
		}
	case KindDecision:
		if v := p.Decisions[e.(*Decision).ID]; v != nil {
			return copyEntity(v)
		}
	}
	return nil
}

// Apply makes c's After the project's state (or removes Before when After is nil).
func (p *Project) Apply(c Change) {
	if c.After != nil {
		switch v := copyEntity(c.After).(type) {
		case *Info:
			p.Info = *v
		case *Settings:
			p.Settings = *v
		case *Office:
			p.Offices[v.ID] = v
		case *Duty:
			p.Duties[v.ID] = v
		case *Authority:
			p.Authorities[v.ID] = v
		case *Holding:
			p.Holdings[v.Key()] = v
		case *Assessment:
			p.Assessments[v.Key()] = v
		case *Decision:
			p.Decisions[v.ID] = v
		}
		return
	}
	switch v := c.Before.(type) {
	case *Office:
		delete(p.Offices, v.ID)
	case *Duty:
		delete(p.Duties, v.ID)
	case *Authority:
		delete(p.Authorities, v.ID)
	case *Holding:
		delete(p.Holdings, v.Key())
	case *Assessment:
		delete(p.Assessments, v.Key())
	case *Decision:
		delete(p.Decisions, v.ID)
	}
}

func copyEntity(e any) any {
	switch v := e.(type) {
	case *Info:
		x := *v
		return &x
	case *Settings:
		x := *v
		return &x
	case *Office:
		x := *v
		return &x
	case *Duty:
		x := *v
		x.Scope = append([]ID(nil), v.Scope...)
		x.Required = append([]ID(nil), v.Required...)
		return &x
	case *Authority:
		x := *v
		return &x
	case *Holding:
		x := *v
		return &x
	case *Assessment:
		x := *v
		return &x
	case *Decision:
		x := *v
		return &x
	}
	return nil
}
