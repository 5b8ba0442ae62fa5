// Package quietlocale names English as the messages language when the
// process runs under the C locale (LANG=C.UTF-8 in containers and CI), so
// that Fyne's language package, which reads the locale in its init, does
// not log "Error parsing user locale C" before every headless command.
//
// main imports it first. It imports only syscall: Go initialises packages
// in import-path order among those whose imports are ready, and with so
// few imports this package is ready, and runs, before Fyne's language
// package, whose imports reach far deeper.
package quietlocale

import (
	"runtime"
	"syscall"
)

func init() { Apply() }

// Apply sets LANGUAGE=en when the locale is C or POSIX (or unset) on a
// system where Fyne reads the POSIX locale variables. LANGUAGE takes
// precedence there, and the app overrides every locale's strings anyway,
// so naming English changes nothing else.
func Apply() {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return
	}
	if v, _ := syscall.Getenv("LANGUAGE"); v != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l, _ := syscall.Getenv(name); l != "" {
			if l == "C" || l == "POSIX" || len(l) > 2 && l[:2] == "C." {
				syscall.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
	syscall.Setenv("LANGUAGE", "en") // no locale at all reads as "C" too
}
