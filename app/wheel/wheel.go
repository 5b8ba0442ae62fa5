// Package wheel makes the mouse wheel scroll a panel anywhere over it.
//
// Fyne sends a wheel event to the innermost scrollable object under the
// pointer, and every Entry holds a scroller of its own: over a form's
// fields the wheel went to the field, which had nothing to scroll, and the
// panel stood still. Over lays a transparent catcher on the panel's
// scroller that takes the wheel and hands it to that scroller; being
// neither tappable nor hoverable, it lets clicks, hovers and typing through
// to the fields below.
package wheel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Over returns scroll with a wheel catcher on top that scrolls it.
func Over(scroll *container.Scroll) fyne.CanvasObject {
	return container.NewStack(scroll, NewCatcher(scroll))
}

// Catcher takes wheel events and gives them to its target.
type Catcher struct {
	widget.BaseWidget
	target fyne.Scrollable
}

// NewCatcher makes a catcher that scrolls target.
func NewCatcher(target fyne.Scrollable) *Catcher {
	c := &Catcher{target: target}
	c.ExtendBaseWidget(c)
	return c
}

// Scrolled hands the wheel to the target.
func (c *Catcher) Scrolled(ev *fyne.ScrollEvent) { c.target.Scrolled(ev) }

// MinSize is nothing: the catcher takes the size of what it covers.
func (c *Catcher) MinSize() fyne.Size { return fyne.Size{} }

// CreateRenderer draws nothing.
func (c *Catcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
