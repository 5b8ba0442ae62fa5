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

// heightFor is the height the objects need in width.
func (l *flowLayout) heightFor(objects []fyne.CanvasObject, width float32) float32 {
	return l.place(objects, width, false).Height
}

// MinSize is as narrow as the widest item, so the legend never decides the
// window's width (the width it last had would keep the window from
// shrinking), and as high as the lines it needs in that last width: one
// line until the width is known.
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		if o.Visible() {
			m := o.MinSize()
			w, h = max(w, m.Width), max(h, m.Height)
		}
	}
	if l.width > 0 {
		h = l.place(objects, l.width, false).Height
	}
	return fyne.NewSize(w, h)
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

// viewLayout stacks the matrix view: filters on top, the legend at the
// bottom at the height its flow needs for the width actually given (a
// Border would use the legend's minimum size from the previous width), and
// the table with its panel in between.
type viewLayout struct {
	top, body *fyne.Container
	legend    *fyne.Container // laid out by a *flowLayout
}

func (l *viewLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := fynetheme.Padding()
	// The filter bar's height depends on the width: lay it out at this
	// width first, then ask.
	l.top.Resize(fyne.NewSize(size.Width, l.top.MinSize().Height))
	topH := l.top.MinSize().Height
	legendH := l.legend.Layout.(*flowLayout).heightFor(l.legend.Objects, size.Width)
	l.top.Move(fyne.NewPos(0, 0))
	l.top.Resize(fyne.NewSize(size.Width, topH))
	l.legend.Move(fyne.NewPos(0, size.Height-legendH))
	l.legend.Resize(fyne.NewSize(size.Width, legendH))
	l.body.Move(fyne.NewPos(0, topH+pad))
	l.body.Resize(fyne.NewSize(size.Width, max(0, size.Height-topH-legendH-2*pad)))
}

func (l *viewLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	pad := fynetheme.Padding()
	t, b, g := l.top.MinSize(), l.body.MinSize(), l.legend.MinSize()
	return fyne.NewSize(max(t.Width, b.Width, g.Width), t.Height+b.Height+g.Height+2*pad)
}
