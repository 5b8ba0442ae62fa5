package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// escapeFocused makes Esc close the dialog on top (closeTopDialog) while a
// widget in it has the focus. Fyne hands every key to the focused widget
// and a text field, check box or list swallows Esc, so the window's own
// key handler (typedKey) never sees it: the key is taken here, before
// Fyne, from the desktop window's key callback. Any other key, and Esc
// with nothing focused, no dialog on top or a menu open over the dialog,
// goes on to Fyne as before. Call it on the Fyne thread once the window is
// shown. Fyne keeps the desktop window in an unexported field; if a Fyne
// version names it otherwise, nothing is hooked and Esc works as it did
// (with nothing focused only), and the error log says so.
func escapeFocused(w fyne.Window) {
	view := desktopWindow(w)
	if view == nil {
		fyne.LogError("Esc in a focused field cannot close dialogs: no desktop window found", nil)
		return
	}
	var fyneKey glfw.KeyCallback
	fyneKey = view.SetKeyCallback(func(v *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		if key == glfw.KeyEscape && action == glfw.Press && mods == 0 &&
			w.Canvas().Focused() != nil && closeTopDialog(w.Canvas()) {
			return
		}
		if fyneKey != nil {
			fyneKey(v, key, scancode, action, mods)
		}
	})
}

// desktopWindow is the GLFW window behind w, nil when there is none (the
// test driver) or it cannot be found.
func desktopWindow(w fyne.Window) *glfw.Window {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*glfw.Window)(nil)) || f.IsNil() {
		return nil
	}
	return (*glfw.Window)(f.UnsafePointer())
}
