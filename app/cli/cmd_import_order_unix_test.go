//go:build linux

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import whose write fails (the disk full, here a file size limit)
// prints the failure, never the report's "imported N" before it: into a
// new file and into an existing one.
func TestImportWriteFailureSaysNothingImported(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, []byte(listCSV("事项", 20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runWithFileSizeLimit(t, 4<<20, "import", filepath.Join(dir, "new.rpb"), list)
	if code == ExitOK || strings.Contains(out, "导入 20000 项") || errs == "" {
		t.Errorf("new file: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}

	existing := filepath.Join(dir, "p.rpb")
	first := filepath.Join(dir, "first.csv")
	if err := os.WriteFile(first, []byte(listCSV("已有事项", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "import", existing, first); code != ExitOK || !strings.Contains(out, "导入 2000 项") {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	fi, err := os.Stat(existing)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = runWithFileSizeLimit(t, uint64(fi.Size()), "import", existing, list)
	if code == ExitOK {
		t.Skipf("the commit fitted in the file (%d bytes)", fi.Size())
	}
	if strings.Contains(out, "导入 20000 项") {
		t.Errorf("existing file: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}
