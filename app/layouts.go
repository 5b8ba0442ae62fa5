package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// card frames content on a slightly raised background.
func card(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	return container.NewPadded(container.NewStack(bg, container.NewPadded(content)))
}

// fixedWidth lays its children out at a fixed width and their own height.
type fixedWidth struct{ w float32 }

func (l *fixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(l.w, s.Height))
	}
}

func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

// minWidth lays its children over its whole area and asks for at least w.
type minWidth struct{ w float32 }

func (l *minWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(s)
	}
}

func (l *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.w, 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m.Max(fyne.NewSize(l.w, 0))
}
