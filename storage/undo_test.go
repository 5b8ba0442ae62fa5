package storage

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// edit is one user action on the hand-made project.
type edit struct {
	action string
	make   func(p *model.Project) []model.Change
}

// firstAssessment picks an assessment in a fixed order (maps have none).
func firstAssessment(p *model.Project) *model.Assessment {
	for _, o := range p.OfficeList() {
		for _, d := range p.DutiesOf(o.ID) {
			if a := p.Assessment(o.ID, d.ID); a != nil {
				return a
			}
		}
	}
	return nil
}

var edits = []edit{
	{"编辑履职评估", func(p *model.Project) []model.Change {
		a := *firstAssessment(p)
		a.StaffHeld = 5
		a.Notes = "已补充人员"
		return []model.Change{p.Put(&a)}
	}},
	{"新增街道", func(p *model.Project) []model.Change {
		o := &model.Office{Meta: model.NewMeta("王五"), Name: "新城街道", Kind: model.OfficeStreet}
		// The assessment refers to the office created in the same action.
		var d *model.Duty
		for _, x := range p.DutyList() {
			d = x
			break
		}
		a := &model.Assessment{Meta: model.NewMeta("王五"), Office: o.ID, Duty: d.ID, Role: model.RoleLead}
		return []model.Change{p.Put(o), p.Put(a)}
	}},
	{"删除职责事项", func(p *model.Project) []model.Change {
		return p.DeleteDuty(p.DutyList()[0].ID)
	}},
	{"修改分析设置", func(p *model.Project) []model.Change {
		s := p.Settings
		s.ReportThreshold = 12
		return []model.Change{p.Put(&s)}
	}},
}

// snapshot captures the project for comparison.
func snapshot(p *model.Project) *model.Project { return p.Clone() }

func sameProject(t *testing.T, what string, got, want *model.Project) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: project differs\n got %+v\nwant %+v", what, got, want)
	}
}

func TestUndoRedo(t *testing.T) {
	for _, reopen := range []bool{false, true} {
		name := "same session"
		if reopen {
			name = "after reopening"
		}
		t.Run(name, func(t *testing.T) {
			path := mustCreate(t, handMade())
			s := mustOpen(t, path, testOpts)
			// states[i] is the project before edit i; states[len] after all.
			var states []*model.Project
			for _, e := range edits {
				states = append(states, snapshot(s.Project()))
				if err := s.Commit(e.action, e.make(s.Project())...); err != nil {
					t.Fatalf("%s: %v", e.action, err)
				}
			}
			states = append(states, snapshot(s.Project()))
			if reopen {
				s.Close()
				s = mustOpen(t, path, testOpts)
				sameProject(t, "reopened", s.Project(), states[len(edits)])
			}
			for i := len(edits) - 1; i >= 0; i-- {
				if got := s.UndoLabel(); got != edits[i].action {
					t.Fatalf("UndoLabel = %q, want %q", got, edits[i].action)
				}
				if _, err := s.Undo(); err != nil {
					t.Fatalf("undo %s: %v", edits[i].action, err)
				}
				sameProject(t, "after undoing "+edits[i].action, s.Project(), states[i])
				if reopen {
					s.Close()
					s = mustOpen(t, path, testOpts)
					sameProject(t, "reopened after undoing "+edits[i].action, s.Project(), states[i])
				}
			}
			if s.CanUndo() {
				t.Fatal("CanUndo after undoing everything")
			}
			if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
				t.Fatalf("Undo on empty stack: %v", err)
			}
			for i := range edits {
				if got := s.RedoLabel(); got != edits[i].action {
					t.Fatalf("RedoLabel = %q, want %q", got, edits[i].action)
				}
				if _, err := s.Redo(); err != nil {
					t.Fatalf("redo %s: %v", edits[i].action, err)
				}
				sameProject(t, "after redoing "+edits[i].action, s.Project(), states[i+1])
			}
			if s.CanRedo() {
				t.Fatal("CanRedo after redoing everything")
			}
			// create + 4 edits + 4 undos + 4 redos
			if n := s.AuditCount(); n != 1+3*len(edits) {
				t.Fatalf("AuditCount = %d, want %d", n, 1+3*len(edits))
			}
		})
	}
}

func TestNewActionClearsRedo(t *testing.T) {
	s := mustOpen(t, mustCreate(t, handMade()), testOpts)
	if err := s.Commit(edits[0].action, edits[0].make(s.Project())...); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if !s.CanRedo() {
		t.Fatal("nothing to redo after an undo")
	}
	if err := s.Commit(edits[3].action, edits[3].make(s.Project())...); err != nil {
		t.Fatal(err)
	}
	if s.CanRedo() {
		t.Fatal("redo still possible after a new action")
	}
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("Redo: %v, want ErrNothingToRedo", err)
	}
}

func TestAuditRecordsEveryStep(t *testing.T) {
	s := mustOpen(t, mustCreate(t, handMade()), testOpts)
	before := snapshot(s.Project())
	changes := edits[0].make(s.Project())
	if err := s.Commit(edits[0].action, changes...); err != nil {
		t.Fatal(err)
	}
	applied, err := s.Undo()
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 1 || applied[0].Kind != model.KindAssessment {
		t.Fatalf("Undo returned %+v", applied)
	}
	log, err := s.Audit(0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		op, action string
		changes    int
	}{
		{OpUndo, edits[0].action, 1},
		{OpDo, edits[0].action, 1},
		{OpCreate, words.T("storage.audit.created"), 0},
	}
	if len(log) != len(want) {
		t.Fatalf("audit has %d entries, want %d: %+v", len(log), len(want), log)
	}
	for i, w := range want {
		e := log[i]
		if e.Op != w.op || e.Action != w.action || len(e.Changes) != w.changes || e.Author != "测试员" && e.Op != OpCreate {
			t.Errorf("entry %d = %s %q (%d changes, by %q), want %s %q (%d changes)", i, e.Op, e.Action, len(e.Changes), e.Author, w.op, w.action, w.changes)
		}
	}
	if log[0].Target != log[1].Seq {
		t.Errorf("undo targets %d, want %d", log[0].Target, log[1].Seq)
	}
	// The logged before/after decode to the entity as it was and as it became.
	c, err := decodeChange(log[1].Changes[0])
	if err != nil {
		t.Fatal(err)
	}
	orig := before.Assessments[c.Before.(*model.Assessment).Key()]
	if !reflect.DeepEqual(c.Before, orig) || c.After.(*model.Assessment).StaffHeld != 5 {
		t.Errorf("logged change %+v does not match the edit", c)
	}
	if got, _ := s.Audit(1); len(got) != 1 || got[0].Op != OpUndo {
		t.Errorf("Audit(1) = %+v, want the newest entry only", got)
	}
}

func TestCommitIsAllOrNothing(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	before := snapshot(s.Project())
	good := edits[0].make(s.Project())
	bad := *firstAssessment(s.Project())
	bad.StaffHeld = -1
	err := s.Commit("批量编辑", append(good, s.Project().Put(&bad))...)
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != "staff_held" {
		t.Fatalf("err = %v, want one problem on staff_held", err)
	}
	sameProject(t, "memory after a refused commit", s.Project(), before)
	if s.CanUndo() || s.AuditCount() != 1 {
		t.Fatalf("a refused commit left an undo step or audit entry")
	}
	s.Close()
	sameProject(t, "file after a refused commit", mustOpen(t, path, testOpts).Project(), before)
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, Options{ReadOnly: true})
	if err := s.Commit(edits[0].action, edits[0].make(s.Project())...); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Commit: %v, want ErrReadOnly", err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Undo: %v, want ErrReadOnly", err)
	}
}

// The undo history keeps the newest maxUndo actions, in the file as well as
// in memory, and its order survives reopening.
func TestUndoHistoryIsBounded(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	a := *firstAssessment(s.Project())
	for i := 0; i < maxUndo+5; i++ {
		a.Notes = strconv.Itoa(i)
		if err := s.Commit("编辑 "+strconv.Itoa(i), s.Project().Put(&a)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = mustOpen(t, path, testOpts)
	if len(s.undo) != maxUndo-3 || len(s.redo) != 3 {
		t.Fatalf("after reopening: %d to undo, %d to redo; want %d and 3", len(s.undo), len(s.redo), maxUndo-3)
	}
	if got, want := s.UndoLabel(), "编辑 "+strconv.Itoa(maxUndo+1); got != want {
		t.Fatalf("UndoLabel = %q, want %q", got, want)
	}
	if got, want := s.RedoLabel(), "编辑 "+strconv.Itoa(maxUndo+2); got != want {
		t.Fatalf("RedoLabel = %q, want %q", got, want)
	}
	if s.undo[0].Action != "编辑 5" {
		t.Fatalf("oldest undoable action is %q, want 编辑 5", s.undo[0].Action)
	}
}

func TestCommitRefusesDanglingReferences(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes func(p *model.Project) []model.Change
		refused []string // words the refusal must contain; nil: accepted
	}{
		{"office alone", func(p *model.Project) []model.Change {
			return []model.Change{p.Delete(p.OfficeByName("老城街道"))}
		}, []string{"老城街道", "权限持有", "履职评估", "处理意见", "deleting the office “老城街道” would leave"}},
		{"office with its cascade", func(p *model.Project) []model.Change {
			return p.DeleteOffice(p.OfficeByName("老城街道").ID)
		}, nil},
		{"duty alone", func(p *model.Project) []model.Change {
			return []model.Change{p.Delete(p.DutyList()[0])}
		}, []string{"违法建设巡查", "履职评估", "1 assessment referring"}},
		{"authority alone", func(p *model.Project) []model.Change {
			for _, a := range p.Authorities {
				if a.Name == "联合执法指挥调度权" {
					return []model.Change{p.Delete(a)}
				}
			}
			return nil
		}, []string{"联合执法指挥调度权", "1 项职责事项", "处理意见", "1 duty referring"}},
		{"authority with its cascade", func(p *model.Project) []model.Change {
			for _, a := range p.Authorities {
				return p.DeleteAuthority(a.ID)
			}
			return nil
		}, nil},
		{"office deleted and put back in one action", func(p *model.Project) []model.Change {
			o := p.OfficeByName("青山镇")
			return []model.Change{p.Delete(o), p.Put(o)}
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t, mustCreate(t, handMade()), testOpts)
			before := snapshot(s.Project())
			err := s.Commit("删除", tc.changes(s.Project())...)
			if tc.refused == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			var text []string
			for _, p := range ve.Problems {
				text = append(text, p.Msg.In(words.Zh), p.Msg.In(words.En))
			}
			for _, w := range tc.refused {
				if !strings.Contains(strings.Join(text, "\n"), w) {
					t.Errorf("%q lacks %q", text, w)
				}
			}
			sameProject(t, "after the refusal", s.Project(), before)
		})
	}
}
