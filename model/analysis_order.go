package model

import (
	"math/bits"
	"slices"
)

// Findings are ordered worst first: severity, then gap (largest first), then
// office order, then item (office-level, authorities, duties in list order),
// then rule. Each finding is reduced to one uint64 sort key holding exactly
// these fields, so hundreds of thousands of findings sort by radix in a few
// milliseconds and a finding's place can be found again without its text.
//
//	bit 61–63  7 − severity
//	gap field  gapMax − gap in millionths (clamped), descending gap
//	office     display rank of the office
//	item       0 office-level, 1+rank of an authority, 1+na+rank of a duty
//	bit 0–3    rule index
type keyLayout struct {
	itemBits, officeBits, gapShift uint
	gapMax                         uint64
}

func (e *engine) layout() keyLayout {
	ib := uint(bits.Len(uint(1 + len(e.auths) + len(e.duties))))
	ob := uint(bits.Len(uint(len(e.offices))))
	gb := min(40, 61-int(ib)-int(ob)-4)
	return keyLayout{itemBits: ib, officeBits: ob, gapShift: ob + ib + 4, gapMax: 1<<uint(max(gb, 1)) - 1}
}

const gapKeyScale = 1e6

func (e *engine) key(l *keyLayout, sev Severity, gap float64, o, item int, rule ruleIndex) uint64 {
	gq := l.gapMax
	if g := gap * gapKeyScale; g < float64(l.gapMax) {
		gq = uint64(max(0, g) + 0.5)
	}
	return uint64(7-sev)<<61 | (l.gapMax-gq)<<l.gapShift | uint64(e.officeRank[o])<<(l.itemBits+4) |
		uint64(item)<<4 | uint64(rule)
}

// decoded is a finding named by its key.
type decoded struct {
	sev        Severity
	o          int
	auth, duty int // −1 when not that kind
	rule       ruleIndex
}

func (e *engine) decode(l *keyLayout, k uint64) decoded {
	item := int(k >> 4 & (1<<l.itemBits - 1))
	x := decoded{sev: Severity(7 - k>>61), rule: ruleIndex(k & 15), auth: -1, duty: -1,
		o: int(e.officeAt[k>>(l.itemBits+4)&(1<<l.officeBits-1)])}
	switch na := len(e.auths); {
	case item == 0:
	case item <= na:
		x.auth = int(e.authAt[item-1])
	default:
		x.duty = int(e.dutyAt[item-1-na])
	}
	return x
}

// appendCellKeys appends the keys of the findings on (o, d).
func (e *engine) appendCellKeys(dst []uint64, l *keyLayout, o, d int) []uint64 {
	c := &e.cells[o*len(e.duties)+d]
	if !c.inList || c.sevs == 0 {
		return dst
	}
	item := 1 + len(e.auths) + int(e.dutyRank[d])
	for i := ruleIndex(0); i < numRules; i++ {
		if s := c.sevs.get(i); s > 0 {
			dst = append(dst, e.key(l, s, c.sc.Gap, o, item, i))
		}
	}
	return dst
}

// appendAuthKeys appends the keys of the findings on (o, a).
func (e *engine) appendAuthKeys(dst []uint64, l *keyLayout, o, a int) []uint64 {
	ac := &e.acells[o*len(e.auths)+a]
	item := 1 + int(e.authRank[a])
	if ac.paper > 0 {
		dst = append(dst, e.key(l, ac.paper, fromFixed(ac.use.gapq), o, item, ixPaperPower))
	}
	if ac.idle > 0 {
		dst = append(dst, e.key(l, ac.idle, 0, o, item, ixIdle))
	}
	return dst
}

// appendOfficeKey appends the key of the office-level finding; it ranks by
// the office's whole gap ΣG.
func (e *engine) appendOfficeKey(dst []uint64, l *keyLayout, o int) []uint64 {
	if s := e.ocells[o].sev; s > 0 {
		dst = append(dst, e.key(l, s, fromFixed(e.offAcc[o].total.gq), o, 0, ixUnderstaffed))
	}
	return dst
}

func (e *engine) appendAllOfOffice(dst []uint64, l *keyLayout, o int) []uint64 {
	dst = e.appendOfficeKey(dst, l, o)
	for a := range e.auths {
		dst = e.appendAuthKeys(dst, l, o, a)
	}
	for d := range e.duties {
		dst = e.appendCellKeys(dst, l, o, d)
	}
	return dst
}

// findingsOf materialises findings from keys, in key order. Keys come in
// the order they were gathered (office by office, cell by cell); the
// findings are worded in that order, which reads the cells and assessments
// nearly sequentially, and each is stored straight into its sorted place.
func (e *engine) findingsOf(l *keyLayout, keys []uint64, ar *arena) []Finding {
	n := len(keys)
	gathered := slices.Clone(keys)
	sortKeys(keys)
	out := make([]Finding, n)
	var w reasonWriter
	if n < 512 {
		for i, k := range keys {
			out[i] = e.finding(e.decode(l, k), &w, ar)
		}
		return out
	}
	place := sortedPlaces(gathered, keys)
	for i, k := range gathered {
		out[place[i]] = e.finding(e.decode(l, k), &w, ar)
	}
	return out
}

// sortedPlaces returns for each key in gathered its index in sorted (the
// same keys, sorted; keys are unique).
func sortedPlaces(gathered, sorted []uint64) []int32 {
	idx := make([]int32, len(gathered))
	for i := range idx {
		idx[i] = int32(i)
	}
	// Sort the indices by key with the same radix passes as sortKeys,
	// carrying keys and indices together.
	k, tk := slices.Clone(gathered), make([]uint64, len(gathered))
	ti := make([]int32, len(gathered))
	count := make([]int, 1<<16)
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count)
		for _, x := range k {
			count[x>>shift&0xffff]++
		}
		if count[k[0]>>shift&0xffff] == len(k) {
			continue
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for j, x := range k {
			b := x >> shift & 0xffff
			tk[count[b]], ti[count[b]] = x, idx[j]
			count[b]++
		}
		k, tk, idx, ti = tk, k, ti, idx
	}
	place := make([]int32, len(gathered))
	for pos, i := range idx {
		place[i] = int32(pos)
	}
	return place
}

// allFindings lists every finding, worst first, with their sorted keys.
func (e *engine) allFindings() ([]Finding, []uint64) {
	l := e.layout()
	var keys []uint64
	for o := range e.offices {
		keys = e.appendAllOfOffice(keys, &l, o)
	}
	return e.findingsOf(&l, keys, newArena()), keys
}

// finding builds one Finding with its reason.
func (e *engine) finding(x decoded, w *reasonWriter, ar *arena) Finding {
	f := Finding{Rule: x.rule.code(), Office: e.offices[x.o].ID, Severity: x.sev}
	w.reset()
	switch {
	case x.duty >= 0:
		f.Duty = e.dutyOut[x.duty]
		c := &e.cells[x.o*len(e.duties)+x.duty]
		f.Gap = c.sc.Gap
		e.pairReason(w, x.o, x.duty, x.rule)
	case x.auth >= 0:
		f.Authority = e.auths[x.auth].ID
		ac := &e.acells[x.o*len(e.auths)+x.auth]
		if x.rule == ixPaperPower {
			f.Gap = fromFixed(ac.use.gapq)
		}
		e.authReason(w, x.o, x.auth, x.rule)
	default:
		f.Gap = fromFixed(e.offAcc[x.o].total.gq)
		e.officeReason(w, x.o)
	}
	f.Reason = w.msg(ar)
	return f
}

// sortKeys sorts in place: a radix sort by 16-bit digits for long lists,
// skipping digits every key shares.
func sortKeys(k []uint64) {
	if len(k) < 512 {
		slices.Sort(k)
		return
	}
	src, tmp := k, make([]uint64, len(k))
	count := make([]int, 1<<16)
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count)
		for _, x := range src {
			count[x>>shift&0xffff]++
		}
		if count[src[0]>>shift&0xffff] == len(src) {
			continue
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range src {
			b := x >> shift & 0xffff
			tmp[count[b]] = x
			count[b]++
		}
		src, tmp = tmp, src
	}
	if &src[0] != &k[0] {
		copy(k, src)
	}
}
