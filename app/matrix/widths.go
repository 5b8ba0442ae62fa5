package matrix

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/theme"
)

// widthPrefix names the Preferences key that remembers a column's width.
const widthPrefix = "matrix.width."

// resizableTable is a widget.Table that tells the view when the user has
// finished dragging a column edge, so the new widths can be remembered.
type resizableTable struct {
	widget.Table
	onResized func(widths map[int]float32)
	// pendingRow is a row to scroll to once the table has a size; -1 for none.
	pendingRow int
	// onKey gets the keys typed while the table has the focus first; it
	// returns false for the keys it leaves to the table.
	onKey func(*fyne.KeyEvent) bool
}

// TypedKey lets the view move its selection with the keys (the table's own
// keyboard cursor moves an outline the view does not follow).
func (t *resizableTable) TypedKey(ev *fyne.KeyEvent) {
	if t.onKey != nil && t.onKey(ev) {
		return
	}
	t.Table.TypedKey(ev)
}

func newResizableTable() *resizableTable {
	t := &resizableTable{pendingRow: -1}
	t.ExtendBaseWidget(t)
	return t
}

func (t *resizableTable) DragEnd() {
	t.Table.DragEnd()
	if t.onResized != nil {
		t.onResized(columnWidths(&t.Table))
	}
}

// columnWidths reads the widths a user has set by dragging. Fyne 2.7 keeps
// them in an unexported map and offers no getter or resize callback, so this
// reads the map by reflection (read-only); an empty map if Fyne renames it.
func columnWidths(t *widget.Table) map[int]float32 {
	out := map[int]float32{}
	f := reflect.ValueOf(t).Elem().FieldByName("columnWidths")
	if !f.IsValid() || f.Kind() != reflect.Map || f.IsNil() {
		return out
	}
	it := f.MapRange()
	for it.Next() {
		out[int(it.Key().Int())] = float32(it.Value().Float())
	}
	return out
}

// scale is the presentation text scale; widths are remembered unscaled so a
// projector setting widens columns along with the text.
func scale() float32 {
	if t, ok := fyne.CurrentApp().Settings().Theme().(*theme.Theme); ok && t.Scale() > 0 {
		return t.Scale()
	}
	return 1
}

// rememberedWidth returns the width to draw column c with.
func rememberedWidth(c column) float32 {
	w := float32(fyne.CurrentApp().Preferences().FloatWithFallback(widthPrefix+c.key, float64(c.width)))
	if w < 24 {
		w = c.width
	}
	return w * scale()
}

// rememberWidths stores the widths of the columns the user has resized.
func rememberWidths(cols []column, widths map[int]float32) {
	prefs := fyne.CurrentApp().Preferences()
	s := scale()
	for i, w := range widths {
		if i < 0 || i >= len(cols) {
			continue
		}
		unscaled := w / s
		if diff := unscaled - rememberedWidth(cols[i])/s; diff > 0.5 || diff < -0.5 {
			prefs.SetFloat(widthPrefix+cols[i].key, float64(unscaled))
		}
	}
}
