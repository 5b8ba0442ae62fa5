//go:build ci

package mergeui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/merge"
)

// smallProject is two offices, two duties and an assessment of each duty
// by the first office: enough for a conflict and an edit of the copy alone.
func smallProject() *model.Project {
	p := model.NewProject("District", "East", "A")
	o1 := &model.Office{Meta: model.NewMeta("A"), Name: "Old Town", Kind: model.OfficeStreet}
	o2 := &model.Office{Meta: model.NewMeta("A"), Name: "Green Hill", Kind: model.OfficeTownship}
	p.Offices[o1.ID], p.Offices[o2.ID] = o1, o2
	for _, name := range []string{"Building patrol", "Census"} {
		d := &model.Duty{Meta: model.NewMeta("A"), Name: name, Category: "City", Kind: model.ListBasic}
		p.Duties[d.ID] = d
		a := &model.Assessment{Meta: model.NewMeta("A"), Office: o1.ID, Duty: d.ID, Role: model.RoleLead}
		p.Assessments[a.Key()] = a
	}
	return p
}

// handedOut makes a project and hands out a copy for its first office;
// ours comes back open, edited by "A".
func handedOut(t *testing.T) (ours *storage.Store, copyPath string, office *model.Office) {
	t.Helper()
	dir := t.TempDir()
	ours, err := storage.Create(filepath.Join(dir, "district.rpb"), smallProject(), storage.Options{NoSync: true, Author: "A"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ours.Close() })
	office = ours.Project().OfficeByName("Old Town")
	copyPath = filepath.Join(dir, "street.rpb")
	if _, err := ours.HandOut(copyPath, []model.ID{office.ID}); err != nil {
		t.Fatalf("HandOut: %v", err)
	}
	return ours, copyPath, office
}

// assessmentsOf lists the office's assessments of s's project, by ID order.
func assessmentsOf(s *storage.Store, office model.ID) []*model.Assessment {
	var out []*model.Assessment
	for _, a := range s.Project().Assessments {
		if a.Office == office {
			out = append(out, a)
		}
	}
	return out
}

// setNotes writes notes on the assessment with that ID in s.
func setNotes(t *testing.T, s *storage.Store, id model.ID, author, notes string) {
	t.Helper()
	for _, a := range s.Project().Assessments {
		if a.ID == id {
			x := a.Clone().(*model.Assessment)
			x.Notes = notes
			x.Touch(author)
			if err := s.Commit("edit", s.Project().Put(x)); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no assessment %v", id)
}

func notesOf(s *storage.Store, id model.ID) string {
	for _, a := range s.Project().Assessments {
		if a.ID == id {
			return a.Notes
		}
	}
	return "<deleted>"
}

// TestReviewResolvesAndMerges hands out a copy, edits both sides (one
// field both changed, one only the copy changed), opens the review, checks
// that Merge waits for the conflict's choice, takes the copy's value, merges,
// and merges again to find nothing left.
func TestReviewResolvesAndMerges(t *testing.T) {
	test.NewTempApp(t)
	words.Use(words.En)
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1000, 800))
	defer win.Close()

	ours, copyPath, office := handedOut(t)
	as := assessmentsOf(ours, office.ID)
	if len(as) < 2 {
		t.Fatalf("office %s has %d assessments", office.Name, len(as))
	}
	both, onlyTheirs := as[0].ID, as[1].ID
	setNotes(t, ours, both, "A", "ours says so")
	theirs, err := storage.Open(copyPath, storage.Options{NoSync: true, Author: "B"})
	if err != nil {
		t.Fatal(err)
	}
	setNotes(t, theirs, both, "B", "theirs says so")
	setNotes(t, theirs, onlyTheirs, "B", "filled in offline")
	theirs.Close()

	plan, err := ours.PlanMerge(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	var got *storage.MergeReport
	r := NewReview(win, ours, plan, func(rep *storage.MergeReport) { got = rep })
	r.Show()

	if len(r.Choices) != 1 || len(plan.Conflicts) != 1 {
		t.Fatalf("%d choices for %d conflicts, want 1", len(r.Choices), len(plan.Conflicts))
	}
	c := plan.Conflicts[0]
	text := conflictText(words.En, c)
	for _, want := range []string{"ours says so", "theirs says so", "A, ", "B, "} {
		if !strings.Contains(text, want) {
			t.Errorf("conflict reads %q, missing %q", text, want)
		}
	}
	if !r.Merge.Disabled() {
		t.Fatal("Merge enabled with a conflict unresolved")
	}
	r.Choices[0].SetSelected(r.Choices[0].Options[1]) // take the copy's
	if r.Merge.Disabled() || plan.Conflicts[0].Resolution != merge.Theirs {
		t.Fatalf("after choosing: merge disabled %v, resolution %v", r.Merge.Disabled(), plan.Conflicts[0].Resolution)
	}
	test.Tap(r.Merge)
	if got == nil {
		t.Fatal("merge not reported")
	}
	if notesOf(ours, both) != "theirs says so" || notesOf(ours, onlyTheirs) != "filled in offline" {
		t.Errorf("after merge: %q, %q", notesOf(ours, both), notesOf(ours, onlyTheirs))
	}
	if got.Backup == "" || !strings.Contains(ReportText(words.En, got), got.Backup) {
		t.Errorf("report %q names no backup", ReportText(words.En, got))
	}

	again, err := ours.PlanMerge(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Errorf("merging twice: %d edits, %d conflicts", len(again.Edits), len(again.Conflicts))
	}
}

// TestReviewResolveAll checks the buttons that resolve every conflict.
func TestReviewResolveAll(t *testing.T) {
	test.NewTempApp(t)
	words.Use(words.Zh)
	win := test.NewWindow(nil)
	defer win.Close()
	ours, copyPath, office := handedOut(t)
	as := assessmentsOf(ours, office.ID)
	theirs, err := storage.Open(copyPath, storage.Options{NoSync: true, Author: "B"})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range as[:2] {
		setNotes(t, ours, a.ID, "A", "ours "+string(rune('0'+i)))
		setNotes(t, theirs, a.ID, "B", "theirs "+string(rune('0'+i)))
	}
	theirs.Close()
	plan, err := ours.PlanMerge(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	r := NewReview(win, ours, plan, func(*storage.MergeReport) {})
	test.Tap(r.AllOurs)
	if plan.Unresolved() != 0 || r.Merge.Disabled() {
		t.Fatalf("after all ours: %d unresolved", plan.Unresolved())
	}
	for _, ch := range r.Choices {
		if ch.Selected != ch.Options[0] {
			t.Errorf("choice shows %q after all ours", ch.Selected)
		}
	}
	test.Tap(r.AllTheirs)
	for i, c := range plan.Conflicts {
		if c.Resolution != merge.Theirs {
			t.Errorf("conflict %d: %v after all theirs", i, c.Resolution)
		}
	}
}

// TestHandOutPicker ticks an office and checks the picker hands it on.
func TestHandOutPicker(t *testing.T) {
	test.NewTempApp(t)
	words.Use(words.Zh)
	win := test.NewWindow(nil)
	defer win.Close()
	ours, _, office := handedOut(t)
	var chosen []model.ID
	h := NewHandOut(win, ours, func(ids []model.ID) { chosen = ids })
	h.Show()
	if !h.Next.Disabled() {
		t.Fatal("Next enabled with no office ticked")
	}
	h.Offices.SetSelected([]string{office.Name})
	if h.Next.Disabled() {
		t.Fatal("Next disabled with an office ticked")
	}
	test.Tap(h.Next)
	if len(chosen) != 1 || chosen[0] != office.ID {
		t.Errorf("chosen %v, want %v", chosen, office.ID)
	}
}

func TestValueText(t *testing.T) {
	tests := []struct{ raw, want string }{
		{``, "(empty)"},
		{`""`, "(empty)"},
		{`"notes"`, "notes"},
		{`3.5`, "3.5"},
		{`["a","b"]`, "a, b"},
		{`true`, "true"},
	}
	for _, tt := range tests {
		if got := valueText(words.En, []byte(tt.raw)); got != tt.want {
			t.Errorf("valueText(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
