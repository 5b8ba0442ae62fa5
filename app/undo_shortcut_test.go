//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The real window's driver delivers Ctrl+Z and Ctrl+Y as fyne.ShortcutUndo
// and fyne.ShortcutRedo, not as custom shortcuts (issue 10): with no entry
// focused they undo and redo the project's last action; a focused entry
// keeps them for its own typing.
func TestDriverUndoRedoShortcuts(t *testing.T) {
	m, _ := newTestWindow(t)
	o := *m.sess.Project().OfficeList()[0]
	old := o.Name
	o.Name = old + " 2"
	if err := m.sess.Commit("rename", m.sess.Project().Put(&o)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name     string
		shortcut fyne.Shortcut
		want     string
	}{
		{"ShortcutUndo", &fyne.ShortcutUndo{}, old},
		{"ShortcutRedo", &fyne.ShortcutRedo{}, o.Name},
	}
	for _, s := range steps {
		typeShortcut(m, s.shortcut)
		if got := m.sess.Project().Offices[o.ID].Name; got != s.want {
			t.Fatalf("%s: office name %q, want %q", s.name, got, s.want)
		}
	}

	// A focused entry undoes its own typing; the project stays as it is.
	e := widget.NewEntry()
	m.win.SetContent(e)
	m.win.Canvas().Focus(e)
	test.Type(e, "abc")
	typeShortcut(m, &fyne.ShortcutUndo{})
	if got := m.sess.Project().Offices[o.ID].Name; got != o.Name {
		t.Errorf("undo in a focused entry undid the project: office name %q", got)
	}
}
