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

// reasonInputs is what one pair reason is worded from: k[0] packs the rule,
// flags, list kind and duty; the rest are numbers, floats kept as bits so
// any value, NaN included, compares as itself, small counts two to a word.
// Four words and a Msg fill one 64-byte memo slot, one cache line.
type reasonInputs [4]uint64

// pack fills k[0]. duty is −1 unless the reason names the duty's required
// authorities (AUTHORITY_GAP). Bit 24 is always set, so no inputs are all
// zero, which marks an empty memo slot.
func (k *reasonInputs) pack(rule ruleIndex, flags uint8, kind ListKind, duty int32) {
	k[0] = uint64(rule) | uint64(flags)<<8 | uint64(uint8(kind))<<16 | 1<<24 | uint64(uint32(duty))<<32
}

// twoCounts packs two counts into a word; false when either is out of range.
func twoCounts(x, y int) (uint64, bool) {
	if x < 0 || y < 0 || x > math.MaxUint32 || y > math.MaxUint32 {
		return 0, false
	}
	return uint64(x) | uint64(y)<<32, true
}

// noAssessment stands in for a missing assessment: AUTHORITY_GAP reads its
// incidents and veto, both zero.
var noAssessment Assessment

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
		a = &noAssessment
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
		counts, ok := twoCounts(int(c.nFull), a.Incidents)
		if !ok {
			return k, false
		}
		duty = int32(d)
		k[1], k[2], k[3] = states, counts, bits(c.sc.AuthorityCoverage)
	case ixPushedDown:
		kind = e.dutyKind[d]
		if a.Role == RoleLead {
			flags |= reasonLead
		}
		k[1], k[2] = uint64(a.AssessedBy), uint64(a.Incidents)
	case ixAccountabilityTrap:
		counts, ok := twoCounts(a.Incidents, a.AssessedBy)
		if !ok {
			return k, false
		}
		k[1], k[2] = counts, bits(c.sc.AuthorityCoverage)
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
