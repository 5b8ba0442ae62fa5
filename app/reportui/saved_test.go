package reportui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model/words"
)

// TestSavedWithoutViewer checks what a successful save says when no PDF
// viewer opened the file: a dialog titled "saved", not an error, whose
// button opens the report's folder.
func TestSavedWithoutViewer(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 600))
	defer w.Close()
	path := filepath.Join(t.TempDir(), "report.pdf")
	var opened string
	showSavedNoViewer(w, words.Zh, path, func(dir string) error { opened = dir; return nil })

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var labels []string
	var openButton *widget.Button
	walkObjects(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			labels = append(labels, x.Text)
		case *widget.Button:
			if x.Text == words.Say(words.Zh, "files.report.open_folder") {
				openButton = x
			}
		}
	})
	has := func(s string) bool {
		for _, l := range labels {
			if l == s {
				return true
			}
		}
		return false
	}
	if !has(words.Say(words.Zh, "files.report.saved")) {
		t.Errorf("dialog labels %q: no saved title", labels)
	}
	if has("Error") || has(words.Say(words.Zh, "report.dialog.writing")) {
		t.Errorf("dialog labels %q", labels)
	}
	if openButton == nil {
		t.Fatal("no button opens the folder")
	}
	test.Tap(openButton)
	if opened != filepath.Dir(path) {
		t.Errorf("opened %q, want the report's folder %q", opened, filepath.Dir(path))
	}
}

func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case *widget.PopUp:
		walkObjects(x.Content, f)
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			walkObjects(c, f)
		}
	}
}
