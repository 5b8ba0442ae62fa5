package report

import (
	"strconv"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// comparison is the baseline against the scenario, compared office by
// office as each is printed: an office's report asks for that office's
// findings in both analyses only, never for the whole district's list.
type comparison struct {
	base, scen *model.Result
}

func newComparison(base, scen *model.Result) *comparison { return &comparison{base, scen} }

// office sorts the office's findings into those the decisions close, those
// still open (as the scenario has them) and those they open, each worst first.
func (c *comparison) office(id model.ID) (closed, still, opened []model.Finding) {
	return model.CompareFindings(c.base.FindingsOfOffice(id), c.scen.FindingsOfOffice(id))
}

// scenarioWanted reports whether the scenario section is printed: it is
// chosen and there are decisions to carry out.
func (d *doc) scenarioWanted() bool { return d.opt.Has(SectionScenario) && len(d.p.Decisions) > 0 }

// comparison analyses the scenario the first time a page needs it: a
// report of offices without decisions never pays for a second analysis.
func (d *doc) comparison() *comparison {
	if d.cmp == nil {
		d.cmp = newComparison(d.r, model.Analyze(model.Scenario(d.p)))
	}
	return d.cmp
}

// balances are an office's balance index before and after the decisions.
func (c *comparison) balances(id model.ID) (before, after float64) {
	before = officeSummary(c.base, id).Balance
	after = before
	if s, ok := c.scen.Offices[id]; ok && s != nil {
		after = s.Balance
	}
	return before, after
}

// officeScenario prints what the office's decisions would change: balance
// index and findings before and after, and which findings close or open.
func (d *doc) officeScenario(n int, o *model.Office) {
	cmp := d.comparison()
	closed, still, opened := cmp.office(o.ID)
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.scenario.title")), head1)

	before, after := cmp.balances(o.ID)
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
	defer d.signBlock()
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
	lt.caption = d.sectionTitle(n, words.Say(d.lang, "report.scenario.title"))
	// A closed finding is worded by the baseline, an opened one by the scenario.
	for _, g := range []struct {
		change string
		r      *model.Result
		fs     []model.Finding
	}{
		{words.Say(d.lang, "report.scenario.closed"), d.r, closed},
		{words.Say(d.lang, "report.scenario.opened"), cmp.scen, opened},
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
	t.caption = d.sectionTitle(n, words.Say(d.lang, "report.scenario.district_title"))
	cmp := d.comparison()
	var closedAll, stillAll, openedAll int
	for _, o := range offices {
		before, after := cmp.balances(o.ID)
		closed, still, opened := cmp.office(o.ID)
		closedAll, stillAll, openedAll = closedAll+len(closed), stillAll+len(still), openedAll+len(opened)
		t.row([]cell{{text: o.Name}, {text: fmtFloat(before, 2)}, {text: fmtFloat(after, 2)}, {text: signedDelta(before, after), bold: after != before},
			{text: itoa(len(closed))}, {text: itoa(len(still))}, {text: itoa(len(opened))}})
	}
	before, after := d.r.Total.Balance, cmp.scen.Total.Balance
	t.row([]cell{{text: words.Say(d.lang, "report.district.total"), bold: true}, {text: fmtFloat(before, 2), bold: true}, {text: fmtFloat(after, 2), bold: true},
		{text: signedDelta(before, after), bold: true}, {text: itoa(closedAll), bold: true},
		{text: itoa(stillAll), bold: true}, {text: itoa(openedAll), bold: true}})
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
