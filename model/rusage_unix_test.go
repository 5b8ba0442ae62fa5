//go:build unix

package model_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far.
// Benchmarks report it beside wall time because the machine they run on may
// be busy with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
