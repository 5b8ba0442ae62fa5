package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// sidebar lists "all offices" and every office with its balance index;
// picking one selects it for every view.
type sidebar struct {
	s       *session.Session
	list    *widget.List
	search  *widget.Entry
	root    fyne.CanvasObject
	offices []model.ID // shown after the search; NilID first for all offices
	syncing bool       // true while the sidebar follows a selection made elsewhere
}

func newSidebar(s *session.Session) *sidebar {
	b := &sidebar{s: s}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder(tr("sidebar.search"))
	b.search.OnChanged = func(string) { b.refresh() }
	b.list = widget.NewList(func() int { return len(b.offices) }, b.createItem, b.updateItem)
	b.list.OnSelected = func(i widget.ListItemID) {
		if !b.syncing && i < len(b.offices) {
			s.SetOffice(b.offices[i])
		}
	}
	title := widget.NewLabelWithStyle(tr("sidebar.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.root = container.NewBorder(container.NewVBox(title, b.search), nil, nil, nil, b.list)
	s.OnChange(b.refresh)
	s.OnOfficeSelect(func(model.ID) { b.follow() })
	b.refresh()
	return b
}

func (b *sidebar) CanvasObject() fyne.CanvasObject { return b.root }

// refresh lists the offices matching the search, keeping the selection.
func (b *sidebar) refresh() {
	q := strings.TrimSpace(b.search.Text)
	b.offices = []model.ID{model.NilID}
	for _, o := range b.s.Project().OfficeList() {
		if q == "" || strings.Contains(o.Name, q) || strings.Contains(o.Description, q) {
			b.offices = append(b.offices, o.ID)
		}
	}
	b.list.Refresh()
	b.follow()
}

// follow selects the session's office in the list.
func (b *sidebar) follow() {
	b.syncing = true
	defer func() { b.syncing = false }()
	for i, id := range b.offices {
		if id == b.s.Office() {
			b.list.Select(i)
			b.list.ScrollTo(i)
			return
		}
	}
	b.list.UnselectAll()
}

// item: a colour swatch of the office's gap, its name and its balance index.
func (b *sidebar) createItem() fyne.CanvasObject {
	sw := canvas.NewRectangle(theme.Color(theme.ColorNameDisabled))
	sw.CornerRadius = theme.InputRadiusSize()
	sw.SetMinSize(fyne.NewSize(theme.TextSize()*0.8, theme.TextSize()*0.8))
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	index := widget.NewLabel("")
	index.Alignment = fyne.TextAlignTrailing
	// A fixed width for the index, so every row lines up and none is clipped.
	w := fyne.MeasureText("0.00", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	return container.NewBorder(nil, nil, container.NewCenter(sw), container.New(&fixedWidth{w: w}, index), name)
}

func (b *sidebar) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	name, index := c.Objects[0].(*widget.Label), c.Objects[2].(*fyne.Container).Objects[0].(*widget.Label)
	sw := c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	id := b.offices[i]
	r := b.s.Result()
	sum := &r.Total
	if id != model.NilID {
		if os := r.Offices[id]; os != nil {
			sum = &os.Summary
		} else {
			sum = nil
		}
	}
	name.SetText(b.s.OfficeName(id))
	if id == model.NilID { // under the title 街道（乡镇）, 全部 says it without being clipped
		name.SetText(words.T("sidebar.all"))
	}
	name.TextStyle.Bold = id == model.NilID
	if sum == nil || sum.Items == 0 {
		index.SetText("—")
	} else {
		index.SetText(words.Index(sum.Balance).String())
	}
	sw.FillColor = apptheme.GapColor(palette.GapRatio(sum), apptheme.CurrentVariant())
	sw.Refresh()
}
