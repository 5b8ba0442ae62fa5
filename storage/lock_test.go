package storage

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A second window on the same file must be told, quickly, that the file is
// in use. bbolt locks with flock on its own file descriptor, so a second
// Open in the same process meets the lock just as another process would.
func TestSecondOpenFailsFastWithClearMessage(t *testing.T) {
	path := mustCreate(t, handMade())
	first := mustOpen(t, path, testOpts)
	for _, tc := range []struct {
		name string
		open func() error
	}{
		{"writable", func() error { _, err := Open(path, testOpts); return err }},
		{"read-only", func() error { _, err := Open(path, Options{ReadOnly: true}); return err }},
		{"check", func() error { _, err := Check(path); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			err := tc.open()
			elapsed := time.Since(start)
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("err = %v, want ErrLocked", err)
			}
			if elapsed > 2*time.Second {
				t.Fatalf("took %v, want under 2 s", elapsed)
			}
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Path != path {
				t.Fatalf("err %v does not name the file", err)
			}
			for _, want := range []string{path, "另一个 RPB Matrix 窗口", "another RPB Matrix window"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err.Error(), want)
				}
			}
		})
	}
	first.Close()
	if s, err := Open(path, testOpts); err != nil {
		t.Fatalf("after the first window closed: %v", err)
	} else {
		s.Close()
	}
}

// Two read-only opens share the lock.
func TestReadOnlyOpensShare(t *testing.T) {
	path := mustCreate(t, handMade())
	mustOpen(t, path, Options{ReadOnly: true})
	mustOpen(t, path, Options{ReadOnly: true})
}
