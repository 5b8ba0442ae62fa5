package storage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
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
				if !strings.Contains(said(err), want) {
					t.Errorf("message %q lacks %q", said(err), want)
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

// TestHoldChild is the child of TestSecondProcessIsRefused: it opens the file
// and holds it until killed. It does nothing in a normal test run.
func TestHoldChild(t *testing.T) {
	path := os.Getenv("RPB_HOLD_CHILD_FILE")
	if path == "" {
		t.Skip("only run as the child of TestSecondProcessIsRefused")
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	defer s.Close()
	fmt.Println("READY")
	time.Sleep(time.Minute)
}

// The real case: another program (another window) holds the file.
func TestSecondProcessIsRefused(t *testing.T) {
	path := mustCreate(t, handMade())
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RPB_HOLD_CHILD_FILE="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "READY\n" {
		t.Fatalf("child: %q", line)
	}
	start := time.Now()
	_, err = Open(path, testOpts)
	if elapsed := time.Since(start); !errors.Is(err, ErrLocked) || elapsed > 2*time.Second {
		t.Fatalf("Open while another process holds the file: %v after %v, want ErrLocked within 2 s", err, elapsed)
	}
	cmd.Process.Kill()
	cmd.Wait()
	s, err := Open(path, testOpts)
	if err != nil {
		t.Fatalf("after the other process ended: %v", err)
	}
	s.Close()
}
