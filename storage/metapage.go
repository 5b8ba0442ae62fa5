package storage

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	"rpbmatrix/model/words"
)

// bbolt keeps two meta pages at the start of the file and uses the valid one
// with the higher transaction id. Reading them before bolt.Open lets a file
// that was cut short be named as truncated, instead of letting bbolt map
// pages past the end of the file and fault on them.
//
// Page header: page id u64, flags u16, element count u16, overflow u32.
// Meta layout after the 16-byte page header (native byte order; every platform we
// build for is little-endian): magic u32, version u32, page size u32,
// flags u32, root bucket (page u64, sequence u64), freelist page u64,
// high-water page id u64, txid u64, checksum u64 (FNV-64a of the 56 bytes
// before it).
const (
	pageHeaderSize = 16
	metaSize       = 64
	boltVersion    = 2
)

// metaInfo is what a valid meta page says about the file.
type metaInfo struct {
	pageSize  int64
	highWater int64 // bytes the file must have: high-water page id × page size
	txid      uint64
	freelist  uint64 // page id of the freelist, or noFreelist
	root      uint64 // page id of the root bucket
}

// noFreelist is the freelist page id of a file whose freelist is not stored.
const noFreelist = ^uint64(0)

// readMeta returns the meta page bbolt would use, or ok=false when neither is
// valid (bolt.Open then reports the file itself).
func readMeta(path string) (m metaInfo, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return m, false
	}
	defer f.Close()
	first := make([]byte, pageHeaderSize+metaSize)
	if _, err := io.ReadFull(f, first); err != nil {
		return m, false
	}
	m0, ok0 := parseMeta(first[pageHeaderSize:])
	// The second meta page sits one page in; a valid first page says where,
	// otherwise try the page sizes bbolt itself would try.
	sizes := []int64{m0.pageSize}
	if !ok0 {
		sizes = nil
		for s := int64(1024); s <= 1<<24; s *= 2 {
			sizes = append(sizes, s)
		}
	}
	var m1 metaInfo
	ok1 := false
	buf := make([]byte, metaSize)
	for _, s := range sizes {
		if _, err := f.ReadAt(buf, s+pageHeaderSize); err != nil {
			continue
		}
		if m1, ok1 = parseMeta(buf); ok1 && m1.pageSize == s {
			break
		}
		ok1 = false
	}
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		return m1, true
	case ok0:
		return m0, true
	}
	return m, false
}

// checkMetaPages reports a file one of whose two meta pages fails its
// checksum. bbolt then reads the file from the other one, silently: after a
// write torn by a power cut that is right (the torn save never finished),
// but a flipped bit in the newer page loses the last save without a word.
// Open goes on as bbolt does; Check says so.
func checkMetaPages(path string) error {
	m, ok := readMeta(path)
	if !ok {
		return nil // bbolt has refused the file already
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, metaSize)
	for page := int64(0); page < 2; page++ {
		if _, err := f.ReadAt(buf, page*m.pageSize+pageHeaderSize); err != nil {
			return fail(err, words.M("storage.meta.damaged", "page", page, "txid", int64(m.txid)))
		}
		if _, ok := parseMeta(buf); !ok {
			return fail(nil, words.M("storage.meta.damaged", "page", page, "txid", int64(m.txid)))
		}
	}
	return nil
}

func parseMeta(b []byte) (metaInfo, bool) {
	le := binary.LittleEndian
	if le.Uint32(b[0:]) != boltMagic || le.Uint32(b[4:]) != boltVersion {
		return metaInfo{}, false
	}
	h := fnv.New64a()
	h.Write(b[:56])
	if h.Sum64() != le.Uint64(b[56:]) {
		return metaInfo{}, false
	}
	ps := int64(le.Uint32(b[8:]))
	return metaInfo{pageSize: ps, highWater: int64(le.Uint64(b[40:])) * ps, txid: le.Uint64(b[48:]), freelist: le.Uint64(b[32:]), root: le.Uint64(b[16:])}, true
}

// freelistPageFlag marks a freelist page in its page header.
const freelistPageFlag = 0x10

// checkFreelistPage reads the freelist page header from the file and checks
// that the page lies inside the file and that its list fits in the page.
// bbolt's structure check loads the freelist from its own goroutine, where a
// read past the mapped file could not be caught; this makes sure it cannot
// happen.
func checkFreelistPage(path string) error {
	m, ok := readMeta(path)
	if !ok || m.freelist == noFreelist {
		return nil
	}
	pages := uint64(m.highWater / m.pageSize)
	bad := func(why any) error {
		return fail(nil, words.M("storage.freelist.damaged", "page", int64(m.freelist), "why", why))
	}
	if m.freelist < 2 || m.freelist >= pages {
		return bad(words.M("storage.freelist.out_of_range", "last", int64(pages-1)))
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	off := int64(m.freelist) * m.pageSize
	head := make([]byte, pageHeaderSize+8)
	if _, err := f.ReadAt(head, off); err != nil {
		return bad(cause(err))
	}
	le := binary.LittleEndian
	id, flags, count, overflow := le.Uint64(head), le.Uint16(head[8:]), uint64(le.Uint16(head[10:])), uint64(le.Uint32(head[12:]))
	switch {
	case id != m.freelist:
		return bad(words.M("storage.freelist.header", "page", int64(id)))
	case flags != freelistPageFlag:
		return bad(words.M("storage.freelist.flags", "flags", fmt.Sprintf("%#x", flags)))
	case m.freelist+overflow >= pages:
		return bad(words.M("storage.freelist.overflow", "n", int64(overflow)))
	}
	start := uint64(pageHeaderSize)
	if count == 0xFFFF { // the real count is the first element
		count = le.Uint64(head[pageHeaderSize:])
		start += 8
	}
	if count > (overflow+1)*uint64(m.pageSize)/8 || start+count*8 > (overflow+1)*uint64(m.pageSize) {
		return bad(words.M("storage.freelist.too_many", "n", int64(count), "pages", int64(overflow+1)))
	}
	return nil
}
