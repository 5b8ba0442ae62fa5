package storage

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// releasePages tells the kernel that the process no longer needs the pages
// of the file mapped for tx. Decoding copies what it keeps, so the pages
// read so far are of no more use, yet they stay counted in the process's
// resident memory (as big as the file: 730 MB of a 1,000-office file, on
// top of the decoded project). The mapping is read-only and shared, so
// the pages stay in the page cache and a later read maps them back
// without reading the disk.
func releasePages(tx *bolt.Tx) {
	// The mapping's address comes as a number: Syscall takes it as it is,
	// which spares an unsafe conversion. A failure only leaves the pages
	// counted.
	syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
