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
