package report

import (
	"image/color"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// cover prints the office's title page: who and what, the balance index and
// the findings counted by rule and severity.
func (d *doc) cover(o *model.Office, fs []model.Finding) {
	d.newPage(d.officeRunning(o))
	w := d.width()
	d.y = d.top + (d.bottom-d.top)*0.06
	d.text(d.margin, d.y, w, 30, o.Name, title)
	d.y += 32
	d.text(d.margin, d.y, w, 26, words.Say(d.lang, "report.office.title"), title.sized(17))
	d.y += 30
	d.text(d.margin, d.y, w, 16, words.Say(d.lang, "report.cover.where", "region", d.p.Info.Region, "project", d.p.Info.Name),
		body.sized(11).with(gopdf.Center).colored(darkGrey))
	d.y += 26
	d.rule(d.margin+w*0.2, d.y, d.margin+w*0.8, d.y, 0.8, darkGrey)
	d.y += 18

	top := d.y
	leftW := w * 0.42
	d.coverFacts(d.margin, leftW, o)
	d.y = top
	d.coverCounts(d.margin+leftW+24, w-leftW-24, o, fs)
}

func (d *doc) coverFacts(x, w float64, o *model.Office) {
	rows := [][2]string{
		{words.Say(d.lang, "report.fact.project"), d.p.Info.Name},
		{words.Say(d.lang, "report.fact.region"), d.p.Info.Region},
		{words.Say(d.lang, "report.fact.office"), o.Name},
		{words.Say(d.lang, "report.fact.office_kind"), o.Kind.Name().In(d.lang)},
	}
	if o.Population > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.population"), itoa(o.Population)})
	}
	if o.Communities > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.communities"), itoa(o.Communities)})
	}
	if o.Establishment > 0 || o.StaffActual > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.staff"),
			words.Say(d.lang, "report.fact.staff_value", "establishment", o.Establishment, "actual", o.StaffActual)})
	}
	if o.BudgetWan > 0 {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.budget"), words.Num(o.BudgetWan)})
	}
	rows = append(rows, [2]string{words.Say(d.lang, "report.fact.date"), d.date()}, [2]string{words.Say(d.lang, "report.fact.author"), d.opt.Author})
	t := newTable(d, []column{{width: w * 0.34, align: gopdf.Left}, {width: w * 0.66, align: gopdf.Left}}, body.sized(10))
	t.x = x
	t.started = true // no header row: a form
	t.pad = 4
	for _, r := range rows {
		t.row([]cell{{text: r[0], fill: fillOf(palette.Group)}, {text: r[1]}})
	}
}

func (d *doc) coverCounts(x, w float64, o *model.Office, fs []model.Finding) {
	sum := officeSummary(d.r, o.ID)
	d.text(x, d.y, w, 14, d.balanceName(), head2)
	d.y += 16
	d.text(x, d.y, 120, 40, fmtFloat(sum.Balance, 2), style{size: 34, bold: true})
	d.text(x+120, d.y+6, w-120, 14, words.Say(d.lang, "report.cover.counts", "duties", sum.Items, "findings", count(&sum.Summary)), body.sized(10))
	d.text(x+120, d.y+22, w-120, 12, words.Say(d.lang, "report.cover.balance_note"), small.colored(darkGrey))
	d.y += 52

	d.text(x, d.y, w, 14, words.Say(d.lang, "report.cover.by_rule"), head2)
	d.y += 18
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
	t := newTable(d, cols, body)
	t.x = x
	colTotals := map[model.Severity]int{}
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
		t.row(row)
	}
	row := []cell{{text: words.Say(d.lang, "report.total"), bold: true}}
	for _, s := range model.Severities {
		row = append(row, cell{text: itoa(colTotals[s]), bold: true})
	}
	t.row(append(row, cell{text: itoa(len(fs)), bold: true}))
}

// countCell shows a count, tinted with its severity when not zero.
func countCell(n int, s model.Severity) cell {
	if n == 0 {
		return cell{text: "—", color: &midGrey}
	}
	return cell{text: itoa(n), fill: sevFill(s)}
}

func (s style) colored(c color.NRGBA) style { s.color = c; return s }
