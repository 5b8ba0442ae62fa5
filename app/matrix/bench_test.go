package matrix

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/storage"
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

// prefecture is the bars' project: 200 offices × 1,000 duties, 200,000
// assessments, stored in a file (fsync off: the disk is not what these
// measure) and open in a session, with the matrix of one office on screen
// at a laptop's size.
func prefecture(b *testing.B) (*session.Session, *View) {
	b.Helper()
	newTestApp(b)
	st, err := storage.Create(filepath.Join(b.TempDir(), "prefecture.rpb"), synth.Generate(200, 1000, 1),
		storage.Options{NoSync: true, Author: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	s := session.New(st, "bench")
	w := test.NewWindow(nil)
	b.Cleanup(w.Close)
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1440, 900))
	s.SetOffice(s.Project().OfficeList()[0].ID)
	return s, v
}

// BenchmarkSwitchOffice measures picking another office with the matrix on
// screen on the 200 × 1,000 project: its rows, its 权 columns and widths,
// and the redrawn screenful (bar: 200 ms with painting).
func BenchmarkSwitchOffice(b *testing.B) {
	s, v := prefecture(b)
	offices := s.Project().OfficeList()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		s.SetOffice(offices[i%len(offices)].ID)
	}
	if len(v.Rows()) == 0 {
		b.Fatal("no rows")
	}
}

// BenchmarkAllOffices measures showing the matrix of every office (200,000
// rows) on the 200 × 1,000 project, from one office's (bar: 1 s).
func BenchmarkAllOffices(b *testing.B) {
	s, v := prefecture(b)
	one := s.Project().OfficeList()[0].ID
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s.SetOffice(one)
		b.StartTimer()
		s.SetOffice(model.NilID)
	}
	if got := len(v.Rows()); got != 200*1000 {
		b.Fatalf("%d rows, want 200,000", got)
	}
}

// BenchmarkEditToRows measures one edit on the 200 × 1,000 project as the
// detail panel makes it, the whole path: commit to the file, re-analysis,
// and the matrix rows rebuilt and redrawn with the new figure (bar: 100 ms
// to updated matrix and status).
func BenchmarkEditToRows(b *testing.B) {
	s, v := prefecture(b)
	office := s.Office()
	var duty model.ID
	for _, r := range v.Rows() {
		if r.Assessment != nil {
			duty = r.Duty.ID
			break
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		next := *s.Project().Assessment(office, duty)
		next.HoursPerMonth = float64(10 + i%2)
		if err := s.Commit("bench", s.Project().Put(&next)); err != nil {
			b.Fatal(err)
		}
		if r := v.Rows()[rowIndex(v, office, duty)]; r.Assessment.HoursPerMonth != next.HoursPerMonth {
			b.Fatalf("row shows %v hours, want %v", r.Assessment.HoursPerMonth, next.HoursPerMonth)
		}
	}
}
