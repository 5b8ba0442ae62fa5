package wheel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestWheelOverAFieldScrollsThePanel puts entries in a scrolled panel,
// scrolls the wheel over one of them, and checks that the panel scrolled,
// and that a click still reaches what is under the catcher.
func TestWheelOverAFieldScrollsThePanel(t *testing.T) {
	test.NewTempApp(t)
	tapped := false
	box := container.NewVBox(widget.NewButton("top", func() { tapped = true }))
	for i := 0; i < 40; i++ {
		box.Add(widget.NewEntry())
	}
	scroll := container.NewVScroll(box)
	w := test.NewWindow(Over(scroll))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))

	test.TapCanvas(w.Canvas(), fyne.NewPos(100, 15)) // the button
	if !tapped {
		t.Error("a click did not get through the catcher to the button")
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 150), 0, -120) // over an entry
	if scroll.Offset.Y <= 0 {
		t.Fatalf("the wheel over a field did not scroll the panel (offset %v)", scroll.Offset)
	}
}
