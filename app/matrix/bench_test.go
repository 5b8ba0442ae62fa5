package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// benchProject is 10 offices × 1,000 duties: 10,000 rows with every office shown.
func benchProject(b *testing.B) (*model.Project, *model.Result) {
	b.Helper()
	p := synth.Generate(10, 1000, 1)
	return p, model.Analyze(p)
}

// BenchmarkBuildRows10k measures computing the 10,000 rows after a change.
func BenchmarkBuildRows10k(b *testing.B) {
	p, res := benchProject(b)
	b.ReportAllocs()
	for b.Loop() {
		rows := Build(p, res, model.NilID)
		if len(rows.All) != 10000 {
			b.Fatalf("%d rows", len(rows.All))
		}
	}
}

// BenchmarkRefresh10k measures what the view does after every commit on a
// 10,000-row matrix: rebuild the rows, filter, sort by gap and recount.
func BenchmarkRefresh10k(b *testing.B) {
	newTestApp(b)
	p, _ := benchProject(b)
	s := newMemSession(p)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	v.SortBy("gap", false)
	b.ReportAllocs()
	for b.Loop() {
		v.Refresh()
	}
	if len(v.visible) != 10000 {
		b.Fatalf("%d rows visible", len(v.visible))
	}
}

// BenchmarkFilterText10k measures one keystroke in the search box over 10,000 rows.
func BenchmarkFilterText10k(b *testing.B) {
	p, res := benchProject(b)
	rows := Build(p, res, model.NilID)
	b.ReportAllocs()
	for b.Loop() {
		rows.Select(Filter{Text: "安全 检查", Severity: model.SevWarning})
	}
}

// BenchmarkScrollScreen10k measures drawing one screenful (30 rows × every
// column) at a new scroll position of the 10,000-row matrix: the work a
// scroll step costs besides painting.
func BenchmarkScrollScreen10k(b *testing.B) {
	newTestApp(b)
	p, _ := benchProject(b)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(newMemSession(p), w, nil)
	cells := make([]*cell, len(v.cols))
	for i := range cells {
		cells[i] = newCell()
		cells[i].Resize(fyne.NewSize(v.cols[i].width, 30))
		test.WidgetRenderer(cells[i]) // as the table does: the renderer exists before updates
	}
	top := 0
	b.ReportAllocs()
	for b.Loop() {
		top = (top + 997) % (len(v.visible) - 30)
		for r := top; r < top+30; r++ {
			for c := range v.cols {
				v.updateCell(widget.TableCellID{Row: r, Col: c}, cells[c])
			}
		}
	}
}

// BenchmarkSwitchOffice measures picking another office in the sidebar with
// the matrix on screen: new rows, new 权 columns and widths, redraw.
func BenchmarkSwitchOffice(b *testing.B) {
	newTestApp(b)
	p, _ := benchProject(b)
	s := newMemSession(p)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1440, 900))
	offices := p.OfficeList()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i++; i%2 == 0 {
			s.SetOffice(offices[i%len(offices)].ID)
		} else {
			s.SetOffice(model.NilID)
		}
	}
}
