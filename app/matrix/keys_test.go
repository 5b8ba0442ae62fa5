//go:build ci

package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model/synth"
)

// ↓ and ↑ move the selection, Enter opens the detail panel on it, Esc
// closes it; keys typed into the focused table reach the view too.
func TestKeysMoveSelection(t *testing.T) {
	newTestApp(t)
	s := newMemSession(synth.Generate(2, 40, 1))
	s.SetOffice(s.Project().OfficeList()[0].ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1440, 900))
	rows := v.Rows()

	v.tableSelected(widget.TableCellID{Row: 2, Col: 1})
	if !v.detailOpen() {
		t.Fatal("a tap did not open the detail")
	}
	v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if _, duty := v.detail.Shown(); duty != rows[3].Duty.ID || s.Duty() != rows[3].Duty.ID {
		t.Fatalf("↓: detail shows %v, session %v, want row 3 %v", duty, s.Duty(), rows[3].Duty.ID)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if _, duty := v.detail.Shown(); duty != rows[1].Duty.ID {
		t.Fatalf("↑↑: detail shows %v, want row 1", duty)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.detailOpen() {
		t.Fatal("Esc left the detail open")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // nothing selected: the first row
	if v.detailOpen() {
		t.Fatal("an arrow opened the detail")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, duty := v.detail.Shown(); !v.detailOpen() || duty != rows[0].Duty.ID {
		t.Fatalf("Enter: open %v, shows %v, want row 0", v.detailOpen(), duty)
	}
}
