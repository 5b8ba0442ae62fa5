//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"rpbmatrix/app/meeting"
)

// F11 toggles full screen; Esc closes the dialog on top; the keys no
// widget took reach the view on screen (the meeting view).
func TestWindowKeys(t *testing.T) {
	m, _ := newTestWindow(t)
	key := func(k fyne.KeyName) { m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyF11)
	if !m.win.FullScreen() {
		t.Error("F11 did not go full screen")
	}
	key(fyne.KeyF11)
	if m.win.FullScreen() {
		t.Error("F11 again did not leave full screen")
	}
	dialog.ShowInformation("x", "y", m.win)
	if m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	key(fyne.KeyEscape)
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the dialog")
	}
	m.tabs.SelectIndex(tabMeeting)
	mv := m.views[tabMeeting].(*meeting.View)
	first := mv.Current()
	key(fyne.KeyPageDown)
	if len(mv.Items()) > 1 && mv.Current() == first {
		t.Error("PageDown did not reach the meeting view")
	}
}
