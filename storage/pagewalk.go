package storage

import (
	"encoding/binary"
	"os"

	"rpbmatrix/model/words"
)

// bbolt's structure check (tx.Check) reads every key of every page from a
// goroutine of its own, where a fault cannot be caught: a flipped bit in a
// key's offset or size on a branch page made it read past the map and end
// the process. Open walks every leaf under guard before the check (load and
// checkSeals read every key and value), and checkBranches reads every
// branch page from the file, not the map, and checks that each element and
// its key lie inside the page. Only then does tx.Check run.

// Page layout (bbolt): header of id u64, flags u16, count u16, overflow u32;
// then count elements of 16 bytes. A branch element is pos u32, ksize u32,
// child page u64; a leaf element is flags u32, pos u32, ksize u32, vsize u32.
// pos counts from the element itself. A leaf element with flag 1 is a bucket,
// whose value starts with its root page u64 and sequence u64 and, when the
// root is 0, holds the bucket's only page inline.
const (
	branchPageFlag = 0x01
	leafPageFlag   = 0x02
	elementSize    = 16
	bucketLeaf     = 0x01
	bucketHeader   = 16
	maxTreeDepth   = 64
)

// pageWalk reads pages of one file by their ID.
type pageWalk struct {
	f       *os.File
	size    int64  // page size
	pages   uint64 // high-water mark: pages the file uses
	visited map[uint64]bool
}

// checkBranches checks every branch page reachable from the root of the
// file at path, and the leaves of the buckets that hold buckets.
func checkBranches(path string) error {
	m, ok := readMeta(path)
	if !ok {
		return nil // bbolt refused the file already
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := &pageWalk{f: f, size: m.pageSize, pages: uint64(m.highWater / m.pageSize), visited: map[uint64]bool{}}
	return w.tree(m.root, holdsRoot, 0)
}

// bad says what is wrong with page id: why is the end of a catalogue key
// (storage.page.<why>), or the text of a read error.
func (w *pageWalk) bad(id uint64, why string) error {
	reason := any(why)
	if words.Has(words.En, "storage.page."+why) {
		reason = words.M("storage.page." + why)
	}
	return fail(nil, words.M("storage.page.damaged", "page", int64(id), "why", reason))
}

// nesting says what the leaves of a tree hold: values, or buckets (the
// root holds every bucket, the hand-out base one bucket per kind).
const (
	holdsValues = iota
	holdsKinds  // the hand-out base
	holdsRoot   // the file's root
)

// tree checks the tree of pages under id.
func (w *pageWalk) tree(id uint64, nesting, depth int) error {
	if depth > maxTreeDepth {
		return w.bad(id, "deep")
	}
	if id < 2 || id >= w.pages {
		return w.bad(id, "out_of_range")
	}
	if w.visited[id] {
		return w.bad(id, "twice")
	}
	w.visited[id] = true
	head := make([]byte, pageHeaderSize)
	if _, err := w.f.ReadAt(head, int64(id)*w.size); err != nil {
		return w.bad(id, err.Error())
	}
	le := binary.LittleEndian
	flags, overflow := le.Uint16(head[8:]), uint64(le.Uint32(head[12:]))
	if le.Uint64(head) != id {
		return w.bad(id, "header")
	}
	if id+overflow >= w.pages {
		return w.bad(id, "overflow")
	}
	switch {
	case flags != branchPageFlag && flags != leafPageFlag:
		return w.bad(id, "type")
	case flags == leafPageFlag && nesting == holdsValues:
		return nil // a leaf of values: read under guard by the load
	}
	page := make([]byte, int64(1+overflow)*w.size)
	if _, err := w.f.ReadAt(page, int64(id)*w.size); err != nil {
		return w.bad(id, err.Error())
	}
	if flags == branchPageFlag {
		return w.branch(id, page, nesting, depth)
	}
	return w.leaf(id, page, nesting, depth)
}

// elements checks the element array of a page (or inline page) and returns its count.
func (w *pageWalk) elements(id uint64, page []byte) (int, error) {
	count := int(binary.LittleEndian.Uint16(page[10:]))
	if pageHeaderSize+count*elementSize > len(page) {
		return 0, w.bad(id, "elements")
	}
	return count, nil
}

func (w *pageWalk) branch(id uint64, page []byte, nesting, depth int) error {
	count, err := w.elements(id, page)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	for i := 0; i < count; i++ {
		at := pageHeaderSize + i*elementSize
		pos, ksize := int(le.Uint32(page[at:])), int(le.Uint32(page[at+4:]))
		if at+pos+ksize > len(page) || pos < 0 || ksize < 0 {
			return w.bad(id, "key")
		}
		if err := w.tree(le.Uint64(page[at+8:]), nesting, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// leaf checks a leaf of a bucket that holds buckets and walks those buckets.
func (w *pageWalk) leaf(id uint64, page []byte, nesting, depth int) error {
	count, err := w.elements(id, page)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	for i := 0; i < count; i++ {
		at := pageHeaderSize + i*elementSize
		flags, pos := le.Uint32(page[at:]), int(le.Uint32(page[at+4:]))
		ksize, vsize := int(le.Uint32(page[at+8:])), int(le.Uint32(page[at+12:]))
		start := at + pos
		if pos < 0 || ksize < 0 || vsize < 0 || start+ksize+vsize > len(page) {
			return w.bad(id, "value")
		}
		if flags&bucketLeaf == 0 {
			continue
		}
		key, value := page[start:start+ksize], page[start+ksize:start+ksize+vsize]
		if len(value) < bucketHeader {
			return w.bad(id, "bucket")
		}
		inner := holdsValues
		if nesting == holdsRoot && string(key) == string(bucketBase) {
			inner = holdsKinds
		}
		if root := le.Uint64(value); root != 0 {
			if err := w.tree(root, inner, depth+1); err != nil {
				return err
			}
			continue
		}
		inline := value[bucketHeader:]
		if len(inline) < pageHeaderSize {
			return w.bad(id, "bucket")
		}
		if inner != holdsValues {
			if err := w.leaf(id, inline, inner, depth+1); err != nil {
				return err
			}
		} else if n, err := w.elements(id, inline); err != nil {
			return err
		} else {
			for j := 0; j < n; j++ {
				at := pageHeaderSize + j*elementSize
				end := at + int(le.Uint32(inline[at+4:])) + int(le.Uint32(inline[at+8:])) + int(le.Uint32(inline[at+12:]))
				if end > len(inline) {
					return w.bad(id, "inline")
				}
			}
		}
	}
	return nil
}
