//go:build ci

package matrix

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// Every column can be scrolled into view (issue 10: the last ones, as wide
// as the sticky columns, never could), with one office and with all, at a
// laptop's, a projector's and a wide screen's width: scrolled to the end,
// the header of the last column lies wholly inside the table.
func TestLastColumnsReachable(t *testing.T) {
	newTestApp(t)
	s := newMemSession(synth.Generate(3, 60, 1))
	for _, width := range []float32{1440, 1920, 3600} {
		for _, office := range []model.ID{s.Project().OfficeList()[0].ID, model.NilID} {
			s.SetOffice(office)
			w := test.NewWindow(nil)
			v := New(s, w, nil)
			w.SetContent(container.NewHScroll(v.CanvasObject()))
			w.Resize(fyne.NewSize(width, 900))
			v.table.ScrollToOffset(fyne.NewPos(1e7, 0))
			last := v.cols[len(v.cols)-1]
			var found bool
			for _, o := range findAll(v.table, func(o fyne.CanvasObject) bool {
				h, ok := o.(*headerCell)
				return ok && h.Visible() && h.title == last.title
			}) {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
				tpos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.table)
				right := pos.X + o.Size().Width
				if right <= tpos.X+v.table.Size().Width+1 && pos.X >= tpos.X {
					found = true
				}
			}
			if !found {
				t.Errorf("width %v, office %v: the last column %q cannot be scrolled into view", width, office, last.title)
			}
			if path := os.Getenv("REACH_PNG"); path != "" && width == 1920 {
				f, _ := os.Create(path)
				png.Encode(f, w.Canvas().Capture())
				f.Close()
			}
			w.Close()
		}
	}
}
