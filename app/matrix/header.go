package matrix

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/theme"
)

// headerCell is one column header: the group name (on the first column of
// each group), the column title on up to two lines and the sort arrow.
// Tapping it sorts by that column.
type headerCell struct {
	widget.BaseWidget
	col       int
	groupText string // empty except on a group's first column
	group     group
	title     string
	arrow     string // "▲", "▼" or ""
	onTap     func(col int)
	hovered   bool
}

func newHeaderCell(onTap func(int)) *headerCell {
	h := &headerCell{onTap: onTap}
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil && h.col >= 0 {
		h.onTap(h.col)
	}
}

func (h *headerCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (h *headerCell) MouseIn(*desktop.MouseEvent)    { h.hovered = true; h.Refresh() }
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}
func (h *headerCell) MouseOut()                      { h.hovered = false; h.Refresh() }

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	r := &headerRenderer{h: h, bg: canvas.NewRectangle(color.Transparent), edge: canvas.NewRectangle(color.Transparent),
		group: canvas.NewText("", color.Black), line1: canvas.NewText("", color.Black), line2: canvas.NewText("", color.Black),
		arrow: canvas.NewText("", color.Black)}
	r.Refresh()
	return r
}

type headerRenderer struct {
	h                          *headerCell
	bg, edge                   *canvas.Rectangle
	group, line1, line2, arrow *canvas.Text
}

func (r *headerRenderer) Destroy() {}

func (r *headerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.edge, r.group, r.line1, r.line2, r.arrow}
}

func (r *headerRenderer) sizes() (text, small, pad float32) {
	th := r.h.Theme()
	return th.Size(fynetheme.SizeNameText), th.Size(fynetheme.SizeNameCaptionText), th.Size(fynetheme.SizeNameInnerPadding) / 2
}

// MinSize is one line high: the table sizes its data rows to the larger of
// the cell and header templates, so the real header height is set apart
// with SetRowHeight(-1, headerHeight()).
func (r *headerRenderer) MinSize() fyne.Size {
	text, _, pad := r.sizes()
	return fyne.NewSize(pad*4, fyne.MeasureText(lineProbe, text, fyne.TextStyle{}).Height)
}

// headerHeight is the height of the header row: the group line and two title lines.
func headerHeight(th fyne.Theme) float32 {
	text, small := th.Size(fynetheme.SizeNameText), th.Size(fynetheme.SizeNameCaptionText)
	pad := th.Size(fynetheme.SizeNameInnerPadding) / 2
	lh := fyne.MeasureText(lineProbe, text, fyne.TextStyle{Bold: true}).Height
	sh := fyne.MeasureText(lineProbe, small, fyne.TextStyle{}).Height
	return sh + 2*lh + pad*2
}

func (r *headerRenderer) Layout(size fyne.Size) {
	text, small, pad := r.sizes()
	bold := fyne.TextStyle{Bold: true}
	r.bg.Resize(size)
	r.edge.Resize(fyne.NewSize(2, size.Height))
	sh := fyne.MeasureText(lineProbe, small, fyne.TextStyle{}).Height
	lh := fyne.MeasureText(lineProbe, text, bold).Height

	r.group.TextSize = small
	r.group.Text = fit(r.h.groupText, size.Width-2*pad, small, fyne.TextStyle{})
	r.group.Move(fyne.NewPos(pad+2, pad/2))

	arrowW := float32(0)
	if r.h.arrow != "" {
		r.arrow.TextSize = text
		r.arrow.Text = r.h.arrow
		arrowW = fyne.MeasureText(r.h.arrow, text, fyne.TextStyle{}).Width + pad/2
		r.arrow.Move(fyne.NewPos(size.Width-pad-arrowW+pad/2, pad/2+sh+lh/2))
	} else {
		r.arrow.Text = ""
	}
	avail := size.Width - 2*pad - arrowW
	first, rest := split(r.h.title, avail, text, bold)
	r.line1.TextSize, r.line2.TextSize = text, text
	r.line1.TextStyle, r.line2.TextStyle = bold, bold
	r.line1.Text = first
	r.line2.Text = fit(rest, avail, text, bold)
	r.line1.Move(fyne.NewPos(pad, pad/2+sh))
	r.line2.Move(fyne.NewPos(pad, pad/2+sh+lh))
	for _, t := range []*canvas.Text{r.group, r.line1, r.line2, r.arrow} {
		t.Resize(fyne.MeasureText(t.Text, t.TextSize, t.TextStyle))
	}
}

func (r *headerRenderer) Refresh() {
	th := r.h.Theme()
	v := theme.CurrentVariant()
	r.bg.FillColor = groupColor(r.h.group, v)
	if r.h.hovered {
		r.bg.FillColor = th.Color(fynetheme.ColorNameHover, v)
	}
	r.edge.FillColor = color.Transparent
	if r.h.groupText != "" {
		r.edge.FillColor = th.Color(fynetheme.ColorNamePrimary, v)
	}
	fg := th.Color(fynetheme.ColorNameForeground, v)
	for _, t := range []*canvas.Text{r.line1, r.line2, r.arrow} {
		t.Color = fg
	}
	r.group.Color = th.Color(fynetheme.ColorNamePrimary, v)
	r.Layout(r.h.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// split breaks text into the longest first line that fits in w and the rest.
func split(text string, w, size float32, style fyne.TextStyle) (string, string) {
	rs := []rune(text)
	if fyne.MeasureText(text, size, style).Width <= w {
		return text, ""
	}
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid]), size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	// Between words when there are any (English titles), not inside one.
	if sp := strings.LastIndex(string(rs[:lo]), " "); sp > 0 && lo < len(rs) && rs[lo] != ' ' {
		return string(rs[:lo])[:sp], strings.TrimLeft(string(rs[:lo])[sp:]+string(rs[lo:]), " ")
	}
	// A Chinese title leaves no single character alone on the second line
	// ("一票|否决", not "一票否|决").
	if len(rs)-lo == 1 && lo >= 3 && rs[lo] > unicode.MaxLatin1 {
		lo--
	}
	return string(rs[:lo]), strings.TrimLeft(string(rs[lo:]), " ")
}

// groupColor gives each column group a faint tint so the groups read apart.
func groupColor(g group, v fyne.ThemeVariant) color.Color {
	dark := v == fynetheme.VariantDark
	tints := map[group][2]color.NRGBA{
		groupItem:     {{0xEC, 0xEF, 0xF3, 0xFF}, {0x2A, 0x2E, 0x35, 0xFF}},
		groupDuty:     {{0xF6, 0xEC, 0xE4, 0xFF}, {0x3A, 0x2F, 0x29, 0xFF}},
		groupPower:    {{0xE6, 0xEE, 0xF8, 0xFF}, {0x26, 0x31, 0x40, 0xFF}},
		groupResource: {{0xE8, 0xF4, 0xE8, 0xFF}, {0x27, 0x38, 0x2A, 0xFF}},
		groupBurden:   {{0xF3, 0xEB, 0xF6, 0xFF}, {0x35, 0x2A, 0x3A, 0xFF}},
		groupResult:   {{0xF2, 0xF2, 0xF2, 0xFF}, {0x33, 0x33, 0x33, 0xFF}},
	}
	t := tints[g]
	if dark {
		return t[1]
	}
	return t[0]
}

// wordWidth is the width a header needs so that no Latin word of title is
// broken across its two lines ("Incidents", not "Inciden|ts"). Chinese
// titles break anywhere and need nothing extra.
func wordWidth(title string, th fyne.Theme) float32 {
	text := th.Size(fynetheme.SizeNameText)
	pad := th.Size(fynetheme.SizeNameInnerPadding) / 2
	var w float32
	for _, word := range strings.Fields(title) {
		latin := true
		for _, r := range word {
			if r > unicode.MaxLatin1 {
				latin = false
				break
			}
		}
		if latin {
			w = max(w, fyne.MeasureText(word, text, fyne.TextStyle{Bold: true}).Width)
		}
	}
	if w == 0 {
		return 0
	}
	arrow := fyne.MeasureText("▲", text, fyne.TextStyle{}).Width
	return w + 2*pad + arrow + pad/2 + 1
}
