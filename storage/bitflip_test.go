package storage

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// demoWithHistory writes the demo project as the app does and gives it a
// little history: an edit, an undone edit, a decision added, so that the
// audit log and both stacks hold records too.
func demoWithHistory(t testing.TB) string {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	path := newPath(t)
	s, err := Create(path, p, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := firstAssessment(s.Project()).Clone().(*model.Assessment)
	a.Notes = "街道反映人手不足"
	if err := s.Commit("编辑履职评估", s.Project().Put(a)); err != nil {
		t.Fatal(err)
	}
	a = a.Clone().(*model.Assessment)
	a.Incidents++
	if err := s.Commit("编辑履职评估", s.Project().Put(a)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	dec := &model.Decision{Meta: model.NewMeta("测试员"), Office: a.Office, Duty: a.Duty, Action: model.ActionAddResources, StaffDelta: 1}
	if err := s.Commit("新增处理意见", s.Project().Put(dec)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	return path
}

// usedRanges lists the byte ranges of the pages a file uses: meta,
// freelist, branch and leaf pages with their overflow, not free pages.
func usedRanges(t testing.TB, file []byte) [][2]int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages.rpb")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out [][2]int
	ps := db.Info().PageSize
	err = db.View(func(tx *bolt.Tx) error {
		for id := 0; ; {
			info, err := tx.Page(id)
			if err != nil {
				return err
			}
			if info == nil {
				return nil
			}
			if info.Type != "free" {
				out = append(out, [2]int{id * ps, (id + 1 + info.OverflowCount) * ps})
			}
			id += 1 + info.OverflowCount
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// flipOutcome is what became of one flipped bit.
type flipOutcome int

const (
	flipDetected flipOutcome = iota // Open or Check refused the file, naming the problem
	flipHarmless                    // both accepted it and read the very same project and history
	flipSilent                      // accepted, but what was read differs: the failure to prevent
)

// fileState is what a sound read of a project file yields.
type fileState struct {
	p          *model.Project
	audit      int
	undo, redo string
	origin     *Origin        // of a hand-out copy
	base       *model.Project // of a hand-out copy
}

func readState(s *Store) fileState {
	st := fileState{p: s.Project(), audit: s.AuditCount(), undo: s.UndoLabel(), redo: s.RedoLabel(), origin: s.Origin()}
	if st.origin != nil {
		st.base, _ = s.base()
	}
	return st
}

// handedOutDemo is a copy of the demo project handed out for one office,
// with an edit: it holds an origin and a base besides the project.
func handedOutDemo(t testing.TB) string {
	t.Helper()
	src := demoWithHistory(t)
	s, err := Open(src, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	path := filepath.Join(t.TempDir(), "副本.rpb")
	if _, err := s.HandOut(path, []model.ID{s.Project().OfficeList()[0].ID}); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a := firstAssessment(c.Project()).Clone().(*model.Assessment)
	a.Notes = "街道填写"
	if err := c.Commit("编辑履职评估", c.Project().Put(a)); err != nil {
		t.Fatal(err)
	}
	return path
}

// tryFlip writes sound with one bit flipped to path and opens and checks it.
func tryFlip(t testing.TB, path string, sound []byte, want fileState, bit int) (flipOutcome, string) {
	t.Helper()
	b := append([]byte(nil), sound...)
	b[bit/8] ^= 1 << (bit % 8)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	named := func(err error) (flipOutcome, string) {
		var oe *OpenError
		if !errors.As(err, &oe) || errors.Is(err, ErrLocked) || errors.Is(err, ErrNoFile) {
			t.Fatalf("bit %d: %v is not a named problem with the file", bit, err)
		}
		return flipDetected, said(err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return named(err)
	}
	got := readState(s)
	s.Close()
	if _, err := Check(path); err != nil {
		return named(err)
	}
	if !reflect.DeepEqual(got, want) {
		return flipSilent, fmt.Sprintf("byte %d bit %d: read without complaint but differs", bit/8, bit%8)
	}
	return flipHarmless, ""
}

// randomBit picks a bit inside one of the used ranges, each byte as likely.
func randomBit(r *rand.Rand, used [][2]int) int {
	total := 0
	for _, u := range used {
		total += u[1] - u[0]
	}
	n := r.Intn(total)
	for _, u := range used {
		if n < u[1]-u[0] {
			return (u[0]+n)*8 + r.Intn(8)
		}
		n -= u[1] - u[0]
	}
	panic("unreachable")
}

// Every single flipped bit in the used pages of a project file is either
// caught by Open or Check, with the damage named, or provably changes
// nothing that is read. Before records carried checksums, 146 of 500
// random flips passed check while the data had changed.
func TestEveryFlippedBitIsCaughtOrHarmless(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  func(testing.TB) string
		flips int
	}{
		{"demo project with history", demoWithHistory, 300},
		{"hand-out copy", handedOutDemo, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.file(t)
			sound, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			s := mustOpen(t, src, Options{ReadOnly: true})
			want := readState(s)
			s.Close()
			used := usedRanges(t, sound)
			path := filepath.Join(t.TempDir(), "flipped.rpb")
			r := rand.New(rand.NewSource(13))
			var counts [3]int
			for i := 0; i < tc.flips; i++ {
				outcome, detail := tryFlip(t, path, sound, want, randomBit(r, used))
				counts[outcome]++
				if outcome == flipSilent {
					t.Error(detail)
				}
			}
			t.Logf("%d flips over %d used pages: %d detected, %d harmless, %d silent", tc.flips, len(used), counts[flipDetected], counts[flipHarmless], counts[flipSilent])
			if counts[flipDetected] == 0 {
				t.Fatal("no flip was detected")
			}
		})
	}
}

// A damaged record is named: its kind, its ID and the names it is about.
func TestDamagedRecordIsNamed(t *testing.T) {
	p := handMade()
	path := mustCreate(t, p.Clone())
	var as *model.Assessment
	for _, a := range p.Assessments {
		if a.Notes != "" {
			as = a
		}
	}
	office, duty := p.Offices[as.Office], p.Duties[as.Duty]
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAssessments)
		key := keyOf(as)
		v := append([]byte(nil), b.Get(key)...)
		v[len(v)-3] ^= 0x01 // in the notes: still valid JSON, another character
		return b.Put(key, v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		how string
		err func() error
	}{
		{"Open", func() error { _, err := Open(path, testOpts); return err }},
		{"Check", func() error { _, err := Check(path); return err }},
	} {
		err := tc.err()
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("%s: %v, want ErrDamaged", tc.how, err)
		}
		for _, want := range []string{office.Name, duty.Title(), as.Office.String(), "履职评估", "assessment", "checksum"} {
			if !strings.Contains(said(err), want) {
				t.Errorf("%s: %q does not say %q", tc.how, said(err), want)
			}
		}
		recs := DamagedRecords(err)
		if len(recs) != 1 || recs[0].Kind != model.KindAssessment || string(recs[0].Key) != string(keyOf(as)) {
			t.Errorf("%s: DamagedRecords = %+v", tc.how, recs)
		}
	}
}

// BenchmarkBitFlips flips b.N random bits, one per file, and reports how
// many were detected, harmless and silent (run with -benchtime=2000x).
func BenchmarkBitFlips(b *testing.B) {
	b.Run("demo", func(b *testing.B) { benchFlips(b, demoWithHistory(b)) })
	b.Run("copy", func(b *testing.B) { benchFlips(b, handedOutDemo(b)) })
}

func benchFlips(b *testing.B, src string) {
	sound, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(src, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	want := readState(s)
	s.Close()
	used := usedRanges(b, sound)
	path := filepath.Join(b.TempDir(), "flipped.rpb")
	r := rand.New(rand.NewSource(2026))
	var counts [3]int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		outcome, detail := tryFlip(b, path, sound, want, randomBit(r, used))
		counts[outcome]++
		if outcome == flipSilent {
			b.Log(detail)
		}
	}
	b.ReportMetric(float64(counts[flipDetected]), "detected")
	b.ReportMetric(float64(counts[flipHarmless]), "harmless")
	b.ReportMetric(float64(counts[flipSilent]), "silent")
}
