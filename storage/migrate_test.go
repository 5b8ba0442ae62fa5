package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
)

// toV1 rewrites a current value of kind k the way schema 1 stored it.
func toV1(t *testing.T, k model.EntityKind, e any) []byte {
	t.Helper()
	raw, err := encode(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["v"] = 1
	switch k {
	case model.KindSettings:
		delete(m, "partial_credit")
		delete(m, "assessed_by_threshold")
	case model.KindAssessment:
		for _, res := range []string{"staff", "funds", "systems"} {
			pair := map[string]any{}
			for _, side := range []string{"needed", "held"} {
				if v, ok := m[res+"_"+side]; ok {
					pair[side] = v
					delete(m, res+"_"+side)
				}
			}
			if len(pair) > 0 {
				m[res] = pair
			}
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeV1 writes p as a schema-1 file with one undoable action in its log:
// the assessment a changed from before to p's value.
func writeV1(t *testing.T, p *model.Project, before *model.Assessment) string {
	t.Helper()
	path := newPath(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		tx.Bucket(bucketMeta).Put(keySchema, []byte("1"))
		for _, k := range model.Kinds() {
			for e := range p.All(k) {
				if err := tx.Bucket(layouts[k].bucket).Put(keyOf(e), toV1(t, k, e)); err != nil {
					return err
				}
			}
		}
		after := p.Assessments[before.Key()]
		entry := AuditEntry{Time: now(), Author: "旧版", Action: "编辑履职评估", Op: OpDo, Changes: []AuditChange{{
			Kind: model.KindAssessment, Before: toV1(t, model.KindAssessment, before), After: toV1(t, model.KindAssessment, after)}}}
		// As the first version wrote them: entries and stacks not sealed.
		audit := tx.Bucket(bucketAudit)
		seq, err := audit.NextSequence()
		if err != nil {
			return err
		}
		entry.Seq = seq
		raw, err := encode(&entry)
		if err != nil {
			return err
		}
		if err := audit.Put(seqKey(seq), raw); err != nil {
			return err
		}
		undo, err := tx.CreateBucket(bucketUndo)
		if err != nil {
			return err
		}
		return undo.Put(seqKey(seq), []byte(entry.Action))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func TestMigrateV1ToV2(t *testing.T) {
	want := handMade()
	a := firstAssessment(want)
	before := *a
	a.StaffHeld, a.FundsHeld, a.SystemsHeld = 6, 75, 3 // the logged action raised these
	path := writeV1(t, want, &before)
	if c, err := Check(path); err != nil || c.SchemaVersion != 1 {
		t.Fatalf("the v1 file: counts %+v, err %v", c, err)
	}

	t.Run("read-only open migrates in memory only", func(t *testing.T) {
		s := mustOpen(t, path, Options{ReadOnly: true})
		sameProject(t, "read-only", s.Project(), want)
		s.Close()
		if c, _ := Check(path); c.SchemaVersion != 1 {
			t.Fatalf("read-only open changed the file to schema %d", c.SchemaVersion)
		}
	})

	t.Run("writable open rewrites the file", func(t *testing.T) {
		s := mustOpen(t, path, testOpts)
		sameProject(t, "migrated", s.Project(), want)
		log, err := s.Audit(1)
		if err != nil || len(log) != 1 || log[0].Op != OpMigrate {
			t.Fatalf("newest audit entry %+v (err %v), want the migration", log, err)
		}
		if s.UndoLabel() != "编辑履职评估" {
			t.Fatalf("the v1 undo stack was lost: UndoLabel %q", s.UndoLabel())
		}
		// The logged values are still v1; undo must read them as such.
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if got := s.Project().Assessments[before.Key()]; !reflect.DeepEqual(got, &before) {
			t.Fatalf("undo across the migration gave %+v, want %+v", got, &before)
		}
		s.Close()

		c, err := Check(path)
		if err != nil || c.SchemaVersion != model.SchemaVersion {
			t.Fatalf("after migration: counts %+v, err %v", c, err)
		}
		backup, ok := LatestBackup(path)
		if !ok {
			t.Fatal("no backup was taken before migrating")
		}
		if c, err := Check(backup); err != nil || c.SchemaVersion != 1 {
			t.Fatalf("backup: counts %+v, err %v, want the v1 file", c, err)
		}
		// Every stored record now carries the current version.
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.View(func(tx *bolt.Tx) error {
			for _, name := range [][]byte{bucketSettings, bucketOffices, bucketAssessments} {
				tx.Bucket(name).ForEach(func(k, v []byte) error {
					if !bytes.HasPrefix(v, versionPrefix) {
						t.Errorf("%s %x still reads %.40s", name, k, v)
					}
					return nil
				})
			}
			return nil
		})
	})
}

func TestMigrationSteps(t *testing.T) {
	for _, tc := range []struct {
		name string
		fn   migrateFunc
		in   string
		want map[string]any
	}{
		{"settings gain the two v2 thresholds", settingsV1toV2,
			`{"v":1,"incident_threshold":2,"coverage_threshold":0.5}`,
			map[string]any{"v": 1.0, "incident_threshold": 2.0, "coverage_threshold": 0.5, "partial_credit": 0.5, "assessed_by_threshold": 3.0}},
		{"settings keep values already there", settingsV1toV2,
			`{"partial_credit":0.25,"assessed_by_threshold":5}`,
			map[string]any{"partial_credit": 0.25, "assessed_by_threshold": 5.0}},
		{"assessment resources are flattened", assessmentV1toV2,
			`{"role":"lead","staff":{"needed":3,"held":2},"funds":{"needed":40,"held":25.5},"systems":{"needed":2}}`,
			map[string]any{"role": "lead", "staff_needed": 3.0, "staff_held": 2.0, "funds_needed": 40.0, "funds_held": 25.5, "systems_needed": 2.0}},
		{"assessment without resources is unchanged", assessmentV1toV2,
			`{"role":"none"}`, map[string]any{"role": "none"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.fn([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
	if _, err := assessmentV1toV2([]byte(`{"staff":[3,2]}`)); err == nil {
		t.Error("a malformed v1 resource pair was accepted")
	}
}

// A file written by the program before records were sealed (format 2,
// storage/testdata/format2.rpb: handMade, one edit, one undone edit) opens,
// is backed up and rewritten sealed, and keeps every value, its history and
// both stacks.
func TestFormat2FileMigrates(t *testing.T) {
	old, err := os.ReadFile(filepath.Join("testdata", "format2.rpb"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, old)
	if c, err := Check(path); err != nil || c.FileFormat != 2 || c.SchemaVersion != 2 {
		t.Fatalf("the format-2 file: counts %+v, err %v", c, err)
	}
	ro := mustOpen(t, path, Options{ReadOnly: true})
	want := readState(ro)
	ro.Close()
	if want.undo != "编辑履职评估" || want.redo != "编辑问责次数" || want.audit != 4 {
		t.Fatalf("the format-2 file reads %+v", want)
	}

	s := mustOpen(t, path, testOpts)
	got := readState(s)
	if !reflect.DeepEqual(got.p, want.p) || got.undo != want.undo || got.redo != want.redo || got.audit != want.audit+1 {
		t.Fatalf("after migration: audit %d, undo %q, redo %q; project equal: %v", got.audit, got.undo, got.redo, reflect.DeepEqual(got.p, want.p))
	}
	a := firstAssessment(s.Project())
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n := s.Project().Assessments[a.Key()].Incidents; n != 5 {
		t.Fatalf("redo across the migration: incidents %d, want 5", n)
	}
	for i := 0; i < 2; i++ {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if notes := s.Project().Assessments[a.Key()].Notes; notes != loggedBefore(t, s, "编辑履职评估").(*model.Assessment).Notes {
		t.Fatalf("undo across the migration: notes %q", notes)
	}
	s.Close()

	if c, err := Check(path); err != nil || c.FileFormat != fileFormat {
		t.Fatalf("after migration: counts %+v, err %v", c, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(checkSeals); err != nil {
		t.Fatalf("a record is not sealed after migration: %v", err)
	}
	backup, ok := LatestBackup(path)
	if !ok {
		t.Fatal("no backup before migrating")
	}
	if c, err := Check(backup); err != nil || c.FileFormat != 2 {
		t.Fatalf("backup: counts %+v, err %v, want the format-2 file", c, err)
	}
}

// loggedBefore is the entity as it was before the first logged action of that name.
func loggedBefore(t *testing.T, s *Store, action string) model.Entity {
	t.Helper()
	log, err := s.Audit(0)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(log) - 1; i >= 0; i-- {
		if e := log[i]; e.Op == OpDo && e.Action == action {
			c, err := decodeChange(e.Changes[0])
			if err != nil {
				t.Fatal(err)
			}
			return c.Before
		}
	}
	t.Fatalf("no %q in the log", action)
	return nil
}
