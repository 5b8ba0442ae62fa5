//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/storage"
)

// A holding made fully exercisable closes its PAPER_POWER finding: the
// analysis, the overview and the file agree, and Ctrl+Z brings it back.
func TestHoldingEditClosesFinding(t *testing.T) {
	m, path := newTestWindow(t)
	var f *model.Finding
	for i, x := range m.sess.Result().AllFindings() {
		if x.Rule == model.RulePaperPower && x.Authority != model.NilID {
			f = &m.sess.Result().AllFindings()[i]
			break
		}
	}
	if f == nil {
		t.Fatal("the demo project has no PAPER_POWER finding")
	}
	key := f.Key()
	before := m.sess.Result().Total.ByRule[model.RulePaperPower]
	has := func() bool {
		for _, x := range m.sess.Result().AllFindings() {
			if x.Key() == key {
				return true
			}
		}
		return false
	}
	h := *m.sess.Project().Holding(f.Office, f.Authority)
	h.DeFacto = model.LevelFull
	if err := m.sess.Commit("修改持有", m.sess.Project().Put(&h)); err != nil {
		t.Fatal(err)
	}
	if has() {
		t.Fatal("the finding is still there after the holding became fully exercisable")
	}
	after := m.sess.Result().Total.ByRule[model.RulePaperPower]
	if after >= before {
		t.Errorf("PAPER_POWER count %d → %d", before, after)
	}
	if !containsText(m.views[tabOverview].CanvasObject(), ruleName(model.RulePaperPower)) {
		t.Error("the overview lost its rule chart")
	}

	reopen := func() *model.Holding {
		st, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 0})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		return st.Project().Holding(f.Office, f.Authority)
	}
	m.store.Close() // bbolt allows one writer; reopen read-only to check, then resume
	if got := reopen().DeFacto; got != model.LevelFull {
		t.Errorf("file holds de facto %v, want full", got)
	}
	st, err := storage.Open(path, storage.Options{Author: "test", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	m.setStore(st)

	typeShortcut(m, ctrl(fyne.KeyZ))
	if !has() {
		t.Error("Ctrl+Z did not bring the finding back")
	}
	if got := m.sess.Result().Total.ByRule[model.RulePaperPower]; got != before {
		t.Errorf("PAPER_POWER count after undo %d, want %d", got, before)
	}
	m.store.Close()
	m.store = nil
	if got := reopen().DeFacto; got == model.LevelFull {
		t.Error("the undo was not written to the file")
	}
}

// BenchmarkInstallViews measures building every view of a 20-office ×
// 500-duty project (10,000 assessments): the cost of opening a file or
// switching language, after the analysis.
func BenchmarkInstallViews(b *testing.B) {
	a := test.NewTempApp(b)
	SetLanguage("zh")
	p := synth.Generate(20, 500, 1)
	path := b.TempDir() + "/gen.rpb"
	st, err := storage.Create(path, p, storage.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := newMainWindow(a, test.NewTempWindow(b, nil), false)
	m.setStore(st)
	m.win.Resize(fyne.NewSize(1440, 900))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.installSession()
	}
}

// BenchmarkRefreshAfterEdit measures what one committed edit costs the
// window on a 20-office × 500-duty project: the store write, the
// incremental analysis and every view's refresh.
func BenchmarkRefreshAfterEdit(b *testing.B) {
	a := test.NewTempApp(b)
	SetLanguage("zh")
	p := synth.Generate(20, 500, 1)
	st, err := storage.Create(b.TempDir()+"/gen.rpb", p, storage.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := newMainWindow(a, test.NewTempWindow(b, nil), false)
	m.setStore(st)
	m.win.Resize(fyne.NewSize(1440, 900))
	var as *model.Assessment
	for _, x := range m.sess.Project().Assessments {
		as = x
		break
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := *m.sess.Project().Assessment(as.Office, as.Duty)
		next.StaffHeld = float64(i % 7)
		if err := m.sess.Commit("bench", m.sess.Project().Put(&next)); err != nil {
			b.Fatal(err)
		}
	}
}
