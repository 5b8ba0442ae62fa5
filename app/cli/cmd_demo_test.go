package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"rpbmatrix/model/words"
	"strings"
	"testing"

	"rpbmatrix/model/demo"
	"rpbmatrix/storage"
)

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "demo.rpb")
	junk := filepath.Join(dir, "junk.rpb")
	if err := os.WriteFile(junk, []byte("not a project"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"writes", []string{"-o", out}, ExitOK, "已写入示例项目"},
		{"refuses to overwrite", []string{"-o", out}, ExitUsage, "--force"},
		{"overwrites with --force", []string{"-o", out, "--force"}, ExitOK, "已写入示例项目"},
		{"replaces a file that is no project with --force", []string{"--force", "-o", junk}, ExitOK, "已写入示例项目"},
		{"needs -o", nil, ExitUsage, "请用 -o 指定"},
		{"refuses a directory", []string{"-o", dir, "--force"}, ExitUsage, "是目录"},
		{"stray argument", []string{"-o", filepath.Join(dir, "x.rpb"), "extra"}, ExitUsage, "多余的参数"},
		{"unknown flag", []string{"--frce", "-o", out}, ExitUsage, "flag provided but not defined"},
		{"missing directory", []string{"-o", filepath.Join(dir, "no", "such", "d.rpb")}, ExitFindings, "d.rpb"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.Zh}, "demo", tc.args)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.msg) {
			t.Errorf("%s: exit %d, output %q %q; want exit %d containing %q", tc.name, code, stdout.String(), stderr.String(), tc.code, tc.msg)
		}
	}

	want, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{out, junk} {
		st, err := storage.Open(path, storage.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		p := st.Project()
		if p.Info.Name != want.Info.Name || len(p.Offices) != len(want.Offices) || len(p.Duties) != len(want.Duties) ||
			len(p.Authorities) != len(want.Authorities) || len(p.Holdings) != len(want.Holdings) ||
			len(p.Assessments) != len(want.Assessments) || len(p.Decisions) != len(want.Decisions) {
			t.Errorf("%s holds %q with %d offices, %d duties, %d authorities, %d holdings, %d assessments, %d decisions; want the demo",
				path, p.Info.Name, len(p.Offices), len(p.Duties), len(p.Authorities), len(p.Holdings), len(p.Assessments), len(p.Decisions))
		}
		for id, d := range want.Duties {
			if got := p.Duties[id]; got == nil || got.Name != d.Name || len(got.Required) != len(d.Required) {
				t.Errorf("%s: duty %s not stored as loaded", path, d.Name)
				break
			}
		}
		st.Close()
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestDemoCommandRefusesAFileOpenElsewhere(t *testing.T) {
	out := filepath.Join(t.TempDir(), "open.rpb")
	if code := Run(Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Lang: words.Zh}, "demo", []string{"-o", out}); code != ExitOK {
		t.Fatalf("first write: exit %d", code)
	}
	st, err := storage.Open(out, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var stderr bytes.Buffer
	if code := Run(Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Lang: words.Zh}, "demo", []string{"-o", out, "--force"}); code != ExitFindings ||
		!strings.Contains(stderr.String(), "另一个 RPB Matrix 窗口") {
		t.Errorf("exit %d, stderr %q; want exit 1 saying the file is open elsewhere", code, stderr.String())
	}
}
