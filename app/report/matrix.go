package report

import (
	"image/color"
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// markFill is the printed fill of a holding mark; the glyph beside it
// carries the meaning in greyscale. A cell whose authority is not needed stays white.
func markFill(m model.Mark) *color.NRGBA {
	if m == model.MarkNotNeeded {
		return nil
	}
	return fillOf(palette.Mark(m).Print)
}

// matrix geometry.
const (
	matrixFont    = 7.5
	authColMin    = 14.0
	authColMax    = 22.0
	dutyColMin    = 150.0
	authHeaderMax = 132.0
)

// requiredAuthorities lists, in catalogue order, the authorities any of the duties require.
func (d *doc) requiredAuthorities(duties []*model.Duty) []*model.Authority {
	need := map[model.ID]bool{}
	for _, du := range duties {
		for _, a := range du.Required {
			need[a] = true
		}
	}
	var out []*model.Authority
	for _, a := range d.p.AuthorityList() {
		if need[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// matrix prints the office's duties against the authorities they need and
// their scores. When the authorities do not fit across the page, the matrix
// is printed in parts, each with every duty and a share of the authorities.
func (d *doc) matrix(n int, o *model.Office) {
	running := d.officeRunning(o)
	d.newPage(running)
	duties := d.p.DutiesOf(o.ID)
	auths := d.requiredAuthorities(duties)
	fixed := d.matrixFixedColumns()
	var fixedW float64
	for _, c := range fixed {
		fixedW += c.width
	}
	perPart := int((d.width() - fixedW - dutyColMin) / authColMin)
	if perPart < 1 {
		perPart = 1
	}
	parts := 1
	if len(auths) > perPart {
		parts = (len(auths) + perPart - 1) / perPart
	}
	per := (len(auths) + parts - 1) / parts
	for part := 0; part < parts; part++ {
		lo, hi := part*per, (part+1)*per
		if hi > len(auths) {
			hi = len(auths)
		}
		heading := d.sectionTitle(n, words.Say(d.lang, "report.matrix.title"))
		if parts > 1 {
			heading = words.Say(d.lang, "report.matrix.part", "title", heading, "part", part+1, "parts", parts, "from", lo+1, "to", hi)
		}
		if part > 0 {
			d.newPage(running)
		}
		d.matrixPart(o, heading, duties, auths[lo:hi], fixed, fixedW)
	}
}

func (d *doc) matrixFixedColumns() []column {
	return []column{
		{title: words.Say(d.lang, "report.col.seq"), width: 22, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.duty"), align: gopdf.Left}, // width set per part
		{title: words.Say(d.lang, "report.col.category"), width: 40, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.role"), width: 29, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.weight"), width: 18, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.authority_coverage"), width: 29, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.resource_coverage"), width: 29, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.gap"), width: 26, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.severity"), width: d.severityColumnWidth(), align: gopdf.Center},
	}
}

// severityColumnWidth fits the longest severity label on one line.
func (d *doc) severityColumnWidth() float64 {
	w := 44.0
	for _, s := range model.Severities {
		w = math.Max(w, d.measure(d.sevLabel(s), body.sized(matrixFont).emph())+8)
	}
	return w
}

func (d *doc) matrixPart(o *model.Office, heading string, duties []*model.Duty, auths []*model.Authority, fixed []column, fixedW float64) {
	authW := authColMax
	if len(auths) > 0 {
		authW = math.Max(authColMin, math.Min(authColMax, (d.width()-fixedW-dutyColMin)/float64(len(auths))))
	}
	dutyW := d.width() - fixedW - authW*float64(len(auths))
	// Columns: seq, duty, category, role, authorities…, W, A, S, G, severity.
	cols := []column{fixed[0], fixed[1], fixed[2], fixed[3]}
	cols[1].width = dutyW
	for _, a := range auths {
		cols = append(cols, column{title: a.Name, width: authW, align: gopdf.Center})
	}
	cols = append(cols, fixed[4:]...)

	st := body.sized(matrixFont)
	t := newTable(d, cols, st)
	first := true
	t.pageTop = func() {
		if first {
			d.heading(heading, head1)
			first = false
		} else {
			d.text(d.margin, d.y, d.width(), 14, words.Say(d.lang, "report.matrix.continued", "title", heading), head2)
			d.y += 16
		}
		d.matrixLegend()
	}
	t.header = func(y float64) float64 { return d.matrixHeader(y, cols, len(auths)) }

	if len(duties) == 0 {
		t.pageTop()
		d.paragraph(words.Say(d.lang, "report.matrix.no_duties"), body)
		return
	}
	kind := model.ListKind(0)
	for i, du := range duties {
		if du.Kind != kind {
			kind = du.Kind
			count := 0
			for _, x := range duties[i:] {
				if x.Kind == kind {
					count++
				}
			}
			t.group(words.Say(d.lang, "report.matrix.kind_group", "kind", kind.Name().In(d.lang), "n", count))
		}
		t.row(d.matrixRow(o, du, auths))
	}
}

func (d *doc) matrixRow(o *model.Office, du *model.Duty, auths []*model.Authority) []cell {
	seq := ""
	if du.Seq > 0 {
		seq = itoa(du.Seq)
	}
	role := "—"
	if a := d.p.Assessment(o.ID, du.ID); a != nil {
		role = a.Role.Name().In(d.lang)
	}
	row := []cell{{text: seq}, {text: du.Title()}, {text: du.Category}, {text: role}}
	required := map[model.ID]bool{}
	for _, a := range du.Required {
		required[a] = true
	}
	for _, a := range auths {
		if !required[a.ID] {
			row = append(row, cell{})
			continue
		}
		m := model.MarkOf(d.p.Holding(o.ID, a.ID))
		row = append(row, cell{text: palette.Mark(m).Glyph, fill: markFill(m), size: 8.5, bold: m == model.MarkMissing})
	}
	sc := d.r.Scores[model.PairKey{Office: o.ID, Other: du.ID}]
	if sc == nil {
		return append(row, cell{text: "—"}, cell{text: "—"}, cell{text: "—"}, cell{text: "—"}, cell{})
	}
	row = append(row, cell{text: fmtFloat(sc.Weight, 0)}, cell{text: percent(sc.AuthorityCoverage)},
		cell{text: percent(sc.ResourceCoverage)}, cell{text: fmtFloat(sc.Gap, 1), bold: sc.Gap >= 2.5})
	if sc.Worst == 0 {
		return append(row, cell{})
	}
	return append(row, cell{text: d.sevLabel(sc.Worst), fill: sevFill(sc.Worst), bold: sc.Worst >= model.SevSerious})
}

// matrixHeader draws the header row: wrapped titles for the fixed columns,
// and authority names turned 90° so that many fit across the page.
func (d *doc) matrixHeader(y float64, cols []column, nAuth int) float64 {
	hst := body.sized(7).emph()
	lh := lineHeight(hst)
	// Rotated names are set a little smaller and tighter so that names of up
	// to about 19 characters fit on one line across a narrow column.
	rotLH := func(st style) float64 { return st.size * 1.15 }
	h := 40.0
	type rotated struct {
		lines []string
		st    style
	}
	rot := make([]rotated, nAuth)
	for i := 0; i < nAuth; i++ {
		c := cols[4+i]
		st := hst.sized(6.5)
		lines := d.wrap(c.title, authHeaderMax-8, st)
		// More lines than the column holds: set them smaller rather than cut them.
		if need := float64(len(lines)) * rotLH(st); need > c.width-2 {
			st.size = math.Max(4, st.size*(c.width-2)/need)
			lines = d.wrap(c.title, authHeaderMax-8, st)
		}
		rot[i] = rotated{lines, st}
		for _, l := range lines {
			h = math.Max(h, d.measure(l, st)+8)
		}
	}
	h = math.Min(h, authHeaderMax)
	x := d.margin
	for i, c := range cols {
		d.fillRect(x, y, c.width, h, palette.Header)
		d.strokeRect(x, y, c.width, h, 0.4, ruleGrey)
		if i >= 4 && i < 4+nAuth {
			r := rot[i-4]
			rlh := rotLH(r.st)
			// Lines stack left to right; each reads bottom to top.
			lx := x + (c.width-float64(len(r.lines))*rlh)/2
			for _, l := range r.lines {
				px, py := lx+rlh/2, y+h-4
				d.pdf.Rotate(90, px, py)
				d.text(px, py-rlh/2, h-8, rlh, l, r.st)
				d.pdf.RotateReset()
				lx += rlh
			}
		} else {
			lines := d.wrap(c.title, c.width-4, hst)
			ly := y + (h-float64(len(lines))*lh)/2
			for _, l := range lines {
				d.text(x+2, ly, c.width-4, lh, l, hst.with(gopdf.Center))
				ly += lh
			}
		}
		x += c.width
	}
	return h
}

// matrixLegend explains the marks, fills and scores with the names the
// screen uses (Mark.Name, Severity.Name); it heads every matrix page.
func (d *doc) matrixLegend() {
	x := d.margin
	y := d.y
	st := small
	put := func(s string, fill *color.NRGBA) {
		w := d.measure(s, st) + 6
		if fill != nil {
			d.fillRect(x, y, w, 12, *fill)
			d.strokeRect(x, y, w, 12, 0.3, midGrey)
		}
		d.text(x+3, y, w, 12, s, st)
		x += w + 8
	}
	put(words.Say(d.lang, "report.legend.marks"), nil)
	for _, m := range model.Marks {
		if m == model.MarkNotNeeded {
			put(words.Say(d.lang, "report.legend.blank", "name", m.Name().In(d.lang)), nil)
			continue
		}
		put(d.markLabel(m), markFill(m))
	}
	x += 6
	put(words.Say(d.lang, "report.legend.severity"), nil)
	for _, s := range model.Severities {
		put(d.sevLabel(s), sevFill(s))
	}
	d.y += 14
	d.text(d.margin, d.y, d.width(), 11, words.Say(d.lang, "report.legend.scores",
		"a", words.M("term.authority_coverage"), "s", words.M("term.resource_coverage.lower"),
		"g", words.M("term.gap.lower"), "w", words.M("term.weight.lower")), st.colored(darkGrey))
	d.y += 14
}
