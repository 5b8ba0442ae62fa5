package editors

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// recordCards shows the records of one kind that belong to what a panel
// shows (an office's off-list tasks, an item's incidents) as cards, each
// the record's form with Delete under it, and Add after the last: a list
// and its forms in one column, for a panel too narrow for a list beside a
// form. It keeps the cards of records still shown, so a field being typed
// in keeps its focus through the refresh its commit causes.
type recordCards[T any, P entity[T]] struct {
	s       *session.Session
	win     fyne.Window
	confirm confirmFunc
	kind    model.EntityKind
	list    func(p *model.Project) []P            // the records shown, in order
	get     func(p *model.Project, id model.ID) P // the stored record, nil when there is none
	create  func(s *session.Session) P            // what Add stores; nil while nothing can be added
	newForm func(*session.Session, fyne.Window, func() P) *form[T, P]
	// findings, when set, shows on each card the findings on its record
	// (register entries: off-list tasks).
	findings bool
	rows     keptRows[*recordCard[T, P]]
	add      *widget.Button
	box      *fyne.Container
}

// recordCard is one record's form and its Delete button.
type recordCard[T any, P entity[T]] struct {
	id       model.ID
	form     *form[T, P]
	findings *fyne.Container // the findings on the record, when the cards show them
	object   fyne.CanvasObject
}

// reload shows the stored record and the findings on it.
func (c *recordCard[T, P]) reload(s *session.Session) {
	c.form.reload()
	if c.findings == nil {
		return
	}
	r := s.Result()
	var objs []fyne.CanvasObject
	for _, f := range r.FindingsOfEntry(c.id) {
		objs = append(objs, findingRow(r, f, words.Current()))
	}
	c.findings.Objects = objs
	c.findings.Refresh()
}

// newRecordCards builds the cards; Refresh fills them. empty is shown
// while there is no record.
func newRecordCards[T any, P entity[T]](s *session.Session, win fyne.Window, c recordCards[T, P], empty string) *recordCards[T, P] {
	c.s, c.win, c.confirm = s, win, dialogConfirm(win)
	c.kind = P(new(T)).EntityKind()
	r := &c
	r.rows = keptRows[*recordCard[T, P]]{box: container.NewVBox(), empty: func() fyne.CanvasObject { return wrapped(empty) }}
	addKey, _ := actionKeys(r.kind)
	r.add = editorButton(addKey, fynetheme.ContentAddIcon(), false, r.Add)
	r.box = container.NewVBox(r.rows.box, container.NewHBox(r.add))
	return r
}

// object is the cards and the Add button.
func (r *recordCards[T, P]) object() fyne.CanvasObject { return r.box }

// Refresh shows the records stored now, keeping the cards of those still shown.
func (r *recordCards[T, P]) Refresh() {
	var keys []model.PairKey
	for _, e := range r.list(r.s.Project()) {
		keys = append(keys, model.PairKey{Other: e.Identity().ID})
	}
	r.rows.show(keys, func(k model.PairKey) (*recordCard[T, P], fyne.CanvasObject) { return r.card(k.Other) },
		func(c *recordCard[T, P]) { c.reload(r.s) })
	if r.create == nil {
		r.add.Disable()
	} else {
		r.add.Enable()
	}
	r.box.Refresh() // a card more or less moves the Add button
}

// forget makes the next Refresh build every card afresh (another office or item is shown).
func (r *recordCards[T, P]) forget() { r.rows.forget() }

func (r *recordCards[T, P]) card(id model.ID) (*recordCard[T, P], fyne.CanvasObject) {
	c := &recordCard[T, P]{id: id}
	c.form = r.newForm(r.s, r.win, func() P {
		if e := r.get(r.s.Project(), id); e != nil {
			return e.Clone().(P)
		}
		return nil
	})
	_, removeKey := actionKeys(r.kind)
	del := editorButton(removeKey, fynetheme.DeleteIcon(), true, func() { r.delete(c) })
	var top fyne.CanvasObject
	if r.findings {
		c.findings = container.NewVBox()
		top = c.findings
	}
	c.object = widget.NewCard("", "", container.NewBorder(top, container.NewHBox(del), nil, nil, c.form.object()))
	c.reload(r.s)
	return c, c.object
}

// Add stores a new record.
func (r *recordCards[T, P]) Add() {
	if r.create == nil {
		return
	}
	addKey, _ := actionKeys(r.kind)
	e := r.create(r.s)
	if err := r.s.Commit(words.T(addKey), r.s.Project().Put(e)); err != nil && r.win != nil {
		dialog.ShowError(errors.New(errorText(err)), r.win)
	}
}

// delete removes a card's record after confirmation.
func (r *recordCards[T, P]) delete(c *recordCard[T, P]) {
	e := r.get(r.s.Project(), c.id)
	if e == nil {
		return
	}
	_, removeKey := actionKeys(r.kind)
	action := words.T(removeKey)
	r.confirm(action, words.T("editors.record.delete_confirm", "Action", action), func() {
		if err := r.s.Commit(action, r.s.Project().Delete(e)); err != nil {
			c.form.showError(err, nil)
		}
	})
}
