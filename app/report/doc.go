package report

import (
	"image/color"
	"math"
	"strings"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// Ink: black text and greys for secondary text and outlines. Fills that
// carry meaning (severities, marks, the gap ramp) and the table fills come
// from model/palette, as on screen and in the workbook.
var (
	black    = ink(0, 0, 0)
	darkGrey = ink(70, 70, 70)
	midGrey  = ink(120, 120, 120)
	ruleGrey = palette.Grid
	// barFill draws balance-index bars: a neutral that reads as a quantity, not a verdict.
	barFill = ink(110, 124, 140)
)

func ink(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xFF} }

// fillOf is a cell fill; nil leaves the cell white.
func fillOf(c color.NRGBA) *color.NRGBA { return &c }

// style is how one piece of text is set.
type style struct {
	size  float64
	bold  bool
	align int // gopdf.Left, gopdf.Center or gopdf.Right
	color color.NRGBA
}

var (
	body   = style{size: 9, align: gopdf.Left}
	small  = style{size: 7.5, align: gopdf.Left}
	title  = style{size: 20, bold: true, align: gopdf.Center}
	head1  = style{size: 14, bold: true, align: gopdf.Left}
	head2  = style{size: 11, bold: true, align: gopdf.Left}
	footer = style{size: 7, align: gopdf.Left, color: darkGrey}
)

func (s style) with(align int) style     { s.align = align; return s }
func (s style) sized(size float64) style { s.size = size; return s }
func (s style) emph() style              { s.bold = true; return s }

// doc is the PDF being written with its fonts, page geometry and cursor.
type doc struct {
	pdf   *gopdf.GoPdf
	fonts *fontSet
	opt   Options
	lang  string // opt.Lang: the language every printed word is in
	p     *model.Project
	r     *model.Result
	// lastChange and changeCounts keep what the decisions would change
	// (scenario.go), worked out office by office when first printed.
	lastChange    *change
	changeCounts  map[model.ID]changeCounts
	decidedFor    map[model.ID]bool // offices with decisions of their own
	decidedForAll []*model.Duty     // duties decided for every office they apply to
	records       *officeRecords    // the project's records by office, for changeOf
	pageW         float64
	pageH         float64
	margin        float64
	top           float64 // first content line, below the running header
	bottom        float64 // last content line, above the footer
	y             float64

	tb         titleBlock // the document's identity (identity.go)
	toc        *contents  // the table of contents of a combined report; nil for one part
	running    string     // running header of the current part
	pageHeads  []string   // running header of every page, for the footer pass
	curFace    *face
	curSize    float64
	widths     []*widthTable // advances measured, by face and size
	lastWidths *widthTable
	runBuf     []run // runs' result, reused: no caller keeps it past the next call
	err        error // first drawing error; drawing stops being useful after one
}

func newDoc(p *model.Project, r *model.Result, opt Options, fonts *fontSet) (*doc, error) {
	size := gopdf.PageSizeA4Landscape
	if opt.Paper == A3 {
		size = gopdf.PageSizeA3Landscape
	}
	d := &doc{pdf: &gopdf.GoPdf{}, fonts: fonts, opt: opt, lang: opt.Lang, p: p, r: r,
		pageW: size.W, pageH: size.H, margin: 36}
	d.top = d.margin + 22
	d.bottom = d.pageH - d.margin - 16
	d.tb = d.newTitleBlock()
	d.pdf.Start(gopdf.Config{PageSize: *size, Unit: gopdf.UnitPT})
	if deflateAfter {
		d.pdf.SetNoCompression() // deflateContents compresses the pages (deflate.go)
	} else {
		d.pdf.SetCompressLevel(contentLevel)
	}
	// The metadata say who prepared it only as the project says: never the login.
	d.pdf.SetInfo(gopdf.PdfInfo{Title: p.Info.Name, Author: d.tb.author, Subject: d.subject(),
		Creator: words.Say(opt.Lang, "report.creator"), Producer: "rpbmatrix (gopdf)", CreationDate: opt.Now})
	for _, f := range []*face{fonts.regular, fonts.bold} {
		if err := d.register(f); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (d *doc) register(f *face) error {
	if f.added {
		return nil
	}
	// A character no font has is drawn as □ rather than gopdf's default
	// blank, so the reader sees that something is missing (it is also listed
	// in the warnings).
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '□' }}
	if err := d.pdf.AddTTFFontDataWithOption(f.family, f.data, opt); err != nil {
		return failWith(err, words.M("report.err.font_embed", "font", f.family, "cause", err.Error()))
	}
	f.added = true
	return nil
}

func (d *doc) fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// width is the content width between the margins.
func (d *doc) width() float64 { return d.pageW - 2*d.margin }

// newPage starts a page under the given running header.
func (d *doc) newPage(running string) {
	d.running = running
	d.pdf.AddPage()
	d.curFace = nil
	d.pageHeads = append(d.pageHeads, running)
	d.y = d.top
}

// fits starts a new page when h more points do not fit; it reports whether it did.
func (d *doc) fits(h float64) bool {
	if d.y+h <= d.bottom {
		return true
	}
	d.newPage(d.running)
	return false
}

func (d *doc) faceFor(st style) *face {
	if st.bold {
		return d.fonts.bold
	}
	return d.fonts.regular
}

func (d *doc) setFont(f *face, size float64) {
	if d.curFace == f && d.curSize == size {
		return
	}
	if err := d.register(f); err != nil {
		d.fail(err)
		return
	}
	d.fail(d.pdf.SetFont(f.family, "", size))
	d.curFace, d.curSize = f, size
}

// advance is the width of one character, measured once per font and size.
func (d *doc) advance(f *face, size float64, r rune) float64 {
	return d.advanceIn(d.widthsOf(f, size), r)
}

func (d *doc) advanceIn(t *widthTable, r rune) float64 {
	if w, ok := t.get(r); ok {
		return w
	}
	d.setFont(t.f, t.size)
	w, err := d.pdf.MeasureTextWidth(string(r))
	d.fail(err)
	t.put(r, w)
	return w
}

// run is a piece of text set in one font.
type run struct {
	f     *face
	text  string
	width float64
}

// runs splits s into pieces by the font each character needs. The slice
// is reused by the next call.
func (d *doc) runs(s string, st style) []run {
	main := d.faceFor(st)
	out := d.runBuf[:0]
	defer func() { d.runBuf = out[:0] }()
	// Most text is all in the main face: one run, s itself.
	mt := d.widthsOf(main, st.size)
	var w float64
	whole := true
	for _, r := range s {
		if r >= 0x20 && !main.covers(r) {
			whole = false
			break
		}
		w += d.advanceIn(mt, r)
	}
	if whole {
		out = append(out, run{main, s, w})
		return out
	}
	var cur []rune
	var curFace *face
	var curW float64
	for _, r := range s {
		f := d.fonts.pick(main, r, s)
		for f != main && !f.added {
			if err := d.register(f); err != nil {
				d.fonts.drop(f)
				f = d.fonts.pick(main, r, s)
			}
		}
		if f != curFace && len(cur) > 0 {
			out = append(out, run{curFace, string(cur), curW})
			cur, curW = cur[:0], 0
		}
		curFace = f
		cur = append(cur, r)
		curW += d.advance(f, st.size, r)
	}
	if len(cur) > 0 {
		out = append(out, run{curFace, string(cur), curW})
	}
	return out
}

// measure is the width of s in style st.
func (d *doc) measure(s string, st style) float64 {
	var w float64
	for _, rn := range d.runs(s, st) {
		w += rn.width
	}
	return w
}

// wrap breaks s into lines no wider than w.
func (d *doc) wrap(s string, w float64, st style) []string {
	return wrapText(s, w, d.advanceOf(s, st))
}

// advanceOf measures the characters of s in style st, each in the font
// that has it.
func (d *doc) advanceOf(s string, st style) func(rune) float64 {
	main := d.faceFor(st)
	mt := d.widthsOf(main, st.size)
	return func(r rune) float64 {
		if r < 0x20 || main.covers(r) {
			return d.advanceIn(mt, r)
		}
		return d.advance(d.fonts.pick(main, r, s), st.size, r)
	}
}

// text sets one line of s in the box (x, y, w, h), vertically centred.
func (d *doc) text(x, y, w, h float64, s string, st style) {
	if s == "" {
		return
	}
	rs := d.runs(s, st)
	var total float64
	for _, rn := range rs {
		total += rn.width
	}
	switch st.align {
	case gopdf.Center:
		x += (w - total) / 2
	case gopdf.Right:
		x += w - total
	}
	d.pdf.SetTextColor(st.color.R, st.color.G, st.color.B)
	for _, rn := range rs {
		d.setFont(rn.f, st.size)
		d.pdf.SetXY(x, y)
		d.fail(d.pdf.CellWithOption(&gopdf.Rect{W: rn.width + 0.01, H: h}, rn.text, gopdf.CellOption{Align: gopdf.Left | gopdf.Middle}))
		x += rn.width
	}
}

// lineHeight is the distance between lines of text in style st.
func lineHeight(st style) float64 { return st.size * 1.45 }

// paragraph sets s wrapped to the content width at the cursor, breaking pages as needed.
func (d *doc) paragraph(s string, st style) {
	d.paragraphAt(d.margin, d.width(), s, st)
}

func (d *doc) paragraphAt(x, w float64, s string, st style) {
	lh := lineHeight(st)
	for _, line := range d.wrap(s, w, st) {
		d.fits(lh)
		d.text(x, d.y, w, lh, line, st)
		d.y += lh
	}
}

// keepTogether starts a new page when a block of height h does not fit in
// what is left of this page but would fit on a fresh one, so short tables
// are not split with a lone row on the next page.
func (d *doc) keepTogether(h float64) {
	if d.y+h > d.bottom && h <= d.bottom-d.top && d.y > d.top {
		d.newPage(d.running)
	}
}

// heading sets a section heading with space before it.
func (d *doc) heading(s string, st style) {
	d.headingBefore(s, st, 90) // keep a heading with what follows: a table header and a few rows
}

// headedBlock sets a heading kept together with the block below it, block
// points high, measured from the block's own layout: both go to a new page
// when they do not fit here but would on a fresh one.
func (d *doc) headedBlock(s string, st style, block float64) {
	d.keepTogether(d.headingHeight(st) + block)
	d.headingBefore(s, st, math.Min(block, 90))
}

// headingBefore sets a heading that keeps follow points below it on its page.
func (d *doc) headingBefore(s string, st style, follow float64) {
	lh := lineHeight(st)
	if d.y > d.top {
		d.y += headingSpace(st)
	}
	d.fits(lh + follow)
	d.text(d.margin, d.y, d.width(), lh, s, st)
	d.y += lh + 4
}

// headingSpace is the space a heading leaves above it (none at a page top).
func headingSpace(st style) float64 { return st.size * 0.6 }

// headingHeight is what heading takes at the cursor.
func (d *doc) headingHeight(st style) float64 {
	h := lineHeight(st) + 4
	if d.y > d.top {
		h += headingSpace(st)
	}
	return h
}

// paragraphHeight is what paragraph(s, st) takes when not split.
func (d *doc) paragraphHeight(s string, st style) float64 {
	return float64(len(d.wrap(s, d.width(), st))) * lineHeight(st)
}

// fillRect fills a rectangle without an outline.
func (d *doc) fillRect(x, y, w, h float64, c color.NRGBA) {
	d.pdf.SetFillColor(c.R, c.G, c.B)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// strokeRect outlines a rectangle with a thin rule.
func (d *doc) strokeRect(x, y, w, h, lw float64, c color.NRGBA) {
	d.pdf.SetLineWidth(lw)
	d.pdf.SetStrokeColor(c.R, c.G, c.B)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// rule draws a line.
func (d *doc) rule(x1, y1, x2, y2, lw float64, c color.NRGBA) {
	d.pdf.SetLineWidth(lw)
	d.pdf.SetStrokeColor(c.R, c.G, c.B)
	d.pdf.Line(x1, y1, x2, y2)
}

// finish fills in the table of contents and draws the running header and
// the footer on every page, now that the page count is known, and returns
// the first error met while drawing.
func (d *doc) finish() error {
	if d.toc != nil {
		if err := d.toc.draw(d); err != nil {
			return err
		}
	}
	n := d.pdf.GetNumberOfPages()
	left, right, marks := d.footerLeft(), d.footerRight(), d.headerMarks()
	for i := 1; i <= n; i++ {
		if err := d.pdf.SetPage(i); err != nil {
			return err
		}
		d.curFace = nil
		head := d.pageHeads[i-1]
		hy := d.margin - 4
		half := d.width()/2 - 10
		d.text(d.margin, hy, d.width(), 12, head, d.fitted(head, half, footer))
		d.text(d.margin, hy, d.width(), 12, marks, d.fitted(marks, half, footer).emph().with(gopdf.Right))
		d.rule(d.margin, hy+14, d.pageW-d.margin, hy+14, 0.4, ruleGrey)

		fy := d.pageH - d.margin - 6
		d.rule(d.margin, fy, d.pageW-d.margin, fy, 0.4, ruleGrey)
		num := words.Say(d.lang, "report.footer.page", "page", i, "pages", n)
		side := d.width()/2 - d.measure(num, footer)/2 - 12
		d.text(d.margin, fy+2, d.width(), 12, left, d.fitted(left, side, footer))
		d.text(d.margin, fy+2, d.width(), 12, num, footer.with(gopdf.Center))
		d.text(d.margin, fy+2, d.width(), 12, right, d.fitted(right, side, footer).with(gopdf.Right))
	}
	return d.err
}

// subject is the PDF's subject: the preparing organization, the version
// and the marking, as far as they are set.
func (d *doc) subject() string {
	var parts []string
	for _, s := range []string{d.tb.organization, d.tb.version, d.tb.marking} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// fitted sets s smaller, down to 4.5 pt, so that it fits in w rather than
// running into its neighbour on the line.
func (d *doc) fitted(s string, w float64, st style) style {
	for st.size > 4.5 && d.measure(s, st) > w {
		st.size = math.Max(4.5, st.size-0.5)
	}
	return st
}
