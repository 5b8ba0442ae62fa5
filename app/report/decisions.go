package report

import (
	"sort"
	"strings"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
)

// officeDecisions are the decisions that concern an office: its own, and
// those taken for every office the duty applies to. Ordered by meeting, then
// as recorded.
func (d *doc) officeDecisions(o *model.Office) []*model.Decision {
	var out []*model.Decision
	for _, dec := range d.p.DecisionList() {
		if dec.Office == o.ID {
			out = append(out, dec)
			continue
		}
		if du, ok := d.p.Duties[dec.Duty]; dec.Office == model.NilID && ok && du.AppliesTo(o.ID) {
			out = append(out, dec)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Meeting < out[j].Meeting })
	return out
}

// opinion is the decision in words, with the authority or resources it adds.
func (d *doc) opinion(dec *model.Decision) string {
	s := dec.Action.Name().In(d.opt.Lang)
	switch dec.Action {
	case model.ActionGrant:
		if a, ok := d.p.Authorities[dec.Authority]; ok {
			s += d.paren(d.label("grantOf") + a.Name)
		}
	case model.ActionAddResources:
		var parts []string
		if dec.StaffAdd != 0 {
			parts = append(parts, sprintf(d.label("staffAdd"), trimNumber(dec.StaffAdd)))
		}
		if dec.FundsAdd != 0 {
			parts = append(parts, sprintf(d.label("fundsAdd"), trimNumber(dec.FundsAdd)))
		}
		if len(parts) > 0 {
			s += d.paren(strings.Join(parts, d.comma()))
		}
	}
	return s
}

// decisions prints the meeting-minutes form of the office's decisions with
// lines for the signatures of the person who prepared it and the reviewer.
func (d *doc) decisions(n int, o *model.Office) {
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, "decisionsTitle"), head1)
	decs := d.officeDecisions(o)
	if len(decs) == 0 {
		d.paragraph(d.label("noDecisions"), body)
	} else {
		w := d.width()
		t := newTable(d, []column{
			{title: d.label("seq"), width: 28, align: gopdf.Center},
			{title: d.label("meeting"), width: w * 0.18, align: gopdf.Left},
			{title: d.label("matter"), width: w * 0.32, align: gopdf.Left},
			{title: d.label("opinion"), width: w * 0.22, align: gopdf.Left},
			{title: d.label("remark"), width: w*0.28 - 28, align: gopdf.Left},
		}, body)
		t.minLines = 2 // room for a handwritten note
		for i, dec := range decs {
			matter := "—"
			if du, ok := d.p.Duties[dec.Duty]; ok {
				matter = du.Title()
			}
			if dec.Office == model.NilID {
				matter += d.paren(d.label("allOffices"))
			}
			t.row([]cell{{text: itoa(i + 1)}, {text: dec.Meeting}, {text: matter}, {text: d.opinion(dec)}, {text: dec.Note}})
		}
	}
	d.signatures()
}

// signatures draws the signature and date lines; they stay together on one page.
func (d *doc) signatures() {
	d.y += 24
	d.fits(40)
	w := d.width() / 3
	for i, key := range []string{"signHandler", "signReviewer", "signDate"} {
		x := d.margin + float64(i)*w
		d.text(x, d.y, w-20, 16, d.label(key), body.sized(10.5))
		if key != "signDate" {
			lx := x + d.measure(d.label(key), body.sized(10.5)) + 2
			d.rule(lx, d.y+14, x+w-30, d.y+14, 0.5, black)
		}
	}
	d.y += 24
}
