package storage

import (
	"fmt"
	"runtime/debug"
)

// guard runs f so that a panic, or a memory fault on the mapped file (a
// truncated or scribbled file can make bbolt read past the end of the map),
// comes back as an error instead of ending the process. SetPanicOnFault only
// covers the calling goroutine, so every goroutine that touches mapped pages
// must run its work through guard.
func guard(f func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return f()
}
