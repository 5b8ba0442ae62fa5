package session

import (
	"errors"
	"path/filepath"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/storage"
)

// An edit that would make the project too large to analyse (its file
// would not open again) is refused before it is committed.
func TestCommitRefusesPastPairLimit(t *testing.T) {
	s, _, _ := newTestSession() // 1 office, no duty
	defer model.SetPairLimit(1)()
	add := func(name string) error {
		d := &model.Duty{Meta: model.NewMeta("tester"), Name: name, Category: "社区建设", Kind: model.ListBasic}
		return s.Commit("add", s.Project().Put(d))
	}
	if err := add("一"); err != nil {
		t.Fatalf("1 office × 1 duty: %v", err)
	}
	var tooLarge *model.SizeError
	if err := add("二"); !errors.As(err, &tooLarge) {
		t.Fatalf("1 office × 2 duties: %v, want a *model.SizeError", err)
	}
	if n := len(s.Project().Duties); n != 1 {
		t.Errorf("%d duties after the refused edit, want 1", n)
	}
}

// Undoing an office's deletion when the project with it would be too large
// (a history from before the limit, or a lower one) is refused by the
// project file with the size error: no view is told of a change, and the
// undo stays available.
func TestUndoRefusedPastPairLimit(t *testing.T) {
	p := model.NewProject("测试", "测试区", "tester")
	for _, name := range []string{"东街道", "西街道"} {
		o := &model.Office{Meta: model.NewMeta("tester"), Name: name, Kind: model.OfficeStreet}
		p.Offices[o.ID] = o
	}
	d := &model.Duty{Meta: model.NewMeta("tester"), Name: "一", Category: "社区建设", Kind: model.ListBasic}
	p.Duties[d.ID] = d
	st, err := storage.Create(filepath.Join(t.TempDir(), "p.rpb"), p, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := New(st, "tester")
	if err := s.Commit("删除街道", s.Project().DeleteOffice(s.Project().OfficeList()[0].ID)...); err != nil {
		t.Fatal(err)
	}
	defer model.SetPairLimit(1)() // 1 office × 1 duty; the undo would make 2
	changed := 0
	s.OnChange(func() { changed++ })
	var tooLarge *model.SizeError
	if err := s.Undo(); !errors.As(err, &tooLarge) {
		t.Fatalf("undo: %v, want a *model.SizeError", err)
	}
	if n := len(s.Project().Offices); n != 1 || changed != 0 || !s.CanUndo() {
		t.Errorf("after the refused undo: %d offices, %d refreshes, can undo %v", n, changed, s.CanUndo())
	}
}
