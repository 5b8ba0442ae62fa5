package model

import "math/bits"

// reasonMemo remembers the reason worded from each set of inputs (see
// pairReasonKey), so equal inputs are worded once. It is a fixed-size
// table where each set of inputs has one slot and a newer set evicts an
// older one: its memory stays bounded however few reasons repeat, a lookup
// is one hash and one slot, and on a large project the reasons that recur
// recur often enough to stay in it.
type reasonMemo struct {
	slots []memoSlot
	shift uint // 64 − log2(len(slots))
}

// memoSlot is 64 bytes, one cache line: a lookup costs at most one miss.
type memoSlot struct {
	in  reasonInputs // all zero when empty (see reasonInputs.pack)
	msg Msg
}

// memoMaxSlots bounds the table at 4 MB.
const memoMaxSlots = 1 << 16

// fit sizes an empty memo for a list of n findings.
func (m *reasonMemo) fit(n int) {
	if size := min(memoMaxSlots, 1<<bits.Len(uint(max(n, 8)))); len(m.slots) != size {
		m.slots = make([]memoSlot, size)
		m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	}
}

// clear empties the memo.
func (m *reasonMemo) clear() { clear(m.slots) }

func (m *reasonMemo) slot(in *reasonInputs) *memoSlot {
	h := in[0]
	for _, x := range in[1:] {
		h = (h ^ x) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return &m.slots[h>>m.shift]
}

// get returns the reason worded from in, if the memo still holds it.
func (m *reasonMemo) get(in *reasonInputs) (Msg, bool) {
	s := m.slot(in)
	return s.msg, s.in == *in
}

// put records that msg was worded from in.
func (m *reasonMemo) put(in *reasonInputs, msg Msg) {
	*m.slot(in) = memoSlot{in: *in, msg: msg}
}
