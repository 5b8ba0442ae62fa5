package editors

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// entity is a pointer to a stored entity: it carries Meta.
type entity[T any] interface {
	*T
	model.Entity
	Touch(author string)
}

// form edits one entity through a set of fields. current returns a copy of
// the entity to change (nil when there is none); each field commits its own
// change as one action and shows any validation message under itself.
type form[T any, P entity[T]] struct {
	s       *session.Session
	win     fyne.Window
	current func() P
	action  string // undo-menu name of an edit
	fields  []*field[T, P]
	loading bool
	grid    *fyne.Container
	onLoad  func(e P) // after reload, e.g. to show only the fields that apply
}

// field is one labelled input of a form.
type field[T any, P entity[T]] struct {
	code   string // model.Problem.Field it answers to
	label  *widget.Label
	input  fyne.CanvasObject
	msg    *widget.Label
	load   func(e P)
	store  func(e P) error // reads the input into e; a parse error is shown, nothing is committed
	widget fyne.CanvasObject
	typed  bool            // a text entry, committed when left
	cell   *fyne.Container // input and message
}

func newForm[T any, P entity[T]](s *session.Session, win fyne.Window, action string, current func() P) *form[T, P] {
	return &form[T, P]{s: s, win: win, current: current, action: action,
		grid: container.New(layout.NewFormLayout())}
}

// object is the form's layout: labels on the left, inputs with their messages on the right.
func (f *form[T, P]) object() fyne.CanvasObject { return f.grid }

func (f *form[T, P]) add(fl *field[T, P]) *field[T, P] {
	fl.msg = widget.NewLabel("")
	fl.msg.Importance = widget.DangerImportance
	fl.msg.Wrapping = fyne.TextWrapWord
	fl.msg.Hide()
	f.fields = append(f.fields, fl)
	fl.cell = container.NewVBox(fl.input, fl.msg)
	f.grid.Add(fl.label)
	f.grid.Add(fl.cell)
	return fl
}

// show shows or hides a field with its label (fields that do not apply).
func (fl *field[T, P]) show(on bool) {
	if on {
		fl.label.Show()
		fl.cell.Show()
	} else {
		fl.label.Hide()
		fl.cell.Hide()
	}
}

// reload shows the stored values and clears the messages.
func (f *form[T, P]) reload() {
	e := f.current()
	f.loading = true
	defer func() { f.loading = false }()
	for _, fl := range f.fields {
		fl.setMsg("")
		if e != nil {
			fl.load(e)
		}
	}
	if f.onLoad != nil && e != nil {
		f.onLoad(e)
	}
}

// edited is a field's callback: store the input into a fresh copy and commit it.
func (f *form[T, P]) edited(fl *field[T, P]) {
	if f.loading {
		return
	}
	e := f.current()
	if e == nil {
		return
	}
	// The edited field is read, and so is every choice and tick box: what
	// they show is what gets stored, so a choice refused a moment ago (a
	// grant without an authority) goes through once the missing part is
	// chosen. Other text fields commit on their own when left.
	for _, x := range f.fields {
		if x != fl && x.typed {
			continue
		}
		if err := x.store(e); err != nil {
			x.setMsg(err.Error())
			return
		}
		x.setMsg("")
	}
	e.Touch(f.s.Author)
	if err := f.s.Commit(f.action, f.s.Project().Put(e)); err != nil {
		f.showError(err, fl)
	}
}

// confirmFunc asks the user to confirm a destructive action and calls ok if they do.
type confirmFunc func(title, message string, ok func())

// dialogConfirm asks with a dialog over win.
func dialogConfirm(win fyne.Window) confirmFunc {
	return func(title, message string, ok func()) {
		dialog.ShowConfirm(title, message, func(yes bool) {
			if yes {
				ok()
			}
		}, win)
	}
}

// showError puts a validation problem under the field it names (or under
// fallback), and anything else in a dialog.
func (f *form[T, P]) showError(err error, fallback *field[T, P]) {
	var p model.Problem
	if errors.As(err, &p) {
		for _, fl := range f.fields {
			if fl.code == p.Field {
				fl.setMsg(f.s.T(p.Msg))
				return
			}
		}
		if fallback != nil {
			fallback.setMsg(f.s.T(p.Msg))
			return
		}
	}
	if f.win != nil {
		dialog.ShowError(errors.New(errorText(err)), f.win)
	}
}

func (fl *field[T, P]) setMsg(s string) {
	fl.msg.SetText(s)
	if s == "" {
		fl.msg.Hide()
	} else {
		fl.msg.Show()
	}
}

func (f *form[T, P]) fieldByCode(code string) *field[T, P] {
	for _, fl := range f.fields {
		if fl.code == code {
			return fl
		}
	}
	return nil
}

// text adds a field for text, stored without surrounding spaces.
func (f *form[T, P]) text(code, label string, multiLine bool, ptr func(P) *string) *commitEntry {
	return entryField(f, code, label, multiLine, ptr, func(s string) string { return s },
		func(s string) (string, error) { return strings.TrimSpace(s), nil })
}

// number adds a field for a float quantity (≥ 0 is checked by validation).
func (f *form[T, P]) number(code, label string, ptr func(P) *float64) *commitEntry {
	return entryField(f, code, label, false, ptr, formatFloat, parseFloat)
}

// integer adds a field for a count.
func (f *form[T, P]) integer(code, label string, ptr func(P) *int) *commitEntry {
	return entryField(f, code, label, false, ptr, strconv.Itoa, parseInt)
}

// entryField adds an entry showing *ptr(e) as format writes it and storing
// what parse reads; a parse error is shown under the field and nothing is
// committed.
func entryField[T any, P entity[T], V any](f *form[T, P], code, label string, multiLine bool, ptr func(P) *V,
	format func(V) string, parse func(string) (V, error)) *commitEntry {
	var fl *field[T, P]
	en := newCommitEntry(multiLine, func(string) { f.edited(fl) })
	fl = &field[T, P]{code: code, label: widget.NewLabel(label), input: en, widget: en, typed: true,
		load: func(e P) { en.load(format(*ptr(e))) },
		store: func(e P) error {
			v, err := parse(en.Text)
			if err != nil {
				return err
			}
			*ptr(e), en.committed = v, en.Text
			return nil
		}}
	f.add(fl)
	return en
}

// check adds a yes/no field, committed when ticked.
func (f *form[T, P]) check(code, label, text string, ptr func(P) *bool) *widget.Check {
	var fl *field[T, P]
	c := widget.NewCheck(text, func(bool) { f.edited(fl) })
	fl = &field[T, P]{code: code, label: widget.NewLabel(label), input: c, widget: c,
		load:  func(e P) { c.SetChecked(*ptr(e)) },
		store: func(e P) error { *ptr(e) = c.Checked; return nil }}
	f.add(fl)
	return c
}

// choice adds a select over options; get and set map the entity to an option index.
func (f *form[T, P]) choice(code, label string, options []string, get func(P) int, set func(P, int)) *widget.Select {
	var fl *field[T, P]
	sel := widget.NewSelect(options, func(string) { f.edited(fl) })
	fl = &field[T, P]{code: code, label: widget.NewLabel(label), input: sel, widget: sel,
		load: func(e P) {
			if i := get(e); i >= 0 && i < len(sel.Options) {
				sel.SetSelectedIndex(i)
			} else {
				sel.ClearSelected()
			}
		},
		store: func(e P) error { set(e, sel.SelectedIndex()); return nil }}
	f.add(fl)
	return sel
}

// errNumber is the message for text that is not a number.
type errNumber struct{ text string }

func (e errNumber) Error() string {
	return words.T("editors.error.number", "Text", e.text)
}

func parseFloat(s string) (float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "，", ","))
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return 0, errNumber{s}
	}
	return v, nil
}

func parseInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, errNumber{s}
	}
	return v, nil
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
