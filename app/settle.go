//go:build screenshot || ci

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
	children := childrenOf(o)
	before := make([]fyne.Size, len(children))
	for i, ch := range children {
		before[i] = ch.Size()
	}
	switch c := o.(type) {
	case *fyne.Container:
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
	case fyne.Widget:
		test.WidgetRenderer(c).Layout(c.Size())
	}
	changed := false
	for i, ch := range children {
		if ch.Size() != before[i] {
			changed = true
		}
		if layoutPass(ch) {
			changed = true
		}
	}
	return changed
}
