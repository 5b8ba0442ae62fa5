package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapArea makes any content tappable, with a hover highlight and a hand cursor.
type tapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	hover   *canvas.Rectangle
}

func newTapArea(content fyne.CanvasObject, onTap func()) *tapArea {
	t := &tapArea{content: content, onTap: onTap, hover: canvas.NewRectangle(theme.Color(theme.ColorNameHover))}
	t.hover.Hide()
	t.ExtendBaseWidget(t)
	return t
}

func (t *tapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.hover, t.content))
}

// Tapped implements fyne.Tappable.
func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor implements desktop.Cursorable.
func (t *tapArea) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn, MouseMoved and MouseOut implement desktop.Hoverable.
func (t *tapArea) MouseIn(*desktop.MouseEvent) {
	t.hover.FillColor = theme.Color(theme.ColorNameHover)
	t.hover.Show()
	t.hover.Refresh()
}
func (t *tapArea) MouseMoved(*desktop.MouseEvent) {}
func (t *tapArea) MouseOut()                      { t.hover.Hide(); t.hover.Refresh() }
