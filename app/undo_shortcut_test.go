//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The real window's driver turns Ctrl+Z and Ctrl+Y into fyne.ShortcutUndo
// and fyne.ShortcutRedo and offers them to the main menu first (issue 10):
// the menu's Undo and Redo carry them, and they undo and redo the project's
// last action, except the typing of a focused field holding unsaved text.
func TestDriverUndoRedoShortcuts(t *testing.T) {
	m, _ := newTestWindow(t)
	if _, ok := m.undo.Shortcut.(*fyne.ShortcutUndo); !ok {
		t.Errorf("the menu's Undo carries %T, want *fyne.ShortcutUndo", m.undo.Shortcut)
	}
	if _, ok := m.redo.Shortcut.(*fyne.ShortcutRedo); !ok {
		t.Errorf("the menu's Redo carries %T, want *fyne.ShortcutRedo", m.redo.Shortcut)
	}
	o := *m.sess.Project().OfficeList()[0]
	old := o.Name
	o.Name = old + " 2"
	if err := m.sess.Commit("rename", m.sess.Project().Put(&o)); err != nil {
		t.Fatal(err)
	}
	name := func() string { return m.sess.Project().Offices[o.ID].Name }
	steps := []struct {
		name string
		run  func()
		want string
	}{
		{"ShortcutUndo on the canvas", func() { typeShortcut(m, &fyne.ShortcutUndo{}) }, old},
		{"ShortcutRedo on the canvas", func() { typeShortcut(m, &fyne.ShortcutRedo{}) }, o.Name},
		{"the menu's Undo", m.undo.Action, old},
		{"the menu's Redo", m.redo.Action, o.Name},
	}
	for _, s := range steps {
		s.run()
		if got := name(); got != s.want {
			t.Fatalf("%s: office name %q, want %q", s.name, got, s.want)
		}
	}

	// A focused field with unsaved typing undoes the typing only.
	e := &typingEntry{}
	e.ExtendBaseWidget(e)
	m.win.SetContent(e)
	m.win.Canvas().Focus(e)
	test.Type(e, "abc")
	m.undo.Action()
	if got := name(); got != o.Name {
		t.Errorf("Ctrl+Z while typing undid the project: office name %q", got)
	}
	if e.Text == "abc" {
		t.Error("Ctrl+Z while typing left the typing")
	}
	// A focused field with nothing unsaved lets the project's undo run.
	e.saved = e.Text
	m.undo.Action()
	if got := name(); got != old {
		t.Errorf("Ctrl+Z in a saved field: office name %q, want %q", got, old)
	}
}

// typingEntry is an entry that knows its saved text, as the editors' are.
type typingEntry struct {
	widget.Entry
	saved string
}

func (e *typingEntry) Unsaved() bool { return e.Text != e.saved }
