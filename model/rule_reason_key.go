package model

import "math"

// A full list words hundreds of thousands of reasons but only tens of
// thousands of distinct ones: the same shortfall, the same missing
// authorities, the same counts recur across offices. pairReasonKey names,
// per rule, every input pairReason reads (settings aside, which are fixed
// for one analysis), so findings with equal keys share one wording and
// the rest are looked up instead of written. Whenever pairReason starts
// reading something new, it must be added here too; TestMemoisedReasons
// words every finding of generated projects both ways to catch a miss.

// reasonInputs is what one pair reason is worded from: n[0] packs the rule,
// flags, list kind and duty; the rest are numbers, kept as bits so any
// value, NaN included, compares as itself. A plain array of words compares
// in one step and hashes with a few multiplications.
type reasonInputs [5]uint64

// pack fills n[0]. duty is −1 unless the reason names the duty's required
// authorities (AUTHORITY_GAP).
func (k *reasonInputs) pack(rule ruleIndex, flags uint8, kind ListKind, duty int32) {
	k[0] = uint64(rule) | uint64(flags)<<8 | uint64(uint8(kind))<<16 | uint64(uint32(duty))<<32
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
	var k reasonInputs
	c := &e.cells[o*len(e.duties)+d]
	a := c.a
	var flags uint8
	if a == nil {
		if rule != ixAuthorityGap {
			return k, false // every other pair rule reads the assessment
		}
		a = &Assessment{}
		flags |= reasonUnassessed
	}
	if a.Veto {
		flags |= reasonVeto
	}
	kind, duty := ListKind(0), int32(-1)
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
		duty = int32(d)
		k[1], k[2], k[3], k[4] = states, uint64(c.nFull), bits(c.sc.AuthorityCoverage), uint64(a.Incidents)
	case ixPushedDown:
		kind = e.dutyKind[d]
		if a.Role == RoleLead {
			flags |= reasonLead
		}
		k[1], k[2] = uint64(a.AssessedBy), uint64(a.Incidents)
	case ixAccountabilityTrap:
		k[1], k[2], k[3] = uint64(a.Incidents), uint64(a.AssessedBy), bits(c.sc.AuthorityCoverage)
	case ixUnfunded:
		k[1], k[2] = bits(a.FundsNeeded), bits(a.FundsHeld)
	case ixUnderstaffed:
		k[1], k[2] = bits(a.StaffNeeded), bits(a.StaffHeld)
	case ixFormalism:
		k[1], k[2], k[3] = bits(a.FormalismHours), bits(a.HoursPerMonth), uint64(a.ReportsPerMonth)
	case ixIdle:
		kind = e.dutyKind[d]
		k[1], k[2] = uint64(a.AssessedBy), uint64(a.Incidents)
	default:
		return k, false
	}
	k.pack(rule, flags, kind, duty)
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
