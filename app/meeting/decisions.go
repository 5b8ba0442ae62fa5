package meeting

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// decisionList lists every decision, filtered by meeting, status and
// office; tapping one shows its duty in the matrix.
type decisionList struct {
	s                       *session.Session
	meeting, status, office *widget.Select
	meetings                []model.ID
	offices                 []model.ID
	shown                   []*model.Decision
	list                    *widget.List
	count                   *widget.Label
	object                  fyne.CanvasObject
}

func newDecisionList(s *session.Session) *decisionList {
	l := &decisionList{s: s}
	l.meeting = widget.NewSelect(nil, func(string) { l.filter() })
	l.status = widget.NewSelect(nil, func(string) { l.filter() })
	l.office = widget.NewSelect(nil, func(string) { l.filter() })
	l.count = widget.NewLabel("")
	l.list = widget.NewList(func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			where := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			what := widget.NewLabel("")
			where.Truncation, what.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			return container.NewVBox(where, what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(l.shown) {
				where, what := l.lines(l.shown[i])
				objs := o.(*fyne.Container).Objects
				objs[0].(*widget.Label).SetText(where)
				objs[1].(*widget.Label).SetText(what)
			}
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.UnselectAll()
		if i >= 0 && i < len(l.shown) {
			d := l.shown[i]
			s.ShowMatrix(d.Office, "", d.Duty)
		}
	}
	bar := container.NewHBox(
		widget.NewLabel(words.T("meeting.decisions.meeting")), l.meeting,
		widget.NewLabel(words.T("meeting.decisions.status")), l.status,
		widget.NewLabel(words.T("meeting.filter.office")), l.office, l.count)
	l.object = container.NewBorder(container.NewHScroll(bar), nil, nil, nil, l.list)
	return l
}

// lines word one decision: where (office and duty), then what, who by
// when, its status and its meeting.
func (l *decisionList) lines(d *model.Decision) (where, what string) {
	p, lng := l.s.Project(), words.Current()
	duty := "?"
	if du := p.Duties[d.Duty]; du != nil {
		duty = du.Title()
	}
	meeting := words.T("meeting.form.no_meeting")
	if m := p.Meetings[d.Meeting]; m != nil {
		meeting = m.Name()
	}
	where = words.T("meeting.decisions.where", "Office", l.s.OfficeName(d.Office), "Duty", duty)
	what = words.T("meeting.decisions.what", "Opinion", p.Opinion(d).In(lng), "Unit", d.ResponsibleUnit,
		"Deadline", d.Deadline, "Status", d.Status.Name().In(lng), "Meeting", meeting)
	return where, what
}

// refresh lists the filters' choices again and the decisions they let through.
func (l *decisionList) refresh() {
	p := l.s.Project()
	all := words.T("meeting.filter.all")
	keepMeeting, keepOffice := pick(l.meetings, l.meeting.SelectedIndex()), pick(l.offices, l.office.SelectedIndex())
	l.meetings = l.meetings[:0]
	names := []string{all}
	for _, m := range p.MeetingList() {
		l.meetings = append(l.meetings, m.ID)
		names = append(names, words.T("meeting.meeting.option", "Date", m.Date, "Title", m.Name()))
	}
	setOptions(l.meeting, names, 1+indexOf(l.meetings, keepMeeting))
	l.offices = l.offices[:0]
	names = []string{all}
	for _, o := range p.OfficeList() {
		l.offices = append(l.offices, o.ID)
		names = append(names, o.Name)
	}
	setOptions(l.office, names, 1+indexOf(l.offices, keepOffice))
	statuses := []string{all}
	for _, st := range model.DecisionStatuses {
		statuses = append(statuses, st.Name().In(words.Current()))
	}
	setOptions(l.status, statuses, max(0, l.status.SelectedIndex()))
	l.filter()
}

// pick is xs[i-1] for a select whose first option is "all", NilID for it.
func pick(xs []model.ID, i int) model.ID {
	if i > 0 && i <= len(xs) {
		return xs[i-1]
	}
	return model.NilID
}

// filter shows the decisions the selects let through.
func (l *decisionList) filter() {
	meeting, office := pick(l.meetings, l.meeting.SelectedIndex()), pick(l.offices, l.office.SelectedIndex())
	status := l.status.SelectedIndex() - 1
	l.shown = l.shown[:0]
	for _, d := range l.s.Project().DecisionList() {
		if meeting != model.NilID && d.Meeting != meeting {
			continue
		}
		if office != model.NilID && d.Office != office {
			continue
		}
		if status >= 0 && status < len(model.DecisionStatuses) && d.Status != model.DecisionStatuses[status] {
			continue
		}
		l.shown = append(l.shown, d)
	}
	l.count.SetText(words.T("meeting.decisions.count", "N", len(l.shown)))
	l.list.Refresh()
}
