package editors

import (
	"rpbmatrix/model/words"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
)

// OfficesView lists the offices and edits the selected one: add, change,
// delete (with its holdings, assessments and decisions, after confirmation).
type OfficesView struct {
	s       *session.Session
	win     fyne.Window
	confirm confirmFunc
	list    *idList
	form    *officeForm
	formBox *fyne.Container
	root    fyne.CanvasObject
}

// NewOfficesView builds the offices editor; it refreshes itself after every change.
func NewOfficesView(s *session.Session, win fyne.Window) *OfficesView {
	v := &OfficesView{s: s, win: win, confirm: dialogConfirm(win)}
	v.list = newIDList(v.describe, func(model.ID) { v.form.reload(); v.showForm() })
	v.form = newOfficeForm(s, win, v.current)
	add := editorButton("editors.action.add_office", fynetheme.ContentAddIcon(), false, v.Add)
	del := editorButton("editors.action.delete_office", fynetheme.DeleteIcon(), true, v.Delete)
	left := container.NewBorder(nil, container.NewGridWithColumns(2, add, del), nil, nil, v.list.list)
	v.root, v.formBox = listAndForm(left, v.form.object(), 0.3)
	s.OnChange(v.Refresh)
	v.Refresh()
	return v
}

// CanvasObject is the view's content.
func (v *OfficesView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh lists the offices again and shows the selected one.
func (v *OfficesView) Refresh() {
	var ids []model.ID
	for _, o := range v.s.Project().OfficeList() {
		ids = append(ids, o.ID)
	}
	v.list.set(ids)
	v.form.reload()
	v.showForm()
}

func (v *OfficesView) showForm() {
	v.list.showWhenSelected(v.formBox)
}

func (v *OfficesView) describe(id model.ID) (string, string) {
	o := v.s.Project().Offices[id]
	if o == nil {
		return "", ""
	}
	return o.Name, o.Kind.Name().In(v.s.Lang) + " · " + o.Description
}

func (v *OfficesView) current() *model.Office {
	if o := v.s.Project().Offices[v.list.selected]; o != nil {
		c := *o
		return &c
	}
	return nil
}

// Select shows office id.
func (v *OfficesView) Select(id model.ID) { v.list.choose(id) }

// Add creates an office and selects it for editing.
func (v *OfficesView) Add() {
	o := &model.Office{Meta: model.NewMeta(v.s.Author), Name: words.T("editors.office.new_name"), Kind: model.OfficeStreet}
	if err := v.s.Commit(words.T("editors.action.add_office"), v.s.Project().Put(o)); err != nil {
		v.form.showError(err, nil)
		return
	}
	v.list.choose(o.ID)
}

// Delete removes the selected office and everything that belongs to it, after confirmation.
func (v *OfficesView) Delete() {
	p := v.s.Project()
	o := p.Offices[v.list.selected]
	if o == nil {
		return
	}
	changes := p.DeleteOffice(o.ID)
	n := countKinds(changes)
	msg := words.T("editors.office.delete_confirm", "Name", o.Name,
		"Holdings", n[model.KindHolding], "Assessments", n[model.KindAssessment], "Decisions", n[model.KindDecision])
	v.confirm(words.T("editors.action.delete_office"), msg, func() {
		if err := v.s.Commit(words.T("editors.action.delete_office"), p.DeleteOffice(o.ID)...); err != nil {
			v.form.showError(err, nil)
		}
	})
}

// countKinds counts the deletions per entity kind, for confirmation messages.
func countKinds(changes []model.Change) map[model.EntityKind]int {
	n := map[model.EntityKind]int{}
	for _, c := range changes {
		if c.After == nil {
			n[c.Kind]++
		}
	}
	return n
}
