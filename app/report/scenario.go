package report

import (
	"strconv"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// comparison is the baseline against the scenario, with each list grouped
// by office once, so that office pages and the district table look up their
// rows instead of scanning every finding for each office.
type comparison struct {
	*model.Comparison
	closed, still, opened map[model.ID][]model.Finding
}

func newComparison(base, scen *model.Result) *comparison {
	c := &comparison{Comparison: model.Compare(base, scen)}
	c.closed, c.still, c.opened = byOffice(c.Closed), byOffice(c.StillOpen), byOffice(c.Opened)
	return c
}

func byOffice(fs []model.Finding) map[model.ID][]model.Finding {
	out := map[model.ID][]model.Finding{}
	for _, f := range fs {
		out[f.Office] = append(out[f.Office], f)
	}
	return out
}

// balances are an office's balance index before and after the decisions.
func (d *doc) balances(o *model.Office) (before, after float64) {
	before, ok := d.cmp.OfficeBefore[o.ID]
	if !ok {
		before = officeSummary(d.r, o.ID).Balance
	}
	after, ok = d.cmp.OfficeAfter[o.ID]
	if !ok {
		after = before
	}
	return before, after
}

// officeScenario prints what the office's decisions would change: balance
// index and findings before and after, and which findings close or open.
func (d *doc) officeScenario(n int, o *model.Office) {
	closed, still, opened := d.cmp.closed[o.ID], d.cmp.still[o.ID], d.cmp.opened[o.ID]
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.scenario.title")), head1)

	before, after := d.balances(o)
	t := newTable(d, []column{
		{title: "", width: 160, align: gopdf.Left},
		{title: words.Say(d.lang, "report.scenario.before"), width: 90, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.after"), width: 90, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.change"), width: 90, align: gopdf.Center},
	}, body)
	t.row([]cell{{text: d.balanceName()}, {text: fmtFloat(before, 2)}, {text: fmtFloat(after, 2)}, {text: signedDelta(before, after), bold: true}})
	nb, na := len(closed)+len(still), len(still)+len(opened)
	t.row([]cell{{text: words.Say(d.lang, "report.col.findings")}, {text: itoa(nb)}, {text: itoa(na)}, {text: signedInt(na - nb), bold: true}})
	d.y += 8
	d.paragraph(words.Say(d.lang, "report.scenario.counts", "closed", len(closed), "still", len(still), "opened", len(opened)), body)
	if len(closed)+len(opened) == 0 {
		d.paragraph(words.Say(d.lang, "report.scenario.no_change"), body)
		return
	}
	d.y += 6
	w := d.width()
	st := body.sized(8.5)
	sevW, ruleW := d.findingColumns(st)
	lt := newTable(d, []column{
		{title: words.Say(d.lang, "report.scenario.change"), width: 80, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.severity"), width: sevW, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.rule"), width: ruleW, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.subject"), width: w * 0.3, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.reason"), width: w - 80 - sevW - ruleW - w*0.3, align: gopdf.Left},
	}, st)
	// A closed finding is worded by the baseline, an opened one by the scenario.
	for _, g := range []struct {
		change string
		r      *model.Result
		fs     []model.Finding
	}{
		{words.Say(d.lang, "report.scenario.closed"), d.r, closed},
		{words.Say(d.lang, "report.scenario.opened"), d.scen, opened},
	} {
		for _, f := range g.fs {
			lt.row([]cell{{text: g.change}, {text: d.sevLabel(f.Severity), fill: sevFill(f.Severity)},
				{text: d.ruleName(f.Rule)}, {text: d.findingSubject(f)}, {text: d.reason(g.r, f)}})
		}
	}
}

// districtScenario prints the balance index before and after per office.
func (d *doc) districtScenario(n int, offices []*model.Office) {
	running := words.Say(d.lang, "report.district.running")
	if d.running != running {
		d.newPage(running)
	}
	d.keepTogether(50 + float64(len(offices)+2)*18)
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.scenario.district_title")), head1)
	w := d.width()
	cw := (w - w*0.28) / 6
	index := words.M("term.balance_index")
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.office"), width: w * 0.28, align: gopdf.Left},
		{title: words.Say(d.lang, "report.scenario.index_before", "index", index), width: cw, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.index_after", "index", index), width: cw, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.change"), width: cw, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.closed"), width: cw, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.still_open"), width: cw, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.opened"), width: cw, align: gopdf.Center},
	}, body)
	for _, o := range offices {
		before, after := d.balances(o)
		t.row([]cell{{text: o.Name}, {text: fmtFloat(before, 2)}, {text: fmtFloat(after, 2)}, {text: signedDelta(before, after), bold: after != before},
			{text: itoa(len(d.cmp.closed[o.ID]))}, {text: itoa(len(d.cmp.still[o.ID]))}, {text: itoa(len(d.cmp.opened[o.ID]))}})
	}
	c := d.cmp
	t.row([]cell{{text: words.Say(d.lang, "report.district.total"), bold: true}, {text: fmtFloat(c.Before.Balance, 2), bold: true}, {text: fmtFloat(c.After.Balance, 2), bold: true},
		{text: signedDelta(c.Before.Balance, c.After.Balance), bold: true}, {text: itoa(len(c.Closed)), bold: true},
		{text: itoa(len(c.StillOpen)), bold: true}, {text: itoa(len(c.Opened)), bold: true}})
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
