package report

import (
	"strconv"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// change is what the decisions would change for one office: its findings
// closed, still open (as the scenario has them) and opened, each worst
// first, and its totals before and after. It is worked out office by
// office from the office's own scenario (officesOnly): every rule grades
// one office at a time, so this is the office's part of the whole
// scenario, and a district of 1,000 offices is never copied whole.
type change struct {
	office                model.ID
	scen                  *model.Result // the office's scenario, analysed
	closed, still, opened []model.Finding
	before, after         model.Summary
}

// changeCounts is what the district pages keep of an office's change.
type changeCounts struct {
	closed, still, opened int
	before, after         model.Summary
}

// scenarioWanted reports whether the scenario section is printed: it is
// chosen and there are decisions to carry out.
func (d *doc) scenarioWanted() bool { return d.opt.Has(SectionScenario) && len(d.p.Decisions) > 0 }

// changeOf works out the office's change; the last one is kept, as the
// office's narrative and its scenario page both ask for it.
func (d *doc) changeOf(o *model.Office) *change {
	if d.lastChange != nil && d.lastChange.office == o.ID {
		return d.lastChange
	}
	scen := d.r // no decision concerns the office: its scenario is as it is
	if d.decided(o) {
		if d.records == nil {
			d.records = groupByOffice(d.p)
		}
		scen = model.Analyze(model.Scenario(d.records.officesOnly([]*model.Office{o})))
	}
	c := &change{office: o.ID, scen: scen, before: officeSummary(d.r, o.ID).Summary, after: officeSummary(scen, o.ID).Summary}
	c.closed, c.still, c.opened = model.CompareFindings(d.r.FindingsOfOffice(o.ID), scen.FindingsOfOffice(o.ID))
	d.lastChange = c
	return c
}

// decided reports whether a decision concerns the office: its own, or one
// for every office on a duty in its list.
func (d *doc) decided(o *model.Office) bool {
	if d.decidedFor == nil {
		d.decidedFor = map[model.ID]bool{}
		for _, dec := range d.p.Decisions {
			if dec.Office != model.NilID {
				d.decidedFor[dec.Office] = true
			} else if du, ok := d.p.Duties[dec.Duty]; ok {
				d.decidedForAll = append(d.decidedForAll, du)
			}
		}
	}
	if d.decidedFor[o.ID] {
		return true
	}
	for _, du := range d.decidedForAll {
		if du.AppliesTo(o.ID) {
			return true
		}
	}
	return false
}

// countsOf is the office's change counted; kept for every office, as the
// district's narrative and its scenario table both ask for them.
func (d *doc) countsOf(o *model.Office) changeCounts {
	if c, ok := d.changeCounts[o.ID]; ok {
		return c
	}
	var c changeCounts
	if d.decided(o) {
		ch := d.changeOf(o)
		c = changeCounts{len(ch.closed), len(ch.still), len(ch.opened), ch.before, ch.after}
		d.lastChange = nil // the lists are not kept for a district
	} else {
		// No decision concerns it: every finding stays open, and listing
		// them twice to compare would only sort them twice.
		sum := officeSummary(d.r, o.ID).Summary
		c = changeCounts{still: count(&sum), before: sum, after: sum}
	}
	if d.changeCounts == nil {
		d.changeCounts = map[model.ID]changeCounts{}
	}
	d.changeCounts[o.ID] = c
	return c
}

// districtAfter is the whole district's balance index after the decisions:
// 1 − ΣG/ΣW over every office's scenario.
func (d *doc) districtAfter(offices []*model.Office) float64 {
	var w, g float64
	for _, o := range offices {
		c := d.countsOf(o)
		w, g = w+c.after.Weight, g+c.after.Gap
	}
	if w <= 0 {
		return 1
	}
	return 1 - g/w
}

// officeScenario prints what the office's decisions would change: balance
// index and findings before and after, and which findings close or open.
func (d *doc) officeScenario(n int, o *model.Office) {
	ch := d.changeOf(o)
	closed, still, opened := ch.closed, ch.still, ch.opened
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.scenario.title")), head1)

	before, after := ch.before.Balance, ch.after.Balance
	t := newTable(d, []column{
		{title: "", width: 160, align: gopdf.Left},
		{title: words.Say(d.lang, "report.scenario.before"), width: 90, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.after"), width: 90, align: gopdf.Center},
		{title: words.Say(d.lang, "report.scenario.change"), width: 90, align: gopdf.Center},
	}, body)
	t.row([]cell{{text: d.balanceName()}, {text: indexFigure(&ch.before)}, {text: indexFigure(&ch.after)}, {text: signedDelta(before, after), bold: true}})
	nb, na := len(closed)+len(still), len(still)+len(opened)
	t.row([]cell{{text: words.Say(d.lang, "report.col.findings")}, {text: itoa(nb)}, {text: itoa(na)}, {text: signedInt(na - nb), bold: true}})
	d.y += 8
	d.paragraph(words.Say(d.lang, "report.scenario.counts", "closed", len(closed), "still", len(still), "opened", len(opened)), body)
	defer d.signBlock()
	if len(closed)+len(opened) == 0 {
		d.paragraph(words.Say(d.lang, "report.scenario.no_change", "office", o.KindWord()), body)
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
	rows := len(closed) + len(opened)
	for _, g := range []struct {
		change string
		r      *model.Result
		fs     []model.Finding
	}{
		{words.Say(d.lang, "report.scenario.closed"), d.r, closed},
		{words.Say(d.lang, "report.scenario.opened"), ch.scen, opened},
	} {
		for _, f := range g.fs {
			if rows--; rows == 0 {
				lt.last(signHeight) // the signature block below
			}
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
	var closedAll, stillAll, openedAll int
	rows := make([]laidRow, 0, len(offices)+1)
	for _, o := range offices {
		c := d.countsOf(o)
		before, after := c.before.Balance, c.after.Balance
		closedAll, stillAll, openedAll = closedAll+c.closed, stillAll+c.still, openedAll+c.opened
		rows = append(rows, t.layout([]cell{{text: o.Name}, {text: indexFigure(&c.before)}, {text: indexFigure(&c.after)}, {text: signedDelta(before, after), bold: after != before},
			{text: itoa(c.closed)}, {text: itoa(c.still)}, {text: itoa(c.opened)}}))
	}
	before, after := d.r.Total.Balance, d.districtAfter(offices)
	rows = append(rows, t.layout([]cell{{text: words.Say(d.lang, "report.district.total"), bold: true}, {text: fmtFloat(before, 2), bold: true}, {text: fmtFloat(after, 2), bold: true},
		{text: signedDelta(before, after), bold: true}, {text: itoa(closedAll), bold: true},
		{text: itoa(stillAll), bold: true}, {text: itoa(openedAll), bold: true}}))
	// The district part ends here, signed (Write).
	d.headedBlock(t.caption, head1, t.height(rows)+signHeight)
	t.drawEnding(rows, signHeight)
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
