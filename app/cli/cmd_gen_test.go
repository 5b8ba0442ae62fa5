package cli

import (
	"bytes"
	"path/filepath"
	"rpbmatrix/model/words"
	"strings"
	"testing"

	"rpbmatrix/storage"
)

func TestGen(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.rpb")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"writes", []string{"--offices", "3", "--duties", "20", "-o", out, "--seed", "5"}, ExitOK, "60 条履职评估"},
		{"refuses to overwrite", []string{"--offices", "3", "--duties", "20", "-o", out}, ExitUsage, "已存在"},
		{"needs -o", []string{"--offices", "3", "--duties", "20"}, ExitUsage, "请用 -o 指定"},
		{"bad size", []string{"--offices", "0", "--duties", "20", "-o", filepath.Join(dir, "x.rpb")}, ExitUsage, "--offices 应在"},
		{"stray argument", []string{"--offices", "1", "--duties", "1", "-o", filepath.Join(dir, "y.rpb"), "extra"}, ExitUsage, "多余的参数"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.Zh}, "gen", tc.args)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.msg) {
			t.Errorf("%s: exit %d, output %q %q; want exit %d containing %q", tc.name, code, stdout.String(), stderr.String(), tc.code, tc.msg)
		}
	}
	st, err := storage.Open(out, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if p := st.Project(); len(p.Offices) != 3 || len(p.Duties) != 20 || len(p.Assessments) != 60 {
		t.Fatalf("file holds %d offices, %d duties, %d assessments", len(p.Offices), len(p.Duties), len(p.Assessments))
	}
}
