package matrix

import (
	"fmt"
	"rpbmatrix/model/synth"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Selecting a row from outside the table (the overview's worst items, the
// heat map, Find) scrolls it whole into view below the sticky header, up as
// well as down, and also when the table had no size yet.
func TestSelectScrollsRowBelowHeader(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	s.SetOffice(s.Project().OfficeList()[0].ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	rows := v.Rows()
	if len(rows) < 60 {
		t.Fatalf("demo office has %d rows, want at least 60 to scroll", len(rows))
	}
	// Selected before the first layout: the scroll waits for a size.
	v.Select(rows[50].Office.ID, rows[50].Duty.ID)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1280, 720))

	h := v.table.rowHeight()
	pitch := h + v.table.Theme().Size(fynetheme.SizeNamePadding)
	view := v.table.Size().Height - v.table.headerHeight()
	for _, i := range []int{50, 3, 40, 0, len(rows) - 1, 20} {
		v.Select(rows[i].Office.ID, rows[i].Duty.ID)
		off := v.table.offset().Y
		top := float32(i) * pitch
		bottom := top + h
		if top < off-0.5 || bottom > off+view+0.5 {
			t.Errorf("row %d spans %.0f–%.0f, viewport below the header is %.0f–%.0f", i, top, bottom, off, off+view)
		}
		if err := captureSafely(w); err != nil {
			t.Errorf("row %d: %v", i, err)
		}
	}
}

// captureSafely draws the window, turning the software painter's panic on a
// negatively sized object into an error.
func captureSafely(w fyne.Window) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing failed: %v", r)
		}
	}()
	w.Canvas().Capture()
	return nil
}

// A matrix refreshed before it has a size (a hidden tab, before the first
// layout) lays out only the rows it shows once it has one: Fyne 2.7 keeps a
// divider for every row it ever laid out, and every frame walks them.
func TestHiddenRefreshLaysOutNoRows(t *testing.T) {
	newTestApp(t)
	s := newMemSession(synth.Generate(4, 500, 1))
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	v.Refresh() // no size yet
	if len(v.visible) < 1000 {
		t.Fatalf("%d rows, want the 2,000 of four offices", len(v.visible))
	}
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1280, 720))
	v.Refresh()
	w.Canvas().Capture()
	separators := len(findAll(v.table, func(o fyne.CanvasObject) bool {
		_, ok := o.(*widget.Separator)
		return ok
	}))
	if separators > 200 {
		t.Errorf("the table holds %d separators for %d rows, most of them never shown", separators, len(v.visible))
	}
}
