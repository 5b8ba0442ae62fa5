//go:build screenshot || ci

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// hideClippedOut hides, until the returned restore runs, every scrolling
// object (an entry's text, a nested scroll) that reaches outside the scroll
// it sits in. Fyne's software painter clips such an object to its own area
// instead of to the intersection with its parent's, so an entry scrolled out
// of the detail panel was drawn below it, over the legend; the desktop
// painter clips correctly and needs none of this.
func hideClippedOut(c fyne.Canvas) (restore func()) {
	var hidden []fyne.CanvasObject
	var visit func(o fyne.CanvasObject, at fyne.Position, clip rect)
	visit = func(o fyne.CanvasObject, at fyne.Position, clip rect) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		if clips(o) {
			own := rect{pos, pos.Add(fyne.NewPos(o.Size().Width, o.Size().Height))}
			if !clip.contains(own) {
				o.Hide()
				hidden = append(hidden, o)
				return
			}
			clip = own
		}
		for _, ch := range childrenOf(o) {
			visit(ch, pos, clip)
		}
	}
	all := rect{max: fyne.NewPos(c.Size().Width, c.Size().Height)}
	visit(c.Content(), fyne.Position{}, all)
	for _, o := range c.Overlays().List() {
		visit(o, fyne.Position{}, all)
	}
	return func() {
		for _, o := range hidden {
			o.Show()
		}
	}
}

type rect struct{ min, max fyne.Position }

// contains reports whether r holds s, give or take half a pixel.
func (r rect) contains(s rect) bool {
	const slack = 0.5
	return s.min.X >= r.min.X-slack && s.min.Y >= r.min.Y-slack &&
		s.max.X <= r.max.X+slack && s.max.Y <= r.max.Y+slack
}

// clips reports whether the painters clip o's children to o, as Fyne's
// driver decides it: scrollables and widgets whose renderer says so.
func clips(o fyne.CanvasObject) bool {
	if _, ok := o.(fyne.Scrollable); ok {
		return true
	}
	w, ok := o.(fyne.Widget)
	if !ok {
		return false
	}
	_, clip := test.WidgetRenderer(w).(interface{ IsClip() })
	return clip
}

func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case fyne.Widget:
		return test.WidgetRenderer(c).Objects()
	}
	return nil
}
