package model

import "math"

// A full list words hundreds of thousands of reasons but only tens of
// thousands of distinct ones: the same shortfall, the same missing
// authorities, the same counts recur across offices. pairReasonKey names,
// per rule, every input pairReason reads (settings aside, which are fixed
// for one analysis), so findings with equal keys share one wording and
// the rest are looked up instead of written. Whenever pairReason starts
// reading something new, it must be added here too; TestMemoisedReasons
// words every finding of a large project both ways to catch a miss.

// reasonInputs is what one pair reason is worded from. Numbers are kept as
// bits so any value, NaN included, compares as itself.
type reasonInputs struct {
	rule  ruleIndex
	flags uint8 // reasonVeto, reasonLead, reasonUnassessed
	kind  ListKind
	duty  int32 // AUTHORITY_GAP names the duty's required authorities; −1 otherwise
	n     [4]uint64
}

const (
	reasonVeto uint8 = 1 << iota
	reasonLead
	reasonUnassessed
)

// holdStateBits is the width of one required authority's state in an
// AUTHORITY_GAP key; reasons of duties requiring more authorities than fit
// are worded directly.
const holdStateBits = 2

// pairReasonKey returns the inputs of rule's reason on (o, d); false when
// the reason is to be worded directly.
func (e *engine) pairReasonKey(o, d int, rule ruleIndex) (reasonInputs, bool) {
	c := &e.cells[o*len(e.duties)+d]
	a := c.a
	k := reasonInputs{rule: rule, duty: -1}
	if a == nil {
		if rule != ixAuthorityGap {
			return k, false // every other pair rule reads the assessment
		}
		a = &Assessment{}
		k.flags |= reasonUnassessed
	}
	if a.Veto {
		k.flags |= reasonVeto
	}
	bits := math.Float64bits
	switch rule {
	case ixAuthorityGap:
		req := e.dutyReq[d]
		if len(req)*holdStateBits > 64 {
			return k, false
		}
		var states uint64
		for i, ai := range req {
			states |= uint64(holdState(e.holds[o*len(e.auths)+int(ai)])) << (holdStateBits * i)
		}
		k.duty = int32(d)
		k.n = [4]uint64{states, uint64(c.nFull), bits(c.sc.AuthorityCoverage), uint64(a.Incidents)}
	case ixPushedDown:
		k.kind = e.dutyKind[d]
		if a.Role == RoleLead {
			k.flags |= reasonLead
		}
		k.n = [4]uint64{uint64(a.AssessedBy), uint64(a.Incidents)}
	case ixAccountabilityTrap:
		k.n = [4]uint64{uint64(a.Incidents), uint64(a.AssessedBy), bits(c.sc.AuthorityCoverage)}
	case ixUnfunded:
		k.n = [4]uint64{bits(a.FundsNeeded), bits(a.FundsHeld)}
	case ixUnderstaffed:
		k.n = [4]uint64{bits(a.StaffNeeded), bits(a.StaffHeld)}
	case ixFormalism:
		k.n = [4]uint64{bits(a.FormalismHours), bits(a.HoursPerMonth), uint64(a.ReportsPerMonth)}
	case ixIdle:
		k.kind = e.dutyKind[d]
		k.n = [4]uint64{uint64(a.AssessedBy), uint64(a.Incidents)}
	default:
		return k, false
	}
	return k, true
}

// holdState is how authorityGapReason shows one required authority:
// exercised in full (not listed), partly, on paper only, or not at all.
func holdState(h *Holding) uint8 {
	switch {
	case h == nil:
		return 0
	case h.DeFacto == LevelFull:
		return 1
	case h.DeFacto == LevelPartial:
		return 2
	case h.DeJure:
		return 3
	}
	return 0
}
