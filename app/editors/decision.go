package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// decisionCard edits one working-group decision (处理意见) and deletes it.
type decisionCard struct {
	s      *session.Session
	id     model.ID
	office model.ID // the office the panel shows; a decision may instead apply to every office
	form   *decisionForm
	auths  []*model.Authority // options of the authority select, in order
	object fyne.CanvasObject
}

func newDecisionCard(s *session.Session, win fyne.Window, id, office model.ID, confirm confirmFunc) *decisionCard {
	c := &decisionCard{s: s, id: id, office: office, auths: s.Project().AuthorityList()}
	c.form = newForm(s, win, words.T("editors.action.edit_decision"), c.current)
	f := c.form
	action := f.choice("action", words.T("editors.decision.action"), names(model.Actions, words.Current()),
		func(d *model.Decision) int { return indexOf(model.Actions, d.Action) },
		func(d *model.Decision, i int) { d.Action = pick(model.Actions, i, d.Action) })
	authNames := []string{words.T("editors.decision.no_authority")}
	for _, a := range c.auths {
		authNames = append(authNames, a.Name)
	}
	f.choice("authority", words.T("meeting.form.authority"), authNames,
		func(d *model.Decision) int {
			for i, a := range c.auths {
				if a.ID == d.Authority {
					return i + 1
				}
			}
			return 0
		},
		func(d *model.Decision, i int) {
			d.Authority = model.NilID
			if i > 0 && i <= len(c.auths) {
				d.Authority = c.auths[i-1].ID
			}
		})
	f.text("department", words.T("meeting.form.department"), false, func(d *model.Decision) *string { return &d.Department })
	f.number("staff_add", words.T("meeting.form.staff"), func(d *model.Decision) *float64 { return &d.StaffDelta })
	f.number("funds_add", words.T("meeting.form.funds"), func(d *model.Decision) *float64 { return &d.FundsDelta })
	f.integer("systems_add", words.T("meeting.form.systems"), func(d *model.Decision) *int { return &d.SystemsDelta })
	f.text("responsible_unit", words.T("meeting.form.unit"), false, func(d *model.Decision) *string { return &d.ResponsibleUnit })
	f.text("deadline", words.T("meeting.form.deadline"), false, func(d *model.Decision) *string { return &d.Deadline })
	f.choice("status", words.T("meeting.form.status"), names(model.DecisionStatuses, words.Current()),
		func(d *model.Decision) int { return indexOf(model.DecisionStatuses, d.Status) },
		func(d *model.Decision, i int) { d.Status = pick(model.DecisionStatuses, i, d.Status) })
	meetings := s.Project().MeetingList()
	meetingNames := []string{words.T("meeting.form.no_meeting")}
	for _, m := range meetings {
		meetingNames = append(meetingNames, words.T("meeting.meeting.option", "Date", m.Date, "Title", m.Name()))
	}
	f.choice("meeting_id", words.T("meeting.decisions.meeting"), meetingNames,
		func(d *model.Decision) int {
			for i, m := range meetings {
				if m.ID == d.Meeting {
					return i + 1
				}
			}
			return 0
		},
		func(d *model.Decision, i int) {
			d.Meeting = model.NilID
			if i > 0 && i <= len(meetings) {
				d.Meeting = meetings[i-1].ID
			}
		})
	f.text("note", words.T("editors.notes"), true, func(d *model.Decision) *string { return &d.Note })
	var all *field[model.Decision, *model.Decision]
	every := widget.NewCheck(words.T("editors.decision.every_office"), func(bool) { f.edited(all) })
	all = f.add(&field[model.Decision, *model.Decision]{code: "office", label: widget.NewLabel(words.T("editors.decision.scope")),
		input: every, widget: every,
		load: func(d *model.Decision) { every.SetChecked(d.Office == model.NilID) },
		store: func(d *model.Decision) error {
			d.Office = c.office
			if every.Checked {
				d.Office = model.NilID
			}
			return nil
		}})

	// Only the fields the chosen action uses: the authority for a grant or
	// a withdrawal, the department for a return, the deltas for resources.
	applies := func(a model.Action) {
		f.fieldByCode("authority").show(a == model.ActionGrant || a == model.ActionWithdraw)
		f.fieldByCode("department").show(a == model.ActionReturn)
		for _, code := range []string{"staff_add", "funds_add", "systems_add"} {
			f.fieldByCode(code).show(a == model.ActionAddResources)
		}
	}
	f.onLoad = func(d *model.Decision) { applies(d.Action) }
	action.OnChanged = func(string) {
		applies(pick(model.Actions, action.SelectedIndex(), model.ActionPending))
		f.edited(f.fieldByCode("action"))
	}

	del := widget.NewButtonWithIcon(words.T("editors.decision.delete"), fynetheme.DeleteIcon(), func() {
		d := s.Project().Decisions[c.id]
		if d == nil {
			return
		}
		confirm(words.T("editors.decision.delete"), words.T("editors.decision.delete_confirm"), func() {
			if err := s.Commit(words.T("editors.action.delete_decision"), s.Project().Delete(d)); err != nil {
				c.form.showError(err, nil)
			}
		})
	})
	del.Importance = widget.DangerImportance
	c.object = widget.NewCard("", "", container.NewBorder(nil, container.NewHBox(del), nil, nil, f.object()))
	c.form.reload()
	return c
}

func (c *decisionCard) current() *model.Decision {
	if d := c.s.Project().Decisions[c.id]; d != nil {
		return d.Clone().(*model.Decision)
	}
	return nil
}

// newDecision is the decision "Add" creates: pending, for this office.
func newDecision(s *session.Session, office, duty model.ID) *model.Decision {
	return &model.Decision{Meta: model.NewMeta(s.Author), Office: office, Duty: duty, Action: model.ActionPending, RecordedBy: s.Author}
}
