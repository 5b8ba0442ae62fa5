package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/importui"
)

// The import assistant opened from the File menu speaks the app's language,
// follows a switch made later, and records the author set in Settings.
func TestImportFollowsLanguageAndAuthor(t *testing.T) {
	m, _ := newTestWindow(t)
	m.sess.Author = "李四"
	typeShortcut(m, ctrl(fyne.KeyI))
	if got := importui.Language(); got != "zh" {
		t.Errorf("import language %q, want zh", got)
	}
	if !overlayHasText(m, "导入职责清单") {
		t.Error("the import dialog is not titled in Chinese")
	}
	if got := importui.Author(); got != "李四" {
		t.Errorf("import author %q, want the session's 李四", got)
	}
	m.switchLanguage("en")
	if got := importui.Language(); got != "en" {
		t.Errorf("after switching to English the import language is %q", got)
	}
	m.sess.Author = "Wang Wu"
	if got := importui.Author(); got != "Wang Wu" {
		t.Errorf("after changing the author the import records %q", got)
	}
}

// overlayHasText reports whether a dialog on m's window shows a label with text.
func overlayHasText(m *mainWindow, text string) bool {
	found := false
	for _, o := range m.win.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && l.Text == text {
				found = true
			}
		})
	}
	return found
}
