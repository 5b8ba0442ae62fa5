//go:build windows

package storage

import "os"

// pidAlive reports whether a process with that ID runs: FindProcess opens
// the process on Windows and fails when there is none.
func pidAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
