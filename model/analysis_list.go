package model

import "slices"

// listState keeps the worst-first list in step with incremental updates: the
// published list and its keys, the keys of findings to drop from it, and the
// keys of findings to (re)word and insert. Everything an update touches is
// dropped and re-worded even when its key is unchanged, since a reason can
// change without its severity or gap (e.g. which authority is missing).
type listState struct {
	findings []Finding // the list last published
	keys     []uint64  // their keys
	removed  []uint64  // keys in findings to drop
	added    map[uint64]struct{}
	stale    bool // removed/added are pending
	rebuild  bool // display order or wording changed: rebuild from scratch
}

// remove records that the finding with key k is gone or must be re-worded.
func (ls *listState) remove(k uint64) {
	if _, ok := ls.added[k]; ok {
		delete(ls.added, k) // added by an earlier update and never published
		return
	}
	ls.removed = append(ls.removed, k)
}

func (ls *listState) add(k uint64) {
	if ls.added == nil {
		ls.added = map[uint64]struct{}{}
	}
	ls.added[k] = struct{}{}
}

// refreshList brings Result.Findings up to date after updates.
func (e *engine) refreshList() {
	ls := &e.list
	switch {
	case ls.rebuild:
		fs, keys := e.allFindings()
		e.res.Findings = fs
		*ls = listState{findings: fs, keys: keys}
	case ls.stale:
		e.mergeList()
	case e.res.Findings == nil:
		e.res.Findings = ls.findings
	}
}

// mergeList builds the new list from the old one, dropping removed keys and
// inserting added ones, which alone are worded. The old list is left as it
// was, since callers may still hold it; untouched findings are copied over
// in runs between the changes, and their reason texts are shared.
func (e *engine) mergeList() {
	ls := &e.list
	rem := ls.removed
	slices.Sort(rem)
	add := make([]uint64, 0, len(ls.added))
	for k := range ls.added {
		add = append(add, k)
	}
	l := e.layout()
	added := e.findingsOf(&l, add) // sorts add
	old, oldKeys := ls.findings, ls.keys
	out := make([]Finding, 0, len(old)-len(rem)+len(add))
	keys := make([]uint64, 0, cap(out))
	from := 0 // next old finding to copy
	copyTo := func(to int) {
		out = append(out, old[from:to]...)
		keys = append(keys, oldKeys[from:to]...)
		from = to
	}
	for len(add) > 0 || len(rem) > 0 {
		at, gone := len(old), len(old) // where the next insertion and removal fall in old
		if len(add) > 0 {
			at, _ = slices.BinarySearch(oldKeys, add[0])
		}
		if len(rem) > 0 {
			var found bool
			if gone, found = slices.BinarySearch(oldKeys, rem[0]); !found {
				rem = rem[1:] // not listed: nothing to drop
				continue
			}
		}
		// An insertion at the place of a removal goes first: the removed
		// finding may be the same key re-worded.
		if len(add) > 0 && at <= gone {
			copyTo(at)
			out = append(out, added[0])
			keys = append(keys, add[0])
			add, added = add[1:], added[1:]
			continue
		}
		copyTo(gone)
		from++
		rem = rem[1:]
	}
	copyTo(len(old))
	e.res.Findings = out
	*ls = listState{findings: out, keys: keys}
}
