//go:build unix

package storage

import (
	"errors"
	"syscall"
)

// pidAlive reports whether a process with that ID runs (signal 0 checks
// without sending; EPERM means it runs as another user).
func pidAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
