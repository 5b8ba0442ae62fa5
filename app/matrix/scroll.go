package matrix

import (
	"reflect"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// scrollToRow scrolls the table the least distance that shows row whole,
// below the sticky header. Fyne 2.7's Table.ScrollTo counts the header row
// twice when it scrolls up, leaving the row hidden under the header (where
// the table's own markers get a negative height). Before the table has a
// size the scroll waits for its first layout.
func (t *resizableTable) scrollToRow(row int) {
	size := t.Size()
	if size.Height <= 0 {
		t.pendingRow = row
		return
	}
	t.pendingRow = -1
	h := t.rowHeight()
	top := float32(row) * (h + t.Theme().Size(fynetheme.SizeNamePadding))
	bottom := top + h
	view := size.Height - t.headerHeight()
	off := t.offset()
	switch {
	case top < off.Y || view < h:
		off.Y = top
	case bottom > off.Y+view:
		off.Y = bottom - view
	default:
		return
	}
	t.ScrollToOffset(off)
}

// Resize lays the table out and runs a scroll that waited for a size.
func (t *resizableTable) Resize(s fyne.Size) {
	t.Table.Resize(s)
	if t.pendingRow >= 0 && s.Height > 0 {
		t.scrollToRow(t.pendingRow)
	}
}

// shownRows is how many of rows the table may lay out now: none until it
// has room below its header. Fyne 2.7's Table lays out every row when it
// has no height (a hidden tab, before the first layout) and keeps a
// divider for each for good: 200,000 hidden separators that every later
// frame walks.
func (t *resizableTable) shownRows(rows int) int {
	if t.Size().Height <= t.headerHeight() {
		return 0
	}
	return rows
}

// headerHeight is the height of the sticky header row.
func (t *resizableTable) headerHeight() float32 {
	if !t.ShowHeaderRow {
		return 0
	}
	return headerHeight(t.Theme())
}

// rowHeight is the height of a body row: Fyne sizes every row like its
// template cell (or header cell, whichever is taller).
func (t *resizableTable) rowHeight() float32 {
	h := float32(0)
	if t.CreateCell != nil {
		h = t.CreateCell().MinSize().Height
	}
	if t.ShowHeaderRow && t.CreateHeader != nil {
		h = max(h, t.CreateHeader().MinSize().Height)
	}
	return h
}

// offset is the table's scroll position. Fyne 2.7 offers no getter, so it
// is read by reflection (read-only); the origin if Fyne renames the field.
func (t *resizableTable) offset() fyne.Position {
	f := reflect.ValueOf(&t.Table).Elem().FieldByName("offset")
	if !f.IsValid() || f.Type() != reflect.TypeOf(fyne.Position{}) {
		return fyne.Position{}
	}
	return fyne.NewPos(float32(f.Field(0).Float()), float32(f.Field(1).Float()))
}
