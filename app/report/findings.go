package report

import (
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
)

// findingsList prints the office's findings worst first with their reasons.
func (d *doc) findingsList(n int, o *model.Office, fs []model.Finding) {
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, "findingsTitle"), head1)
	if len(fs) == 0 {
		d.paragraph(d.label("noFindings"), body)
		return
	}
	w := d.width()
	st := body.sized(8.5)
	sevW, ruleW := d.findingColumns(st)
	t := newTable(d, []column{
		{title: d.label("seq"), width: 28, align: gopdf.Center},
		{title: d.label("severity"), width: sevW, align: gopdf.Center},
		{title: d.label("rule"), width: ruleW, align: gopdf.Left},
		{title: d.label("itemOrAuth"), width: w * 0.30, align: gopdf.Left},
		{title: d.label("reason"), width: w - 28 - sevW - ruleW - w*0.30, align: gopdf.Left},
	}, st)
	for i, f := range fs {
		t.row([]cell{
			{text: itoa(i + 1)},
			{text: d.sevLabel(f.Severity), fill: sevFillOf(f.Severity), bold: f.Severity >= model.SevSerious},
			{text: ruleName(f.Rule).In(d.opt.Lang)},
			{text: d.findingSubject(f)},
			{text: f.Reason.In(d.opt.Lang)},
		})
	}
}

// findingColumns are the widths that keep every severity label and (up to
// a limit) every rule name on one line.
func (d *doc) findingColumns(st style) (sevW, ruleW float64) {
	sevW, ruleW = 48, 76
	for _, s := range model.Severities {
		sevW = math.Max(sevW, d.measure(d.sevLabel(s), st.emph())+8)
	}
	for _, rc := range model.RuleCodes {
		ruleW = math.Max(ruleW, d.measure(ruleName(rc).In(d.opt.Lang), st)+8)
	}
	return sevW, math.Min(ruleW, 130)
}
