//go:build unix

package app

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the process has used so far,
// which RPB_TIMINGS reports beside wall time: on a busy machine the wall
// time of an open mostly measures waiting for a core.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
