package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// holdingRow edits how one office holds one authority: on paper (依法赋予),
// in fact (实际行使程度) and a note, on one line.
type holdingRow struct {
	s         *session.Session
	office    model.ID
	authority model.ID
	form      *holdingForm
	deJure    *widget.Check
	deFacto   *widget.Select
	note      *commitEntry
	name      *widget.Label
	caption   *widget.Label // type and use, shown in the holdings editor only
	mark      *canvas.Text
	markBg    *canvas.Rectangle
	object    fyne.CanvasObject
}

func newHoldingRow(s *session.Session, win fyne.Window, office, authority model.ID) *holdingRow {
	r := &holdingRow{s: s, office: office, authority: authority}
	r.form = newForm(s, win, words.T("editors.action.edit_holding"), r.current)
	r.deJure = r.form.check("de_jure", words.T("editors.holding.de_jure"), words.T("editors.holding.de_jure"),
		func(h *model.Holding) *bool { return &h.DeJure })
	r.deFacto = r.form.choice("de_facto", words.T("editors.holding.de_facto"), names(model.Levels, words.Current()),
		func(h *model.Holding) int { return indexOf(model.Levels, h.DeFacto) },
		func(h *model.Holding, i int) { h.DeFacto = pick(model.Levels, i, h.DeFacto) })
	r.note = r.form.text("note", words.T("editors.holding.note"), false, func(h *model.Holding) *string { return &h.Note })
	r.note.SetPlaceHolder(words.T("editors.holding.note"))

	r.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.markBg = canvas.NewRectangle(nil)
	r.markBg.SetMinSize(fyne.NewSize(32, 32))
	r.mark = canvas.NewText("", nil)
	r.mark.TextStyle.Bold = true
	r.mark.Alignment = fyne.TextAlignCenter
	markBox := container.NewStack(r.markBg, container.NewCenter(r.mark))

	var msgs []fyne.CanvasObject
	for _, fl := range r.form.fields {
		msgs = append(msgs, fl.msg)
	}
	r.caption = widget.NewLabel("")
	r.caption.SizeName = fynetheme.SizeNameCaptionText
	r.caption.Hide()
	// Name on its own line so a long power reads in full in a narrow panel;
	// the controls and the note share the second line.
	r.name.Truncation = fyne.TextTruncateOff
	r.name.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, markBox, r.caption, r.name)
	deFacto := container.New(&widestOption{sel: r.deFacto}, r.deFacto)
	controls := container.NewBorder(nil, nil, container.NewHBox(r.deJure, deFacto), nil, r.note)
	r.object = container.NewVBox(head, controls, container.NewVBox(msgs...))
	r.reload()
	return r
}

// current is a copy of the holding, or a new "not held" one to create.
func (r *holdingRow) current() *model.Holding {
	p := r.s.Project()
	if h := p.Holding(r.office, r.authority); h != nil {
		return h.Clone().(*model.Holding)
	}
	if p.Offices[r.office] == nil || p.Authorities[r.authority] == nil {
		return nil
	}
	return &model.Holding{Meta: model.NewMeta(r.s.Author), Office: r.office, Authority: r.authority, DeFacto: model.LevelNone}
}

// reload shows the stored holding and its mark.
func (r *holdingRow) reload() {
	r.form.reload()
	p := r.s.Project()
	if a := p.Authorities[r.authority]; a != nil {
		r.name.SetText(a.Name)
		if r.caption.Visible() {
			r.caption.SetText(authorityCaption(p, a, words.Current()))
		}
	}
	m := model.MarkOf(p.Holding(r.office, r.authority))
	v := theme.CurrentVariant()
	r.markBg.FillColor = theme.MarkColor(m, v)
	r.mark.Text = theme.MarkSymbol(m)
	r.mark.Color = theme.TextOn(r.markBg.FillColor)
	r.markBg.Refresh()
	r.mark.Refresh()
}

// widestOption sizes a select for its longest option ("Cannot exercise"),
// so the choice made reads whole; Fyne sizes it for the shortest.
type widestOption struct{ sel *widget.Select }

func (l *widestOption) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *widestOption) MinSize([]fyne.CanvasObject) fyne.Size {
	th := l.sel.Theme()
	text := th.Size(fynetheme.SizeNameText)
	var w float32
	for _, o := range l.sel.Options {
		w = max(w, fyne.MeasureText(o, text, fyne.TextStyle{}).Width)
	}
	extra := 2*th.Size(fynetheme.SizeNameInnerPadding) + th.Size(fynetheme.SizeNameInlineIcon) + 2*th.Size(fynetheme.SizeNamePadding)
	return l.sel.MinSize().Max(fyne.NewSize(w+extra, 0))
}
