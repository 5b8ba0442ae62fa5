package storage

import (
	"os"
	"runtime"

	bolt "go.etcd.io/bbolt"
)

// reserveFrom is the least a commit writes for reserveFile to grow the
// file first: an ordinary edit leaves it to bbolt.
const reserveFrom = 8 << 20

// reserveFile grows the file at path, before a commit that writes n bytes
// of keys and values spills them into pages, to about what they will take.
// bbolt otherwise grows its mapping of the file step by step as the commit
// allocates pages, and at each new mapping copies every key and value the
// transaction holds (a 250,000-row import mapped it 9 times: 2.7 GB of
// copies, a quarter of its CPU); it now maps it once. It is only a hint:
// bbolt grows the file itself past it, and the pages stay unused until
// bbolt's own count of them reaches them. Not on Windows, where bbolt sizes
// the file to its mapping itself.
func reserveFile(path string, tx *bolt.Tx, n int64) {
	if n < reserveFrom || runtime.GOOS == "windows" {
		return
	}
	page := int64(tx.DB().Info().PageSize)
	want := tx.Size() + n + n/8 // measured: 1.09 n for new duties (branch pages, free space)
	want = (want + page - 1) / page * page
	if fi, err := os.Stat(path); err != nil || fi.Size() >= want {
		return
	}
	_ = os.Truncate(path, want) // by name, not by a second handle whose closing could drop bbolt's lock
}

// commitBytes is about what a commit writes: each record written (sealed)
// and, in its audit entry, the same again and each record's Before.
func commitBytes(sealed [][]byte, acs []AuditChange) int64 {
	var n int64
	for i, v := range sealed {
		n += 2*int64(len(v)) + int64(len(acs[i].Before)) + 32 // keys, the entry's own fields
	}
	return n
}
