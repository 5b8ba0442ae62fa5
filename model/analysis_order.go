package model

import (
	"math/bits"
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

// findingsOf materialises findings from keys and sorts keys in place. Keys
// come in the order they were gathered (office by office, cell by cell).
// Reasons are worded in that order, which reads cells and assessments nearly
// sequentially, into a compact side table; the table is then put in sorted
// order and the findings written sequentially from it. Writing 112-byte
// findings straight into their sorted places instead costs a cache miss or
// two per finding.
func (e *engine) findingsOf(l *keyLayout, keys []uint64) []Finding {
	sc := getScratch(len(keys))
	defer putScratch(sc, len(keys))
	e.wordKeys(l, sc, keys, 0)
	return e.placeFindings(l, sc, keys)
}

// wordKeys words the reasons of keys[from:] into sc.words[from:]. A pair
// reason is worded once per distinct set of inputs (see pairReasonKey).
func (e *engine) wordKeys(l *keyLayout, sc *listScratch, keys []uint64, from int) {
	sc.fit(len(keys))
	words, memo, reasons, w := sc.words, &sc.memo, &sc.reasons, &sc.w
	for i := from; i < len(keys); i++ {
		x := e.decode(l, keys[i])
		in, ok := reasonInputs{}, false
		if x.duty >= 0 {
			if in, ok = e.pairReasonKey(x.o, x.duty, x.rule); ok {
				if msg, seen := memo.get(&in); seen {
					words[i] = worded{reason: msg, gap: e.cells[x.o*len(e.duties)+x.duty].sc.Gap}
					continue
				}
			}
		}
		words[i].gap = e.reason(x, w)
		words[i].reason = reasons.add(w)
		if ok {
			memo.put(&in, words[i].reason)
		}
	}
}

// placeFindings sorts the worded keys and writes the findings in order.
func (e *engine) placeFindings(l *keyLayout, sc *listScratch, keys []uint64) []Finding {
	order := sc.order[:len(keys)]
	for i := range order {
		order[i] = int32(i)
	}
	sortKeys(keys, order, sc)
	// Move the worded reasons into sorted order by scattered stores, which
	// the processor retires without waiting, rather than by gathered loads,
	// which each wait for a cache miss.
	sc.orderTmp = resize(sc.orderTmp, len(keys))
	place := sc.orderTmp // free once sorted
	for p, g := range order {
		place[g] = int32(p)
	}
	sorted := resize(sc.sorted, len(keys))
	for g, p := range place {
		sorted[p] = sc.words[g]
	}
	sc.sorted = sorted
	out := make([]Finding, len(keys))
	for i, k := range keys {
		f := e.findingHead(e.decode(l, k))
		f.Reason, f.Gap = sorted[i].reason, sorted[i].gap
		out[i] = f
	}
	return out
}

// worded is a finding's reason and gap, kept between wording and placing.
type worded struct {
	reason Msg
	gap    float64
}

// allFindings lists every finding, worst first, with their sorted keys.
// Each office's findings are worded as soon as they are gathered, while its
// cells are still in cache.
func (e *engine) allFindings() ([]Finding, []uint64) {
	l := e.layout()
	n := 0
	for _, c := range e.tot.rules {
		n += c
	}
	sc := getScratch(n)
	defer putScratch(sc, n)
	keys := make([]uint64, 0, n) // sized up front: grown by appends it would leave tens of MB behind
	for o := range e.offices {
		from := len(keys)
		keys = e.appendAllOfOffice(keys, &l, o)
		e.wordKeys(&l, sc, keys, from)
	}
	return e.placeFindings(&l, sc, keys), keys
}

// findingHead fills what the key names: rule, office, item and severity.
func (e *engine) findingHead(x decoded) Finding {
	f := Finding{Rule: x.rule.code(), Office: e.offices[x.o].ID, Severity: x.sev}
	switch {
	case x.duty >= 0:
		f.Duty = e.dutyOut[x.duty]
	case x.auth >= 0:
		f.Authority = e.auths[x.auth].ID
	}
	return f
}

// reason words a finding's reason into w and returns the finding's gap.
func (e *engine) reason(x decoded, w *reasonWriter) float64 {
	w.reset()
	switch {
	case x.duty >= 0:
		e.pairReason(w, x.o, x.duty, x.rule)
		return e.cells[x.o*len(e.duties)+x.duty].sc.Gap
	case x.auth >= 0:
		e.authReason(w, x.o, x.auth, x.rule)
		if x.rule == ixPaperPower {
			return fromFixed(e.acells[x.o*len(e.auths)+x.auth].use.gapq)
		}
		return 0
	default:
		e.officeReason(w, x.o)
		return fromFixed(e.offAcc[x.o].total.gq)
	}
}

// sortKeys sorts k in place and permutes order alongside (order[i] follows
// k[i]), with buffers from sc. Long lists are radix-sorted by 16-bit digits,
// skipping digits every key shares.
func sortKeys(k []uint64, order []int32, sc *listScratch) {
	if len(k) < 512 {
		sortSmall(k, order)
		return
	}
	sc.keyTmp, sc.orderTmp = resize(sc.keyTmp, len(k)), resize(sc.orderTmp, len(k))
	sc.count = resize(sc.count, 1<<16)
	src, tmp, osrc, otmp, count := k, sc.keyTmp, order, sc.orderTmp, sc.count
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
		for j, x := range src {
			b := x >> shift & 0xffff
			tmp[count[b]], otmp[count[b]] = x, osrc[j]
			count[b]++
		}
		src, tmp = tmp, src
		osrc, otmp = otmp, osrc
	}
	if &src[0] != &k[0] {
		copy(k, src)
		copy(order, osrc)
	}
}

// sortSmall sorts a short list of keys with their order by insertion.
func sortSmall(k []uint64, order []int32) {
	for i := 1; i < len(k); i++ {
		for j := i; j > 0 && k[j] < k[j-1]; j-- {
			k[j], k[j-1] = k[j-1], k[j]
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}
