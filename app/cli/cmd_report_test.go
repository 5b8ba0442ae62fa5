package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rpbmatrix/app/report"
	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "合成.rpb")
	p := synth.Generate(3, 40, 7)
	st, err := storage.Create(file, p, storage.Options{NoSync: true, Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	office := p.OfficeList()[0].Name

	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		wantFile string
	}{
		{"everything", []string{file, "-o", filepath.Join(dir, "all.pdf")}, ExitOK, "", "all.pdf"},
		{"one office A3 English", []string{file, "--office", office, "--paper", "a3", "--lang", "en", "-o", filepath.Join(dir, "one.pdf")}, ExitOK, "", "one.pdf"},
		{"district only", []string{"--district", file, "-o", filepath.Join(dir, "district.pdf")}, ExitOK, "", "district.pdf"},
		{"default output name", []string{file, "--sections", "cover,matrix"}, ExitOK, "", "合成.pdf"},
		{"minutes alone", []string{file, "--sections", "minutes", "-o", filepath.Join(dir, "minutes.pdf")}, ExitOK, "", "minutes.pdf"},
		{"admission by its Chinese name", []string{file, "--sections", "准入与清单外事项", "-o", filepath.Join(dir, "admission.pdf")}, ExitOK, "", "admission.pdf"},
		{"unknown office", []string{file, "--office", "不存在街道", "-o", filepath.Join(dir, "x.pdf")}, ExitFindings, "没有名为", ""},
		{"missing file", []string{filepath.Join(dir, "nope.rpb")}, ExitFindings, "nope.rpb", ""},
		{"bad paper", []string{file, "--paper", "B5"}, ExitUsage, "A4 或 A3", ""},
		{"bad lang", []string{file, "--lang", "fr"}, ExitUsage, "zh 或 en", ""},
		{"bad section", []string{file, "--sections", "cover,appendix"}, ExitUsage, "appendix", ""},
		{"no file", []string{"-o", "x.pdf"}, ExitUsage, "用法", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.Zh}, "report", tt.args)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if tt.stderr != "" && !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.wantFile != "" {
				b, err := os.ReadFile(filepath.Join(dir, tt.wantFile))
				if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
					t.Fatalf("no PDF at %s: %v", tt.wantFile, err)
				}
				if !strings.Contains(stdout.String(), tt.wantFile) {
					t.Errorf("stdout does not name the file: %q", stdout.String())
				}
			}
		})
	}
}

func TestChooseSections(t *testing.T) {
	tests := []struct {
		list             string
		office, district bool
		want             string
	}{
		{"", false, false, ""},
		{"", true, false, "cover,charts,matrix,findings,decisions,admission,scenario"},
		{"minutes", false, false, "minutes"},
		{"", false, true, "district,scenario"},
		{"", true, true, ""},
		{"matrix, 错配清单", true, false, "matrix,findings"},
	}
	for _, tt := range tests {
		got, err := chooseSections(tt.list, tt.office, tt.district)
		if err != nil {
			t.Fatalf("chooseSections(%q): %v", tt.list, err)
		}
		var names []string
		for _, s := range got {
			names = append(names, string(s))
		}
		if strings.Join(names, ",") != tt.want {
			t.Errorf("chooseSections(%q, %v, %v) = %v, want %s", tt.list, tt.office, tt.district, names, tt.want)
		}
	}
}

// The cover names the author the project names, never the login that runs
// the command; --author names another for one print.
func TestReportAuthor(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "合成.rpb")
	p := synth.Generate(2, 10, 3)
	p.Info.Author = "临江区基层减负改革工作专班"
	st, err := storage.Create(file, p, storage.Options{NoSync: true, Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	office := p.OfficeList()[0].Name
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "编制人临江区基层减负改革工作专班"},
		{[]string{"--author", "王五"}, "编制人王五"},
	} {
		out := filepath.Join(dir, "r.pdf")
		var stdout, stderr bytes.Buffer
		args := append([]string{file, "--office", office, "--sections", "cover", "-o", out}, tt.args...)
		if code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.Zh}, "report", args); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), "")
		if !strings.Contains(flat, tt.want) {
			t.Errorf("%v: cover lacks %q", tt.args, tt.want)
		}
		if login := Author(); len(login) >= 3 && strings.Contains(flat, login) {
			t.Errorf("%v: the report prints the login %q", tt.args, login)
		}
	}
}

// A report of some offices reads only their part of the file
// (storage.ReadOffices) and prints what the whole project's report of them
// prints, page for page; with the district it reads the whole project.
func TestReportReadsTheOfficesPart(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "合成.rpb")
	p := synth.Generate(6, 60, 11)
	st, err := storage.Create(file, p, storage.Options{NoSync: true, Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	offices := p.OfficeList()
	names := []string{offices[1].Name, offices[4].Name}

	part, ids, err := readForReport(file, names, report.Options{Sections: report.OfficeSections}, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(part.Offices) != 2 || len(ids) != 2 || ids[0] != offices[1].ID || ids[1] != offices[4].ID {
		t.Fatalf("read %d offices, chose %v", len(part.Offices), ids)
	}
	whole, _, err := readForReport(file, names, report.Options{}, storage.Options{ReadOnly: true})
	if err != nil || len(whole.Offices) != len(offices) {
		t.Fatalf("with the district: %d offices read, %v", len(whole.Offices), err)
	}

	text := func(q *model.Project) string {
		out := filepath.Join(dir, "r.pdf")
		opt := report.Options{Offices: ids, Sections: report.OfficeSections, Now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		if _, err := report.WriteFile(out, q, nil, opt); err != nil {
			t.Fatal(err)
		}
		b, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if a, b := text(part), text(whole); a != b {
		t.Errorf("the report from the part differs from the whole project's (%d and %d characters)", len(a), len(b))
	}
}
