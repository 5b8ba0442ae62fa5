package storage

import (
	"syscall"
	"time"

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

// releasingPages runs f, which reads the mapped file from goroutines of its
// own (bbolt's structure check), and meanwhile releases the pages it has
// read every few milliseconds: they are read once each.
func releasingPages(tx *bolt.Tx, f func(*bolt.Tx) error) error {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(releaseEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				releasePages(tx)
			}
		}
	}()
	err := f(tx)
	close(done)
	<-stopped
	releasePages(tx)
	return err
}

// releaseEvery is how often releasingPages lets go of the pages read: a
// check reads some 20 MB of a cached file in that time.
const releaseEvery = 20 * time.Millisecond
