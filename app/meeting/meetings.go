package meeting

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// editMeeting opens the meeting's form (a new meeting when m is nil) and
// stores it as one action; done gets the stored meeting's ID.
func editMeeting(s *session.Session, win fyne.Window, m *model.Meeting, done func(model.ID)) {
	if m == nil {
		m = &model.Meeting{Meta: model.NewMeta(s.Author)}
	} else {
		m = m.Clone().(*model.Meeting)
	}
	date, title, place, chair := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	date.SetPlaceHolder(words.T("meeting.form.deadline_hint"))
	date.SetText(m.Date)
	title.SetText(m.Title)
	place.SetText(m.Place)
	chair.SetText(m.Chair)
	attendees := widget.NewMultiLineEntry()
	attendees.SetPlaceHolder(words.T("meeting.meeting.attendees_hint"))
	attendees.SetText(strings.Join(m.Attendees, "\n"))
	minutes := widget.NewMultiLineEntry()
	minutes.Wrapping = fyne.TextWrapWord
	minutes.SetMinRowsVisible(5)
	minutes.SetText(m.Minutes)
	items := []*widget.FormItem{
		widget.NewFormItem(words.T("meeting.meeting.date"), date),
		widget.NewFormItem(words.T("meeting.meeting.title"), title),
		widget.NewFormItem(words.T("meeting.meeting.place"), place),
		widget.NewFormItem(words.T("meeting.meeting.chair"), chair),
		widget.NewFormItem(words.T("meeting.meeting.attendees"), attendees),
		widget.NewFormItem(words.T("meeting.meeting.minutes"), minutes),
	}
	d := dialog.NewForm(words.T("meeting.meeting.edit"), words.T("meeting.meeting.save"), words.T("meeting.meeting.cancel"), items,
		func(ok bool) {
			if !ok {
				return
			}
			m.Date, m.Title = strings.TrimSpace(date.Text), strings.TrimSpace(title.Text)
			m.Place, m.Chair = strings.TrimSpace(place.Text), strings.TrimSpace(chair.Text)
			m.Attendees = nil
			for _, a := range strings.FieldsFunc(attendees.Text, separatesNames) {
				if a = strings.TrimSpace(a); a != "" {
					m.Attendees = append(m.Attendees, a)
				}
			}
			m.Minutes = strings.TrimSpace(minutes.Text)
			m.Touch(s.Author)
			if err := s.Commit(words.T("meeting.action.edit_meeting"), s.Project().Put(m)); err != nil {
				var p model.Problem
				if errors.As(err, &p) {
					err = errors.New(p.Msg.In(words.Current()))
				}
				dialog.ShowError(err, win)
				return
			}
			if done != nil {
				done(m.ID)
			}
		}, win)
	d.Resize(fyne.NewSize(720, 640))
	d.Show()
}

// separatesNames splits a list of attendees: new lines and commas, the
// fullwidth comma and the ideographic comma (、) included.
func separatesNames(r rune) bool {
	return r == '\n' || r == ',' || r == '\uff0c' || r == '\u3001'
}
