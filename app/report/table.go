package report

import (
	"image/color"
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/app/linebreak"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// column is one column of a table.
type column struct {
	title    string
	width    float64
	align    int  // gopdf.Left, gopdf.Center or gopdf.Right
	vertical bool // a narrow column whose title is set vertically (columnHeader)
}

// cell is one table cell. Text is wrapped to the column width and never cut.
type cell struct {
	text  string
	fill  *color.NRGBA
	bold  bool
	align int // 0: the column's
	size  float64
	color *color.NRGBA
	bar   float64 // 0–1: a bar of this share of the cell, the text printed after it
	isBar bool
	// breaks, when not nil, are where text may break, found ahead (ahead.go).
	breaks *linebreak.Breaks
}

// table draws rows with thin rules, wrapping text, and repeats its header
// (and whatever pageTop draws, e.g. a legend) on every page it spans.
type table struct {
	d       *doc
	x       float64
	cols    []column
	st      style
	pad     float64
	header  func(y float64) float64 // draws the header row at y and returns its height; nil: column titles
	pageTop func()                  // drawn at the top of every page before the header
	// caption is the table's heading, printed with （续） above the header
	// on every page the table continues on (when pageTop does not draw its own).
	caption  string
	started  bool
	minLines int
	// ruled makes the table draw its column rules once per page, from its
	// header to its last row there, and one rule under each row, instead of
	// a box around every cell: the same lines in a tenth of the drawing
	// operations for a table of thousands of rows. Such a table is ended
	// with end.
	ruled  bool
	segTop float64    // where the rows of the table begin on this page
	heads  [][]string // the column titles wrapped (headerLines)
	// tail is the height that must follow the next row on its page, set by
	// last for the table's last row.
	tail float64
}

// last says that the next row is the table's last and that h points must
// follow it on its page (a signature block): when they do not fit below
// it, the row moves to the next page with them rather than leave them
// alone there. Nothing moves when the row and h would not fit on one page.
func (t *table) last(h float64) { t.tail = h }

func newTable(d *doc, cols []column, st style) *table {
	return &table{d: d, x: d.margin, cols: cols, st: st, pad: 2.5}
}

func (t *table) totalWidth() float64 {
	var w float64
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// headerLines are the column titles wrapped, worked out once for every
// page the table spans.
func (t *table) headerLines() [][]string {
	if t.heads == nil {
		st := t.st.emph()
		t.heads = make([][]string, len(t.cols))
		for i, c := range t.cols {
			t.heads[i] = t.d.wrap(c.title, c.width-2*t.pad, st)
		}
	}
	return t.heads
}

// headerHeight measures the default header.
func (t *table) headerHeight() float64 {
	lines := 1
	for _, l := range t.headerLines() {
		lines = max(lines, len(l))
	}
	return float64(lines)*lineHeight(t.st.emph()) + 2*t.pad
}

func (t *table) drawHeader() {
	d := t.d
	if t.header != nil {
		d.y += t.header(d.y)
		return
	}
	h := t.headerHeight()
	st := t.st.emph()
	x := t.x
	for i, c := range t.cols {
		d.fillRect(x, d.y, c.width, h, palette.Header)
		lines := t.headerLines()[i]
		ly := d.y + (h-float64(len(lines))*lineHeight(st))/2
		for _, l := range lines {
			d.text(x+t.pad, ly, c.width-2*t.pad, lineHeight(st), l, st.with(gopdf.Center))
			ly += lineHeight(st)
		}
		d.strokeRect(x, d.y, c.width, h, 0.4, ruleGrey)
		x += c.width
	}
	d.y += h
}

// begin draws the page top and the header where the table starts.
func (t *table) begin(minRow float64) {
	d := t.d
	if !d.fits(t.headRoom() + minRow) {
		t.top(true)
	} else {
		t.top(false)
	}
	t.started = true
}

// top draws the page top and the header; on a page the table continues
// on, its caption with （续）.
func (t *table) top(continued bool) {
	switch {
	case t.pageTop != nil:
		t.pageTop()
	case continued && t.caption != "":
		t.captionAt(words.Say(t.d.lang, "report.continued", "title", t.caption))
	}
	t.drawHeader()
	t.segTop = t.d.y
}

// captionAt prints a caption above the table, from its left edge to the
// right margin (a table in a page's right column keeps its caption there).
func (t *table) captionAt(s string) {
	d := t.d
	d.text(t.x, d.y, d.margin+d.width()-t.x, 14, s, head2)
	d.y += tableCaptionHeight
}

// tableCaptionHeight is what a caption above a table takes.
const tableCaptionHeight = 18.0

// nextPage continues the table on a new page.
func (t *table) nextPage() {
	t.columnRules()
	t.d.newPage(t.d.running)
	t.top(true)
}

// end draws what a ruled table leaves for its end: the column rules of its
// last page.
func (t *table) end() { t.columnRules() }

// columnRules draws a ruled table's column rules on this page.
func (t *table) columnRules() {
	d := t.d
	if !t.ruled || !t.started || d.y <= t.segTop {
		return
	}
	d.pdf.SetLineWidth(0.3)
	d.pdf.SetStrokeColor(ruleGrey.R, ruleGrey.G, ruleGrey.B)
	x := t.x
	d.pdf.Line(x, t.segTop, x, d.y)
	for _, c := range t.cols {
		x += c.width
		d.pdf.Line(x, t.segTop, x, d.y)
	}
	t.segTop = d.y
}

// breakIfNeeded moves to a new page, repeating the header, when h does not fit.
// tail more must follow the row on its page.
func (t *table) breakIfNeeded(h, tail float64) {
	if !t.started {
		// Keep the header with at least a few lines of the first row (all
		// of a last one, with what must follow it).
		first := math.Min(h, 3*lineHeight(t.st)+2*t.pad)
		if tail > 0 {
			first = h + tail
		}
		t.begin(first)
	}
	if t.d.y+h+tail > t.d.bottom {
		t.nextPage()
	}
}

// tailFor is how much of t.tail a row of height h can keep with it: all of
// it when the row, the tail, the header and a continued caption fit on a
// page, else none.
func (t *table) tailFor(h float64) float64 {
	tail := t.tail
	t.tail = 0
	head := t.headRoom()
	if t.header == nil {
		head += tableCaptionHeight // a continued caption
	}
	if tail <= 0 || h+tail+head > t.d.bottom-t.d.top {
		return 0
	}
	return tail
}

// laidRow is a row wrapped to its columns, with its height: a block is
// laid out once, measured (keepTogether) and then drawn from the same lines.
type laidRow struct {
	cells   []cell
	wrapped [][]string
	lines   int
	h       float64
}

// layout wraps a row; its height follows the cell with the most lines.
func (t *table) layout(cells []cell) laidRow {
	d := t.d
	wrapped := make([][]string, len(cells))
	lines := 1
	for i, c := range cells {
		st := t.cellStyle(c)
		if c.breaks != nil && c.breaks.Text() == c.text {
			wrapped[i] = c.breaks.Wrap(t.cols[i].width-2*t.pad, d.advanceOf(c.text, st))
		} else {
			wrapped[i] = d.wrap(c.text, t.cols[i].width-2*t.pad, st)
		}
		if len(wrapped[i]) > lines {
			lines = len(wrapped[i])
		}
	}
	if lines < t.minLines {
		lines = t.minLines
	}
	return laidRow{cells: cells, wrapped: wrapped, lines: lines, h: float64(lines)*lineHeight(t.st) + 2*t.pad}
}

// height is what the table takes with these rows when it is not split:
// its header (unless already drawn) and the rows.
func (t *table) height(rows []laidRow) float64 {
	var h float64
	if !t.started {
		h = t.headRoom()
	}
	for _, r := range rows {
		h += r.h
	}
	return h
}

// headRoom is the height of the header row (a custom header: the room begin keeps for it).
func (t *table) headRoom() float64 {
	if t.header != nil {
		return 60
	}
	return t.headerHeight()
}

// drawEnding draws laid-out rows, the last keeping tail points below it (last).
func (t *table) drawEnding(rows []laidRow, tail float64) {
	for i, r := range rows {
		if i == len(rows)-1 {
			t.last(tail)
		}
		t.draw(r)
	}
}

// row draws one row.
func (t *table) row(cells []cell) { t.draw(t.layout(cells)) }

// draw draws a laid-out row, breaking the page before it when it does not fit.
func (t *table) draw(r laidRow) {
	d := t.d
	lh := lineHeight(t.st)
	cells, wrapped, lines, h := r.cells, r.wrapped, r.lines, r.h
	t.breakIfNeeded(h, t.tailFor(h))
	if d.y+h <= d.bottom {
		t.drawLines(cells, wrapped, 0, lines, lines)
		return
	}
	// Taller than a page: continue the row on the next pages, header repeated.
	for from := 0; from < lines; {
		room := int((d.bottom - d.y - 2*t.pad) / lh)
		if room < 1 {
			room = 1
		}
		to := from + room
		if to > lines {
			to = lines
		}
		t.drawLines(cells, wrapped, from, to, lines)
		if from = to; from < lines {
			t.nextPage()
		}
	}
}

// drawLines draws lines [from, to) of a row of lines lines at the cursor and
// moves the cursor below them. A whole row centres short cells vertically.
func (t *table) drawLines(cells []cell, wrapped [][]string, from, to, lines int) {
	d := t.d
	lh := lineHeight(t.st)
	h := float64(to-from)*lh + 2*t.pad
	whole := from == 0 && to == lines
	x := t.x
	for i, c := range cells {
		w := t.cols[i].width
		if c.fill != nil {
			d.fillRect(x, d.y, w, h, *c.fill)
		}
		st := t.cellStyle(c)
		if c.align == 0 {
			st.align = t.cols[i].align
		}
		if c.isBar {
			if whole || from == 0 {
				t.drawBar(x, w, h, c, st)
			}
			x += w
			continue
		}
		ly := d.y + t.pad
		if whole && len(wrapped[i]) == 1 {
			ly += float64(lines-1) * lh / 2 // a single line sits in the middle
		}
		for j, l := range wrapped[i] {
			if j < from || j >= to {
				continue
			}
			d.text(x+t.pad, ly, w-2*t.pad, lh, l, st)
			ly += lh
		}
		x += w
	}
	t.gridRow(h)
	d.y += h
}

func (t *table) cellStyle(c cell) style {
	st := t.st
	st.bold = st.bold || c.bold
	if c.size > 0 {
		st.size = c.size
	}
	if c.color != nil {
		st.color = *c.color
	}
	if c.align != 0 {
		st.align = c.align
	}
	return st
}

// gridRow draws the rules around a row of height h at the cursor (a ruled
// table: the rule under it).
func (t *table) gridRow(h float64) {
	d := t.d
	if t.ruled {
		d.rule(t.x, d.y+h, t.x+t.totalWidth(), d.y+h, 0.3, ruleGrey)
		return
	}
	x := t.x
	for _, c := range t.cols {
		d.strokeRect(x, d.y, c.width, h, 0.3, ruleGrey)
		x += c.width
	}
}

// group draws a row spanning the table, e.g. a list-kind heading.
func (t *table) group(text string) {
	d := t.d
	st := t.st.emph()
	h := lineHeight(st) + 2*t.pad
	t.breakIfNeeded(h+lineHeight(t.st)+2*t.pad, 0) // never strand a group row at a page foot
	w := t.totalWidth()
	t.columnRules() // a ruled table's column rules stop above the group row
	d.fillRect(t.x, d.y, w, h, palette.Group)
	d.strokeRect(t.x, d.y, w, h, 0.3, ruleGrey)
	d.text(t.x+t.pad, d.y+t.pad, w-2*t.pad, lineHeight(st), text, st)
	d.y += h
	t.segTop = d.y
}

// drawBar fills a share of the cell and prints the value at its right end.
func (t *table) drawBar(x, w, h float64, c cell, st style) {
	d := t.d
	textW := d.measure(c.text, st) + 4
	plot := w - 2*t.pad - textW
	bw := plot * c.bar
	if bw > 0 {
		d.fillRect(x+t.pad, d.y+t.pad+1, bw, h-2*t.pad-2, barFill)
	}
	d.text(x+t.pad+bw+3, d.y, textW, h, c.text, st.with(gopdf.Left))
}
