package report

import (
	"image/color"
	"math"
	"slices"
	"unicode"

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
	matrixFont = 7.0
	authColMin = 12.0
	authColMax = 22.0
	dutyColMin = 120.0
	headerMax  = 132.0
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

// matrixColumns are the columns left of the authorities (sequence, duty,
// category, role) and right of them: accountability exposure (veto,
// incidents), the scores, the resources needed and held, and the findings.
// Narrow columns have vertical headers.
func (d *doc) matrixColumns() (left, right []column) {
	col := func(key string, width float64) column {
		return column{title: words.Say(d.lang, key), width: width, align: gopdf.Center}
	}
	left = []column{col("report.col.seq", 18), {title: words.Say(d.lang, "report.col.duty"), align: gopdf.Left}, // duty width set per part
		col("report.col.category", 34), col("report.col.role", 22)}
	veto, incidents := col("report.col.veto", authColMin), col("report.col.incidents", authColMin)
	veto.vertical, incidents.vertical = true, true
	findings := col("report.col.matrix_findings", 74)
	findings.align = gopdf.Left
	right = []column{veto, incidents, col("report.col.weight", 14), col("report.col.authority_coverage", 24),
		col("report.col.staff", 28), col("report.col.funds", 32), col("report.col.systems", 22),
		col("report.col.resource_coverage", 24), col("report.col.gap", 22), findings}
	return left, right
}

func width(cols []column) float64 {
	var w float64
	for _, c := range cols {
		w += c.width
	}
	return w
}

// matrix prints the office's duties against the authorities they need and
// their scores. When the authorities do not fit across the page, the matrix
// is printed in parts, each with every duty and a share of the authorities.
func (d *doc) matrix(n int, o *model.Office) {
	running := d.officeRunning(o)
	d.newPage(running)
	duties := d.p.DutiesOf(o.ID)
	auths := d.requiredAuthorities(duties)
	left, right := d.matrixColumns()
	fixedW := width(left) + width(right)
	perPart := max(1, int((d.width()-fixedW-dutyColMin)/authColMin))
	parts := 1
	if len(auths) > perPart {
		parts = (len(auths) + perPart - 1) / perPart
	}
	per := (len(auths) + parts - 1) / parts
	for part := 0; part < parts; part++ {
		lo, hi := part*per, min((part+1)*per, len(auths))
		heading := d.sectionTitle(n, words.Say(d.lang, "report.matrix.title"))
		if parts > 1 {
			heading = words.Say(d.lang, "report.matrix.part", "title", heading, "part", part+1, "parts", parts, "from", lo+1, "to", hi)
		}
		if part > 0 {
			d.newPage(running)
		}
		d.matrixPart(o, heading, duties, auths[lo:hi], left, right)
	}
}

func (d *doc) matrixPart(o *model.Office, heading string, duties []*model.Duty, auths []*model.Authority, left, right []column) {
	fixedW := width(left) + width(right)
	authW := authColMax
	if len(auths) > 0 {
		authW = math.Max(authColMin, math.Min(authColMax, (d.width()-fixedW-dutyColMin)/float64(len(auths))))
	}
	cols := append([]column(nil), left...)
	cols[1].width = d.width() - fixedW - authW*float64(len(auths))
	for _, a := range auths {
		cols = append(cols, column{title: a.Name, width: authW, align: gopdf.Center, vertical: true})
	}
	cols = append(cols, right...)

	st := body.sized(matrixFont)
	t := newTable(d, cols, st)
	t.ruled = true
	defer t.end()
	first := true
	t.pageTop = func() {
		if first {
			d.heading(heading, head1)
			first = false
		} else {
			d.text(d.margin, d.y, d.width(), 14, words.Say(d.lang, "report.continued", "title", heading), head2)
			d.y += 16
		}
		d.matrixLegend()
	}
	head := d.layOutHeader(cols)
	t.header = func(y float64) float64 { return d.columnHeader(y, cols, head) }

	if len(duties) == 0 {
		t.pageTop()
		d.paragraph(words.Say(d.lang, "report.matrix.no_duties", "office", o.KindWord()), body)
		return
	}
	row := ahead(len(duties), func(i int) []cell { return d.matrixRow(o, duties[i], auths) })
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
		t.row(row(i))
	}
}

func (d *doc) matrixRow(o *model.Office, du *model.Duty, auths []*model.Authority) []cell {
	seq := ""
	if du.Seq > 0 {
		seq = itoa(du.Seq)
	}
	a := d.p.Assessment(o.ID, du.ID)
	role := "—"
	if a != nil {
		role = a.Role.Name().In(d.lang)
	}
	row := []cell{{text: seq}, {text: du.Title()}, {text: du.Category, size: 6.5}, {text: role}}
	for _, a := range auths {
		if !slices.Contains(du.Required, a.ID) { // a handful: no map for each of a thousand rows
			row = append(row, cell{})
			continue
		}
		m := model.MarkOf(d.p.Holding(o.ID, a.ID))
		row = append(row, cell{text: palette.Mark(m).Glyph, fill: markFill(m), size: 8.5, bold: m == model.MarkMissing})
	}
	var veto, incidents, staff, funds, systems string
	if a != nil {
		if a.Veto {
			veto = words.Say(d.lang, "report.matrix.veto")
		}
		if a.Incidents > 0 {
			incidents = itoa(a.Incidents)
		}
		staff = d.needHeld(a.StaffNeeded, a.StaffHeld)
		funds = d.needHeld(a.FundsNeeded, a.FundsHeld)
		systems = d.needHeld(float64(a.SystemsNeeded), float64(a.SystemsHeld))
	}
	row = append(row, cell{text: veto, bold: true}, cell{text: incidents, bold: true})
	sc := d.r.Scores[model.PairKey{Office: o.ID, Other: du.ID}]
	if sc == nil {
		return append(row, cell{text: "—"}, cell{text: "—"}, cell{text: staff, size: 6.5}, cell{text: funds, size: 6.5}, cell{text: systems, size: 6.5},
			cell{text: "—"}, cell{text: "—"}, cell{})
	}
	row = append(row, cell{text: fmtFloat(sc.Weight, 0)}, cell{text: percent(sc.AuthorityCoverage)},
		cell{text: staff, size: 6.5}, cell{text: funds, size: 6.5}, cell{text: systems, size: 6.5},
		cell{text: percent(sc.ResourceCoverage)}, cell{text: fmtFloat(sc.Gap, 1), bold: sc.Gap >= 2.5})
	if sc.Worst == 0 {
		return append(row, cell{})
	}
	return append(row, cell{text: d.ruleNames(o, du, sc.Worst), fill: sevFill(sc.Worst), bold: sc.Worst >= model.SevSerious, size: 6.5})
}

// needHeld is "needed/held", blank when neither is entered.
func (d *doc) needHeld(needed, held float64) string {
	if needed == 0 && held == 0 {
		return ""
	}
	return words.Say(d.lang, "report.matrix.need_held", "needed", needed, "held", held)
}

// ruleNames names the rules that found something on the item, worst
// first, after the worst severity's glyph: "▲ 有责无权、费随事转缺失".
func (d *doc) ruleNames(o *model.Office, du *model.Duty, worst model.Severity) string {
	var names []words.Msg
	seen := map[model.RuleCode]bool{}
	for _, f := range d.r.FindingsFor(o.ID, du.ID) {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			names = append(names, f.Rule.Name())
		}
	}
	return words.Say(d.lang, "report.matrix.rules", "glyph", palette.Severity(worst).Glyph, "rules", names)
}

// headerLayout is a header row laid out, once for every page it heads:
// the wrapped titles of ordinary columns, the vertical ones, the height.
type headerLayout struct {
	lines  [][]string
	vs     []verticalTitle
	height float64
}

// layOutHeader lays out a header row: wrapped titles across ordinary
// columns; in vertical ones, Chinese titles written one character per
// line from top to bottom (columns of characters right to left when one is
// not enough), and other titles turned 90° to read from bottom to top.
func (d *doc) layOutHeader(cols []column) headerLayout {
	hst := body.sized(7).emph()
	lh := lineHeight(hst)
	l := headerLayout{lines: make([][]string, len(cols)), vs: make([]verticalTitle, len(cols)), height: 40}
	for i, c := range cols {
		if !c.vertical {
			l.lines[i] = d.wrap(c.title, c.width-4, hst)
			l.height = math.Max(l.height, float64(len(l.lines[i]))*lh+6)
			continue
		}
		l.vs[i] = d.layOutVertical(c.title, c.width, hst.sized(6.5))
		l.height = math.Max(l.height, l.vs[i].height)
	}
	l.height = math.Min(l.height, headerMax)
	return l
}

// columnHeader draws the header row laid out as l at y and returns its height.
func (d *doc) columnHeader(y float64, cols []column, l headerLayout) float64 {
	hst := body.sized(7).emph()
	lh := lineHeight(hst)
	h := l.height
	x := d.margin
	for i, c := range cols {
		d.fillRect(x, y, c.width, h, palette.Header)
		d.strokeRect(x, y, c.width, h, 0.4, ruleGrey)
		if c.vertical {
			d.drawVertical(x, y, c.width, h, l.vs[i])
		} else {
			lines := l.lines[i]
			ly := y + (h-float64(len(lines))*lh)/2
			for _, ln := range lines {
				d.text(x+2, ly, c.width-4, lh, ln, hst.with(gopdf.Center))
				ly += lh
			}
		}
		x += c.width
	}
	return h
}

// verticalTitle is a vertical header laid out: its character columns (or,
// turned, its lines), the style and the height it needs.
type verticalTitle struct {
	stacked bool     // one character per line; otherwise turned 90°
	lines   []string // stacked: the columns of characters, first on the right
	st      style
	step    float64 // distance between characters (stacked) or lines (turned)
	height  float64
}

// layOutVertical lays a title out for a column of width w and a header of
// at most headerMax: stacked when it holds a Chinese character, turned
// otherwise; set smaller, never cut, when it does not fit.
func (d *doc) layOutVertical(title string, w float64, st style) verticalTitle {
	if hasHan(title) {
		var chars []rune
		for _, r := range title {
			if r != ' ' && r != '\n' && r != '\u3000' {
				if v, ok := verticalForms[r]; ok {
					r = v
				}
				chars = append(chars, r)
			}
		}
		for {
			step := st.size * 1.12
			perCol := max(1, int((headerMax-8)/step))
			cols := (len(chars) + perCol - 1) / perCol
			if float64(cols)*(st.size+1) <= w-2 || st.size <= 4 {
				v := verticalTitle{stacked: true, st: st, step: step}
				for i := 0; i < len(chars); i += perCol {
					v.lines = append(v.lines, string(chars[i:min(i+perCol, len(chars))]))
				}
				v.height = float64(min(perCol, len(chars)))*step + 8
				return v
			}
			st.size -= 0.25
		}
	}
	step := func(st style) float64 { return st.size * 1.15 }
	lines := d.wrap(title, headerMax-8, st)
	// More lines than the column holds: set them smaller rather than cut them.
	if need := float64(len(lines)) * step(st); need > w-2 {
		st.size = math.Max(4, st.size*(w-2)/need)
		lines = d.wrap(title, headerMax-8, st)
	}
	v := verticalTitle{lines: lines, st: st, step: step(st)}
	for _, l := range lines {
		v.height = math.Max(v.height, d.measure(l, st)+8)
	}
	return v
}

func (d *doc) drawVertical(x, y, w, h float64, v verticalTitle) {
	if v.stacked {
		colW := v.st.size + 1
		x0 := x + (w-float64(len(v.lines))*colW)/2
		for j, line := range v.lines {
			cx := x0 + float64(len(v.lines)-1-j)*colW // first column on the right
			cy := y + 4
			for _, r := range line {
				d.text(cx, cy, colW, v.step, string(r), v.st.with(gopdf.Center))
				cy += v.step
			}
		}
		return
	}
	// Turned lines stack left to right; each reads bottom to top.
	lx := x + (w-float64(len(v.lines))*v.step)/2
	for _, l := range v.lines {
		px, py := lx+v.step/2, y+h-4
		d.pdf.Rotate(90, px, py)
		d.text(px, py-v.step/2, h-8, v.step, l, v.st)
		d.pdf.RotateReset()
		lx += v.step
	}
}

// verticalForms are the forms punctuation takes in vertical writing
// (Unicode's vertical and CJK compatibility forms, in the embedded font).
var verticalForms = map[rune]rune{
	'（': '︵', '）': '︶', '(': '︵', ')': '︶', '、': '︑', '，': '︐', '。': '︒', '：': '︓', '；': '︔',
	'！': '︕', '？': '︖', '「': '﹁', '」': '﹂', '『': '﹃', '』': '﹄', '《': '︽', '》': '︾',
	'〈': '︿', '〉': '﹀', '【': '︻', '】': '︼', '〔': '︹', '〕': '︺', '—': '︱', '…': '︙',
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
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
