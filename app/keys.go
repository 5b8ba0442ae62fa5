package app

import (
	"fyne.io/fyne/v2"
)

// typedKey gets the keys no focused widget took: F11 toggles full screen
// for the room, Esc closes the dialog on top, and the rest go to the view
// on screen (the matrix moves its selection with the arrow keys and closes
// its detail panel with Esc, the meeting view moves through its items).
func (m *mainWindow) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF11:
		m.win.SetFullScreen(!m.win.FullScreen())
		return
	case fyne.KeyEscape:
		if closeTopDialog(m.win.Canvas()) {
			return
		}
	}
	if m.tabs == nil {
		return
	}
	if i := m.tabs.SelectedIndex(); i >= 0 && i < len(m.views) {
		if k, ok := m.views[i].(interface{ TypedKey(*fyne.KeyEvent) bool }); ok {
			k.TypedKey(ev)
		}
	}
}

// undoKey is Ctrl+Z (the menu's Undo): it undoes the typing in the focused
// text field while that field holds text not yet stored, and otherwise the
// project's last action. A field stores its text when left, so a user who
// typed and wants it gone gets the field's own undo; once stored, the edit
// is an action like any other. Routing every Ctrl+Z to the field (Fyne's
// default) left the project's undo dead whenever a field had the focus,
// which in a form is nearly always (issue 10).
func (m *mainWindow) undoKey() {
	if !m.typingShortcut(&fyne.ShortcutUndo{}) {
		m.doUndo()
	}
}

// redoKey is Ctrl+Y (the menu's Redo), as undoKey.
func (m *mainWindow) redoKey() {
	if !m.typingShortcut(&fyne.ShortcutRedo{}) {
		m.doRedo()
	}
}

// typingShortcut hands sc to the focused field when it holds unsaved text,
// and reports whether it did.
func (m *mainWindow) typingShortcut(sc fyne.Shortcut) bool {
	f := m.win.Canvas().Focused()
	u, ok := f.(interface{ Unsaved() bool })
	if !ok || !u.Unsaved() {
		return false
	}
	if s, ok := f.(fyne.Shortcutable); ok {
		s.TypedShortcut(sc)
		return true
	}
	return false
}
