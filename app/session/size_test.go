package session

import (
	"errors"
	"testing"

	"rpbmatrix/model"
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
