package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
)

// idList is the list side of an editor: entities by ID, a title and a
// subtitle each, one selected.
type idList struct {
	list     *widget.List
	ids      []model.ID
	describe func(id model.ID) (title, subtitle string)
	selected model.ID
	quiet    bool
	onSelect func(id model.ID)
}

func newIDList(describe func(model.ID) (string, string), onSelect func(model.ID)) *idList {
	l := &idList{describe: describe, onSelect: onSelect}
	l.list = widget.NewList(
		func() int { return len(l.ids) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = fynetheme.SizeNameCaptionText
			return container.NewVBox(title, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(l.ids) {
				return
			}
			t, s := l.describe(l.ids[i])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(t)
			box.Objects[1].(*widget.Label).SetText(s)
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.quiet || i < 0 || i >= len(l.ids) {
			return
		}
		l.selected = l.ids[i]
		if l.onSelect != nil {
			l.onSelect(l.selected)
		}
	}
	return l
}

// set replaces the entries, keeping the selection when it is still listed
// and otherwise selecting the first entry (or none).
func (l *idList) set(ids []model.ID) {
	l.ids = ids
	keep := -1
	for i, id := range ids {
		if id == l.selected {
			keep = i
		}
	}
	if keep < 0 {
		l.selected = model.NilID
		if len(ids) > 0 {
			keep, l.selected = 0, ids[0]
		}
	}
	l.list.Refresh()
	l.quiet = true
	if keep >= 0 {
		l.list.Select(keep)
		if l.list.Size().Height == 0 {
			// Not laid out yet: Select scrolled against a zero-height
			// viewport and would hide the first entries.
			l.list.ScrollToTop()
		}
	} else {
		l.list.UnselectAll()
	}
	l.quiet = false
}

// choose selects id as if the user had tapped it.
func (l *idList) choose(id model.ID) {
	for i, x := range l.ids {
		if x == id {
			l.selected = id
			l.quiet = true
			l.list.Select(i)
			l.list.ScrollTo(i)
			l.quiet = false
			if l.onSelect != nil {
				l.onSelect(id)
			}
			return
		}
	}
}
