package report

import (
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
)

// officeScenario prints what the office's decisions would change: balance
// index and findings before and after, and which findings close or open.
func (d *doc) officeScenario(n int, o *model.Office, cmp *model.Comparison) {
	closed := findingsOf(cmp.Closed, o.ID)
	still := findingsOf(cmp.StillOpen, o.ID)
	opened := findingsOf(cmp.Opened, o.ID)
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, "scenarioTitle"), head1)

	before, okB := cmp.OfficeBefore[o.ID]
	after, okA := cmp.OfficeAfter[o.ID]
	if !okB {
		before = officeSummary(d.r, o.ID).Balance
	}
	if !okA {
		after = before
	}
	t := newTable(d, []column{
		{title: "", width: 160, align: gopdf.Left},
		{title: d.label("before"), width: 90, align: gopdf.Center},
		{title: d.label("after"), width: 90, align: gopdf.Center},
		{title: d.label("change"), width: 90, align: gopdf.Center},
	}, body)
	t.row([]cell{{text: d.label("balance")}, {text: fmtFloat(before, 2)}, {text: fmtFloat(after, 2)}, {text: signedDelta(before, after), bold: true}})
	nb, na := len(closed)+len(still), len(still)+len(opened)
	t.row([]cell{{text: d.label("findings")}, {text: itoa(nb)}, {text: itoa(na)}, {text: signedInt(na - nb), bold: true}})
	d.y += 8
	d.paragraph(d.label("closed")+d.colon()+itoa(len(closed))+d.gap(1)+d.label("stillOpen")+d.colon()+itoa(len(still))+d.gap(1)+d.label("opened")+d.colon()+itoa(len(opened)), body)
	if len(closed)+len(opened) == 0 {
		d.paragraph(d.label("noChange"), body)
		return
	}
	d.y += 6
	w := d.width()
	st := body.sized(8.5)
	sevW, ruleW := d.findingColumns(st)
	lt := newTable(d, []column{
		{title: d.label("change"), width: 80, align: gopdf.Left},
		{title: d.label("severity"), width: sevW, align: gopdf.Center},
		{title: d.label("rule"), width: ruleW, align: gopdf.Left},
		{title: d.label("itemOrAuth"), width: w * 0.3, align: gopdf.Left},
		{title: d.label("reason"), width: w - 80 - sevW - ruleW - w*0.3, align: gopdf.Left},
	}, st)
	for _, g := range []struct {
		key string
		fs  []model.Finding
	}{{"closed", closed}, {"opened", opened}} {
		for _, f := range g.fs {
			lt.row([]cell{{text: d.label(g.key)}, {text: d.sevLabel(f.Severity), fill: sevFillOf(f.Severity)},
				{text: ruleName(f.Rule).In(d.opt.Lang)}, {text: d.findingSubject(f)}, {text: f.Reason.In(d.opt.Lang)}})
		}
	}
}

// districtScenario prints the balance index before and after per office.
func (d *doc) districtScenario(n int, offices []*model.Office, cmp *model.Comparison) {
	if d.running != d.label("districtReport") {
		d.newPage(d.label("districtReport"))
	}
	d.keepTogether(50 + float64(len(offices)+2)*18)
	d.heading(d.sectionTitle(n, "scenarioDistrict"), head1)
	w := d.width()
	cw := (w - w*0.28) / 6
	t := newTable(d, []column{
		{title: d.label("office"), width: w * 0.28, align: gopdf.Left},
		{title: d.label("balance") + "\n" + strings.TrimSpace(d.paren(d.label("before"))), width: cw, align: gopdf.Center},
		{title: d.label("balance") + "\n" + strings.TrimSpace(d.paren(d.label("after"))), width: cw, align: gopdf.Center},
		{title: d.label("change"), width: cw, align: gopdf.Center},
		{title: d.label("closed"), width: cw, align: gopdf.Center},
		{title: d.label("stillOpen"), width: cw, align: gopdf.Center},
		{title: d.label("opened"), width: cw, align: gopdf.Center},
	}, body)
	for _, o := range offices {
		before, ok := cmp.OfficeBefore[o.ID]
		if !ok {
			before = officeSummary(d.r, o.ID).Balance
		}
		after, ok := cmp.OfficeAfter[o.ID]
		if !ok {
			after = before
		}
		t.row([]cell{{text: o.Name}, {text: fmtFloat(before, 2)}, {text: fmtFloat(after, 2)}, {text: signedDelta(before, after), bold: after != before},
			{text: itoa(len(findingsOf(cmp.Closed, o.ID)))}, {text: itoa(len(findingsOf(cmp.StillOpen, o.ID)))}, {text: itoa(len(findingsOf(cmp.Opened, o.ID)))}})
	}
	t.row([]cell{{text: d.label("districtTotal"), bold: true}, {text: fmtFloat(cmp.Before.Balance, 2), bold: true}, {text: fmtFloat(cmp.After.Balance, 2), bold: true},
		{text: signedDelta(cmp.Before.Balance, cmp.After.Balance), bold: true}, {text: itoa(len(cmp.Closed)), bold: true},
		{text: itoa(len(cmp.StillOpen)), bold: true}, {text: itoa(len(cmp.Opened)), bold: true}})
}

func findingsOf(fs []model.Finding, office model.ID) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Office == office {
			out = append(out, f)
		}
	}
	return out
}

// signedDelta is after − before as printed: the difference of the two
// rounded values, so that 0.85 → 0.86 reads +0.01, never +0.00.
func signedDelta(before, after float64) string {
	b, _ := strconv.ParseFloat(fmtFloat(before, 2), 64)
	a, _ := strconv.ParseFloat(fmtFloat(after, 2), 64)
	x := a - b
	switch {
	case x > 0.0001:
		return "+" + fmtFloat(x, 2)
	case x < -0.0001:
		return fmtFloat(x, 2)
	}
	return "0.00"
}

func signedInt(n int) string {
	if n > 0 {
		return "+" + itoa(n)
	}
	return itoa(n)
}
