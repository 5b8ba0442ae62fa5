package meeting

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// form records the working group's decision on the item shown: what
// happens to the duty, who carries it out by when, and whether it is done.
// It edits the item's own decision (the latest taken on the duty for the
// item's office) and nothing else: Record stores a copy of it with the
// fields read back, or a new decision when the item has none.
type form struct {
	s       *session.Session
	meeting func() model.ID // the meeting decisions are recorded in

	item  model.PairKey
	auths []*model.Authority

	action, authority, status        *widget.Select
	department, unit, deadline, note *entry
	staff, funds, systems            *entry
	msg, recorded                    *widget.Label
	record                           *widget.Button
	grid                             *fyne.Container
	rows                             map[string][]fyne.CanvasObject // label and input of fields that apply to some actions
	object                           fyne.CanvasObject

	// OnRecorded runs after a decision was stored (the view moves on or not).
	OnRecorded func()
}

func newForm(s *session.Session, meeting func() model.ID) *form {
	f := &form{s: s, meeting: meeting, rows: map[string][]fyne.CanvasObject{}}
	lng := words.Current()
	actions := make([]string, len(model.Actions))
	for i, a := range model.Actions {
		actions[i] = a.Name().In(lng)
	}
	f.action = widget.NewSelect(actions, func(string) { f.applies() })
	f.authority = widget.NewSelect(nil, nil)
	statuses := make([]string, len(model.DecisionStatuses))
	for i, st := range model.DecisionStatuses {
		statuses[i] = st.Name().In(lng)
	}
	f.status = widget.NewSelect(statuses, nil)
	f.department, f.unit, f.deadline = newEntry(false), newEntry(false), newEntry(false)
	f.deadline.SetPlaceHolder(words.T("meeting.form.deadline_hint"))
	f.staff, f.funds, f.systems = newEntry(false), newEntry(false), newEntry(false)
	f.note = newEntry(true)
	f.note.Wrapping = fyne.TextWrapWord
	f.note.SetMinRowsVisible(2)
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.recorded = widget.NewLabel("")
	f.recorded.Wrapping = fyne.TextWrapWord
	f.record = widget.NewButtonWithIcon(words.T("meeting.form.record"), fynetheme.ConfirmIcon(), f.store)
	f.record.Importance = widget.HighImportance

	f.grid = container.New(layout.NewFormLayout())
	f.add("", words.T("editors.decision.action"), f.action)
	f.add("authority", words.T("meeting.form.authority"), f.authority)
	f.add("department", words.T("meeting.form.department"), f.department)
	f.add("resources", words.T("meeting.form.staff"), f.staff)
	f.add("resources", words.T("meeting.form.funds"), f.funds)
	f.add("resources", words.T("meeting.form.systems"), f.systems)
	f.add("", words.T("meeting.form.unit"), f.unit)
	f.add("", words.T("meeting.form.deadline"), f.deadline)
	f.add("", words.T("meeting.form.status"), f.status)
	f.add("", words.T("editors.notes"), f.note)
	heading := big(widget.NewLabelWithStyle(words.T("meeting.form.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		fynetheme.SizeNameSubHeadingText)
	f.object = container.NewVBox(heading, f.grid, f.msg, container.NewHBox(f.record), f.recorded)
	return f
}

// add puts a labelled input in the form; group names the fields that only
// some actions use ("" for every action).
func (f *form) add(group, label string, input fyne.CanvasObject) {
	l := widget.NewLabel(label)
	f.grid.Add(l)
	f.grid.Add(input)
	if group != "" {
		f.rows[group] = append(f.rows[group], l, input)
	}
}

// applies shows the fields the chosen action uses.
func (f *form) applies() {
	a := f.chosen()
	show := map[string]bool{
		"authority":  a == model.ActionGrant || a == model.ActionWithdraw,
		"department": a == model.ActionReturn,
		"resources":  a == model.ActionAddResources,
	}
	for group, objs := range f.rows {
		for _, o := range objs {
			if show[group] {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
}

func (f *form) chosen() model.Action {
	if i := f.action.SelectedIndex(); i >= 0 && i < len(model.Actions) {
		return model.Actions[i]
	}
	return model.ActionPending
}

// show loads item's decision into the form, or an empty one.
func (f *form) show(item model.PairKey) {
	f.item = item
	p := f.s.Project()
	f.auths = p.AuthorityList()
	names := make([]string, len(f.auths))
	for i, a := range f.auths {
		names[i] = a.Name
	}
	f.authority.Options = names
	dec := decisionOf(p, item)
	if dec == nil {
		dec = &model.Decision{Action: model.ActionKeep}
	}
	f.action.SetSelectedIndex(max(0, indexOf(model.Actions, dec.Action)))
	f.authority.ClearSelected()
	for i, a := range f.auths {
		if a.ID == dec.Authority {
			f.authority.SetSelectedIndex(i)
		}
	}
	f.status.SetSelectedIndex(max(0, indexOf(model.DecisionStatuses, dec.Status)))
	f.department.load(dec.Department)
	f.unit.load(dec.ResponsibleUnit)
	f.deadline.load(dec.Deadline)
	f.note.load(dec.Note)
	f.staff.load(number(dec.StaffDelta))
	f.funds.load(number(dec.FundsDelta))
	f.systems.load(number(float64(dec.SystemsDelta)))
	f.msg.SetText("")
	f.msg.Hide()
	f.showRecorded(decisionOf(p, item))
	f.applies()
	if p.Offices[item.Office] == nil || p.Duties[item.Other] == nil {
		f.record.Disable()
	} else {
		f.record.Enable()
	}
}

// showRecorded says what is stored for the item, and in which meeting.
func (f *form) showRecorded(dec *model.Decision) {
	if dec == nil {
		f.recorded.SetText(words.T("meeting.form.none_recorded"))
		return
	}
	name := words.T("meeting.form.no_meeting")
	if m := f.s.Project().Meetings[dec.Meeting]; m != nil {
		name = m.Name()
	}
	f.recorded.SetText(words.T("meeting.form.recorded", "Opinion", dec.Action.Name().In(words.Current()), "Meeting", name))
}

// decision is the item's decision with the form's fields read into it.
func (f *form) decision() (*model.Decision, error) {
	p := f.s.Project()
	var dec *model.Decision
	if cur := decisionOf(p, f.item); cur != nil {
		dec = cur.Clone().(*model.Decision)
	} else {
		dec = &model.Decision{Meta: model.NewMeta(f.s.Author), Office: f.item.Office, Duty: f.item.Other}
	}
	dec.Action = f.chosen()
	dec.Authority = model.NilID
	if i := f.authority.SelectedIndex(); i >= 0 && i < len(f.auths) && (dec.Action == model.ActionGrant || dec.Action == model.ActionWithdraw) {
		dec.Authority = f.auths[i].ID
	}
	dec.Department = ""
	if dec.Action == model.ActionReturn {
		dec.Department = strings.TrimSpace(f.department.Text)
	}
	dec.StaffDelta, dec.FundsDelta, dec.SystemsDelta = 0, 0, 0
	if dec.Action == model.ActionAddResources {
		var err error
		if dec.StaffDelta, err = parse(f.staff.Text); err != nil {
			return nil, err
		}
		if dec.FundsDelta, err = parse(f.funds.Text); err != nil {
			return nil, err
		}
		n, err := parse(f.systems.Text)
		if err != nil {
			return nil, err
		}
		dec.SystemsDelta = int(n)
	}
	dec.ResponsibleUnit = strings.TrimSpace(f.unit.Text)
	dec.Deadline = strings.TrimSpace(f.deadline.Text)
	if i := f.status.SelectedIndex(); i >= 0 && i < len(model.DecisionStatuses) {
		dec.Status = model.DecisionStatuses[i]
	}
	dec.Note = strings.TrimSpace(f.note.Text)
	dec.Meeting = f.meeting()
	dec.RecordedBy = f.s.Author
	dec.Touch(f.s.Author)
	return dec, nil
}

// store records the decision as one action.
func (f *form) store() {
	dec, err := f.decision()
	if err == nil {
		err = f.s.Commit(words.T("meeting.action.record"), f.s.Project().Put(dec))
	}
	if err != nil {
		var p model.Problem
		if errors.As(err, &p) {
			f.msg.SetText(p.Msg.In(words.Current()))
		} else {
			f.msg.SetText(err.Error())
		}
		f.msg.Show()
		return
	}
	if f.OnRecorded != nil {
		f.OnRecorded()
	}
}

// number shows a delta, empty for none.
func number(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// errNumber is the message for text that is not a number.
type errNumber struct{ text string }

func (e errNumber) Error() string { return words.T("meeting.form.not_number", "Text", e.text) }

// parse reads a signed number; empty is zero.
func parse(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, errNumber{s}
	}
	return v, nil
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// entry is a text field that knows the text it was loaded with, so that
// Ctrl+Z undoes the typing not yet recorded rather than the project's last
// action (the window asks Unsaved).
type entry struct {
	widget.Entry
	loaded string
}

func newEntry(multiLine bool) *entry {
	e := &entry{}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// load shows the stored text.
func (e *entry) load(text string) {
	e.loaded = text
	e.SetText(text)
}

// Unsaved reports whether the text differs from the stored one.
func (e *entry) Unsaved() bool { return e.Text != e.loaded }
