package model

import "sync"

// listScratch is the working memory of findingsOf: the side table of reasons
// and gaps, the sort's buffers, the memo of reason inputs and the writer's
// buffers. For a prefecture-sized list it is some 35 MB, and fresh memory
// costs more here than the work done in it (page faults, then collection),
// so long lists reuse it through scratchPool.
type listScratch struct {
	words    []worded
	sorted   []worded // words in sorted order
	order    []int32  // sorted position → gathered position
	keyTmp   []uint64
	orderTmp []int32
	count    []int
	memo     reasonMemo
	reasons  reasonTable
	w        reasonWriter
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
	s.memo.fit(n)
	return s
}

// fit makes room for n keys, keeping what is worded so far.
func (s *listScratch) fit(n int) {
	if n > len(s.words) {
		s.words = append(s.words, make([]worded, n-len(s.words))...)
		s.order = append(s.order, make([]int32, n-len(s.order))...)
	}
}

// putScratch returns long-list scratch to the pool, empty: the reasons it
// held live in the finished list's arena, which must not be kept alive.
func putScratch(s *listScratch, n int) {
	if n < scratchMin {
		return
	}
	clear(s.words)
	clear(s.sorted)
	s.memo.clear()
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
