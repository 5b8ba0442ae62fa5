package session

import (
	"errors"
	"reflect"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// memStore is an in-memory Store with an undo history, enough to test the
// session without a file.
type memStore struct {
	p          *model.Project
	undo, redo [][]model.Change
	failCommit error
}

func (m *memStore) Project() *model.Project { return m.p }
func (m *memStore) Commit(action string, cs ...model.Change) error {
	if m.failCommit != nil {
		return m.failCommit
	}
	for _, c := range cs {
		m.p.Apply(c)
	}
	m.undo, m.redo = append(m.undo, cs), nil
	return nil
}
func (m *memStore) Undo() ([]model.Change, error) {
	cs := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	var inv []model.Change
	for i := len(cs) - 1; i >= 0; i-- {
		inv = append(inv, cs[i].Inverse())
		m.p.Apply(cs[i].Inverse())
	}
	m.redo = append(m.redo, cs)
	return inv, nil
}
func (m *memStore) Redo() ([]model.Change, error) {
	cs := m.redo[len(m.redo)-1]
	m.redo = m.redo[:len(m.redo)-1]
	for _, c := range cs {
		m.p.Apply(c)
	}
	m.undo = append(m.undo, cs)
	return cs, nil
}
func (m *memStore) CanUndo() bool     { return len(m.undo) > 0 }
func (m *memStore) CanRedo() bool     { return len(m.redo) > 0 }
func (m *memStore) UndoLabel() string { return "" }
func (m *memStore) RedoLabel() string { return "" }

func newTestSession() (*Session, *memStore, *model.Office) {
	p := model.NewProject("测试", "测试区", "tester")
	o := &model.Office{Meta: model.NewMeta("tester"), Name: "东街道", Kind: model.OfficeStreet}
	p.Offices[o.ID] = o
	st := &memStore{p: p}
	return New(st, "tester"), st, o
}

func TestCommitUndoRedoNotify(t *testing.T) {
	s, _, o := newTestSession()
	changes := 0
	s.OnChange(func() { changes++ })

	renamed := *o
	renamed.Name = "西街道"
	steps := []struct {
		name      string
		do        func() error
		wantName  string
		wantCalls int
		wantErr   error
	}{
		{"commit", func() error { return s.Commit("rename", s.Project().Put(&renamed)) }, "西街道", 1, nil},
		{"undo", s.Undo, "东街道", 2, nil},
		{"undo again", s.Undo, "东街道", 2, ErrNothingToUndo},
		{"redo", s.Redo, "西街道", 3, nil},
		{"redo again", s.Redo, "西街道", 3, ErrNothingToRedo},
		{"empty commit", func() error { return s.Commit("nothing") }, "西街道", 3, nil},
	}
	for _, st := range steps {
		err := st.do()
		if !errors.Is(err, st.wantErr) {
			t.Fatalf("%s: err %v, want %v", st.name, err, st.wantErr)
		}
		if got := s.Project().Offices[o.ID].Name; got != st.wantName {
			t.Errorf("%s: office name %q, want %q", st.name, got, st.wantName)
		}
		if changes != st.wantCalls {
			t.Errorf("%s: %d change notifications, want %d", st.name, changes, st.wantCalls)
		}
	}
}

func TestCommitRejectsInvalidChange(t *testing.T) {
	s, st, o := newTestSession()
	bad := *o
	bad.Name = "  "
	err := s.Commit("rename", s.Project().Put(&bad))
	var prob model.Problem
	if !errors.As(err, &prob) || prob.Field != "name" {
		t.Fatalf("err %v, want a model.Problem on field name", err)
	}
	if st.CanUndo() {
		t.Error("an invalid change reached the store")
	}
	st.failCommit = errors.New("disk full")
	ok := *o
	ok.Name = "南街道"
	if err := s.Commit("rename", s.Project().Put(&ok)); err == nil || s.Project().Offices[o.ID].Name != "东街道" {
		t.Errorf("store failure: err %v, name %q", err, s.Project().Offices[o.ID].Name)
	}
}

func TestSelectionAndShowMatrix(t *testing.T) {
	s, _, o := newTestSession()
	var events []string
	s.OnOfficeSelect(func(id model.ID) { events = append(events, "office:"+s.OfficeName(id)) })
	s.OnShowMatrix(func(r MatrixRequest) { events = append(events, "matrix:"+r.Category) })
	s.OnDutySelect(func(_, d model.ID) { events = append(events, "duty") })

	duty := model.NewID()
	s.ShowMatrix(o.ID, "平安建设", duty)
	want := []string{"office:东街道", "matrix:平安建设", "duty"}
	if len(events) != len(want) {
		t.Fatalf("events %v, want %v", events, want)
	}
	for i := range want {
		if events[i] != want[i] {
			t.Errorf("event %d = %q, want %q", i, events[i], want[i])
		}
	}
	if s.Office() != o.ID || s.Duty() != duty {
		t.Error("selection not kept")
	}
	// A deleted office falls back to all offices on the next change.
	if err := s.Commit("delete", s.Project().DeleteOffice(o.ID)...); err != nil {
		t.Fatal(err)
	}
	if s.Office() != model.NilID || s.OfficeName(s.Office()) != "全部街道（乡镇）" {
		t.Errorf("office after delete: %v %q", s.Office(), s.OfficeName(s.Office()))
	}
	words.Use(words.En)
	t.Cleanup(func() { words.Use(words.Zh) })
	if got := s.OfficeName(model.NilID); got != "All offices" {
		t.Errorf("English all-offices name %q", got)
	}
}

// A full analysis in the background keeps the project still: edits, undo
// and redo are refused until it is installed, and then the views are told.
func TestReanalyseInBackground(t *testing.T) {
	s, st, o := newTestSession()
	renamed := *o
	renamed.Name = "西街道"
	if err := s.Commit("rename", s.Project().Put(&renamed)); err != nil {
		t.Fatal(err)
	}
	// A bulk import writes to the store behind the session's back.
	d := &model.Duty{Meta: model.NewMeta("tester"), Seq: 1, Name: "新事项", Category: "平安建设", Kind: model.ListBasic}
	st.p.Apply(st.p.Put(d))
	changes := 0
	s.OnChange(func() { changes++ })
	before := s.Analyzer

	var analyse, install func()
	s.ReanalyseInBackground(func(a, i func()) { analyse, install = a, i })
	if !s.Analysing() {
		t.Fatal("not analysing while the analysis runs")
	}
	again := renamed
	again.Name = "北街道"
	for name, do := range map[string]func() error{
		"commit": func() error { return s.Commit("rename", s.Project().Put(&again)) },
		"undo":   s.Undo,
		"redo":   s.Redo,
	} {
		if err := do(); !errors.Is(err, ErrAnalysing) {
			t.Errorf("%s during the analysis: err %v, want ErrAnalysing", name, err)
		}
	}
	done := make(chan struct{})
	go func() { analyse(); close(done) }()
	<-done
	if s.Analyzer != before || changes != 0 {
		t.Fatal("the analysis was installed before install ran")
	}
	install()
	if s.Analysing() || s.Analyzer == before || changes != 1 {
		t.Fatalf("after install: analysing %v, new analyzer %v, %d notifications", s.Analysing(), s.Analyzer != before, changes)
	}
	if want := model.Analyze(s.Project()).Total; !reflect.DeepEqual(s.Result().Total, want) {
		t.Errorf("totals %+v, want %+v", s.Result().Total, want)
	}
	if err := s.Undo(); err != nil {
		t.Errorf("undo after the analysis: %v", err)
	}
}

// A lazy view off screen is refreshed once when it comes on screen, not
// after every change; on screen, after every change.
func TestLazyRefreshesOnScreen(t *testing.T) {
	refreshed, onScreen := 0, false
	l := &Lazy{Refresh: func() { refreshed++ }, OnScreen: func() bool { return onScreen }}
	steps := []struct {
		do   func()
		want int
	}{
		{l.Changed, 0},
		{l.Changed, 0},
		{func() { onScreen = true; l.Show() }, 1},
		{l.Show, 1},
		{l.Changed, 2},
		{func() { onScreen = false; l.Changed(); l.Fresh() }, 3},
		{l.Fresh, 3},
	}
	for i, s := range steps {
		s.do()
		if refreshed != s.want {
			t.Fatalf("step %d: %d refreshes, want %d", i, refreshed, s.want)
		}
	}
}
