package report

import (
	"math"
	"sort"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// district prints the district summary: key figures, the offices ×
// categories heat map, the ranking by balance index and per-office totals.
// Every figure comes from the summaries: no finding is listed or worded.
// tail is the room the totals' last row keeps below it (signedIf).
func (d *doc) district(offices []*model.Office, tail float64) int {
	running := words.Say(d.lang, "report.district.running")
	d.newPage(running)
	if d.toc == nil {
		d.corners() // a district report alone: its first page is its cover
		d.y += 20
	}
	w := d.width()
	d.text(d.margin, d.y, w, 26, words.Say(d.lang, "report.district.title", "region", d.p.Info.Region), title.sized(18))
	d.y += 30
	d.versionLine()
	d.text(d.margin, d.y, w, 14, words.Say(d.lang, "report.district.project_date", "project", d.p.Info.Name, "date", d.date()),
		body.sized(10).with(gopdf.Center).colored(darkGrey))
	d.y += 22
	tot := d.r.Total
	d.text(d.margin, d.y, w, 14, words.Say(d.lang, "report.district.figures", "offices", len(offices), "duties", len(d.p.Duties),
		"pairs", tot.Items, "findings", count(&tot), "index", words.M("term.balance_index"), "balance", d.indexOf(&tot)),
		body.sized(10).with(gopdf.Center))
	d.y += 20
	d.rule(d.margin+w*0.2, d.y, d.margin+w*0.8, d.y, 0.8, darkGrey)
	d.y += 10
	d.narrative(d.districtNarrative(offices))
	d.y += 6

	n := 1
	d.heatMap(n, offices)
	n++
	d.ranking(n, offices)
	n++
	d.totals(n, offices, tail)
	return n
}

// heatMap prints, per office and category, what the screen's heat map
// shows: the gap ratio ΣG/ΣW (palette.GapRatio) on its printed fill.
func (d *doc) heatMap(n int, offices []*model.Office) {
	caption := d.sectionTitle(n, words.Say(d.lang, "report.heat.title", "ratio", words.M("term.gap_ratio")))
	note := words.Say(d.lang, "report.heat.note", "ratio", words.M("term.gap_ratio.lower"), "index", words.M("term.balance_index.lower"))
	noteStyle := small.colored(darkGrey)
	cats := d.p.Categories()
	w := d.width()
	nameW := 120.0
	cw := (w - nameW) / float64(len(cats)+1)
	cols := []column{{title: words.Say(d.lang, "report.col.office"), width: nameW, align: gopdf.Left}}
	for _, c := range cats {
		cols = append(cols, column{title: c, width: cw, align: gopdf.Center})
	}
	cols = append(cols, column{title: words.Say(d.lang, "report.total"), width: cw, align: gopdf.Center})
	t := newTable(d, cols, body.sized(8))
	t.caption = caption
	heat := func(s *model.Summary) cell {
		ratio := palette.GapRatio(s)
		if ratio < 0 || s.Items == 0 {
			return cell{text: "—", color: &midGrey}
		}
		return cell{text: words.Say(d.lang, "report.heat.cell", "ratio", words.Pct(ratio), "gap", s.Gap), fill: fillOf(palette.GapPrint(ratio))}
	}
	rows := make([]laidRow, 0, len(offices)+1)
	for _, o := range offices {
		sum := officeSummary(d.r, o.ID)
		row := []cell{{text: o.Name}}
		for _, c := range cats {
			row = append(row, heat(sum.ByCategory[c]))
		}
		total := sum.Summary
		row = append(row, heat(&total))
		row[len(row)-1].bold = true
		rows = append(rows, t.layout(row))
	}
	row := []cell{{text: words.Say(d.lang, "report.district.total"), bold: true}}
	for _, c := range cats {
		row = append(row, heat(d.r.ByCategory[c]))
	}
	total := d.r.Total
	rows = append(rows, t.layout(append(row, heat(&total))))

	d.headedBlock(caption, head1, d.paragraphHeight(note, noteStyle)+heatKeyHeight+heatKeyGap+t.height(rows))
	d.paragraph(note, noteStyle)
	d.heatKey()
	d.y += heatKeyGap
	for _, r := range rows {
		t.draw(r)
	}
}

// The heat key's line and the space below it.
const heatKeyHeight, heatKeyGap = 16.0, 4.0

// heatKey shows the printed steps of the gap ramp with the ratios each covers.
func (d *doc) heatKey() {
	x := d.margin
	steps := []model.Severity{0, model.SevInfo, model.SevWarning, model.SevSerious, model.SevCritical}
	for i, s := range steps {
		var label string
		if i+1 < len(steps) {
			label = words.Say(d.lang, "report.heat.below", "ratio", words.Pct(stepStart(steps[i+1])))
			if i > 0 {
				label = words.Say(d.lang, "report.heat.range", "from", words.Pct(stepStart(s)), "to", words.Pct(stepStart(steps[i+1])))
			}
		} else {
			label = words.Say(d.lang, "report.heat.from", "ratio", words.Pct(stepStart(s)))
		}
		w := d.measure(label, small) + 12
		fill := palette.GapPrint(stepStart(s))
		d.fillRect(x, d.y+1, w, 11, fill)
		d.strokeRect(x, d.y+1, w, 11, 0.3, midGrey)
		d.text(x, d.y+1, w, 11, label, small.with(gopdf.Center))
		x += w
	}
	d.y += heatKeyHeight
}

// stepStart is the least gap ratio palette.GapSeverity puts on step s,
// found by bisection so that the key follows the palette's thresholds.
func stepStart(s model.Severity) float64 {
	if s == 0 {
		return 0
	}
	lo, hi := 0.0, 1.0
	for i := 0; i < 40; i++ {
		mid := (lo + hi) / 2
		if palette.GapSeverity(mid) >= s {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

func (d *doc) ranking(n int, offices []*model.Office) {
	ranked := append([]*model.Office(nil), offices...)
	bal := func(o *model.Office) float64 { return officeSummary(d.r, o.ID).Balance }
	// An office with nothing assessed has no index: it comes last, unranked by it.
	unassessed := func(o *model.Office) bool { return officeSummary(d.r, o.ID).Assessed == 0 }
	sort.SliceStable(ranked, func(i, j int) bool {
		if ui, uj := unassessed(ranked[i]), unassessed(ranked[j]); ui != uj {
			return uj
		}
		return bal(ranked[i]) < bal(ranked[j])
	})
	caption := d.sectionTitle(n, words.Say(d.lang, "report.ranking.title", "index", words.M("term.balance_index.lower")))
	w := d.width()
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.rank"), width: 36, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.office"), width: 140, align: gopdf.Left},
		{title: d.balanceName(), width: w - 36 - 140 - 140, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.gap_sum"), width: 70, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.findings"), width: 70, align: gopdf.Right},
	}, body.sized(8.5))
	t.caption = caption
	rows := make([]laidRow, 0, len(ranked))
	for i, o := range ranked {
		sum := officeSummary(d.r, o.ID)
		rows = append(rows, t.layout([]cell{{text: itoa(i + 1)}, {text: o.Name}, {text: d.indexOf(&sum.Summary), isBar: sum.Assessed > 0, bar: math.Max(0, sum.Balance)},
			{text: fmtFloat(sum.Gap, 1)}, {text: itoa(count(&sum.Summary))}}))
	}
	d.headedBlock(caption, head1, t.height(rows))
	for _, r := range rows {
		t.draw(r)
	}
}

func (d *doc) totals(n int, offices []*model.Office, tail float64) {
	caption := d.sectionTitle(n, words.Say(d.lang, "report.totals.title"))
	w := d.width()
	cw := (w - 140) / float64(4+len(model.Severities)+1)
	cols := []column{{title: words.Say(d.lang, "report.col.office"), width: 140, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.duties"), width: cw, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.weight_sum"), width: cw, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.gap_sum"), width: cw, align: gopdf.Right},
		{title: d.balanceName(), width: cw, align: gopdf.Right}}
	for _, s := range model.Severities {
		cols = append(cols, column{title: s.Name().In(d.lang), width: cw, align: gopdf.Right})
	}
	cols = append(cols, column{title: words.Say(d.lang, "report.col.findings_total"), width: cw, align: gopdf.Right})
	t := newTable(d, cols, body.sized(8.5))
	t.caption = caption
	row := func(name string, s *model.Summary, bold bool) []cell {
		r := []cell{{text: name, bold: bold}, {text: itoa(s.Items), bold: bold}, {text: fmtFloat(s.Weight, 1), bold: bold},
			{text: fmtFloat(s.Gap, 1), bold: bold}, {text: indexFigure(s), bold: true}}
		for _, sv := range model.Severities {
			c := countCell(s.BySeverity[sv], sv)
			c.bold = bold
			r = append(r, c)
		}
		return append(r, cell{text: itoa(count(s)), bold: true})
	}
	rows := make([]laidRow, 0, len(offices)+1)
	for _, o := range offices {
		rows = append(rows, t.layout(row(o.Name, &officeSummary(d.r, o.ID).Summary, false)))
	}
	rows = append(rows, t.layout(row(words.Say(d.lang, "report.totals.total_row"), &d.r.Total, true)))
	d.headedBlock(caption, head1, t.height(rows)+tail)
	t.drawEnding(rows, tail)
}
