package storage

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/storage/merge"
)

// The original's editor is 甲; the planner who fills in the copy is 乙.
var (
	oursOpts   = Options{NoSync: true, Author: "甲"}
	theirsOpts = Options{NoSync: true, Author: "乙"}
)

// handedOut creates the original from p and hands out a copy for the
// office named office; both come back open.
func handedOut(t *testing.T, p *model.Project, office string) (ours, theirs *Store) {
	t.Helper()
	ours = mustOpen(t, mustCreate(t, p), oursOpts)
	o := ours.Project().OfficeByName(office)
	copyPath := filepath.Join(t.TempDir(), "副本.rpb")
	if _, err := ours.HandOut(copyPath, []model.ID{o.ID}); err != nil {
		t.Fatalf("HandOut: %v", err)
	}
	return ours, mustOpen(t, copyPath, theirsOpts)
}

// handMadeAssessment is handMade's assessment of 老城街道, the one every
// edit below works on.
func leadAssessment(t *testing.T, s *Store) *model.Assessment {
	t.Helper()
	o := s.Project().OfficeByName("老城街道")
	for _, a := range s.Project().Assessments {
		if a.Office == o.ID {
			return a
		}
	}
	t.Fatal("no assessment of 老城街道")
	return nil
}

// act does one of the things a side can do to the assessment.
type act int

const (
	unchanged act = iota
	changed
	deleted
)

func (a act) String() string { return [...]string{"unchanged", "changed", "deleted"}[a] }

func (a act) do(t *testing.T, s *Store, notes string) {
	t.Helper()
	cur := leadAssessment(t, s)
	switch a {
	case changed:
		x := cur.Clone().(*model.Assessment)
		x.Notes = notes
		x.Touch(s.opts.Author)
		if err := s.Commit("编辑履职评估", s.Project().Put(x)); err != nil {
			t.Fatal(err)
		}
	case deleted:
		if err := s.Commit("删除履职评估", s.Project().Delete(cur)); err != nil {
			t.Fatal(err)
		}
	}
}

// Hand out, edit on both sides, merge: every combination of unchanged,
// changed and deleted on each side. A conflict comes exactly where both
// sides changed (or one changed what the other deleted); the rest merges
// by itself.
func TestMergeEveryCombination(t *testing.T) {
	type want struct {
		edits    []merge.Op
		conflict merge.ConflictKind // "" for none
		// result is the assessment's notes after merging with theirs
		// preferred ("-" for no assessment), and with ours preferred.
		theirs, ours string
	}
	orig := "一票否决"
	for _, tc := range []struct {
		ours, theirs act
		want         want
	}{
		{unchanged, unchanged, want{nil, "", orig, orig}},
		{unchanged, changed, want{[]merge.Op{merge.OpChange}, "", "副本所改", "副本所改"}},
		{unchanged, deleted, want{[]merge.Op{merge.OpDelete}, "", "-", "-"}},
		{changed, unchanged, want{nil, "", "本方所改", "本方所改"}},
		{changed, changed, want{nil, merge.BothChanged, "副本所改", "本方所改"}},
		{changed, deleted, want{nil, merge.TheirsDeleted, "-", "本方所改"}},
		{deleted, unchanged, want{nil, "", "-", "-"}},
		{deleted, changed, want{nil, merge.OursDeleted, "副本所改", "-"}},
		{deleted, deleted, want{nil, "", "-", "-"}},
	} {
		t.Run(tc.ours.String()+"×"+tc.theirs.String(), func(t *testing.T) {
			for _, prefer := range []merge.Side{merge.Theirs, merge.Ours} {
				ours, theirs := handedOut(t, handMade(), "老城街道")
				if a := leadAssessment(t, ours); a.Notes != orig {
					t.Fatalf("handMade changed: %q", a.Notes)
				}
				tc.ours.do(t, ours, "本方所改")
				tc.theirs.do(t, theirs, "副本所改")
				theirs.Close()

				plan, err := ours.PlanMerge(theirs.Path())
				if err != nil {
					t.Fatal(err)
				}
				if plan.Base != BaseHandout {
					t.Fatalf("base %q, want the hand-out", plan.Base)
				}
				var ops []merge.Op
				for _, e := range plan.Edits {
					ops = append(ops, e.Op)
				}
				if !reflect.DeepEqual(ops, tc.want.edits) {
					t.Fatalf("edits %v, want %v", ops, tc.want.edits)
				}
				var kinds []merge.ConflictKind
				for _, c := range plan.Conflicts {
					kinds = append(kinds, c.Kind)
				}
				if tc.want.conflict == "" && len(kinds) > 0 || tc.want.conflict != "" && !reflect.DeepEqual(kinds, []merge.ConflictKind{tc.want.conflict}) {
					t.Fatalf("conflicts %v, want %q", kinds, tc.want.conflict)
				}
				if len(plan.Conflicts) > 0 {
					if _, err := ours.Merge(plan, false); !IsConflict(err) {
						t.Fatalf("merging with a conflict unresolved: %v, want a refusal", err)
					}
					c := plan.Conflicts[0]
					if c.Kind == merge.BothChanged && (c.Field != "notes" || string(c.Base) != `"`+orig+`"` ||
						string(c.Ours) != `"本方所改"` || string(c.Theirs) != `"副本所改"` || c.OursBy.Author != "甲" || c.TheirsBy.Author != "乙" ||
						c.OursBy.Time.IsZero() || c.TheirsBy.Time.IsZero()) {
						t.Errorf("conflict %+v", c)
					}
					plan.ResolveAll(prefer)
				}
				if _, err := ours.Merge(plan, false); err != nil {
					t.Fatalf("Merge: %v", err)
				}
				want := tc.want.theirs
				if prefer == merge.Ours {
					want = tc.want.ours
				}
				got := "-"
				if a := ours.Project().Assessments[model.PairKey{Office: ours.Project().OfficeByName("老城街道").ID, Other: firstDutyOf(t, ours)}]; a != nil {
					got = a.Notes
				}
				if got != want {
					t.Fatalf("preferring %v: notes %q, want %q", prefer, got, want)
				}
				// Merging the same copy again changes nothing.
				again, err := ours.PlanMerge(theirs.Path())
				if err != nil {
					t.Fatal(err)
				}
				if !again.Empty() {
					t.Fatalf("second merge: %d edits, %d conflicts", len(again.Edits), len(again.Conflicts))
				}
				n := ours.AuditCount()
				if rep, err := ours.Merge(again, false); err != nil || rep.Seq != 0 || ours.AuditCount() != n {
					t.Fatalf("second merge wrote something: %+v, %v", rep, err)
				}
			}
		})
	}
}

// firstDutyOf is the duty of 老城街道's assessment in handMade (违法建设巡查).
func firstDutyOf(t *testing.T, s *Store) model.ID {
	t.Helper()
	for _, d := range s.Project().Duties {
		if d.Name == "违法建设巡查" {
			return d.ID
		}
	}
	t.Fatal("no 违法建设巡查")
	return model.NilID
}

// Both sides changing different fields of one record is no conflict, and
// both changing a field to the same value neither.
func TestMergeDifferentFieldsAndSameValue(t *testing.T) {
	ours, theirs := handedOut(t, handMade(), "老城街道")
	a := leadAssessment(t, ours).Clone().(*model.Assessment)
	a.Notes, a.Incidents = "两边都这样改", 7
	if err := ours.Commit("编辑", ours.Project().Put(a)); err != nil {
		t.Fatal(err)
	}
	b := leadAssessment(t, theirs).Clone().(*model.Assessment)
	b.Notes, b.StaffHeld = "两边都这样改", 5
	if err := theirs.Commit("编辑", theirs.Project().Put(b)); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	plan, err := ours.PlanMerge(theirs.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) != 0 || len(plan.Edits) != 1 || plan.Edits[0].Field != "staff_held" {
		t.Fatalf("edits %+v, conflicts %+v", plan.Edits, plan.Conflicts)
	}
	if _, err := ours.Merge(plan, false); err != nil {
		t.Fatal(err)
	}
	got := leadAssessment(t, ours)
	if got.Notes != "两边都这样改" || got.Incidents != 7 || got.StaffHeld != 5 {
		t.Fatalf("merged %+v", got)
	}
}

// A merge is one undoable action with one audit entry, which keeps who
// made each change in the copy; undone, the copy can be merged again; a
// backup is taken first; and a copy edited after a merge brings only its
// new changes the next time.
func TestMergeIsOneUndoableActionKeepingAuthors(t *testing.T) {
	ours, theirs := handedOut(t, handMade(), "老城街道")
	a := leadAssessment(t, theirs).Clone().(*model.Assessment)
	a.StaffHeld = 6
	a.Touch("乙")
	if err := theirs.Commit("编辑履职评估", theirs.Project().Put(a)); err != nil {
		t.Fatal(err)
	}
	newHolding := &model.Holding{Meta: model.NewMeta("乙"), Office: a.Office, Authority: firstAuthority(t, theirs, "联合执法指挥调度权"), DeJure: true, DeFacto: model.LevelFull}
	if err := theirs.Commit("新增权限持有", theirs.Project().Put(newHolding)); err != nil {
		t.Fatal(err)
	}
	theirs.Close() // a copy is merged when nobody has it open
	before := ours.Project().Clone()
	entries := ours.AuditCount()

	plan, err := ours.PlanMerge(theirs.Path())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ours.Merge(plan, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changes != 2 || rep.Backup == "" || ours.AuditCount() != entries+1 {
		t.Fatalf("report %+v, audit %d → %d", rep, entries, ours.AuditCount())
	}
	log, _ := ours.Audit(1)
	if log[0].Op != OpDo || len(log[0].Changes) != 2 || log[0].Author != "甲" || log[0].Merge == nil {
		t.Fatalf("merge entry %+v", log[0])
	}
	for _, c := range log[0].Changes {
		if c.Author != "乙" || c.Time.IsZero() {
			t.Errorf("a merged change lost its author: %+v", c)
		}
	}
	if h := ours.Project().Holding(newHolding.Office, newHolding.Authority); h == nil || h.Author != "乙" {
		t.Fatalf("merged holding %+v", h)
	}

	if _, err := ours.Undo(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ours.Project(), before) {
		t.Fatal("undo did not restore the project as before the merge")
	}
	again, err := ours.PlanMerge(theirs.Path())
	if err != nil || len(again.Edits) != 2 || again.Base != BaseHandout {
		t.Fatalf("after undo: %v, base %q, %d edits, want the merge again", err, again.Base, len(again.Edits))
	}
	if _, err := ours.Redo(); err != nil {
		t.Fatal(err)
	}
	if p, _ := ours.PlanMerge(theirs.Path()); !p.Empty() || p.Base != BaseLastMerge {
		t.Fatalf("after redo: base %q, %d edits", p.Base, len(p.Edits))
	}

	// The planner goes on; ours changes the field the copy changed before.
	b := leadAssessment(t, ours).Clone().(*model.Assessment)
	b.StaffHeld = 8
	if err := ours.Commit("编辑履职评估", ours.Project().Put(b)); err != nil {
		t.Fatal(err)
	}
	theirs = mustOpen(t, theirs.Path(), theirsOpts)
	c := leadAssessment(t, theirs).Clone().(*model.Assessment)
	c.Notes = "后来补充"
	if err := theirs.Commit("编辑履职评估", theirs.Project().Put(c)); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	next, err := ours.PlanMerge(theirs.Path())
	if err != nil {
		t.Fatal(err)
	}
	if next.Base != BaseLastMerge || len(next.Conflicts) != 0 || len(next.Edits) != 1 || next.Edits[0].Field != "notes" {
		t.Fatalf("next merge: base %q, edits %+v, conflicts %+v", next.Base, next.Edits, next.Conflicts)
	}
}

func firstAuthority(t *testing.T, s *Store, name string) model.ID {
	t.Helper()
	for _, a := range s.Project().Authorities {
		if a.Name == name {
			return a.ID
		}
	}
	t.Fatalf("no authority %s", name)
	return model.NilID
}

// A copy that was not handed out from the project (another project's
// file, or a plain copy of it) merges by identity, and every field that
// differs is a conflict.
func TestMergeWithoutBase(t *testing.T) {
	p := handMade()
	ours := mustOpen(t, mustCreate(t, p.Clone()), oursOpts)
	other := p.Clone()
	other.Info.ID = model.NewID()
	for _, a := range other.Assessments {
		a.Notes, a.Incidents = "另一份", 9
	}
	extra := &model.Office{Meta: model.NewMeta("乙"), Name: "新设街道", Kind: model.OfficeStreet}
	other.Offices[extra.ID] = extra
	path := mustCreate(t, other)
	plan, err := ours.PlanMerge(path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Base != BaseNone || len(plan.Edits) != 1 || plan.Edits[0].Op != merge.OpAdd {
		t.Fatalf("base %q, edits %+v", plan.Base, plan.Edits)
	}
	conflicts := map[string]int{}
	for _, c := range plan.Conflicts {
		conflicts[c.Field]++
	}
	if want := map[string]int{"notes": 2, "incidents": 2}; !reflect.DeepEqual(conflicts, want) {
		t.Fatalf("conflicts by field %v, want %v", conflicts, want)
	}
	plan.ResolveAll(merge.Theirs)
	if _, err := ours.Merge(plan, false); err != nil {
		t.Fatal(err)
	}
	if again, _ := ours.PlanMerge(path); !again.Empty() {
		t.Fatalf("merged twice: %d edits, %d conflicts", len(again.Edits), len(again.Conflicts))
	}
}

// A duty's scope is merged office by office: the copy sees it cut to its
// offices, and what it changes there does not undo what ours changed for
// other offices.
func TestMergeScopeOfficeByOffice(t *testing.T) {
	ours, theirs := handedOut(t, handMade(), "老城街道")
	d := ours.Project().Duties[firstDutyOf(t, ours)].Clone().(*model.Duty)
	if len(d.Scope) != 1 {
		t.Fatalf("违法建设巡查 scope %v", d.Scope)
	}
	d.Scope = append(d.Scope, ours.Project().OfficeByName("青山镇").ID)
	if err := ours.Commit("扩大适用范围", ours.Project().Put(d)); err != nil {
		t.Fatal(err)
	}
	td := theirs.Project().Duties[d.ID].Clone().(*model.Duty)
	td.Notes = "副本备注"
	if err := theirs.Commit("编辑事项", theirs.Project().Put(td)); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	plan, err := ours.PlanMerge(theirs.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) != 0 || len(plan.Edits) != 1 || plan.Edits[0].Field != "notes" {
		t.Fatalf("edits %+v conflicts %+v", plan.Edits, plan.Conflicts)
	}
	if _, err := ours.Merge(plan, false); err != nil {
		t.Fatal(err)
	}
	got := ours.Project().Duties[d.ID]
	if got.Notes != "副本备注" || len(got.Scope) != 2 {
		t.Fatalf("merged duty: notes %q scope %v", got.Notes, got.Scope)
	}
}

// The copy deleting an authority that offices outside the copy still hold
// is a conflict: taking theirs deletes it with everything that refers to it.
func TestMergeDeletionStillInUse(t *testing.T) {
	for _, prefer := range []merge.Side{merge.Ours, merge.Theirs} {
		ours, theirs := handedOut(t, handMade(), "老城街道")
		auth := firstAuthority(t, ours, "联合执法指挥调度权")
		other := &model.Holding{Meta: model.NewMeta("甲"), Office: ours.Project().OfficeByName("青山镇").ID, Authority: auth, DeJure: true, DeFacto: model.LevelFull}
		if err := ours.Commit("新增权限持有", ours.Project().Put(other)); err != nil {
			t.Fatal(err)
		}
		if err := theirs.Commit("删除权限", theirs.Project().DeleteAuthority(auth)...); err != nil {
			t.Fatal(err)
		}
		theirs.Close()
		plan, err := ours.PlanMerge(theirs.Path())
		if err != nil {
			t.Fatal(err)
		}
		var inUse *merge.Conflict
		for i, c := range plan.Conflicts {
			if c.Kind == merge.InUse {
				inUse = &plan.Conflicts[i]
			}
		}
		if inUse == nil || inUse.Users == 0 {
			t.Fatalf("conflicts %+v, want the authority in use", plan.Conflicts)
		}
		plan.ResolveAll(prefer)
		if _, err := ours.Merge(plan, false); err != nil {
			t.Fatalf("prefer %v: %v", prefer, err)
		}
		_, kept := ours.Project().Authorities[auth]
		if kept != (prefer == merge.Ours) || (ours.Project().Holding(other.Office, auth) != nil) != kept {
			t.Fatalf("prefer %v: authority kept %v, other office's holding %v", prefer, kept, ours.Project().Holding(other.Office, auth))
		}
		if _, err := Check(ours.Path()); err != nil && !errors.Is(err, ErrLocked) {
			t.Fatal(err)
		}
	}
}

// A hand-out is logged in the original, refuses to overwrite a file, and
// the copy says where it came from.
func TestHandOut(t *testing.T) {
	ours := mustOpen(t, mustCreate(t, handMade()), oursOpts)
	o := ours.Project().OfficeByName("老城街道")
	path := filepath.Join(t.TempDir(), "副本.rpb")
	n := ours.AuditCount()
	q, err := ours.HandOut(path, []model.ID{o.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Offices) != 1 || ours.AuditCount() != n+1 {
		t.Fatalf("copy with %d offices; audit %d → %d", len(q.Offices), n, ours.AuditCount())
	}
	if log, _ := ours.Audit(1); log[0].Op != OpHandout {
		t.Fatalf("the hand-out is not logged: %+v", log[0])
	}
	if _, err := ours.HandOut(path, []model.ID{o.ID}); !errors.Is(err, ErrExists) || ours.AuditCount() != n+1 {
		t.Fatalf("handing out over an existing file: %v, audit %d", err, ours.AuditCount())
	}
	if _, err := ours.HandOut(filepath.Join(t.TempDir(), "x.rpb"), nil); err == nil {
		t.Fatal("a hand-out of no office was written")
	}
	c := mustOpen(t, path, Options{ReadOnly: true})
	origin := c.Origin()
	if origin == nil || origin.Source != ours.Project().Info.ID || origin.SourceSeq != uint64(n+1) ||
		!reflect.DeepEqual(origin.Offices, []model.ID{o.ID}) || c.Project().Info.ID == ours.Project().Info.ID {
		t.Fatalf("origin %+v", origin)
	}
	base, err := c.base()
	if err != nil {
		t.Fatal(err)
	}
	want := c.Project().Clone()
	want.Info = model.Info{}
	if !reflect.DeepEqual(base, want) {
		t.Fatal("the base is not what the copy was made with")
	}
	if ours.Origin() != nil {
		t.Fatal("the original says it is a copy")
	}
}

// What a planner records in a copy of the new kinds comes back: a meeting
// and the decision taken in it, an incident, an off-list task, a proposal's
// admission, an office's staffing.
func TestMergeMeetingsProposalsTasksIncidents(t *testing.T) {
	ours, theirs := handedOut(t, handMade(), "老城街道")
	q := theirs.Project()
	o := q.OfficeByName("老城街道")
	var duty *model.Duty
	for _, d := range q.DutiesOf(o.ID) {
		duty = d
	}
	m := &model.Meeting{Meta: model.NewMeta("乙"), Date: "2026-04-02", Title: "街道碰头会", Attendees: []string{"综合执法队"}}
	dec := &model.Decision{Meta: model.NewMeta("乙"), Office: o.ID, Duty: duty.ID, Action: model.ActionConfirmReturned, Meeting: m.ID,
		ResponsibleUnit: "区统计局", Deadline: "2026-05-01"}
	inc := &model.Incident{Meta: model.NewMeta("乙"), Office: o.ID, Duty: duty.ID, Kind: model.IncidentAdmonition, Cause: model.CauseResources}
	task := &model.OffListTask{Meta: model.NewMeta("乙"), Office: o.ID, Name: "节日慰问材料", AssignedBy: "区民政局", HoursPerMonth: 6}
	var prop *model.Proposal
	for _, x := range q.Proposals {
		prop = x.Clone().(*model.Proposal)
	}
	prop.Admission, prop.Reason = model.AdmissionRejected, "无法定依据"
	staff := *o
	staff.SecondedOut, staff.CommunityWorkers = 4, 45
	if err := theirs.Commit("街道填写", q.Put(m), q.Put(dec), q.Put(inc), q.Put(task), q.Put(prop), q.Put(&staff)); err != nil {
		t.Fatal(err)
	}
	theirs.Close()

	plan, err := ours.PlanMerge(theirs.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) > 0 {
		t.Fatalf("conflicts %+v", plan.Conflicts)
	}
	if _, err := ours.Merge(plan, false); err != nil {
		t.Fatal(err)
	}
	p := ours.Project()
	got := p.Decisions[dec.ID]
	if p.Meetings[m.ID] == nil || got == nil || got.Meeting != m.ID || got.Action != model.ActionConfirmReturned || got.Deadline != "2026-05-01" ||
		p.Incidents[inc.ID] == nil || p.OffListTasks[task.ID] == nil {
		t.Fatalf("merged: meeting %v, decision %+v, incident %v, task %v", p.Meetings[m.ID], got, p.Incidents[inc.ID], p.OffListTasks[task.ID])
	}
	if x := p.Proposals[prop.ID]; x.Admission != model.AdmissionRejected || x.Reason != "无法定依据" || len(x.Scope) != 1 {
		t.Errorf("merged proposal %+v", x)
	}
	if x := p.OfficeByName("老城街道"); x.SecondedOut != 4 || x.CommunityWorkers != 45 || x.OnStaff != 96 {
		t.Errorf("merged office %+v", x)
	}
}
