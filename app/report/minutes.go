package report

import (
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// minutes prints the minutes (会议纪要) of every meeting, one after the
// other, each on its own pages: the meeting's facts, its minutes text and
// the decisions taken in it (处理意见清单), signed and sealed. It returns
// whether anything was printed.
func (d *doc) minutes() bool {
	meetings := d.p.MeetingList()
	running := words.Say(d.lang, "report.minutes.running")
	if len(meetings) == 0 {
		d.newPage(running)
		d.heading(words.Say(d.lang, "report.minutes.title_none"), head1)
		d.paragraph(words.Say(d.lang, "report.minutes.none"), body)
		return true
	}
	for _, m := range meetings {
		d.meetingMinutes(m, running)
	}
	// Decisions recorded without a meeting still go upward, on a list of
	// their own after the meetings'.
	if decs := d.p.DecisionsOf(model.NilID); len(decs) > 0 {
		d.newPage(running)
		caption := words.Say(d.lang, "report.minutes.unmet")
		d.heading(caption, head1)
		d.decisionTable(caption, decs, false, signHeight)
		d.signBlock()
	}
	return true
}

// meetingMinutes prints one meeting's minutes.
func (d *doc) meetingMinutes(m *model.Meeting, running string) {
	d.newPage(running)
	w := d.width()
	d.text(d.margin, d.y, w, 24, words.Say(d.lang, "report.minutes.title"), title.sized(18))
	d.y += 26
	d.text(d.margin, d.y, w, 16, m.Name(), body.sized(12).emph().with(gopdf.Center))
	d.y += 24
	facts := [][2]string{
		{words.Say(d.lang, "report.minutes.date"), d.meetingDate(m.Date)},
		{words.Say(d.lang, "report.minutes.place"), m.Place},
		{words.Say(d.lang, "report.minutes.chair"), m.Chair},
		{words.Say(d.lang, "report.minutes.attendees"), words.Say(d.lang, "report.list", "items", m.Attendees)},
	}
	labelW := 0.0
	for _, f := range facts {
		labelW = max(labelW, d.measure(f[0], body.sized(10).emph())+10)
	}
	for _, f := range facts {
		value := f[1]
		if strings.TrimSpace(value) == "" {
			value = "—"
		}
		top := d.y
		d.text(d.margin, d.y, labelW, lineHeight(body.sized(10)), f[0], body.sized(10).emph())
		d.paragraphAt(d.margin+labelW, w-labelW, value, body.sized(10))
		if d.y == top {
			d.y += lineHeight(body.sized(10))
		}
	}
	d.y += 6
	d.heading(words.Say(d.lang, "report.minutes.text"), head2)
	text := strings.TrimSpace(m.Minutes)
	if text == "" {
		text = words.Say(d.lang, "report.minutes.no_text")
	}
	for _, para := range strings.Split(text, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			d.paragraph(para, body.sized(10))
		}
	}
	caption := words.Say(d.lang, "report.minutes.decisions")
	d.heading(caption, head2)
	if decs := d.p.DecisionsOf(m.ID); len(decs) == 0 {
		d.paragraph(words.Say(d.lang, "report.minutes.no_decisions"), body)
	} else {
		d.decisionTable(caption, decs, false, signHeight)
	}
	d.signBlock()
}

// meetingDate writes a YYYY-MM-DD date out; anything else as entered.
func (d *doc) meetingDate(s string) string {
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err == nil {
		return d.dateOf(t)
	}
	return s
}
