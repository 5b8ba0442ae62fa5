package importui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/sheet"
)

const testdata = "../../storage/sheet/testdata/"

// newTestWizard returns a wizard over a new project file whose slow steps run synchronously.
func newTestWizard(t *testing.T) (*wizard, *storage.Store, *[]bool) {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	st, err := storage.Create(filepath.Join(t.TempDir(), "p.rpb"), model.NewProject("测试", "", "t"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var done []bool
	w := newWizard(win, st, func(c bool) { done = append(done, c) })
	w.async = func(f func()) { f() }
	win.SetContent(w.root)
	return w, st, &done
}

// buttons lists the enabled state of the buttons in the current step, by label.
func buttons(w *wizard) map[string]bool {
	out := map[string]bool{}
	for _, o := range test.LaidOutObjects(w.root) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = !b.Disabled()
		}
	}
	return out
}

func TestWizardImports(t *testing.T) {
	words.Use(words.Zh)
	w, st, done := newTestWizard(t)
	w.showFiles()
	if buttons(w)["下一步"] {
		t.Error("Next is enabled with no file chosen")
	}
	w.paths = []string{testdata + "quirks.xlsx"}
	w.readFiles()
	if len(w.sources) != 4 || w.sources[w.current].Table.Sheet != "基本履职事项" {
		t.Fatalf("%d sources, current %d", len(w.sources), w.current)
	}
	// Each sheet's view builds, with its preview.
	for i, s := range w.sources {
		w.current = i
		w.sourceView(s, func() {})
	}
	prev := w.sources[1].Preview(w.opts, previewRows)
	if len(prev) == 0 || prev[0].Value(sheet.FieldCategory) != "党的建设" {
		t.Fatalf("preview %+v", prev)
	}
	w.check()
	if !w.plan.Report.OK() || w.plan.Report.Count(sheet.StatusImported) != 10 {
		t.Fatalf("plan: %s", w.plan.Report.Summary("zh"))
	}
	if !buttons(w)["导入"] {
		t.Error("Import is disabled for a clean plan")
	}
	if len(st.Project().Duties) != 0 {
		t.Fatal("checking wrote to the project")
	}
	w.run()
	if n := len(st.Project().Duties); n != 10 || !w.changed {
		t.Fatalf("%d duties after import, changed %v", n, w.changed)
	}
	if !buttons(w)["完成"] {
		t.Error("no Done button after the import")
	}
	w.close()
	w.close()
	if len(*done) != 1 || !(*done)[0] {
		t.Errorf("onDone calls %v, want [true]", *done)
	}
}

func TestWizardRejectsWritesNothing(t *testing.T) {
	words.Use(words.En)
	w, st, done := newTestWizard(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("事项名称,类别,清单类型\n甲,x,基本履职\n乙,y,胡说\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.paths = []string{bad, testdata + "old.xls"}
	w.readFiles()
	if len(w.readErr) != 1 || !strings.Contains(w.unreadable(), "xlsx") {
		t.Errorf("read errors %q", w.unreadable())
	}
	w.check()
	if w.plan.Report.OK() || buttons(w)["Import"] {
		t.Fatal("a plan with rejected rows can be imported")
	}
	if len(st.Project().Duties) != 0 {
		t.Fatal("rejected rows were written")
	}
	w.close()
	if len(*done) != 1 || (*done)[0] {
		t.Errorf("onDone calls %v, want [false]", *done)
	}
}

func TestWizardRemapsAColumn(t *testing.T) {
	w, _, _ := newTestWizard(t)
	csv := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(csv, []byte("序号,名目,类别\n1,甲,党的建设\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.paths = []string{csv}
	w.opts.Kind = model.ListBasic
	w.readFiles()
	s := w.sources[0]
	if !s.Skipped() {
		t.Fatal("a table without a duty column should start skipped")
	}
	s.SetHeaderRow(0)
	s.SetField(1, sheet.FieldName)
	w.check()
	if w.plan.Report.Count(sheet.StatusImported) != 1 {
		t.Errorf("after remapping: %s", w.plan.Report.Summary("en"))
	}
}

// oneDutyCSV writes a list of one duty, the smallest file to import.
func oneDutyCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "one.csv")
	if err := os.WriteFile(path, []byte("事项名称,类别\n甲,党的建设\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestColumnName(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnName(c); got != want {
			t.Errorf("%d: %s, want %s", c, got, want)
		}
	}
}

// A slow step's progress bar animates only while the step runs: the next
// step or closing the wizard (its Close button or the dialog hidden) stops
// it, so a closed wizard costs no CPU. Closed half-way, the wizard tells
// onDone when the step's work has ended, with what it wrote.
func TestWizardStopsItsProgressBar(t *testing.T) {
	tests := []struct {
		name     string
		step     func(w *wizard)
		then     func(w *wizard)
		wantDone []bool // onDone's calls once the step's work has ended
	}{
		{"read, then the mapping step", (*wizard).readFiles, func(*wizard) {}, nil},
		{"check, then the report", (*wizard).check, func(*wizard) {}, nil},
		{"closed while reading", (*wizard).readFiles, (*wizard).close, []bool{false}},
		{"closed while checking", (*wizard).check, (*wizard).close, []bool{false}},
		{"closed while importing, which writes", (*wizard).run, (*wizard).close, []bool{true}},
		{"dialog hidden while reading", (*wizard).readFiles, func(w *wizard) { w.dlg.Hide() }, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _, done := newTestWizard(t)
			show(w)
			w.paths = []string{oneDutyCSV(t)}
			w.opts.Kind = model.ListBasic
			w.readFiles()
			w.check()
			var finish func()
			w.async = func(f func()) { finish = f } // the slow work is still running
			tt.step(w)
			bar := w.progress
			if bar == nil {
				t.Fatal("no progress bar while the step runs")
			}
			test.LaidOutObjects(w.root) // rendered, so animating
			if !bar.Running() {
				t.Fatal("the progress bar does not run while the step runs")
			}
			tt.then(w)
			if len(*done) != 0 {
				t.Fatalf("onDone called %v before the step's work ended", *done)
			}
			finish()
			if bar.Running() {
				t.Error("the progress bar still animates after its step")
			}
			if !slices.Equal(*done, tt.wantDone) {
				t.Errorf("onDone calls %v, want %v", *done, tt.wantDone)
			}
		})
	}
}
