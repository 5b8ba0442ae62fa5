package sheet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/storage"
)

// An import into a project file that would change more records than one
// commit takes is refused before anything is written, with a message
// naming the count and the limit; the file and its backups are as before.
// Into a new file (Fill, storage.CreateAs) the same list imports whole.
func TestApplyRefusesTooManyChangesIntoAFile(t *testing.T) {
	defer func(n int) { maxCommitChanges = n }(maxCommitChanges)
	maxCommitChanges = 10
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("序号,事项名称,事项类别,清单类型\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "%d,事项第%d项,社区建设,基本履职\n", i, i)
	}
	list := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(dir, "p.rpb")
	p := model.NewProject("p", "", "")
	p.Insert(&model.Duty{Meta: model.NewMeta("a"), Name: "已有事项", Category: "社区建设", Kind: model.ListBasic})
	st, err := storage.Create(path, p, storage.Options{Author: "a", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, _ := os.ReadFile(path)
	plan := PlanFiles(st.Project(), []string{list}, Options{})
	err = plan.Apply(st, filepath.Join(dir, "backups"), []string{list})
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("Apply: %v, want a refusal", err)
	}
	for _, lang := range []string{"zh", "en"} {
		if got := fe.In(lang); !strings.Contains(got, "30") || !strings.Contains(got, "10") {
			t.Errorf("%s: %q names neither the count nor the limit", lang, got)
		}
	}
	if n := len(st.Project().Duties); n != 1 {
		t.Errorf("%d duties in memory after the refusal, want 1", n)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the file changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "backups")); !os.IsNotExist(err) {
		t.Errorf("a backup was written: %v", err)
	}

	q := model.NewProject("q", "", "")
	plan = PlanFiles(q, []string{list}, Options{})
	action, err := plan.Fill(q, []string{list})
	if err != nil {
		t.Fatal(err)
	}
	nst, err := storage.CreateAs(filepath.Join(dir, "new.rpb"), q, storage.Options{Author: "a", NoSync: true}, action)
	if err != nil {
		t.Fatal(err)
	}
	defer nst.Close()
	if n := len(nst.Project().Duties); n != 30 {
		t.Errorf("%d duties in the new file, want 30", n)
	}
}
