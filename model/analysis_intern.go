package model

import (
	"encoding/binary"
	"strings"
)

// reasonTable keeps one copy of each distinct reason. On a prefecture-sized
// project most reasons repeat word for word (the same shortfall of the same
// item in many offices): 200 offices × 1,000 duties word about 77 MB of
// reasons of which 11 MB are distinct. Sharing them saves writing, faulting
// in and collecting the rest, which costs more than the lookups.
type reasonTable struct {
	ids  map[string]int32 // key (see add) → index in msgs
	msgs []Msg
	key  []byte
	ar   arena
}

func newReasonTable() *reasonTable { return &reasonTable{ids: map[string]int32{}} }

// add returns the index of the reason in w, storing it when new. The key is
// the Chinese length followed by both texts, so no two reasons share a key;
// the stored key string also holds the texts the Msg slices.
func (t *reasonTable) add(w *reasonWriter) int32 {
	t.key = binary.AppendUvarint(t.key[:0], uint64(len(w.zh)))
	head := len(t.key)
	t.key = append(append(t.key, w.zh...), w.en...)
	if id, ok := t.ids[string(t.key)]; ok { // no allocation: the compiler reads the bytes in place
		return id
	}
	s := t.ar.str(t.key)
	id := int32(len(t.msgs))
	t.msgs = append(t.msgs, Msg{Zh: s[head : head+len(w.zh)], En: s[head+len(w.zh):]})
	t.ids[s] = id
	return id
}

// arena hands out strings carved from shared blocks, so the distinct reasons
// of a full list cost a few allocations rather than one each. Blocks start
// small, for the few findings of one item, and double up to arenaBlock. A
// block's bytes are never written again once a string covers them.
type arena struct {
	sb   strings.Builder
	next int // size of the next block
}

const arenaBlock = 1 << 20

func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if a.sb.Cap()-a.sb.Len() < len(b) {
		a.next = min(arenaBlock, max(4096, 2*a.next))
		a.sb = strings.Builder{}
		a.sb.Grow(max(a.next, len(b)))
	}
	start := a.sb.Len()
	a.sb.Write(b)
	return a.sb.String()[start:]
}
