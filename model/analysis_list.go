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

// mergeList rebuilds the list from the old one, dropping removed keys and
// inserting added ones; untouched findings keep their reason text.
func (e *engine) mergeList() {
	ls := &e.list
	rem := ls.removed
	slices.Sort(rem)
	add := make([]uint64, 0, len(ls.added))
	for k := range ls.added {
		add = append(add, k)
	}
	slices.Sort(add)
	l := e.layout()
	old := ls.findings
	out := make([]Finding, 0, len(old)-len(rem)+len(add))
	keys := make([]uint64, 0, cap(out))
	var w reasonWriter
	ar := newArena()
	i, j := 0, 0
	for i < len(old) || j < len(add) {
		if i < len(old) && len(rem) > 0 && ls.keys[i] == rem[0] {
			rem = rem[1:]
			i++
			continue
		}
		if j < len(add) && (i == len(old) || add[j] < ls.keys[i]) {
			out = append(out, e.finding(e.decode(&l, add[j]), &w, ar))
			keys = append(keys, add[j])
			j++
			continue
		}
		out = append(out, old[i])
		keys = append(keys, ls.keys[i])
		i++
	}
	e.res.Findings = out
	*ls = listState{findings: out, keys: keys}
}
