package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// editAssessment sets the notes of the office's first assessment (by duty
// order) in the file, as author.
func editAssessment(t *testing.T, path, office, notes, author string) *model.Assessment {
	t.Helper()
	st, err := storage.Open(path, storage.Options{NoSync: true, Author: author})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := st.Project()
	o := p.OfficeByName(office)
	for _, d := range p.DutiesOf(o.ID) {
		if a := p.Assessment(o.ID, d.ID); a != nil {
			x := a.Clone().(*model.Assessment)
			x.Notes = notes
			x.Touch(author)
			if err := st.Commit("编辑履职评估", p.Put(x)); err != nil {
				t.Fatal(err)
			}
			return x
		}
	}
	t.Fatalf("%s has no assessment", office)
	return nil
}

// Hand out, fill in on both sides, merge: refused while a conflict is
// open, merged with --prefer, and a second merge finds nothing to do.
func TestHandoutThenMerge(t *testing.T) {
	dir := t.TempDir()
	file, copyFile := filepath.Join(dir, "区.rpb"), filepath.Join(dir, "副本.rpb")
	p := synth.Generate(3, 12, 5)
	saveProject(t, file, p)
	offices := p.OfficeList()
	office := offices[0].Name

	code, out, errOut := run(t, "handout", file, "--office", office, "-o", copyFile, "--author", "组长")
	if code != ExitOK || !strings.Contains(out, "已写出副本") {
		t.Fatalf("handout: exit %d\n%s%s", code, out, errOut)
	}
	c := openProject(t, copyFile)
	if len(c.Offices) != 1 || c.OfficeByName(office) == nil || len(c.Authorities) != len(p.Authorities) {
		t.Fatalf("the copy holds %d offices, %d authorities", len(c.Offices), len(c.Authorities))
	}

	editAssessment(t, copyFile, office, "街道填写", "街道规划员")
	editAssessment(t, file, office, "专班修改", "专班")
	before := openProject(t, file)

	code, out, errOut = run(t, "merge", file, copyFile, "--dry-run")
	if code != ExitFindings || !strings.Contains(out, "冲突（1 处）") || !strings.Contains(out, `"街道填写"`) ||
		!strings.Contains(out, "街道规划员") || !strings.Contains(errOut, "--prefer") {
		t.Fatalf("dry run with a conflict: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = run(t, "merge", file, copyFile)
	if code != ExitFindings || !strings.Contains(errOut, "尚未处理") {
		t.Fatalf("merge with a conflict: exit %d\n%s", code, errOut)
	}
	if after := openProject(t, file); !sameNotes(before, after) {
		t.Fatal("a refused merge changed the file")
	}

	var stdout, stderr bytes.Buffer
	code = Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.En}, "merge", []string{file, copyFile, "--prefer", "theirs", "--json"})
	if code != ExitOK {
		t.Fatalf("merge --prefer theirs: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	var rep struct {
		Base      string `json:"base"`
		Merged    bool   `json:"merged"`
		Changes   int    `json:"changes"`
		Backup    string `json:"backup"`
		Conflicts []struct {
			Field      string `json:"field"`
			Resolution string `json:"resolution"`
			TheirsBy   struct {
				Author string `json:"author"`
			} `json:"theirs_by"`
			Record struct {
				Name string `json:"name"`
			} `json:"record"`
		} `json:"conflicts"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if rep.Base != "handout" || !rep.Merged || rep.Changes != 1 || rep.Backup == "" || len(rep.Conflicts) != 1 ||
		rep.Conflicts[0].Field != "notes" || rep.Conflicts[0].Resolution != "theirs" || rep.Conflicts[0].TheirsBy.Author != "街道规划员" ||
		!strings.Contains(rep.Conflicts[0].Record.Name, office) {
		t.Fatalf("report %+v", rep)
	}
	merged := openProject(t, file)
	found := false
	for _, a := range merged.Assessments {
		found = found || a.Notes == "街道填写"
	}
	if !found {
		t.Fatal("the copy's notes were not merged")
	}

	code, out, _ = run(t, "merge", file, copyFile)
	if code != ExitOK || !strings.Contains(out, "无需合并") {
		t.Fatalf("second merge: exit %d\n%s", code, out)
	}
}

func sameNotes(a, b *model.Project) bool {
	for k, x := range a.Assessments {
		if y := b.Assessments[k]; y == nil || y.Notes != x.Notes {
			return false
		}
	}
	return len(a.Assessments) == len(b.Assessments)
}

func TestHandoutAndMergeUsage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "区.rpb")
	saveProject(t, file, synth.Generate(2, 5, 1))
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"handout", file, "-o", filepath.Join(dir, "c.rpb")}, "--office"},
		{[]string{"handout", file, "--office", "x"}, "-o COPY.rpb"},
		{[]string{"handout", file, "--office", "没有这个街道", "-o", filepath.Join(dir, "c.rpb")}, "没有这个街道"},
		{[]string{"merge", file}, "要合并的副本"},
		{[]string{"merge", file, file, "--prefer", "mine"}, "mine"},
	} {
		code, _, errOut := run(t, tc.args[0], tc.args[1:]...)
		if code != ExitUsage || !strings.Contains(errOut, tc.says) {
			t.Errorf("%q: exit %d, stderr %s", tc.args, code, errOut)
		}
	}
	if code, _, errOut := run(t, "merge", file, file); code != ExitFindings || !strings.Contains(errOut, "就是本项目文件") {
		t.Errorf("merging a file into itself: exit %d, %s", code, errOut)
	}
}
