package model

import "sync"

// listScratch is the working memory of findingsOf: the side table of reasons,
// the sort's buffers, the memo of reason inputs and the table of distinct
// reasons. For a prefecture-sized list it is some 30 MB, and fresh memory
// costs more here than the work done in it (page faults, then collection),
// so long lists reuse it through scratchPool.
type listScratch struct {
	words    []worded
	order    []int32 // sorted position → gathered position
	keyTmp   []uint64
	orderTmp []int32
	count    []int
	memo     map[reasonInputs]int32 // see pairReasonKey
	reasons  reasonTable
}

// scratchMin is the list length from which scratch is pooled; shorter lists
// (one office, one item) allocate their own, small and not worth clearing.
const scratchMin = 4096

var scratchPool = sync.Pool{New: func() any { return new(listScratch) }}

// getScratch returns scratch sized for n keys.
func getScratch(n int) *listScratch {
	s := new(listScratch)
	if n >= scratchMin {
		s = scratchPool.Get().(*listScratch)
	}
	s.words = resize(s.words, n)
	s.order = resize(s.order, n)
	if s.memo == nil {
		s.memo = map[reasonInputs]int32{}
	}
	return s
}

// putScratch returns long-list scratch to the pool. What the finished list
// refers to is let go: the arena blocks its reasons live in.
func putScratch(s *listScratch, n int) {
	if n < scratchMin {
		return
	}
	clear(s.memo)
	clear(s.reasons.msgs)
	s.reasons.msgs = s.reasons.msgs[:0]
	s.reasons.ar = arena{}
	scratchPool.Put(s)
}

// resize returns s with length n, reusing its array when large enough; the
// contents are left to be overwritten.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
