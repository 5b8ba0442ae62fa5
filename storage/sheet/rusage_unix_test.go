//go:build unix

package sheet

import (
	"runtime"
	"syscall"
)

// peakRSS is the most memory the process has held, in bytes.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return float64(ru.Maxrss) // bytes on macOS
	}
	return float64(ru.Maxrss) * 1024 // kilobytes elsewhere
}
