package report

import (
	"image/color"
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// bar is one bar of a horizontal bar chart: stacked segments and a value label.
type bar struct {
	label    string
	segments []segment
	value    string // printed after the bar
}

type segment struct {
	value float64
	fill  color.NRGBA
}

// barLayout is a bar chart's labels wrapped and its rows' heights, worked
// out once to measure the chart and then draw it.
type barLayout struct {
	labelW float64
	lines  [][]string
	rowH   []float64
}

// The bar chart's geometry: its heading's line, a bar's height and the gap below each row.
const barHeading, barH, barGap = 18.0, 11.0, 5.0

// layoutBars wraps the labels of a chart w wide.
func (d *doc) layoutBars(w float64, bars []bar) barLayout {
	l := barLayout{labelW: w * 0.32}
	for _, b := range bars {
		if lw := d.measure(b.label, small) + 6; lw > l.labelW && lw < w*0.45 {
			l.labelW = lw
		}
	}
	for _, b := range bars {
		lines := d.wrap(b.label, l.labelW-6, small)
		l.lines = append(l.lines, lines)
		l.rowH = append(l.rowH, math.Max(barH, float64(len(lines))*lineHeight(small)))
	}
	return l
}

// height is what barChart takes with this layout.
func (l barLayout) height() float64 {
	h := barHeading
	for _, rh := range l.rowH {
		h += rh + barGap
	}
	return h
}

// barChart draws labelled horizontal bars scaled to max at (x, d.y) and
// returns its height. Values are printed, so the chart reads without colour.
func (d *doc) barChart(x, w float64, heading string, bars []bar, max float64) float64 {
	return d.drawBars(x, w, heading, bars, d.layoutBars(w, bars), max)
}

// drawBars draws a bar chart laid out by layoutBars and returns its height.
func (d *doc) drawBars(x, w float64, heading string, bars []bar, l barLayout, max float64) float64 {
	y0 := d.y
	d.text(x, d.y, w, 14, heading, head2.sized(10))
	d.y += barHeading
	labelW := l.labelW
	plotW := w - labelW - 34
	axisX := x + labelW
	for i, b := range bars {
		lines, rowH := l.lines[i], l.rowH[i]
		ly := d.y + (rowH-float64(len(lines))*lineHeight(small))/2
		for _, l := range lines {
			d.text(x, ly, labelW-6, lineHeight(small), l, small.with(gopdf.Right))
			ly += lineHeight(small)
		}
		bx := axisX
		by := d.y + (rowH-barH)/2
		for _, s := range b.segments {
			if s.value <= 0 || max <= 0 {
				continue
			}
			sw := plotW * s.value / max
			d.fillRect(bx, by, sw, barH, s.fill)
			d.strokeRect(bx, by, sw, barH, 0.3, midGrey)
			bx += sw
		}
		d.text(bx+3, by, 30, barH, b.value, small)
		d.y += rowH + barGap
	}
	d.rule(axisX, y0+16, axisX, d.y-barGap+2, 0.5, darkGrey)
	return d.y - y0
}

// severityKey prints the severity fills with their names, as a chart legend.
func (d *doc) severityKey(x, y float64) {
	for _, s := range model.Severities {
		d.fillRect(x, y+2, 14, 8, palette.Severity(s).Print)
		d.strokeRect(x, y+2, 14, 8, 0.3, midGrey)
		name := d.sevLabel(s)
		d.text(x+17, y, 60, 12, name, small)
		x += 17 + d.measure(name, small) + 12
	}
}

// charts prints findings by rule and by category side by side, and the
// balance index by category below them.
func (d *doc) charts(n int, o *model.Office, fs []model.Finding) {
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.charts.title")), head1)
	d.severityKey(d.margin, d.y)
	d.y += 18

	stack := func(counts map[model.Severity]int) ([]segment, int) {
		var segs []segment
		total := 0
		for _, s := range model.Severities {
			segs = append(segs, segment{float64(counts[s]), palette.Severity(s).Print})
			total += counts[s]
		}
		return segs, total
	}
	officeWide := words.Say(d.lang, "report.office_wide", "office", o.KindWord())
	byRule := map[model.RuleCode]map[model.Severity]int{}
	byCat := map[string]map[model.Severity]int{}
	for _, f := range fs {
		if byRule[f.Rule] == nil {
			byRule[f.Rule] = map[model.Severity]int{}
		}
		byRule[f.Rule][f.Severity]++
		c := officeWide
		if du, ok := d.p.Duties[f.Duty]; ok {
			c = du.Category
		}
		if byCat[c] == nil {
			byCat[c] = map[model.Severity]int{}
		}
		byCat[c][f.Severity]++
	}
	max := 1.0
	var ruleBars, catBars []bar
	for _, rc := range model.RuleCodes {
		segs, total := stack(byRule[rc])
		max = math.Max(max, float64(total))
		ruleBars = append(ruleBars, bar{label: d.shortRuleName(rc), segments: segs, value: itoa(total)})
	}
	cats := d.p.Categories()
	if _, ok := byCat[officeWide]; ok {
		cats = append(cats, officeWide)
	}
	for _, c := range cats {
		segs, total := stack(byCat[c])
		max = math.Max(max, float64(total))
		catBars = append(catBars, bar{label: c, segments: segs, value: itoa(total)})
	}
	top := d.y
	half := (d.width() - 30) / 2
	h1 := d.barChart(d.margin, half, words.Say(d.lang, "report.charts.by_rule"), ruleBars, max)
	d.y = top
	h2 := d.barChart(d.margin+half+30, half, words.Say(d.lang, "report.charts.by_category"), catBars, max)
	d.y = top + math.Max(h1, h2) + 14

	sum := officeSummary(d.r, o.ID)
	var balBars []bar
	for _, c := range d.p.Categories() {
		cs, ok := sum.ByCategory[c]
		if !ok || cs == nil || cs.Items == 0 {
			continue
		}
		balBars = append(balBars, bar{label: c, segments: []segment{{cs.Balance, barFill}}, value: fmtFloat(cs.Balance, 2)})
	}
	var kindBars []bar
	for _, k := range model.ListKinds {
		ks, ok := sum.ByKind[k]
		if !ok || ks == nil || ks.Items == 0 {
			continue
		}
		kindBars = append(kindBars, bar{label: k.Name().In(d.lang), segments: []segment{{ks.Balance, barFill}}, value: fmtFloat(ks.Balance, 2)})
	}
	if len(balBars)+len(kindBars) > 0 {
		balLaid, kindLaid := d.layoutBars(half, balBars), d.layoutBars(half, kindBars)
		d.fits(math.Max(balLaid.height(), kindLaid.height())) // a chart is not split
		top = d.y
		h1 = d.drawBars(d.margin, half, words.Say(d.lang, "report.charts.balance_by_category", "index", words.M("term.balance_index")), balBars, balLaid, 1)
		d.y = top
		h2 = d.drawBars(d.margin+half+30, half, words.Say(d.lang, "report.charts.balance_by_kind", "index", words.M("term.balance_index")), kindBars, kindLaid, 1)
		d.y = top + math.Max(h1, h2)
	}
}
