package storage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
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
			// This process holds it, through a note that says it is a window.
			for _, want := range []string{path, "RPB Matrix 窗口", "RPB Matrix window", "process " + strconv.Itoa(os.Getpid())} {
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
	s, err := Open(path, Options{Command: os.Getenv("RPB_HOLD_CHILD_COMMAND")})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	defer s.Close()
	fmt.Println("READY")
	time.Sleep(time.Minute)
}

// holdInChild opens path in another process, as command ("" for a
// window), and returns it holding the file.
func holdInChild(t *testing.T, path, command string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RPB_HOLD_CHILD_FILE="+path, "RPB_HOLD_CHILD_COMMAND="+command)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "READY\n" {
		t.Fatalf("child: %q", line)
	}
	return cmd
}

// The real case: another program holds the file, and the message says
// which: a window or the command, its process and user.
func TestSecondProcessIsRefused(t *testing.T) {
	for _, tc := range []struct {
		command string
		says    []string
	}{
		{"", []string{"RPB Matrix window", "RPB Matrix 窗口"}},
		{"import", []string{"rpbmatrix import", "命令"}},
	} {
		t.Run("held by "+tc.command, func(t *testing.T) {
			path := mustCreate(t, handMade())
			cmd := holdInChild(t, path, tc.command)
			start := time.Now()
			_, err := Open(path, testOpts)
			if elapsed := time.Since(start); !errors.Is(err, ErrLocked) || elapsed > 2*time.Second {
				t.Fatalf("Open while another process holds the file: %v after %v, want ErrLocked within 2 s", err, elapsed)
			}
			for _, want := range append(tc.says, "process "+strconv.Itoa(cmd.Process.Pid)) {
				if !strings.Contains(said(err), want) {
					t.Errorf("%q does not say %q", said(err), want)
				}
			}
			if strings.Contains(said(err), "window") == (tc.command != "") {
				t.Errorf("%q mistakes a command for a window or back", said(err))
			}
			// Killed, the child leaves its note: it must not keep anyone
			// out, and the next opener clears it.
			cmd.Process.Kill()
			cmd.Wait()
			if hs := Holders(path); len(hs) != 0 {
				t.Errorf("a killed process still counts as a holder: %+v", hs)
			}
			s, err := Open(path, testOpts)
			if err != nil {
				t.Fatalf("after the other process ended: %v", err)
			}
			if notes := holderNotesOf(path); len(notes) != 1 || notes[0].holder.PID != os.Getpid() {
				t.Errorf("notes after reopening: %+v, want only this process's", notes)
			}
			s.Close()
			if notes := holderNotesOf(path); len(notes) != 0 {
				t.Errorf("Close left notes: %+v", notes)
			}
		})
	}
}

// A note whose process is gone, or that lies, never keeps anyone out: the
// lock decides, and a locked file whose only notes are stale says so
// without naming anyone.
func TestStaleNotesDoNotBlock(t *testing.T) {
	path := mustCreate(t, handMade())
	stale := Holder{Kind: HolderCommand, Command: "import", PID: deadPID(t), Since: now(), Writable: true}
	stale.Host, _ = os.Hostname()
	note := writeHolder(path, stale)
	if note == "" {
		t.Fatal("no note written")
	}
	s := mustOpen(t, path, Options{ReadOnly: true, Command: "check"})
	if _, err := os.Stat(note); err == nil {
		t.Error("a shared lock left a writer's note in place")
	}
	s.Close()

	writeHolder(path, stale)
	first := mustOpen(t, path, testOpts)
	_, err := Open(path, Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("%v, want ErrLocked", err)
	}
	if strings.Contains(said(err), "import") {
		t.Errorf("a stale note was believed: %q", said(err))
	}
	first.Close()
	for _, n := range holderNotesOf(path) {
		os.Remove(n.file)
	}
	// No note at all: the file is still said to be in use.
	writeLock := mustOpen(t, path, testOpts)
	removeHolder(writeLock.note)
	_, err = Open(path, Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) || !strings.Contains(said(err), "another program") {
		t.Fatalf("%v, want ErrLocked naming nobody", said(err))
	}
}

// deadPID is the ID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// The command a command line runs, as main routes it.
func TestCommandOfArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"街道.rpb"}, ""},
		{[]string{"/home/x/项目"}, ""},
		{[]string{"-test.run=X"}, ""},
		{[]string{"import", "a.rpb"}, "import"},
		{[]string{"merge", "a.rpb", "b.rpb"}, "merge"},
	} {
		if got := commandOfArgs(tc.args); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.args, got, tc.want)
		}
	}
}

// Restore advice is for damaged files only.
func TestRestorable(t *testing.T) {
	for _, tc := range []struct {
		kind error
		want bool
	}{
		{ErrDamaged, true}, {ErrEmptyFile, true}, {ErrNotBolt, true},
		{ErrLocked, false}, {ErrUnreadable, false}, {ErrNoFile, false}, {ErrNewerVersion, false}, {ErrNotProject, false},
	} {
		if got := Restorable(openErr("x.rpb", tc.kind, nil)); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.kind, got, tc.want)
		}
	}
}
