package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// settleLayout lays out the tree under o again, top down, until no object
// changes size, the way the desktop driver re-lays out a parent each frame
// once a child's minimum size changed. The software driver of headless
// renders has no such pass, so text that wraps to more lines once it gets
// its width (a finding's reason) would overlap what follows it.
func settleLayout(o fyne.CanvasObject) {
	const maxPasses = 6 // nested wrapping settles in two or three
	for range maxPasses {
		if !layoutPass(o) {
			return
		}
	}
}

// layoutPass lays out o and everything below it once and reports whether
// any object's size changed.
func layoutPass(o fyne.CanvasObject) bool {
	if o == nil || !o.Visible() {
		return false
	}
	var children []fyne.CanvasObject
	before := map[fyne.CanvasObject]fyne.Size{}
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
		for _, ch := range children {
			before[ch] = ch.Size()
		}
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		children = r.Objects()
		for _, ch := range children {
			before[ch] = ch.Size()
		}
		r.Layout(c.Size())
	}
	changed := false
	for _, ch := range children {
		if ch.Size() != before[ch] {
			changed = true
		}
		if layoutPass(ch) {
			changed = true
		}
	}
	return changed
}
