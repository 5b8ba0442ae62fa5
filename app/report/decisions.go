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

// decisions prints the office's decisions as the 处理意见清单, signed and
// sealed (signBlock).
func (d *doc) decisions(n int, o *model.Office) {
	d.newPage(d.officeRunning(o))
	caption := d.sectionTitle(n, words.Say(d.lang, "report.decisions.title"))
	d.heading(caption, head1)
	if decs := d.officeDecisions(o); len(decs) == 0 {
		d.paragraph(words.Say(d.lang, "report.decisions.none", "office", o.KindWord()), body)
	} else {
		d.decisionTable(caption, decs, true, signHeight)
	}
	d.signBlock()
}

// decisionTable prints decisions in the form that goes upward (处理意见清单):
// 序号, 街道, 事项, 清单类型, 错配, 处理意见 (Project.Opinion), 责任单位,
// 完成时限, 状态; withMeeting adds the meeting each was taken in. tail is
// the room the last row keeps below it (signHeight: it is signed).
func (d *doc) decisionTable(caption string, decs []*model.Decision, withMeeting bool, tail float64) {
	w := d.width()
	st := body.sized(8.5)
	cols := []column{
		{title: words.Say(d.lang, "report.col.seq"), width: 26, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.office"), width: w * 0.09, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.matter"), width: w * 0.17, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.list_kind"), width: w * 0.07, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.mismatch"), width: w * 0.17, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.opinion"), width: w * 0.20, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.responsible"), width: w * 0.10, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.deadline"), width: w * 0.08, align: gopdf.Center},
	}
	rest := w - 26
	for _, c := range cols[1:] {
		rest -= c.width
	}
	if withMeeting {
		cols = append(cols[:2:2], append([]column{{title: words.Say(d.lang, "report.col.meeting"), width: w * 0.08, align: gopdf.Left}}, cols[2:]...)...)
		cols[3].width -= w * 0.05 // 事项
		cols[6].width -= w * 0.03 // 处理意见
	}
	cols = append(cols, column{title: words.Say(d.lang, "report.col.status"), width: rest, align: gopdf.Center})
	t := newTable(d, cols, st)
	t.caption = caption
	t.minLines = 2 // room for a handwritten note
	for i, dec := range decs {
		office, matter, kind := words.Say(d.lang, "report.decisions.every_office"), "—", ""
		if o := d.p.Offices[dec.Office]; o != nil {
			office = o.Name
		}
		if du := d.p.Duties[dec.Duty]; du != nil {
			matter, kind = du.Title(), du.Kind.Name().In(d.lang)
		}
		var rules []string
		for _, rc := range d.r.DecisionFindings(d.p, dec) {
			rules = append(rules, d.shortRuleName(rc))
		}
		mismatch := words.Say(d.lang, "report.decisions.no_mismatch")
		if len(rules) > 0 {
			mismatch = words.Say(d.lang, "report.list", "items", rules)
		}
		opinion := d.p.Opinion(dec).In(d.lang)
		if dec.Note != "" {
			opinion = words.Say(d.lang, "report.decisions.opinion_note", "opinion", opinion, "note", dec.Note)
		}
		row := []cell{{text: itoa(i + 1)}, {text: office}}
		if withMeeting {
			row = append(row, cell{text: d.p.MeetingName(dec)})
		}
		row = append(row, cell{text: matter}, cell{text: kind}, cell{text: mismatch}, cell{text: opinion},
			cell{text: dec.ResponsibleUnit}, cell{text: dec.Deadline}, cell{text: dec.Status.Name().In(d.lang)})
		if i == len(decs)-1 {
			t.last(tail)
		}
		t.row(row)
	}
}
