//go:build !unix

package app

import "time"

// processCPU is not measured here; RPB_TIMINGS reports 0.
func processCPU() time.Duration { return 0 }
