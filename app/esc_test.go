//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/dismiss"
)

// TestEscClosesDialogs checks that Esc, which no focused widget takes,
// closes the dialog on top as its dismiss button would, and leaves a
// progress dialog (no dismiss button) alone.
func TestEscClosesDialogs(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("window"))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	// As the window's key handler (typedKey) does.
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			closeTopDialog(w.Canvas())
		}
	})

	answered, answer := false, true
	dialog.NewConfirm("Delete?", "Really?", func(ok bool) { answered, answer = true, ok }, w).Show()
	pressEsc(w)
	if !answered || answer {
		t.Errorf("Esc on a confirmation: answered %v, yes %v; want a no", answered, answer)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still shown after Esc: %T", top)
	}

	closed := false
	info := dialog.NewInformation("Saved", "The report was saved.", w)
	info.SetOnClosed(func() { closed = true })
	info.Show()
	pressEsc(w)
	if !closed {
		t.Error("Esc did not close a message")
	}

	// A dialog that draws its own buttons (the import assistant) is
	// dismissed by its dismiss.Button, not by the first button it shows.
	own, pressed := false, ""
	var custom *dialog.CustomDialog
	custom = dialog.NewCustomWithoutButtons("Import", container.NewVBox(
		widget.NewButton("Add files", func() { pressed = "add" }),
		container.NewHBox(dismiss.NewButton("Close", func() { pressed = "close"; custom.Hide() }),
			widget.NewButton("Next", func() { pressed = "next" }))), w)
	custom.SetOnClosed(func() { own = true })
	custom.Show()
	pressEsc(w)
	if !own || pressed != "close" {
		t.Errorf("Esc on a dialog with its own buttons: closed %v, pressed %q; want its dismiss button", own, pressed)
	}

	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons("Opening", bar, w)
	busy.Show()
	defer bar.Stop()
	pressEsc(w)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Esc closed a progress dialog")
	}
}

// pressEsc types Esc with no widget focused: the canvas's handler gets it.
func pressEsc(w fyne.Window) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// The test driver has no desktop window: Esc in a focused field is then
// left to the widget, without a panic.
func TestDesktopWindowOfTestDriver(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewEntry())
	defer w.Close()
	if desktopWindow(w) != nil {
		t.Error("a desktop window found in the test driver")
	}
	escapeFocused(w) // logs, hooks nothing
}
