package matrix

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/theme"
)

// lineProbe is measured for the height of a line of text: a CJK glyph,
// the tallest kind a cell shows. It is never drawn.
const lineProbe = "\u56fd"

// stripeWidth is the severity stripe at the leading edge of the duty cell.
const stripeWidth = 6

// cell draws one matrix cell: a fill, an optional severity stripe and one
// line of text, cut with an ellipsis when it does not fit. It is lighter
// than a Label because thousands of rows scroll through a few dozen of them.
type cell struct {
	widget.BaseWidget
	content cellContent
	// drawnWith is the text size and variant of the last refresh: a cell
	// parked in the table's pool while the theme changed must redraw even
	// when it shows the same content again.
	drawnWith cellStyle
}

type cellStyle struct {
	textSize float32
	variant  fyne.ThemeVariant
}

// currentStyle is the text size and variant the cell should draw with now.
func (c *cell) currentStyle() cellStyle {
	return cellStyle{c.Theme().Size(fynetheme.SizeNameText), theme.CurrentVariant()}
}

func newCell() *cell {
	c := &cell{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cell) set(content cellContent) {
	if c.content == content && c.drawnWith == c.currentStyle() {
		return
	}
	c.content = content
	c.Refresh()
}

func (c *cell) CreateRenderer() fyne.WidgetRenderer {
	r := &cellRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), stripe: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText("", color.Black), mark: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type cellRenderer struct {
	c      *cell
	bg     *canvas.Rectangle
	stripe *canvas.Rectangle
	text   *canvas.Text
	mark   *canvas.Rectangle // selection overlay
}

func (r *cellRenderer) Destroy() {}

func (r *cellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.mark, r.text}
}

func (r *cellRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	pad := th.Size(fynetheme.SizeNameInnerPadding)
	h := fyne.MeasureText(lineProbe, th.Size(fynetheme.SizeNameText), fyne.TextStyle{}).Height
	return fyne.NewSize(pad*2, h+pad)
}

func (r *cellRenderer) Layout(size fyne.Size) {
	th := r.c.Theme()
	pad := th.Size(fynetheme.SizeNameInnerPadding) / 2
	r.bg.Resize(size)
	r.mark.Resize(size)
	lead := pad
	if r.c.content.stripe > 0 {
		r.stripe.Resize(fyne.NewSize(stripeWidth, size.Height))
		lead += stripeWidth
	} else {
		r.stripe.Resize(fyne.NewSize(0, 0))
	}
	avail := size.Width - lead - pad
	r.text.Text = fit(r.c.content.text, avail, r.text.TextSize, r.text.TextStyle)
	ts := fyne.MeasureText(r.text.Text, r.text.TextSize, r.text.TextStyle)
	x := lead
	switch r.c.content.align {
	case fyne.TextAlignCenter:
		x = lead + (avail-ts.Width)/2
	case fyne.TextAlignTrailing:
		x = lead + avail - ts.Width
	}
	r.text.Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *cellRenderer) Refresh() {
	th := r.c.Theme()
	r.c.drawnWith = r.c.currentStyle()
	v := r.c.drawnWith.variant
	content := r.c.content
	r.text.TextSize = r.c.drawnWith.textSize
	r.text.TextStyle = fyne.TextStyle{Bold: content.isMark}
	switch {
	case content.isMark:
		r.bg.FillColor = theme.MarkColor(content.mark, v)
		r.text.Color = theme.TextOn(r.bg.FillColor)
	case content.sev > 0:
		r.bg.FillColor = theme.SeverityColor(content.sev, v)
		r.text.Color = theme.TextOn(r.bg.FillColor)
	default:
		r.bg.FillColor = color.Transparent
		r.text.Color = th.Color(fynetheme.ColorNameForeground, v)
	}
	r.stripe.FillColor = color.Transparent
	if content.stripe > 0 {
		r.stripe.FillColor = theme.SeverityColor(content.stripe, v)
	}
	r.mark.FillColor, r.mark.StrokeWidth = color.Transparent, 0
	if content.selected {
		r.mark.FillColor = th.Color(fynetheme.ColorNameSelection, v)
		r.mark.StrokeColor = th.Color(fynetheme.ColorNamePrimary, v)
		r.mark.StrokeWidth = 1
	}
	r.Layout(r.c.Size())
	r.mark.Refresh()
	r.bg.Refresh()
	r.stripe.Refresh()
	r.text.Refresh()
}

// fit cuts text to width w, ending it with an ellipsis when it was cut.
func fit(text string, w, size float32, style fyne.TextStyle) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= w {
		return text
	}
	rs := []rune(text)
	lo, hi := 0, len(rs) // longest prefix that fits with the ellipsis, by bisection
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(rs[:lo]) + "…"
}
