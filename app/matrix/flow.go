package matrix

import (
	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// flowLayout places objects left to right and wraps to a new line when the
// width runs out, so the legend stays whole on a narrow window or at a
// projector's text size instead of pushing the window wider. Its height
// follows the width it was last given; Fyne re-lays out the parent when a
// minimum size changes, as it does for wrapped labels.
type flowLayout struct {
	width float32 // width of the last Layout, 0 before the first
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if l.width <= 0 {
		return l.place(objects, 0, false) // one line until the width is known
	}
	return l.place(objects, l.width, false)
}

// place lays objects out in width (0: unlimited), moving them when move is
// set, and returns the size they take.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) fyne.Size {
	pad := fynetheme.Padding()
	var x, y, lineH, maxW float32
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && width > 0 && x+m.Width > width {
			x, y, lineH = 0, y+lineH+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		lineH = max(lineH, m.Height)
		maxW = max(maxW, x-pad)
	}
	if width > 0 {
		return fyne.NewSize(min(maxW, width), y+lineH)
	}
	return fyne.NewSize(maxW, y+lineH)
}
