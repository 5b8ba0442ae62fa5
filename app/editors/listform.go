package editors

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// listEditor edits one catalogue of entities (the offices, the authorities,
// the duties): the list with Add and Delete under it on the left, the
// selected entity's form scrolled on the right, hidden while nothing is
// selected. Its view registers Refresh with the session.
type listEditor[T any, P entity[T]] struct {
	s       *session.Session
	confirm confirmFunc
	of      listed[T, P]
	kind    model.EntityKind // what it lists; names its actions (actionKeys)
	list    *idList
	form    *form[T, P]
	formBox *fyne.Container
	root    fyne.CanvasObject

	// onShow, when set, shows more of the selected entity than its form.
	onShow func(e P)
	// reveal, when set, undoes what hides an entity from the list (a
	// search) before Select shows it.
	reveal func()
	// lazy refreshes the editor after a change only while it is on
	// screen: an editor in a hidden tab waits until it is shown.
	lazy session.Lazy
}

// listed is what a listEditor lists, and how it adds and deletes one.
type listed[T any, P entity[T]] struct {
	list     func(p *model.Project) []P                                               // the entities listed, in order
	get      func(p *model.Project, id model.ID) P                                    // the stored entity, nil when there is none
	describe func(s *session.Session, p *model.Project, e P) (title, subtitle string) // its two lines in the list
	create   func(s *session.Session) P                                               // what Add stores
	cascade  func(p *model.Project, id model.ID) []model.Change                       // deleting it and what goes with it
	question func(p *model.Project, e P, gone map[model.EntityKind]int) string        // asked before deleting
}

// newListEditor builds the list and the form (by newForm over the selected
// entity); lay puts them on screen.
func newListEditor[T any, P entity[T]](s *session.Session, win fyne.Window, of listed[T, P],
	newForm func(*session.Session, fyne.Window, func() P) *form[T, P]) *listEditor[T, P] {
	l := &listEditor[T, P]{s: s, confirm: dialogConfirm(win), of: of, kind: kindOf(of)}
	l.list = newIDList(l.describe, func(model.ID) { l.showSelected() })
	l.form = newForm(s, win, l.current)
	return l
}

// openListEditor builds an editor that shows just the entity's form,
// following every change.
func openListEditor[T any, P entity[T]](s *session.Session, win fyne.Window, of listed[T, P],
	newForm func(*session.Session, fyne.Window, func() P) *form[T, P], offset float64) *listEditor[T, P] {
	l := newListEditor(s, win, of, newForm)
	l.lay(nil, l.form.object(), offset)
	l.listen()
	return l
}

// listen refreshes the editor now and after every change, through
// l.lazy.Refresh when a view that embeds the editor has set it.
func (l *listEditor[T, P]) listen() {
	if l.lazy.Refresh == nil {
		l.lazy.Refresh = l.Refresh
	}
	l.s.OnChange(l.lazy.Changed)
	l.lazy.Refresh()
}

// SetOnScreen tells the editor how to know whether it is on screen; until
// then it counts as always on screen.
func (l *listEditor[T, P]) SetOnScreen(f func() bool) { l.lazy.OnScreen = f }

// Shown is told that the editor has come on screen: it catches up with
// the changes made meanwhile.
func (l *listEditor[T, P]) Shown() { l.lazy.Show() }

// kindOf is the kind of entity a listEditor lists.
func kindOf[T any, P entity[T]](listed[T, P]) model.EntityKind { return P(new(T)).EntityKind() }

// actionKeys are the catalogue keys of an editor's Add and Delete: their
// buttons and their names in the undo menu.
func actionKeys(kind model.EntityKind) (add, remove string) {
	return "editors.action.add_" + string(kind), "editors.action.delete_" + string(kind)
}

// lay puts above the list (may be nil) over it, the buttons Add, extra and
// Delete under it, and content (the form and what else shows the selected
// entity) beside it; offset is the list's share of the width.
func (l *listEditor[T, P]) lay(above, content fyne.CanvasObject, offset float64, extra ...fyne.CanvasObject) {
	add, remove := actionKeys(l.kind)
	buttons := []fyne.CanvasObject{editorButton(add, fynetheme.ContentAddIcon(), false, l.Add)}
	buttons = append(buttons, extra...)
	buttons = append(buttons, editorButton(remove, fynetheme.DeleteIcon(), true, l.Delete))
	left := container.NewBorder(above, container.NewGridWithColumns(len(buttons), buttons...), nil, nil, l.list.list)
	l.formBox = container.NewStack(container.NewVScroll(container.NewPadded(content)))
	split := container.NewHSplit(left, l.formBox)
	split.Offset = offset
	l.root = split
}

// editorButton is a button under an editor's list; deleting is marked as
// dangerous.
func editorButton(key string, icon fyne.Resource, danger bool, tap func()) *widget.Button {
	b := widget.NewButtonWithIcon(words.T(key), icon, tap)
	if danger {
		b.Importance = widget.DangerImportance
	}
	return b
}

// CanvasObject is the editor's content.
func (l *listEditor[T, P]) CanvasObject() fyne.CanvasObject { return l.root }

// Refresh lists the entities again and shows the selected one.
func (l *listEditor[T, P]) Refresh() {
	l.list.set(idsOf(l.of.list(l.s.Project())))
	l.showSelected()
}

// showSelected fills the form with the selected entity, or hides it.
func (l *listEditor[T, P]) showSelected() {
	e := l.current()
	if e == nil {
		l.formBox.Hide()
		return
	}
	l.formBox.Show()
	l.form.reload()
	if l.onShow != nil {
		l.onShow(e)
	}
}

func (l *listEditor[T, P]) describe(id model.ID) (string, string) {
	p := l.s.Project()
	e := l.of.get(p, id)
	if e == nil {
		return "", ""
	}
	return l.of.describe(l.s, p, e)
}

// current is a copy of the selected entity to change, nil when none.
func (l *listEditor[T, P]) current() P {
	if e := l.of.get(l.s.Project(), l.list.selected); e != nil {
		return e.Clone().(P)
	}
	return nil
}

// Select shows entity id.
func (l *listEditor[T, P]) Select(id model.ID) {
	l.lazy.Fresh()
	if !slices.Contains(l.list.ids, id) && l.reveal != nil {
		l.reveal()
	}
	l.list.choose(id)
}

// Add creates an entity and selects it for editing.
func (l *listEditor[T, P]) Add() {
	add, _ := actionKeys(l.kind)
	l.store(words.T(add), l.of.create(l.s))
}

// store commits a new entity as action and selects it.
func (l *listEditor[T, P]) store(action string, e P) {
	if err := l.s.Commit(action, l.s.Project().Put(e)); err != nil {
		l.form.showError(err, nil)
		return
	}
	l.Select(e.Identity().ID)
}

// Delete removes the selected entity and what goes with it, after
// confirmation.
func (l *listEditor[T, P]) Delete() {
	p := l.s.Project()
	e := l.of.get(p, l.list.selected)
	if e == nil {
		return
	}
	_, remove := actionKeys(l.kind)
	id, action := e.Identity().ID, words.T(remove)
	l.confirm(action, l.of.question(p, e, countKinds(l.of.cascade(p, id))), func() {
		if err := l.s.Commit(action, l.of.cascade(p, id)...); err != nil {
			l.form.showError(err, nil)
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

// idsOf lists the IDs of entities in order.
func idsOf[E interface{ Identity() model.Identity }](es []E) []model.ID {
	ids := make([]model.ID, len(es))
	for i, e := range es {
		ids[i] = e.Identity().ID
	}
	return ids
}
