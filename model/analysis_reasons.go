package model

import "strings"

// reasonTable stores the reasons of one list. Both texts of a reason go
// into one arena string, which the Msg slices.
type reasonTable struct {
	both []byte
	ar   arena
}

// add stores the reason in w.
func (t *reasonTable) add(w *reasonWriter) Msg {
	t.both = append(append(t.both[:0], w.zh...), w.en...)
	s := t.ar.str(t.both)
	return Msg{Zh: s[:len(w.zh)], En: s[len(w.zh):]}
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
