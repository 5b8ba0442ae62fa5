package storage

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"rpbmatrix/model"
)

// crashOfficeName names the office a crash-test child creates in its n-th
// commit of round r, so the parent can look each one up afterwards.
func crashOfficeName(round, n int) string { return fmt.Sprintf("崩溃测试街道-%d-%d", round, n) }

// TestCrashChild is the child of TestKilledAtRandomLosesNoCommittedEdit: it
// commits edits with fsync on, as fast as it can, and prints each one's
// number after Commit returns, until it is killed. It does nothing in a
// normal test run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("RPB_CRASH_CHILD_FILE")
	if path == "" {
		t.Skip("only run as the child of TestKilledAtRandomLosesNoCommittedEdit")
	}
	round, _ := strconv.Atoi(os.Getenv("RPB_CRASH_CHILD_ROUND"))
	s, err := Open(path, Options{Author: "crash-child"})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	fmt.Println("READY")
	duty := s.Project().DutyList()[0]
	for n := 0; ; n++ {
		o := &model.Office{Meta: model.NewMeta("crash-child"), Name: crashOfficeName(round, n), Kind: model.OfficeStreet}
		// Two entities per action, so a torn write would show as half an action.
		a := &model.Assessment{Meta: model.NewMeta("crash-child"), Office: o.ID, Duty: duty.ID, Role: model.RoleLead, HoursPerMonth: float64(n)}
		if err := s.Commit("新增街道", s.Project().Put(o), s.Project().Put(a)); err != nil {
			fmt.Println("COMMIT-FAILED", err)
			os.Exit(4)
		}
		if n%7 == 6 { // undo and redo are writes too
			if _, err := s.Undo(); err != nil {
				fmt.Println("UNDO-FAILED", err)
				os.Exit(5)
			}
			if _, err := s.Redo(); err != nil {
				fmt.Println("REDO-FAILED", err)
				os.Exit(6)
			}
		}
		os.Stdout.WriteString("COMMITTED " + strconv.Itoa(n) + "\n")
	}
}

// Killing the program at any moment loses no committed edit and never
// leaves a file that will not open.
func TestKilledAtRandomLosesNoCommittedEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary 24 times")
	}
	path := mustCreate(t, handMade())
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	const rounds = 24
	total := 0
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "RPB_CRASH_CHILD_FILE="+path, "RPB_CRASH_CHILD_ROUND="+strconv.Itoa(round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 4096)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait until the child has the file open, then let it commit for a
		// random while before killing it.
		first, ok := <-lines
		if !ok || first != "READY" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: child did not start: %q", round, first)
		}
		time.Sleep(time.Duration(5+r.Intn(250)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
			t.Fatal(err)
		}
		var reported []int
		for line := range lines {
			if n, ok := strings.CutPrefix(line, "COMMITTED "); ok {
				v, _ := strconv.Atoi(n)
				reported = append(reported, v)
			} else {
				t.Fatalf("round %d: child said %q", round, line)
			}
		}
		io.Copy(io.Discard, out)
		cmd.Wait()

		counts, err := Check(path)
		if err != nil {
			t.Fatalf("round %d: after SIGKILL the file fails its check: %v", round, err)
		}
		s, err := Open(path, testOpts)
		if err != nil {
			t.Fatalf("round %d: after SIGKILL the file does not open: %v", round, err)
		}
		names := map[string]*model.Office{}
		for _, o := range s.Project().Offices {
			names[o.Name] = o
		}
		assessed := map[model.ID]int{}
		for _, a := range s.Project().Assessments {
			assessed[a.Office]++
		}
		for _, n := range reported {
			o := names[crashOfficeName(round, n)]
			if o == nil {
				t.Fatalf("round %d: edit %d was reported committed but is missing", round, n)
			}
			if assessed[o.ID] != 1 {
				t.Fatalf("round %d: edit %d is only half there", round, n)
			}
		}
		// Any unreported edit that made it to disk must be whole too.
		for name, o := range names {
			if strings.HasPrefix(name, "崩溃测试") && assessed[o.ID] != 1 {
				t.Fatalf("round %d: %s is only half there", round, name)
			}
		}
		s.Close()
		total += len(reported)
		t.Logf("round %d: killed after %d reported commits; file sound, %d offices, %d audit entries", round, len(reported), counts.Offices, counts.AuditEntries)
	}
	if total == 0 {
		t.Fatal("the child never committed anything before being killed")
	}
}
