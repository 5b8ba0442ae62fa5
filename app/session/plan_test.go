package session

import (
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// The live Plan follows every commit, undo and redo, and a full
// re-analysis makes a new one on the new Analyzer.
func TestPlanFollowsCommitUndoRedo(t *testing.T) {
	p := synth.Generate(2, 40, 1)
	s := New(&memStore{p: p}, "tester")
	office := p.OfficeList()[0].ID
	var duty model.ID
	for _, f := range s.Result().FindingsOfOffice(office) {
		if f.Duty != model.NilID {
			duty = f.Duty
			break
		}
	}
	if duty == model.NilID {
		t.Fatal("no finding on a duty")
	}
	pl := s.Plan()
	before := pl.Office(office).Closed
	dec := &model.Decision{Meta: model.NewMeta("tester"), Office: office, Duty: duty, Action: model.ActionCancel}
	if err := s.Commit("cancel", p.Put(dec)); err != nil {
		t.Fatal(err)
	}
	closed := s.Plan().Office(office).Closed
	if closed <= before {
		t.Fatalf("cancelling a duty with findings closed %d, before %d", closed, before)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := s.Plan().Office(office).Closed; got != before {
		t.Errorf("after undo %d closed, want %d", got, before)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := s.Plan().Office(office).Closed; got != closed {
		t.Errorf("after redo %d closed, want %d", got, closed)
	}
	s.Reanalyse()
	if s.Plan() == pl {
		t.Error("a full re-analysis kept the Plan of the old Analyzer")
	}
	if got := s.Plan().Office(office).Closed; got != closed {
		t.Errorf("after re-analysis %d closed, want %d", got, closed)
	}
}
