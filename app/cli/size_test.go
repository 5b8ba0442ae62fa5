package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
)

// The tests below lower the pair limit (model.SetPairLimit) to make
// projects past it from a few rows; none of them runs in parallel.

// An import whose project would pass the limit is refused before anything
// is written, naming the file and the counts: into a new file (none is
// made) and into an existing one (no backup, no change).
func TestImportPastPairLimitWritesNothing(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "清单.csv")
	if err := os.WriteFile(list, []byte(listCSV("事项", 11)), 0o644); err != nil {
		t.Fatal(err)
	}
	defer model.SetPairLimit(10)()

	fresh := filepath.Join(dir, "新.rpb")
	code, out, errs := run(t, "import", fresh, list, "--office", "东城街道")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d\n%s%s", code, ExitFindings, out, errs)
	}
	for _, w := range []string{"清单.csv", "1 个街道（乡镇）× 11 项职责 = 11", "10 个", "未写入任何内容"} {
		if !strings.Contains(out, w) {
			t.Errorf("the report does not say %q:\n%s", w, out)
		}
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused import made %s (%v)", fresh, err)
	}

	// Into an existing project of 1 office × 5 duties: 6 more pass 10.
	existing := filepath.Join(dir, "已有.rpb")
	first := filepath.Join(dir, "first.csv")
	if err := os.WriteFile(first, []byte(listCSV("已有事项", 5)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "import", existing, first, "--office", "东城街道"); code != ExitOK {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	more := filepath.Join(dir, "more.csv")
	if err := os.WriteFile(more, []byte(listCSV("新增事项", 6)), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(dir)
	code, out, errs = run(t, "import", existing, more, "--office", "东城街道")
	if code != ExitFindings || !strings.Contains(out, "more.csv") || !strings.Contains(out, "= 11") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if after, _ := os.ReadDir(dir); len(after) != len(before) {
		t.Errorf("a refused import left files: %d before, %d after", len(before), len(after))
	}
	if n := len(openProject(t, existing).Duties); n != 5 {
		t.Errorf("%d duties after a refused import, want 5", n)
	}
}

// gen refuses a project past the limit before making anything.
func TestGenPastPairLimit(t *testing.T) {
	defer model.SetPairLimit(10)()
	out := filepath.Join(t.TempDir(), "g.rpb")
	code, stdout, errs := run(t, "gen", "--offices", "3", "--duties", "4", "-o", out)
	if code != ExitUsage || !strings.Contains(errs, "3 个街道（乡镇）× 4 项职责 = 12") || !strings.Contains(errs, "请减少街道（乡镇）数或事项数") {
		t.Errorf("exit %d\n%s%s", code, stdout, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("gen made %s past the limit (%v)", out, err)
	}
}

// A file past the limit (made before the limit was lowered) is refused by
// every command that analyses it, with the message, not a crash; export
// leaves no file.
func TestCommandsRefuseProjectPastPairLimit(t *testing.T) {
	dir := t.TempDir()
	rpb := filepath.Join(dir, "p.rpb")
	if code, out, errs := run(t, "gen", "--offices", "3", "--duties", "4", "-o", rpb); code != ExitOK {
		t.Fatalf("gen: exit %d\n%s%s", code, out, errs)
	}
	defer model.SetPairLimit(10)()
	csv := filepath.Join(dir, "out.csv")
	for _, args := range [][]string{
		{"check", rpb}, {"check", rpb, "--json"}, {"findings", rpb}, {"export", rpb, "-o", csv},
		{"decisions", rpb}, {"report", rpb, "--district", "-o", filepath.Join(dir, "r.pdf")},
	} {
		code, out, errs := run(t, args[0], args[1:]...)
		if code != ExitFindings || !strings.Contains(errs, "3 个街道（乡镇）× 4 项职责 = 12") || !strings.Contains(errs, "handout") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refused commands left files: %v", entries)
	}
}

// listCSV is a list of n duties named prefix第i项.
func listCSV(prefix string, n int) string {
	var b strings.Builder
	b.WriteString("序号,事项名称,事项类别,清单类型\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,%s第%d项,社区建设,基本履职\n", i, prefix, i)
	}
	return b.String()
}

// handout refuses a copy past the limit, before writing it; a smaller one
// of the same project is written without analysing it.
func TestHandoutPastPairLimit(t *testing.T) {
	dir := t.TempDir()
	rpb := filepath.Join(dir, "p.rpb")
	if code, out, errs := run(t, "gen", "--offices", "3", "--duties", "4", "-o", rpb); code != ExitOK {
		t.Fatalf("gen: exit %d\n%s%s", code, out, errs)
	}
	defer model.SetPairLimit(10)() // the project itself is past it
	names := officeList(openProject(t, rpb))
	big, small := filepath.Join(dir, "big.rpb"), filepath.Join(dir, "small.rpb")
	code, out, errs := run(t, "handout", rpb, "--office", names[0], "--office", names[1], "--office", names[2], "-o", big)
	if code != ExitFindings || !strings.Contains(errs, "3 个街道（乡镇）× 4 项职责 = 12") {
		t.Errorf("3 offices: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(big); !os.IsNotExist(err) {
		t.Errorf("handout wrote a copy past the limit (%v)", err)
	}
	if code, out, errs := run(t, "handout", rpb, "--office", names[0], "--office", names[1], "-o", small); code != ExitOK {
		t.Errorf("2 offices: exit %d\n%s%s", code, out, errs)
	}
}
