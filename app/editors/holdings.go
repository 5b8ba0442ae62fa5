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
	rows    keptRows[*holdingRow] // by (office, authority)
	loading bool
	root    fyne.CanvasObject
	lazy    session.Lazy // refreshes only while on screen
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
	v.rows = keptRows[*holdingRow]{box: container.NewVBox(),
		empty: func() fyne.CanvasObject { return widget.NewLabel(words.T("editors.holdings.empty")) }}
	v.root = container.NewBorder(container.NewVBox(container.NewHBox(widget.NewLabel(words.T("editors.holdings.office")), v.pick), v.heading),
		nil, nil, nil, container.NewVScroll(container.NewPadded(v.rows.box)))
	v.lazy.Refresh = v.Refresh
	s.OnChange(v.lazy.Changed)
	s.OnOfficeSelect(func(id model.ID) {
		if id != model.NilID {
			v.office = id
		}
		v.lazy.Changed()
	})
	v.office = s.Office()
	v.Refresh()
	return v
}

// SetOnScreen tells the view how to know whether it is on screen; until
// then it counts as always on screen.
func (v *HoldingsView) SetOnScreen(f func() bool) { v.lazy.OnScreen = f }

// Shown is told that the view has come on screen: it catches up with the
// changes and the office switches made meanwhile.
func (v *HoldingsView) Shown() { v.lazy.Show() }

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

	var keys []model.PairKey
	if v.office != model.NilID {
		for _, a := range p.AuthorityList() {
			keys = append(keys, model.PairKey{Office: v.office, Other: a.ID})
		}
	}
	v.rows.show(keys, func(k model.PairKey) (*holdingRow, fyne.CanvasObject) {
		r := newHoldingRow(v.s, v.win, k.Office, k.Other)
		r.caption.Show()
		r.reload()
		return r, container.NewVBox(r.object, widget.NewSeparator())
	}, (*holdingRow).reload)
}
