//go:build !linux

package storage

import bolt "go.etcd.io/bbolt"

// releasePages leaves the mapped pages to the system where the Linux
// advice is not known to free them (see pages_linux.go).
func releasePages(*bolt.Tx) {}
