package report

import (
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// A combined report — the district and offices, or several offices — opens
// with a master cover and a table of contents, then the district summary,
// then each office (先总后分). The contents' pages are kept blank after the
// cover and filled in by finish, when every part's first page is known.

// contents is the table of contents of a combined report.
type contents struct {
	pages   []int // the pages kept for it
	perPage int   // entries per page
	entries []tocEntry
}

type tocEntry struct {
	level int // 0: a part; 1: an office within the offices' part
	title string
	page  int
}

const tocLine = 19.0

// combined reports whether the report has more than one part.
func combined(opt Options, offices int) bool {
	parts := 0
	for _, b := range []bool{opt.officeParts(), opt.Has(SectionDistrict), opt.Has(SectionMinutes)} {
		if b {
			parts++
		}
	}
	return parts > 1 || (opt.officeParts() && offices > 1)
}

// tocEntries is how many entries the contents will hold: the district, the
// offices' part and each office.
func tocEntries(opt Options, offices int) int {
	n := 0
	if opt.Has(SectionDistrict) {
		n++
	}
	if opt.Has(SectionMinutes) {
		n++
	}
	if opt.officeParts() {
		n += 1 + offices
	}
	return n
}

// reserveContents keeps blank pages for n entries after the master cover.
func (d *doc) reserveContents(n int) {
	c := &contents{perPage: max(1, int((d.bottom-d.top-48)/tocLine))}
	running := words.Say(d.lang, "report.toc.title")
	for i := 0; i < max(1, int(math.Ceil(float64(n)/float64(c.perPage)))); i++ {
		d.newPage(running)
		// Drawn now: gopdf gives a page its content when first drawn on,
		// and finds pages again (SetPage) in that order.
		d.text(d.margin, d.top, d.width(), 30, running, title.sized(16))
		c.pages = append(c.pages, d.pdf.GetNumberOfPages())
	}
	d.toc = c
}

// entry adds a part to the contents when it printed a page from first on.
func (d *doc) entry(level int, title string, first int) {
	if d.toc == nil || d.pdf.GetNumberOfPages() < first {
		return
	}
	d.toc.entries = append(d.toc.entries, tocEntry{level, title, first})
}

// draw prints the entries on the pages kept for them: title, dotted
// leader, page number.
func (c *contents) draw(d *doc) error {
	st := body.sized(11)
	for i, e := range c.entries {
		p := i / c.perPage
		if p >= len(c.pages) {
			break // more entries than planned: never, tocEntries counts them
		}
		if i%c.perPage == 0 {
			if err := d.pdf.SetPage(c.pages[p]); err != nil {
				return err
			}
			d.curFace = nil
		}
		y := d.top + 44 + float64(i%c.perPage)*tocLine
		x := d.margin + 40 + float64(e.level)*28
		est := st
		if e.level == 0 {
			est = st.emph()
		}
		num := itoa(e.page)
		right := d.margin + d.width() - 40
		nw := d.measure(num, st)
		tw := math.Min(d.measure(e.title, est), right-nw-x-20)
		d.text(x, y, tw+1, tocLine, e.title, d.fitted(e.title, tw+1, est))
		d.text(right-nw, y, nw+1, tocLine, num, st)
		d.pdf.SetLineWidth(0.6)
		d.pdf.SetStrokeColor(midGrey.R, midGrey.G, midGrey.B)
		d.pdf.SetLineType("dotted")
		d.pdf.Line(x+tw+6, y+tocLine*0.7, right-nw-6, y+tocLine*0.7)
		d.pdf.SetLineType("solid")
	}
	return d.err
}

// masterCover prints the cover of a combined report: marking and document
// number, title and version, the title block, and the preparing
// organization and date at the foot, as on an official document.
func (d *doc) masterCover(offices int, district bool) {
	heading := words.Say(d.lang, "report.master.title", "region", d.p.Info.Region)
	d.newPage(heading)
	d.corners()
	w := d.width()
	d.y = d.top + (d.bottom-d.top)*0.16
	for _, line := range d.wrap(heading, w*0.8, title.sized(24)) {
		d.text(d.margin, d.y, w, 34, line, title.sized(24))
		d.y += 36
	}
	d.y += 4
	d.versionLine()
	what := words.Say(d.lang, "report.master.offices", "n", offices)
	if district {
		what = words.Say(d.lang, "report.master.district_offices", "n", offices)
	}
	d.text(d.margin, d.y, w, 16, what, body.sized(12).with(gopdf.Center).colored(darkGrey))
	d.y += 30
	rows := append([][2]string{{words.Say(d.lang, "report.fact.project"), d.p.Info.Name}}, d.titleFacts()...)
	t := newTable(d, []column{{width: w * 0.16, align: gopdf.Left}, {width: w * 0.34, align: gopdf.Left}}, body.sized(11))
	t.x = d.margin + w*0.25
	t.started = true // no header row: a form
	t.pad = 5
	for _, r := range rows {
		t.row([]cell{{text: r[0], fill: fillOf(palette.Group)}, {text: r[1]}})
	}
	foot := d.tb.organization
	if foot == "" {
		foot = d.orUnset(foot)
	}
	y := d.bottom - 44
	d.text(d.margin, y, w, 18, foot, body.sized(13).with(gopdf.Center))
	d.text(d.margin, y+20, w, 18, d.date(), body.sized(13).with(gopdf.Center))
}
