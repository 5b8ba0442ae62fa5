package editors

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The forms of the records kept beside the lists: off-list tasks an
// office performs (清单外事项) and accountability incidents (问责事件).

type (
	offListForm  = form[model.OffListTask, *model.OffListTask]
	incidentForm = form[model.Incident, *model.Incident]
)

// newOffListForm edits an off-list task (its office is the one shown).
func newOffListForm(s *session.Session, win fyne.Window, current func() *model.OffListTask) *offListForm {
	f := newForm(s, win, words.T("editors.action.edit_off_list_task"), current)
	f.text("name", words.T("editors.off_list.name"), false, func(t *model.OffListTask) *string { return &t.Name })
	f.text("assigned_by", fieldLabel("assigned_by"), false, func(t *model.OffListTask) *string { return &t.AssignedBy })
	f.integer("times_per_year", fieldLabel("times_per_year"), func(t *model.OffListTask) *int { return &t.TimesPerYear })
	f.number("hours", words.T("editors.assessment.hours"), func(t *model.OffListTask) *float64 { return &t.HoursPerMonth })
	f.text("since", fieldLabel("since"), false, func(t *model.OffListTask) *string { return &t.Since }).
		SetPlaceHolder(words.T("editors.date_hint"))
	f.text("notes", words.T("editors.notes"), true, func(t *model.OffListTask) *string { return &t.Notes })
	return f
}

// newIncidentForm edits an incident of the (office, duty) shown.
func newIncidentForm(s *session.Session, win fyne.Window, current func() *model.Incident) *incidentForm {
	f := newForm(s, win, words.T("editors.action.edit_incident"), current)
	f.text("date", fieldLabel("date"), false, func(i *model.Incident) *string { return &i.Date }).
		SetPlaceHolder(words.T("editors.date_hint"))
	f.choice("kind", words.T("editors.incident.kind"), names(model.IncidentKinds, words.Current()),
		func(i *model.Incident) int { return indexOf(model.IncidentKinds, i.Kind) },
		func(i *model.Incident, n int) { i.Kind = pick(model.IncidentKinds, n, i.Kind) })
	f.choice("cause", fieldLabel("cause"), names(model.IncidentCauses, words.Current()),
		func(i *model.Incident) int { return indexOf(model.IncidentCauses, i.Cause) },
		func(i *model.Incident, n int) { i.Cause = pick(model.IncidentCauses, n, i.Cause) })
	f.check("tolerance", fieldLabel("tolerance"), words.T("editors.incident.tolerance_yes"), func(i *model.Incident) *bool { return &i.Tolerance })
	f.text("notes", words.T("editors.notes"), true, func(i *model.Incident) *string { return &i.Notes })
	return f
}

// offListCards are the off-list tasks of the office shown by office().
func offListCards(s *session.Session, win fyne.Window, office func() model.ID) *recordCards[model.OffListTask, *model.OffListTask] {
	return newRecordCards(s, win, recordCards[model.OffListTask, *model.OffListTask]{
		list: func(p *model.Project) []*model.OffListTask { return p.OffListTasksOf(office()) },
		get:  func(p *model.Project, id model.ID) *model.OffListTask { return p.OffListTasks[id] },
		create: func(s *session.Session) *model.OffListTask {
			return &model.OffListTask{Meta: model.NewMeta(s.Author), Office: office(), Name: words.T("editors.off_list.new_name")}
		},
		newForm:  newOffListForm,
		findings: true,
	}, words.T("editors.off_list.none"))
}

// incidentCards are the incidents of the (office, duty) shown by pair().
func incidentCards(s *session.Session, win fyne.Window, pair func() model.PairKey) *recordCards[model.Incident, *model.Incident] {
	return newRecordCards(s, win, recordCards[model.Incident, *model.Incident]{
		list: func(p *model.Project) []*model.Incident { return incidentsOf(p, pair()) },
		get:  func(p *model.Project, id model.ID) *model.Incident { return p.Incidents[id] },
		create: func(s *session.Session) *model.Incident {
			k := pair()
			return &model.Incident{Meta: model.NewMeta(s.Author), Office: k.Office, Duty: k.Other, Kind: model.IncidentAccountability}
		},
		newForm: newIncidentForm,
	}, words.T("editors.incident.none"))
}

// incidentsOf lists the incidents of one (office, duty), oldest first.
func incidentsOf(p *model.Project, k model.PairKey) []*model.Incident {
	var out []*model.Incident
	for _, i := range p.Incidents {
		if i.Office == k.Office && i.Duty == k.Other {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b *model.Incident) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID.String(), b.ID.String())
	})
	return out
}
