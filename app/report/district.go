package report

import (
	"math"
	"sort"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
)

// heatFill shades a balance index: white when balanced, a muted red-brown
// when far out of balance. The number is always printed in the cell, and the
// lightness alone orders the cells in greyscale.
func heatFill(balance float64) *rgb {
	t := math.Max(0, math.Min(1, (1-balance)/0.6))
	lerp := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
	c := rgb{lerp(255, 200), lerp(255, 152), lerp(255, 142)}
	return &c
}

// district prints the district summary: key figures, the offices ×
// categories heat map, the ranking by balance index and per-office totals.
func (d *doc) district(offices []*model.Office) int {
	d.newPage(d.label("districtReport"))
	w := d.width()
	d.text(d.margin, d.y, w, 26, d.p.Info.Region+d.label("districtReport"), title.sized(18))
	d.y += 30
	d.text(d.margin, d.y, w, 14, d.p.Info.Name+d.gap(1)+d.date(), body.sized(10).with(gopdf.Center).colored(darkGrey))
	d.y += 22
	tot := d.r.Total
	d.text(d.margin, d.y, w, 14, d.label("offices")+d.colon()+itoa(len(offices))+d.gap(2)+d.label("items")+d.colon()+itoa(tot.Items)+
		d.gap(2)+d.label("findings")+d.colon()+itoa(len(d.r.Findings))+d.gap(2)+d.label("balance")+d.colon()+fmtFloat(tot.Balance, 2), body.sized(10).with(gopdf.Center))
	d.y += 20

	n := 1
	d.heatMap(n, offices)
	n++
	d.ranking(n, offices)
	n++
	d.totals(n, offices)
	return n
}

func (d *doc) heatMap(n int, offices []*model.Office) {
	d.keepTogether(70 + float64(len(offices)+2)*28)
	d.heading(d.sectionTitle(n, "heatTitle"), head1)
	d.paragraph(d.label("heatNote"), small.colored(darkGrey))
	d.heatKey()
	d.y += 4
	cats := d.p.Categories()
	w := d.width()
	nameW := 120.0
	cw := (w - nameW) / float64(len(cats)+1)
	cols := []column{{title: d.label("office"), width: nameW, align: gopdf.Left}}
	for _, c := range cats {
		cols = append(cols, column{title: c, width: cw, align: gopdf.Center})
	}
	cols = append(cols, column{title: d.label("total"), width: cw, align: gopdf.Center})
	t := newTable(d, cols, body.sized(8))
	heat := func(s *model.Summary) cell {
		if s == nil || s.Items == 0 {
			return cell{text: "—", color: &midGrey}
		}
		return cell{text: fmtFloat(s.Balance, 2) + "\nΣG " + fmtFloat(s.Gap, 1), fill: heatFill(s.Balance)}
	}
	for _, o := range offices {
		sum := officeSummary(d.r, o.ID)
		row := []cell{{text: o.Name}}
		for _, c := range cats {
			row = append(row, heat(sum.ByCategory[c]))
		}
		total := sum.Summary
		row = append(row, heat(&total))
		row[len(row)-1].bold = true
		t.row(row)
	}
	row := []cell{{text: d.label("districtTotal"), bold: true}}
	for _, c := range cats {
		row = append(row, heat(d.r.ByCategory[c]))
	}
	total := d.r.Total
	t.row(append(row, heat(&total)))
}

func (d *doc) ranking(n int, offices []*model.Office) {
	ranked := append([]*model.Office(nil), offices...)
	bal := func(o *model.Office) float64 { return officeSummary(d.r, o.ID).Balance }
	sort.SliceStable(ranked, func(i, j int) bool { return bal(ranked[i]) < bal(ranked[j]) })
	d.keepTogether(50 + float64(len(offices)+1)*18)
	d.heading(d.sectionTitle(n, "rankingTitle"), head1)
	w := d.width()
	t := newTable(d, []column{
		{title: d.label("rank"), width: 36, align: gopdf.Center},
		{title: d.label("office"), width: 140, align: gopdf.Left},
		{title: d.label("balance"), width: w - 36 - 140 - 140, align: gopdf.Left},
		{title: d.label("gapSum"), width: 70, align: gopdf.Right},
		{title: d.label("findings"), width: 70, align: gopdf.Right},
	}, body.sized(8.5))
	for i, o := range ranked {
		sum := officeSummary(d.r, o.ID)
		t.row([]cell{{text: itoa(i + 1)}, {text: o.Name}, {text: fmtFloat(sum.Balance, 2), isBar: true, bar: math.Max(0, sum.Balance)},
			{text: fmtFloat(sum.Gap, 1)}, {text: itoa(len(officeFindings(d.r, o.ID)))}})
	}
}

func (d *doc) totals(n int, offices []*model.Office) {
	d.keepTogether(50 + float64(len(offices)+2)*18)
	d.heading(d.sectionTitle(n, "totalsTitle"), head1)
	w := d.width()
	cw := (w - 140) / float64(4+len(model.Severities)+1)
	cols := []column{{title: d.label("office"), width: 140, align: gopdf.Left},
		{title: d.label("items"), width: cw, align: gopdf.Right},
		{title: d.label("weightSum"), width: cw, align: gopdf.Right},
		{title: d.label("gapSum"), width: cw, align: gopdf.Right},
		{title: d.label("balance"), width: cw, align: gopdf.Right}}
	for _, s := range model.Severities {
		cols = append(cols, column{title: s.Name().In(d.opt.Lang), width: cw, align: gopdf.Right})
	}
	cols = append(cols, column{title: d.label("findings") + d.label("total"), width: cw, align: gopdf.Right})
	t := newTable(d, cols, body.sized(8.5))
	row := func(name string, s model.Summary, findings []model.Finding, bold bool) []cell {
		bySev := map[model.Severity]int{}
		for _, f := range findings {
			bySev[f.Severity]++
		}
		r := []cell{{text: name, bold: bold}, {text: itoa(s.Items), bold: bold}, {text: fmtFloat(s.Weight, 1), bold: bold},
			{text: fmtFloat(s.Gap, 1), bold: bold}, {text: fmtFloat(s.Balance, 2), bold: true}}
		for _, sv := range model.Severities {
			c := countCell(bySev[sv], sv)
			c.bold = bold
			r = append(r, c)
		}
		return append(r, cell{text: itoa(len(findings)), bold: true})
	}
	var all []model.Finding
	for _, o := range offices {
		fs := officeFindings(d.r, o.ID)
		all = append(all, fs...)
		t.row(row(o.Name, officeSummary(d.r, o.ID).Summary, fs, false))
	}
	t.row(row(d.label("districtTotal"), d.r.Total, all, true))
}

// heatKey shows the shading steps with the balance index each stands for.
func (d *doc) heatKey() {
	x := d.margin
	for _, b := range []float64{1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4} {
		label := fmtFloat(b, 1)
		if b == 0.4 {
			label = "≤ 0.4"
		}
		w := d.measure(label, small) + 12
		d.fillRect(x, d.y+1, w, 11, *heatFill(b))
		d.strokeRect(x, d.y+1, w, 11, 0.3, midGrey)
		d.text(x, d.y+1, w, 11, label, small.with(gopdf.Center))
		x += w
	}
	d.y += 16
}
