package report

import (
	"math"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// findingsList prints the office's findings worst first with their reasons,
// each reason worded as its row is printed.
func (d *doc) findingsList(n int, o *model.Office, fs []model.Finding) {
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.findings.title")), head1)
	if len(fs) == 0 {
		d.paragraph(words.Say(d.lang, "report.findings.none"), body)
		return
	}
	w := d.width()
	st := body.sized(8.5)
	sevW, ruleW := d.findingColumns(st)
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.seq"), width: 28, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.severity"), width: sevW, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.rule"), width: ruleW, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.subject"), width: w * 0.30, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.reason"), width: w - 28 - sevW - ruleW - w*0.30, align: gopdf.Left},
	}, st)
	t.caption = d.sectionTitle(n, words.Say(d.lang, "report.findings.title"))
	t.ruled = true
	defer t.end()
	row := ahead(len(fs), func(i int) []cell {
		f := fs[i]
		return []cell{
			{text: itoa(i + 1)},
			{text: d.sevLabel(f.Severity), fill: sevFill(f.Severity), bold: f.Severity >= model.SevSerious},
			{text: d.ruleName(f.Rule)},
			{text: d.findingSubject(f)},
			{text: d.reason(d.r, f)},
		}
	})
	for i := range fs {
		t.row(row(i))
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
		ruleW = math.Max(ruleW, d.measure(d.ruleName(rc), st)+8)
	}
	return sevW, math.Min(ruleW, 130)
}
