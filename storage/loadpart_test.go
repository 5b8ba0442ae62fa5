package storage

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// pick is a choose function for ReadOffices that takes the offices named.
func pick(names ...string) func([]*model.Office) ([]model.ID, error) {
	return func(all []*model.Office) ([]model.ID, error) {
		var ids []model.ID
		for _, o := range all {
			if slices.Contains(names, o.Name) {
				ids = append(ids, o.ID)
			}
		}
		return ids, nil
	}
}

// The part read for an office is analysed exactly as the whole project
// is: the same findings with the same reasons, summary and scores, before
// and after the decisions; and it holds all of that office's records and
// none of another's.
func TestReadOfficesAnalysis(t *testing.T) {
	demoProject, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	generated := synthetic(12, 150)
	for _, tc := range []struct {
		name string
		p    *model.Project
		step int // every step-th office is read alone
	}{
		{"demo", demoProject, 1},
		{"generated", generated, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := mustCreate(t, tc.p)
			full := mustOpen(t, path, Options{ReadOnly: true}).Project()
			base, scen := model.Analyze(full), model.Analyze(model.Scenario(full))
			for i, o := range full.OfficeList() {
				if i%tc.step != 0 {
					continue
				}
				part, err := ReadOffices(path, Options{}, pick(o.Name))
				if err != nil {
					t.Fatal(err)
				}
				checkPartHolds(t, full, part, o.ID)
				for _, x := range []struct {
					what       string
					full, part *model.Result
				}{
					{"baseline", base, model.Analyze(part)},
					{"scenario", scen, model.Analyze(model.Scenario(part))},
				} {
					sameOfficeAnalysis(t, o.Name+" "+x.what, o.ID, x.full, x.part)
				}
			}
		})
	}
}

// checkPartHolds checks that part holds the one office, the shared records
// and exactly that office's records of every office-keyed kind.
func checkPartHolds(t *testing.T, full, part *model.Project, office model.ID) {
	t.Helper()
	if len(part.Offices) != 1 || part.Offices[office] == nil {
		t.Fatalf("part has %d offices", len(part.Offices))
	}
	if part.Info.ID != full.Info.ID || part.Settings != full.Settings {
		t.Errorf("info or settings differ")
	}
	if len(part.Duties) != len(full.Duties) || len(part.Authorities) != len(full.Authorities) || len(part.Meetings) != len(full.Meetings) {
		t.Errorf("catalogues: %d duties, %d authorities, %d meetings; whole: %d, %d, %d",
			len(part.Duties), len(part.Authorities), len(part.Meetings), len(full.Duties), len(full.Authorities), len(full.Meetings))
	}
	got, want := recordsOf(part, office), recordsOf(full, office)
	for kind, n := range want {
		if got[kind] != [2]int{n[0], 0} {
			t.Errorf("%s: the part holds %d of the office's and %d of others'; the whole project %d of the office's",
				kind, got[kind][0], got[kind][1], n[0])
		}
	}
}

// recordsOf counts, by kind, the office-keyed records of p that concern
// office (its own, decisions for every office, requests that go to it) and
// those that do not.
func recordsOf(p *model.Project, office model.ID) map[string][2]int {
	n := map[string][2]int{}
	count := func(kind string, mine bool) {
		c := n[kind]
		if mine {
			c[0]++
		} else {
			c[1]++
		}
		n[kind] = c
	}
	for _, a := range p.Assessments {
		count("assessments", a.Office == office)
	}
	for _, h := range p.Holdings {
		count("holdings", h.Office == office)
	}
	for _, x := range p.Incidents {
		count("incidents", x.Office == office)
	}
	for _, x := range p.OffListTasks {
		count("off-list tasks", x.Office == office)
	}
	for _, x := range p.Decisions {
		count("decisions", x.Office == office || x.Office == model.NilID)
	}
	for _, x := range p.Proposals {
		count("proposals", x.AppliesTo(office))
	}
	return n
}

// sameOfficeAnalysis compares one office's findings (with their reasons),
// summary and scores in two analyses.
func sameOfficeAnalysis(t *testing.T, what string, office model.ID, full, part *model.Result) {
	t.Helper()
	fs, ps := full.FindingsOfOffice(office), part.FindingsOfOffice(office)
	if len(fs) != len(ps) {
		t.Fatalf("%s: %d findings, whole project %d", what, len(ps), len(fs))
	}
	for i := range fs {
		if fs[i] != ps[i] || full.Reason(fs[i]).In("zh") != part.Reason(ps[i]).In("zh") {
			t.Fatalf("%s: finding %d is %+v, whole project %+v", what, i, ps[i], fs[i])
		}
	}
	if a, b := full.Offices[office], part.Offices[office]; !reflect.DeepEqual(a, b) {
		t.Errorf("%s: summary %+v, whole project %+v", what, *b, *a)
	}
	n := 0
	for k, sc := range full.Scores {
		if k.Office == office {
			n++
			if got := part.Scores[k]; got == nil || *got != *sc {
				t.Errorf("%s: score of %v is %+v, whole project %+v", what, k, got, *sc)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no scores", what)
	}
}

// A damaged record of the part is named as Open names it; one of another
// office is not read, so it does not stop the part (Check finds it).
func TestReadOfficesDamage(t *testing.T) {
	p := handMade()
	path := mustCreate(t, p.Clone())
	var mine, theirs *model.Assessment
	for _, a := range p.Assessments {
		if p.Offices[a.Office].Name == "老城街道" {
			mine = a
		} else {
			theirs = a
		}
	}
	flip := func(as *model.Assessment) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketAssessments)
			v := append([]byte(nil), b.Get(keyOf(as))...)
			v[len(v)-3] ^= 0x01
			return b.Put(keyOf(as), v)
		}); err != nil {
			t.Fatal(err)
		}
	}
	flip(theirs)
	if _, err := ReadOffices(path, Options{}, pick("老城街道")); err != nil {
		t.Fatalf("another office's damaged record: %v", err)
	}
	if _, err := Check(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check: %v, want ErrDamaged", err)
	}
	flip(mine)
	_, err := ReadOffices(path, Options{}, pick("老城街道"))
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("the office's damaged record: %v, want ErrDamaged", err)
	}
	if recs := DamagedRecords(err); len(recs) != 1 || string(recs[0].Key) != string(keyOf(mine)) {
		t.Errorf("DamagedRecords = %+v", recs)
	}
	if !strings.Contains(said(err), "老城街道") {
		t.Errorf("%q does not name the office", said(err))
	}
}

// A file of an older format is read whole, migrated, and cut to the part.
func TestReadOfficesOlderFormat(t *testing.T) {
	path := oldFile(t, "format3.rpb", 3, 2)
	full := mustOpen(t, path, Options{ReadOnly: true}).Project()
	base := model.Analyze(full)
	for _, o := range full.OfficeList() {
		part, err := ReadOffices(path, Options{}, pick(o.Name))
		if err != nil {
			t.Fatal(err)
		}
		checkPartHolds(t, full, part, o.ID)
		sameOfficeAnalysis(t, o.Name, o.ID, base, model.Analyze(part))
	}
}

// What choose says goes back as it is, and nothing else is read.
func TestReadOfficesChooseError(t *testing.T) {
	path := mustCreate(t, handMade())
	stop := errors.New("no such office")
	var names []string
	_, err := ReadOffices(path, Options{}, func(all []*model.Office) ([]model.ID, error) {
		for _, o := range all {
			names = append(names, o.Name)
		}
		return nil, stop
	})
	if err != stop {
		t.Fatalf("err = %v, want choose's", err)
	}
	if len(names) != 2 {
		t.Errorf("choose was given %v", names)
	}
}

// officeField reads the office as encoding/json does, or declines.
func TestOfficeField(t *testing.T) {
	const id = "0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b"
	const other = "0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7c"
	for _, tc := range []struct {
		raw string
		ok  bool
	}{
		{`{"v":3,"c":"00000000","id":"` + other + `","office":"` + id + `","duty":"` + other + `","tolerance":true,"n":-1.5e3,"x":null}`, true},
		{`{"office":"` + other + `","office":"` + id + `"}`, true}, // the last wins
		{`{"duty":"` + id + `"}`, true}, // none: NilID
		{` { "office" : "` + id + `" } `, true},
		{`{}`, true},
		{`{"Office":"` + id + `"}`, false},
		{`{"off\u0069ce":"` + id + `"}`, false},
		{`{"office":"` + id + `","notes":{"a":1}}`, false},
		{`{"office":"` + id + `","tags":[1]}`, false},
		{`{"office":"` + id + `"`, false},
		{`{"office":"` + id + `"}x`, false},
		{`{"office":"\u0030190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b"}`, false},
	} {
		got, ok := officeField([]byte(tc.raw))
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.raw, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		var want model.Incident
		if err := decodeInto([]byte(tc.raw), &want); err != nil {
			t.Fatalf("%s: %v", tc.raw, err)
		}
		if got != want.Office {
			t.Errorf("%s: office %v, encoding/json %v", tc.raw, got, want.Office)
		}
	}
}

// BenchmarkReadOfficesLarge reads one office's part of the 200 × 1,000
// project (1,000 of 200,000 assessments; every incident scanned for its
// office), what a report of that office reads.
func BenchmarkReadOfficesLarge(b *testing.B) {
	path := largeFile(b)
	var name string
	if _, err := ReadOffices(path, Options{}, func(all []*model.Office) ([]model.ID, error) {
		name = all[len(all)/2].Name
		return nil, nil
	}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		p, err := ReadOffices(path, Options{}, pick(name))
		if err != nil || len(p.Offices) != 1 {
			b.Fatalf("%d offices, %v", len(p.Offices), err)
		}
	}
}
