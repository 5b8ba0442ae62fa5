package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// HoldingsView edits how one office holds every authority of the catalogue:
// one row per authority with de jure, de facto and a note. It shows the
// session's office; with "all offices" selected, an office is picked here.
type HoldingsView struct {
	s       *session.Session
	win     fyne.Window
	office  model.ID
	pick    *widget.Select
	offices []model.ID // option i of pick
	heading *widget.Label
	box     *fyne.Container
	rows    []*holdingRow
	loading bool
	root    fyne.CanvasObject
}

// NewHoldingsView builds the holdings editor; it follows the selected office
// and refreshes itself after every change.
func NewHoldingsView(s *session.Session, win fyne.Window) *HoldingsView {
	v := &HoldingsView{s: s, win: win}
	v.pick = widget.NewSelect(nil, func(string) {
		if v.loading {
			return
		}
		if i := v.pick.SelectedIndex(); i >= 0 && i < len(v.offices) {
			v.office = v.offices[i]
			v.Refresh()
		}
	})
	v.heading = widget.NewLabel(words.T("editors.holdings.help"))
	v.heading.Wrapping = fyne.TextWrapWord
	v.box = container.NewVBox()
	v.root = container.NewBorder(container.NewVBox(container.NewHBox(widget.NewLabel(words.T("editors.holdings.office")), v.pick), v.heading),
		nil, nil, nil, container.NewVScroll(container.NewPadded(v.box)))
	s.OnChange(v.Refresh)
	s.OnOfficeSelect(func(id model.ID) {
		if id != model.NilID {
			v.office = id
		}
		v.Refresh()
	})
	v.office = s.Office()
	v.Refresh()
	return v
}

// CanvasObject is the view's content.
func (v *HoldingsView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh shows the stored holdings, rebuilding the rows only when the
// office or the authority catalogue changed.
func (v *HoldingsView) Refresh() {
	p := v.s.Project()
	offices := p.OfficeList()
	if p.Offices[v.office] == nil {
		v.office = model.NilID
		if len(offices) > 0 {
			v.office = offices[0].ID
		}
	}
	v.loading = true
	v.offices = v.offices[:0]
	var names []string
	sel := -1
	for i, o := range offices {
		v.offices = append(v.offices, o.ID)
		names = append(names, o.Name)
		if o.ID == v.office {
			sel = i
		}
	}
	v.pick.SetOptions(names)
	if sel >= 0 {
		v.pick.SetSelectedIndex(sel)
	}
	v.loading = false

	auths := p.AuthorityList()
	same := len(auths) == len(v.rows)
	for i, r := range v.rows {
		if !same || r.authority != auths[i].ID || r.office != v.office {
			same = false
			break
		}
	}
	if same {
		for _, r := range v.rows {
			r.reload()
		}
		return
	}
	v.rows = v.rows[:0]
	var objs []fyne.CanvasObject
	if v.office != model.NilID {
		for _, a := range auths {
			r := newHoldingRow(v.s, v.win, v.office, a.ID)
			r.caption.Show()
			r.reload()
			v.rows = append(v.rows, r)
			objs = append(objs, r.object, widget.NewSeparator())
		}
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(words.T("editors.holdings.empty")))
	}
	v.box.Objects = objs
	v.box.Refresh()
}
