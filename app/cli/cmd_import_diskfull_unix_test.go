//go:build linux

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An import whose commit cannot be written (the disk full, here a file
// size limit) says the truth: no change was saved, the project is as it
// was, though the file may have grown; and the project opens unchanged.
func TestImportCommitFailureSaysWhatHappened(t *testing.T) {
	dir := t.TempDir()
	rpb := filepath.Join(dir, "p.rpb")
	// A project of some size, so that the limit below (its size) is well
	// above what the test binary itself writes meanwhile (its test log).
	first := filepath.Join(dir, "first.csv")
	if err := os.WriteFile(first, []byte(dutyRowsCSV("已有事项", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "import", rpb, first); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	before := len(openProject(t, rpb).Duties)
	fi, err := os.Stat(rpb)
	if err != nil {
		t.Fatal(err)
	}
	// Enough new rows that the commit must grow the file.
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, []byte(dutyRowsCSV("新增事项", 6000)), 0o644); err != nil {
		t.Fatal(err)
	}
	// Writes past the project's present size fail, as on a full disk.
	code, out, errs := runWithFileSizeLimit(t, uint64(fi.Size()), "import", rpb, big)
	if code == ExitOK {
		t.Skipf("the commit fitted in the file (%d bytes)\n%s", fi.Size(), out)
	}
	if !strings.Contains(errs, "这些更改均未保存") || !strings.Contains(errs, "可能已变大") || strings.Contains(errs, "未做任何更改") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if after := len(openProject(t, rpb).Duties); after != before {
		t.Errorf("%d duties after a failed import, want %d", after, before)
	}
}

// dutyRowsCSV is a list of n duties named prefix第i项.
func dutyRowsCSV(prefix string, n int) string {
	var b strings.Builder
	b.WriteString("序号,事项名称,子项,事项类别,履职依据,清单类型\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,%s第%d项,,社区建设,《城市居民委员会组织法》第三条,基本履职\n", i, prefix, i)
	}
	return b.String()
}

// An import into a new file that the disk cannot hold fails part-way
// through writing it, and leaves nothing: no project file, no temporary
// file beside it.
func TestImportNewFileDiskFullLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(in, []byte(dutyRowsCSV("事项", 20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	// 20,000 duties take about 10 MB; the file may not pass 4 MB. (The
	// test log of this binary stays far below it.)
	rpb := filepath.Join(dir, "new.rpb")
	code, out, errs := runWithFileSizeLimit(t, 4<<20, "import", rpb, in)
	if code == ExitOK {
		t.Fatalf("import succeeded past the limit\n%s", out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "list.csv" {
			t.Errorf("left behind: %s\n%s", e.Name(), errs)
		}
	}
}

// runWithFileSizeLimit runs a command while no file may grow past limit
// bytes: writes past it fail with EFBIG, as on a full disk (SIGXFSZ is
// ignored by the Go runtime). It skips the test where limits cannot be set.
func runWithFileSizeLimit(t *testing.T, limit uint64, name string, args ...string) (int, string, string) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip(err)
	}
	lim := old
	lim.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	return run(t, name, args...)
}
