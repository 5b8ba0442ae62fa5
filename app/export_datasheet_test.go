//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The export dialog offers to leave the data sheet out of a workbook,
// checked (kept) by default, and only for the workbooks: a CSV or JSON
// export has no data sheet to leave out.
func TestExportDialogDataSheetChoice(t *testing.T) {
	m := sharedWindow(t)
	overlays := m.win.Canvas().Overlays()
	before := len(overlays.List())
	_, format := openExportDialog(m)
	var withData *widget.Check
	for _, o := range overlays.List()[before:] {
		walk(o, func(c fyne.CanvasObject) {
			if ch, ok := c.(*widget.Check); ok && ch.Text == tr("export.data_sheet") {
				withData = ch
			}
		})
	}
	defer func() {
		for _, o := range overlays.List()[before:] {
			overlays.Remove(o)
		}
	}()
	if format == nil || withData == nil {
		t.Fatalf("export dialog: format %v, data sheet choice %v", format, withData)
	}
	if !withData.Checked {
		t.Error("the data sheet is left out by default")
	}
	for _, tc := range []struct {
		format  string
		enabled bool
	}{
		{"export.format.xlsx", true}, {"export.format.csv", false}, {"export.format.json", false}, {"export.format.lists", true},
	} {
		format.SetSelected(tr(tc.format))
		if withData.Disabled() == tc.enabled {
			t.Errorf("%s: data sheet choice enabled %v, want %v", tc.format, !withData.Disabled(), tc.enabled)
		}
	}
}
