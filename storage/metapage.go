package storage

import (
	"encoding/binary"
	"hash/fnv"
	"io"
	"os"
)

// bbolt keeps two meta pages at the start of the file and uses the valid one
// with the higher transaction id. Reading them before bolt.Open lets a file
// that was cut short be named as truncated, instead of letting bbolt map
// pages past the end of the file and fault on them.
//
// Layout after the 16-byte page header (native byte order; every platform we
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
}

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
	return metaInfo{pageSize: ps, highWater: int64(le.Uint64(b[40:])) * ps, txid: le.Uint64(b[48:])}, true
}
