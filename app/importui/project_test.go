//go:build ci

package importui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/sheet"
)

// button is the button of the current step labelled text, or nil.
func button(w *wizard, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(w.root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// hasLabel reports whether the current step shows a label starting with text.
func hasLabel(w *wizard, text string) bool {
	for _, o := range test.LaidOutObjects(w.root) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, text) {
			return true
		}
	}
	return false
}

// tap taps the button labelled by key, failing when the step has none.
func tap(t *testing.T, w *wizard, key string) {
	t.Helper()
	b := button(w, words.T(key))
	if b == nil {
		t.Fatalf("no %q button in this step", words.T(key))
	}
	test.Tap(b)
}

// exportDemo writes the demo project as the matrix workbook and returns its path.
func exportDemo(t *testing.T) (string, *model.Project) {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteXLSX(f, p, model.Analyze(p), "", words.Zh); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, p
}

// A workbook exported by RPB Matrix is offered as a whole project, and
// imported whole: every record comes back, once, under its own identity.
func TestWizardImportsExportedWorkbookWhole(t *testing.T) {
	for _, lang := range []string{words.Zh, words.En} {
		t.Run(lang, func(t *testing.T) {
			words.Use(lang)
			path, p := exportDemo(t)
			w, st, done := newTestWizard(t)
			w.paths = []string{path}
			w.showFiles()
			tap(t, w, "importui.next")
			if w.whole == nil || button(w, words.T("importui.project.as_lists")) == nil {
				t.Fatal("the exported workbook is not offered as a whole project")
			}
			if len(st.Project().Duties) != 0 {
				t.Fatal("reading wrote to the project")
			}
			tap(t, w, "importui.project.import")
			got := st.Project()
			counts := func(p *model.Project) [5]int {
				return [5]int{len(p.Offices), len(p.Duties), len(p.Authorities), len(p.Assessments), len(p.Decisions)}
			}
			if counts(got) != counts(p) || !w.changed {
				t.Fatalf("imported %v, exported %v, changed %v; %q", counts(got), counts(p), w.changed, labels(w))
			}
			for id := range p.Duties {
				if got.Duties[id] == nil {
					t.Fatalf("duty %v lost its identity", id)
				}
			}
			_, added, _, _ := sheet.MergeChanges(model.NewProject("", "", ""), p, false)
			if !hasLabel(w, words.T("importui.project.imported", "added", added, "replaced", 0, "kept", 0)) {
				t.Errorf("the result (%d records added) is not reported in the assistant's words", added)
			}
			tap(t, w, "importui.done")
			if len(*done) != 1 || !(*done)[0] {
				t.Errorf("onDone calls %v, want [true]", *done)
			}

			// Again, duplicates skipped: everything is kept, nothing written.
			w2, _, _ := newTestWizard(t)
			w2.st = st
			w2.paths = []string{path}
			w2.readFiles()
			tap(t, w2, "importui.project.import")
			if counts(st.Project()) != counts(p) || w2.changed {
				t.Errorf("a second import changed the project: %v, changed %v", counts(st.Project()), w2.changed)
			}
		})
	}
}

// Read as lists, the exported workbook goes the ordinary way: the mapping step.
func TestWizardReadsExportedWorkbookAsLists(t *testing.T) {
	words.Use(words.En)
	path, _ := exportDemo(t)
	w, _, _ := newTestWizard(t)
	w.paths = []string{path}
	w.readFiles()
	tap(t, w, "importui.project.as_lists")
	if len(w.sources) == 0 || button(w, words.T("importui.mapping.check")) == nil {
		t.Fatalf("%d sources; not at the mapping step", len(w.sources))
	}
}

// labels lists the texts of the current step's labels, for failure messages.
func labels(w *wizard) []string {
	var out []string
	for _, o := range test.LaidOutObjects(w.root) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}
