package editors

import (
	"rpbmatrix/model/words"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
)

// AuthoritiesView is the authority catalogue: add, edit and delete powers.
type AuthoritiesView struct {
	s       *session.Session
	win     fyne.Window
	confirm confirmFunc
	list    *idList
	form    *authorityForm
	formBox *fyne.Container
	root    fyne.CanvasObject
}

// NewAuthoritiesView builds the authority editor; it refreshes itself after every change.
func NewAuthoritiesView(s *session.Session, win fyne.Window) *AuthoritiesView {
	v := &AuthoritiesView{s: s, win: win, confirm: dialogConfirm(win)}
	v.list = newIDList(v.describe, func(model.ID) { v.form.reload(); v.showForm() })
	v.form = newAuthorityForm(s, win, v.current)
	add := editorButton("editors.action.add_authority", fynetheme.ContentAddIcon(), false, v.Add)
	del := editorButton("editors.action.delete_authority", fynetheme.DeleteIcon(), true, v.Delete)
	left := container.NewBorder(nil, container.NewGridWithColumns(2, add, del), nil, nil, v.list.list)
	v.root, v.formBox = listAndForm(left, v.form.object(), 0.36)
	s.OnChange(v.Refresh)
	v.Refresh()
	return v
}

// CanvasObject is the view's content.
func (v *AuthoritiesView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh lists the authorities again and shows the selected one.
func (v *AuthoritiesView) Refresh() {
	var ids []model.ID
	for _, a := range v.s.Project().AuthorityList() {
		ids = append(ids, a.ID)
	}
	v.list.set(ids)
	v.form.reload()
	v.showForm()
}

func (v *AuthoritiesView) showForm() {
	v.list.showWhenSelected(v.formBox)
}

func (v *AuthoritiesView) describe(id model.ID) (string, string) {
	p := v.s.Project()
	a := p.Authorities[id]
	if a == nil {
		return "", ""
	}
	return a.Name, a.Type.Name().In(v.s.Lang) + " · " + words.T("editors.authority.used_by", "Duties", strconv.Itoa(requiredBy(p, id)))
}

// requiredBy counts the duties that require authority id.
func requiredBy(p *model.Project, id model.ID) int {
	n := 0
	for _, d := range p.Duties {
		for _, r := range d.Required {
			if r == id {
				n++
				break
			}
		}
	}
	return n
}

func (v *AuthoritiesView) current() *model.Authority {
	if a := v.s.Project().Authorities[v.list.selected]; a != nil {
		c := *a
		return &c
	}
	return nil
}

// Select shows authority id.
func (v *AuthoritiesView) Select(id model.ID) { v.list.choose(id) }

// Add creates an authority and selects it for editing.
func (v *AuthoritiesView) Add() {
	a := &model.Authority{Meta: model.NewMeta(v.s.Author), Name: words.T("editors.authority.new_name"), Type: model.AuthStreetPower}
	if err := v.s.Commit(words.T("editors.action.add_authority"), v.s.Project().Put(a)); err != nil {
		v.form.showError(err, nil)
		return
	}
	v.list.choose(a.ID)
}

// Delete removes the selected authority, its holdings, its place in duties'
// required lists and the decisions that grant it, after confirmation.
func (v *AuthoritiesView) Delete() {
	p := v.s.Project()
	a := p.Authorities[v.list.selected]
	if a == nil {
		return
	}
	changes := p.DeleteAuthority(a.ID)
	n := countKinds(changes)
	msg := words.T("editors.authority.delete_confirm", "Name", a.Name,
		"Holdings", n[model.KindHolding], "Duties", requiredBy(p, a.ID), "Decisions", n[model.KindDecision])
	v.confirm(words.T("editors.action.delete_authority"), msg, func() {
		if err := v.s.Commit(words.T("editors.action.delete_authority"), p.DeleteAuthority(a.ID)...); err != nil {
			v.form.showError(err, nil)
		}
	})
}
