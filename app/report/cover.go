package report

import (
	"image/color"
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// cover prints the office's title page: the title block, the narrative
// summary (words first), then the facts, the balance index and the
// findings counted by rule and severity.
func (d *doc) cover(o *model.Office, fs []model.Finding) {
	d.newPage(d.officeRunning(o))
	d.corners()
	w := d.width()
	d.y = d.top + 22
	heading := words.Say(d.lang, "report.office.heading", "office", o.Name)
	for _, line := range d.wrap(heading, w*0.9, title) {
		d.text(d.margin, d.y, w, 30, line, title)
		d.y += 30
	}
	d.versionLine()
	d.text(d.margin, d.y, w, 16, words.Say(d.lang, "report.cover.where", "region", d.p.Info.Region, "project", d.p.Info.Name),
		body.sized(10).with(gopdf.Center).colored(darkGrey))
	d.y += 20
	d.rule(d.margin+w*0.2, d.y, d.margin+w*0.8, d.y, 0.8, darkGrey)
	d.y += 10
	d.narrative(d.officeNarrative(o, fs))
	d.y += 6

	d.coverFigures(o, fs)
}

// coverFigures prints the balance index and the office's facts, and beside
// them the findings counted by rule. Both start below the summary with
// their first rows (the balance index with the facts whole when they fit)
// and go on at the top of the next page, under a continued caption, with
// whatever does not fit: page 1 is not left half empty.
func (d *doc) coverFigures(o *model.Office, fs []model.Finding) {
	w := d.width()
	leftW := w * 0.42
	facts, factRows := d.coverFacts(d.margin, leftW, d.officeFacts(o))
	facts.caption = words.Say(d.lang, "report.cover.facts")
	facts.header = func(float64) float64 { return 0 } // a form: no header row on any page
	counts, countRows := d.coverCounts(d.margin+leftW+24, w-leftW-24, fs)
	counts.caption = words.Say(d.lang, "report.cover.by_rule")
	countsHead := tableCaptionHeight + counts.headerHeight()
	nFacts := rowsWithin(factRows, d.bottom-d.y-coverBalanceHeight)
	nCounts := rowsWithin(countRows, d.bottom-d.y-countsHead)
	if d.y > d.top && (nFacts < min(coverFirstRows, len(factRows)) || nCounts < min(coverFirstRows, len(countRows))) {
		d.newPage(d.running)
		nFacts = rowsWithin(factRows, d.bottom-d.y-coverBalanceHeight)
		nCounts = rowsWithin(countRows, d.bottom-d.y-countsHead)
	}
	top := d.y
	d.coverBalance(d.margin, leftW, o)
	facts.drawEnding(factRows[:nFacts], 0)
	bottom := d.y
	d.y = top
	counts.captionAt(counts.caption)
	counts.drawEnding(countRows[:nCounts], 0)
	if nFacts == len(factRows) && nCounts == len(countRows) {
		d.y = math.Max(d.y, bottom)
		return
	}
	d.newPage(d.running)
	top = d.y
	if nFacts < len(factRows) {
		facts.captionAt(words.Say(d.lang, "report.continued", "title", facts.caption))
		facts.drawEnding(factRows[nFacts:], 0)
	}
	bottom = d.y
	d.y = top
	if nCounts < len(countRows) {
		counts.top(true)
		counts.started = true
		counts.drawEnding(countRows[nCounts:], 0)
	}
	d.y = math.Max(d.y, bottom)
}

// coverFirstRows is how many rows of each cover table at least start below
// the summary; with fewer room there, both start on the next page.
const coverFirstRows = 3

// rowsWithin is how many of the first rows fit in h points, leaving none
// or at least two to go on over the page (never one row alone there).
func rowsWithin(rows []laidRow, h float64) int {
	for i, r := range rows {
		if h -= r.h; h < 0 {
			return max(0, min(i, len(rows)-2))
		}
	}
	return len(rows)
}

// The height of the cover's balance index block.
const coverBalanceHeight = 16.0 + 42.0

// coverBalance prints the office's balance index large, with what it counts.
func (d *doc) coverBalance(x, w float64, o *model.Office) {
	sum := officeSummary(d.r, o.ID)
	top := d.y
	d.text(x, d.y, w, 14, d.balanceName(), head2)
	d.y += 16
	d.text(x, d.y, 100, 34, indexFigure(&sum.Summary), style{size: 28, bold: true})
	d.text(x+100, d.y+4, w-100, 14, words.Say(d.lang, "report.cover.counts", "duties", sum.Items, "findings", count(&sum.Summary), "coverage", sum.Coverage()), body.sized(9.5))
	d.text(x+100, d.y+19, w-100, 12, words.Say(d.lang, "report.cover.balance_note"), small.colored(darkGrey))
	d.y = top + coverBalanceHeight
}

// officeFacts are the office's facts and the title block, for the cover;
// its name and the version are in the title above them.
func (d *doc) officeFacts(o *model.Office) [][2]string {
	rows := [][2]string{{words.Say(d.lang, "report.fact.office_kind"), o.Kind.Name().In(d.lang)}}
	if o.Population > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.population"), itoa(o.Population)})
	}
	if o.Communities > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.communities"), itoa(o.Communities)})
	}
	if o.Establishment > 0 || o.StaffAvailable() > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.staff"),
			words.Say(d.lang, "report.fact.staff_value", "establishment", o.Establishment, "actual", o.StaffAvailable())})
	}
	if o.BudgetWan > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.budget"), words.Num(o.BudgetWan)})
	}
	for _, r := range d.titleFacts() {
		if r[0] != words.Say(d.lang, "report.fact.version") {
			rows = append(rows, r)
		}
	}
	return rows
}

// coverFacts lays out the facts as a form at x, w wide, to be measured and drawn.
func (d *doc) coverFacts(x, w float64, facts [][2]string) (*table, []laidRow) {
	t := newTable(d, []column{{width: w * 0.3, align: gopdf.Left}, {width: w * 0.7, align: gopdf.Left}}, body.sized(8))
	t.x = x
	t.started = true // no header row: a form
	t.pad = 2
	rows := make([]laidRow, 0, len(facts))
	for _, r := range facts {
		rows = append(rows, t.layout([]cell{{text: r[0], fill: fillOf(palette.Group)}, {text: r[1]}}))
	}
	return t, rows
}

// coverCounts lays out the findings counted by rule and severity at x, w wide.
func (d *doc) coverCounts(x, w float64, fs []model.Finding) (*table, []laidRow) {
	counts := map[model.RuleCode]map[model.Severity]int{}
	for _, f := range fs {
		if counts[f.Rule] == nil {
			counts[f.Rule] = map[model.Severity]int{}
		}
		counts[f.Rule][f.Severity]++
	}
	sevW := (w * 0.56) / 5
	cols := []column{{title: words.Say(d.lang, "report.col.rule"), width: w - 5*sevW, align: gopdf.Left}}
	for _, s := range model.Severities {
		cols = append(cols, column{title: s.Name().In(d.lang), width: sevW, align: gopdf.Center})
	}
	cols = append(cols, column{title: words.Say(d.lang, "report.total"), width: sevW, align: gopdf.Center})
	t := newTable(d, cols, body.sized(7.5))
	t.x = x
	t.pad = 2
	colTotals := map[model.Severity]int{}
	rows := make([]laidRow, 0, len(model.RuleCodes)+1)
	for _, rc := range model.RuleCodes {
		row := []cell{{text: d.ruleName(rc)}}
		n := 0
		for _, s := range model.Severities {
			c := counts[rc][s]
			n += c
			colTotals[s] += c
			row = append(row, countCell(c, s))
		}
		row = append(row, cell{text: itoa(n), bold: n > 0})
		rows = append(rows, t.layout(row))
	}
	row := []cell{{text: words.Say(d.lang, "report.total"), bold: true}}
	for _, s := range model.Severities {
		row = append(row, cell{text: itoa(colTotals[s]), bold: true})
	}
	return t, append(rows, t.layout(append(row, cell{text: itoa(len(fs)), bold: true})))
}

// countCell shows a count, tinted with its severity when not zero.
func countCell(n int, s model.Severity) cell {
	if n == 0 {
		return cell{text: "—", color: &midGrey}
	}
	return cell{text: itoa(n), fill: sevFill(s)}
}

func (s style) colored(c color.NRGBA) style { s.color = c; return s }
