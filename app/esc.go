package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/dismiss"
)

// closeTopDialog closes the dialog on top of the canvas as its dismiss
// button would (Cancel, No, OK of a message; in a dialog that draws its
// own buttons, its dismiss.Button), so that its callback runs as for a
// click. Fyne's dialogs do not close on Esc by themselves. A dialog with
// no dismiss button (a progress bar) stays. It reports whether it closed one.
func closeTopDialog(c fyne.Canvas) bool {
	top, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok || top == nil || !top.Visible() {
		return false
	}
	box, ok := top.Content.(*fyne.Container)
	// Fyne's dialogs lay out image, background, content, buttons, title.
	if !ok || len(box.Objects) != 5 {
		return false
	}
	if b := dismissButton(box.Objects[3]); b != nil {
		b.Tapped(&fyne.PointEvent{})
		return true
	}
	if b := ownDismissButton(box.Objects[2]); b != nil {
		b.Tapped(&fyne.PointEvent{})
		return true
	}
	return false
}

// ownDismissButton is the dismiss.Button in a dialog's content, found
// through its containers (a bar of buttons is not inside a widget).
func ownDismissButton(o fyne.CanvasObject) *dismiss.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case *dismiss.Button:
		if !x.Disabled() {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := ownDismissButton(c); b != nil {
				return b
			}
		}
	}
	return nil
}

// dismissButton is the first button of a dialog's button row that does
// not confirm (the confirming one is drawn high-importance).
func dismissButton(row fyne.CanvasObject) *widget.Button {
	var found *widget.Button
	var look func(o fyne.CanvasObject)
	look = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Importance != widget.HighImportance && !x.Disabled() {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				look(c)
			}
		}
	}
	look(row)
	return found
}
