package report

import (
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
	t := newTable(d, []column{
		{title: d.label("seq"), width: 28, align: gopdf.Center},
		{title: d.label("severity"), width: 48, align: gopdf.Center},
		{title: d.label("rule"), width: 76, align: gopdf.Left},
		{title: d.label("itemOrAuth"), width: w * 0.30, align: gopdf.Left},
		{title: d.label("reason"), width: w - 152 - w*0.30, align: gopdf.Left},
	}, body.sized(8.5))
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
