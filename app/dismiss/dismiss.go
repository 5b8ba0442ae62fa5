// Package dismiss marks the button that dismisses a dialog which draws its
// own buttons (dialog.NewCustomWithoutButtons, as the import assistant
// does), so that Esc presses it as it presses Cancel in a dialog's own
// button row (see app.closeTopDialog).
package dismiss

import "fyne.io/fyne/v2/widget"

// Button is a dialog's own dismiss button (取消, 关闭): a plain button
// that Esc presses.
type Button struct{ widget.Button }

// NewButton makes a dismiss button labelled label that calls tapped.
func NewButton(label string, tapped func()) *Button {
	b := &Button{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}
