package storage

import (
	"errors"
	"testing"

	"rpbmatrix/model"
)

// An undo or redo that would bring back more office × duty pairs than the
// limit is refused before anything is written, with the size error's words;
// the action stays on its stack and works once the project fits again.
func TestUndoRedoRefusedPastPairLimit(t *testing.T) {
	deleteOffice := func(p *model.Project) []model.Change { return p.DeleteOffice(p.OfficeList()[0].ID) }
	deleteDuty := func(p *model.Project) []model.Change { return p.DeleteDuty(p.DutyList()[0].ID) }
	addDuty := func(p *model.Project) []model.Change {
		return []model.Change{p.Put(&model.Duty{Meta: model.NewMeta("测试员"), Name: "新增事项", Category: "社区建设", Kind: model.ListBasic})}
	}
	for _, tc := range []struct {
		name  string
		edit  func(p *model.Project) []model.Change
		redo  bool // the edit is undone, then redone past the limit
		limit int  // lowered after the edit
	}{
		{"undo of an office deletion", deleteOffice, false, 8}, // 2 × 4 → 3 × 4
		{"undo of a duty deletion", deleteDuty, false, 9},      // 3 × 3 → 3 × 4
		{"redo of an added duty", addDuty, true, 12},           // 3 × 4 → 3 × 5
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := mustCreate(t, synthetic(3, 4))
			s := mustOpen(t, path, testOpts)
			if err := s.Commit(tc.name, tc.edit(s.Project())...); err != nil {
				t.Fatal(err)
			}
			if tc.redo {
				if _, err := s.Undo(); err != nil {
					t.Fatal(err)
				}
			}
			// The step under test, on the store open at the time.
			step := func() ([]model.Change, error) {
				if tc.redo {
					return s.Redo()
				}
				return s.Undo()
			}
			can := func() bool { return tc.redo && s.CanRedo() || !tc.redo && s.CanUndo() }
			label := func() string {
				if tc.redo {
					return s.RedoLabel()
				}
				return s.UndoLabel()
			}
			pairs := func() int { return len(s.Project().Offices) * len(s.Project().Duties) }
			before := pairs()
			restore := model.SetPairLimit(tc.limit)
			var tooLarge *model.SizeError
			if _, err := step(); !errors.As(err, &tooLarge) {
				t.Fatalf("%v, want a *model.SizeError", err)
			}
			if pairs() != before || !can() || label() != tc.name {
				t.Errorf("after the refusal: %d pairs (want %d), can %v, label %q", pairs(), before, can(), label())
			}
			s.Close()
			s = mustOpen(t, path, testOpts) // nothing was written
			if pairs() != before || !can() {
				t.Errorf("reopened: %d pairs (want %d), can %v", pairs(), before, can())
			}
			restore()
			if _, err := step(); err != nil || pairs() <= before {
				t.Errorf("within the limit again: %v, %d pairs", err, pairs())
			}
		})
	}
}
