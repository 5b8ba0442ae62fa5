package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
)

// The matrix of the demo's first office with the panel of a row open, drawn
// with the embedded font so the picture does not depend on the machine.
// After an intended change: go test -tags ci ./app/matrix -run Golden, then
// look at testdata/failed/*.png and copy it over testdata/.
func TestGoldenMatrix(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	office := s.Project().OfficeList()[0]
	s.SetOffice(office.ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1280, 720))
	v.SetFilter("平安建设", model.NilID)
	test.AssertImageMatches(t, "matrix_safety.png", w.Canvas().Capture())

	var worst *Row
	for _, r := range v.Rows() {
		if worst == nil || r.Worst() > worst.Worst() {
			worst = r
		}
	}
	v.Select(worst.Office.ID, worst.Duty.ID)
	test.AssertImageMatches(t, "matrix_detail.png", w.Canvas().Capture())
}
