package storage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"rpbmatrix/model"
)

func TestRoundTripEveryEntityKind(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *model.Project
	}{
		{"every field set", handMade()},
		{"empty project", model.NewProject("空白底稿", "某区", "")},
		{"synthetic 5×40", synthetic(5, 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.p.Clone()
			path := mustCreate(t, tc.p)
			s := mustOpen(t, path, testOpts)
			got := s.Project()
			for _, c := range []struct {
				kind      string
				got, want any
			}{
				{"info", got.Info, want.Info},
				{"settings", got.Settings, want.Settings},
				{"offices", got.Offices, want.Offices},
				{"duties", got.Duties, want.Duties},
				{"authorities", got.Authorities, want.Authorities},
				{"holdings", got.Holdings, want.Holdings},
				{"assessments", got.Assessments, want.Assessments},
				{"decisions", got.Decisions, want.Decisions},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s differ after reopening:\n got %+v\nwant %+v", c.kind, c.got, c.want)
				}
			}
			if n := s.AuditCount(); n != 1 {
				t.Errorf("AuditCount = %d, want 1 (the creation)", n)
			}
		})
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	path := mustCreate(t, handMade())
	_, err := Create(path, handMade(), testOpts)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file: err = %v, want ErrExists", err)
	}
	if _, err := Check(path); err != nil {
		t.Fatalf("the existing file was harmed: %v", err)
	}
}

func TestCreateRefusesInvalidProject(t *testing.T) {
	p := handMade()
	for _, o := range p.Offices {
		o.Name = ""
		break
	}
	path := newPath(t)
	_, err := Create(path, p, testOpts)
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	if _, err := Open(path, testOpts); !errors.Is(err, ErrNoFile) {
		t.Fatalf("a file was left behind: Open err = %v", err)
	}
}

func TestOpenMissingFileDoesNotCreateIt(t *testing.T) {
	path := newPath(t)
	_, err := Open(path, testOpts)
	if !errors.Is(err, ErrNoFile) {
		t.Fatalf("err = %v, want ErrNoFile", err)
	}
	if _, err := Check(path); !errors.Is(err, ErrNoFile) {
		t.Fatalf("Check err = %v, want ErrNoFile", err)
	}
}

// Create builds the file under a temporary name and links it into place.
// The temporary name must be gone before the store opens the file: Windows
// refuses to remove an open file, and a remove deferred past the open left
// a hidden twin .NAME.rpb.creating-NNN beside every new project. Here the
// order is checked on Linux: when placeNew returns, the twin is gone and no
// descriptor of this process is open on the file.
func TestCreateLeavesNoTwin(t *testing.T) {
	path := newPath(t)
	if err := placeNew(path, handMade(), newFile{author: "测试员", action: "创建"}); err != nil {
		t.Fatal(err)
	}
	if names := dirNames(t, path); !reflect.DeepEqual(names, []string{filepath.Base(path)}) {
		t.Fatalf("beside the new file: %q", names)
	}
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		for _, fd := range fds {
			if target, _ := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); strings.HasPrefix(target, filepath.Dir(path)) {
				t.Errorf("descriptor %s is still open on %s", fd.Name(), target)
			}
		}
	}

	other := filepath.Join(filepath.Dir(path), "另一个.rpb")
	s, err := Create(other, handMade(), testOpts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if names := dirNames(t, path); !reflect.DeepEqual(names, []string{filepath.Base(other), filepath.Base(path)}) {
		t.Fatalf("after Create and Close: %q", names)
	}
}

func dirNames(t *testing.T, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// Every change is put down to someone: a record stored without an author
// gets the store's, and a store opened without one uses the system's user.
func TestEveryChangeHasAnAuthor(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, Options{NoSync: true})
	if s.opts.Author == "" {
		t.Fatal("no author for a store opened without one")
	}
	o := &model.Office{Meta: model.Meta{ID: model.NewID()}, Name: "无名氏街道", Kind: model.OfficeStreet}
	if err := s.Commit("新增街道", s.Project().Put(o)); err != nil {
		t.Fatal(err)
	}
	got := s.Project().Offices[o.ID]
	if got.Author != s.opts.Author || got.Modified.IsZero() {
		t.Fatalf("stored %+v, want it put down to %q", got.Meta, s.opts.Author)
	}
	kept := &model.Office{Meta: model.NewMeta("街道规划员"), Name: "有名街道", Kind: model.OfficeStreet}
	if err := s.Commit("新增街道", s.Project().Put(kept)); err != nil {
		t.Fatal(err)
	}
	if a := s.Project().Offices[kept.ID].Author; a != "街道规划员" {
		t.Fatalf("an author given was replaced by %q", a)
	}
	if log, _ := s.Audit(1); log[0].Author != s.opts.Author {
		t.Fatalf("audit entry by %q", log[0].Author)
	}
}
