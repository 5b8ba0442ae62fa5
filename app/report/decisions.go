package report

import (
	"sort"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
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
	sort.SliceStable(out, func(i, j int) bool { return d.p.MeetingName(out[i]) < d.p.MeetingName(out[j]) })
	return out
}

// opinion is the decision in words, with the authority or resources it adds.
func (d *doc) opinion(dec *model.Decision) string {
	action := dec.Action.Name().In(d.lang)
	switch dec.Action {
	case model.ActionGrant:
		if a, ok := d.p.Authorities[dec.Authority]; ok {
			return words.Say(d.lang, "report.opinion.grant", "action", action, "authority", a.Name)
		}
	case model.ActionAddResources:
		var adds []words.Msg
		if dec.StaffDelta != 0 {
			adds = append(adds, words.M("report.opinion.staff", "staff", dec.StaffDelta))
		}
		if dec.FundsDelta != 0 {
			adds = append(adds, words.M("report.opinion.funds", "funds", dec.FundsDelta))
		}
		if len(adds) > 0 {
			return words.Say(d.lang, "report.opinion.add", "action", action, "adds", adds)
		}
	}
	return action
}

// decisions prints the meeting-minutes form of the office's decisions,
// signed and sealed (signBlock).
func (d *doc) decisions(n int, o *model.Office) {
	d.newPage(d.officeRunning(o))
	d.heading(d.sectionTitle(n, words.Say(d.lang, "report.decisions.title")), head1)
	decs := d.officeDecisions(o)
	if len(decs) == 0 {
		d.paragraph(words.Say(d.lang, "report.decisions.none"), body)
	} else {
		w := d.width()
		t := newTable(d, []column{
			{title: words.Say(d.lang, "report.col.seq"), width: 28, align: gopdf.Center},
			{title: words.Say(d.lang, "report.col.meeting"), width: w * 0.18, align: gopdf.Left},
			{title: words.Say(d.lang, "report.col.matter"), width: w * 0.32, align: gopdf.Left},
			{title: words.Say(d.lang, "report.col.opinion"), width: w * 0.22, align: gopdf.Left},
			{title: words.Say(d.lang, "report.col.remark"), width: w*0.28 - 28, align: gopdf.Left},
		}, body)
		t.caption = d.sectionTitle(n, words.Say(d.lang, "report.decisions.title"))
		t.minLines = 2 // room for a handwritten note
		for i, dec := range decs {
			matter := "—"
			if du, ok := d.p.Duties[dec.Duty]; ok {
				matter = du.Title()
			}
			if dec.Office == model.NilID {
				matter = words.Say(d.lang, "report.decisions.all_offices", "duty", matter)
			}
			t.row([]cell{{text: itoa(i + 1)}, {text: d.p.MeetingName(dec)}, {text: matter}, {text: d.opinion(dec)}, {text: dec.Note}})
		}
	}
	d.signBlock()
}
