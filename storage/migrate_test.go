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
		{"office headcount above the establishment: the rest is auxiliary", officeV2toV3,
			`{"name":"老城街道","establishment":96,"staff_actual":118}`,
			map[string]any{"name": "老城街道", "establishment": 96.0, "on_staff": 96.0, "auxiliary": 22.0}},
		{"office headcount within the establishment: all on staff", officeV2toV3,
			`{"establishment":96,"staff_actual":80}`, map[string]any{"establishment": 96.0, "on_staff": 80.0}},
		{"office headcount without an establishment: all on staff", officeV2toV3,
			`{"staff_actual":50}`, map[string]any{"on_staff": 50.0}},
		{"office without a headcount is unchanged", officeV2toV3,
			`{"establishment":96}`, map[string]any{"establishment": 96.0}},
		{"decision additions become deltas, its label a meeting", decisionV2toV3,
			`{"action":"add_resources","staff_add":2,"funds_add":50.5,"meeting":" 2026年第3次专班会议 "}`,
			map[string]any{"action": "add_resources", "staff_delta": 2.0, "funds_delta": 50.5,
				"meeting_id": model.LabelMeetingID("2026年第3次专班会议").String()}},
		{"decision without meeting or resources is unchanged", decisionV2toV3,
			`{"action":"return","meeting":""}`, map[string]any{"action": "return"}},
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
	for _, bad := range []struct {
		fn  migrateFunc
		raw string
	}{
		{assessmentV1toV2, `{"staff":[3,2]}`},
		{officeV2toV3, `{"staff_actual":"118"}`},
		{officeV2toV3, `{"staff_actual":118,"establishment":"96"}`},
		{decisionV2toV3, `{"meeting":3}`},
	} {
		if _, err := bad.fn([]byte(bad.raw)); err == nil {
			t.Errorf("malformed %s was accepted", bad.raw)
		}
	}
}

// A file written by the program before records were sealed (format 2,
// storage/testdata/format2.rpb: handMade, one edit, one undone edit) opens,
// is backed up and rewritten sealed, and keeps every value, its history and
// both stacks.
func TestFormat2FileMigrates(t *testing.T) {
	path := oldFile(t, "format2.rpb", 2, 2)
	s, want := openMigrated(t, path)
	if want.undo != "编辑履职评估" || want.redo != "编辑问责次数" || want.audit != 4 {
		t.Fatalf("the format-2 file reads %+v", want)
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
	checkRewritten(t, path, 2)
}

// oldFile is a copy of testdata/name, a file of that format and entity schema.
func oldFile(t *testing.T, name string, format, schema int) string {
	t.Helper()
	old, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, old)
	if c, err := Check(path); err != nil || c.FileFormat != format || c.SchemaVersion != schema {
		t.Fatalf("%s: counts %+v, err %v", name, c, err)
	}
	return path
}

// openMigrated reads the old file at path read-only, which must leave it
// as it is, then opens it for writing, which migrates it: the project, both
// stacks and the log (one entry more) must read the same. It returns the
// open store and what the read-only open read.
func openMigrated(t *testing.T, path string) (*Store, fileState) {
	t.Helper()
	before, _ := Check(path)
	ro := mustOpen(t, path, Options{ReadOnly: true})
	want := readState(ro)
	ro.Close()
	if c, _ := Check(path); c.FileFormat != before.FileFormat {
		t.Fatal("a read-only open changed the file")
	}
	s := mustOpen(t, path, testOpts)
	got := readState(s)
	if !reflect.DeepEqual(got.p, want.p) || got.undo != want.undo || got.redo != want.redo || got.audit != want.audit+1 {
		t.Fatalf("after migration: audit %d, undo %q, redo %q; project equal: %v", got.audit, got.undo, got.redo, reflect.DeepEqual(got.p, want.p))
	}
	return s, want
}

// checkRewritten checks a file migrated from format from: of the current
// format, every bucket there and every record sealed in the current
// schema, and a backup of the old file beside it.
func checkRewritten(t *testing.T, path string, from int) {
	t.Helper()
	if c, err := Check(path); err != nil || c.FileFormat != fileFormat || c.SchemaVersion != model.SchemaVersion {
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
	db.View(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing after migration", name)
			}
		}
		for _, l := range layouts {
			if l.fixed != nil {
				continue
			}
			tx.Bucket(l.bucket).ForEach(func(k, v []byte) error {
				if !bytes.HasPrefix(v, versionPrefix) {
					t.Errorf("%s %x still reads %.40s", l.bucket, k, v)
				}
				return nil
			})
		}
		return nil
	})
	backup, ok := LatestBackup(path)
	if !ok {
		t.Fatal("no backup before migrating")
	}
	if c, err := Check(backup); err != nil || c.FileFormat != from {
		t.Fatalf("backup: counts %+v, err %v, want the format-%d file", c, err, from)
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

// testdata/format3.rpb was written by the program of format 3 (entity
// schema 2): handMade with decisions of every action then, some naming a
// meeting by a label ("2026年第3次专班会议", "2026年第4次专班会议" and the
// latter with spaces around it); then a decision added (新增处理意见), an
// assessment edited (编辑履职评估: staff held 5, notes 已补充人员), another
// edit undone (编辑问责次数: incidents 5), and a hand-out of 老城街道 to
// format3-copy.rpb, in which the office's headcount (实有人员) was edited
// from 118 to 120 (编辑街道).

// checkFormat3Values holds the values of testdata/format3.rpb as schema 3
// reads them.
func checkFormat3Values(t *testing.T, p *model.Project) {
	t.Helper()
	old, town := p.OfficeByName("老城街道"), p.OfficeByName("青山镇")
	if old == nil || town == nil {
		t.Fatal("an office is missing")
	}
	// 实有人员 118 with 96 on the establishment: 96 on staff, 22 auxiliary.
	if old.Establishment != 96 || old.OnStaff != 96 || old.Auxiliary != 22 || old.StaffAvailable() != 118 ||
		old.SecondedOut != 0 || old.SecondedIn != 0 || old.CommunityWorkers != 0 {
		t.Errorf("老城街道's staffing: %+v", old)
	}
	if town.OnStaff != 0 || town.Auxiliary != 0 || town.Population != 42000 {
		t.Errorf("青山镇: %+v", town)
	}
	if p.Settings.CoverageThreshold != 0.6 || p.Settings.IncidentThreshold != 3 {
		t.Errorf("settings: %+v", p.Settings)
	}
	third, fourth := model.LabelMeetingID("2026年第3次专班会议"), model.LabelMeetingID("2026年第4次专班会议")
	if len(p.Meetings) != 2 || p.Meetings[third] == nil || p.Meetings[fourth] == nil ||
		p.Meetings[third].Title != "2026年第3次专班会议" || p.Meetings[fourth].Title != "2026年第4次专班会议" {
		t.Fatalf("meetings: %+v", p.Meetings)
	}
	type row struct {
		meeting model.ID
		note    string
	}
	got := map[model.Action]row{}
	for _, d := range p.Decisions {
		if d.Status != model.DecisionOpen || d.Deadline != "" || d.Department != "" {
			t.Errorf("decision %s: %+v", d.Action, d)
		}
		got[d.Action] = row{d.Meeting, d.Note}
		if d.Action == model.ActionAddResources && (d.StaffDelta != 2 || d.FundsDelta != 50 || d.SystemsDelta != 0) {
			t.Errorf("resources decision: %+v", d)
		}
	}
	want := map[model.Action]row{
		model.ActionAddResources: {third, "增加协管员"}, model.ActionGrant: {model.NilID, ""},
		model.ActionPending: {third, "待进一步调研"}, model.ActionToSupporting: {fourth, ""},
		model.ActionReturn: {fourth, "退回区统计局"}, model.ActionCancel: {model.NilID, ""}, model.ActionKeep: {fourth, "重申"},
	}
	if len(p.Decisions) != 7 || !reflect.DeepEqual(got, want) {
		t.Errorf("decisions (%d): %v, want %v", len(p.Decisions), got, want)
	}
	a := firstAssessment(p)
	if a.StaffHeld != 5 || a.Notes != "已补充人员" || a.Incidents != 2 || a.FundsHeld != 20 || a.SystemsNeeded != 3 || !a.Veto {
		t.Errorf("assessment: %+v", a)
	}
	if ps := model.Validate(p); len(ps) > 0 {
		t.Errorf("the migrated project is not valid: %v", ps)
	}
}

// A file of format 3 opens read-only with its values in schema 3 and
// migrates when opened for writing: backed up, rewritten in the buckets of
// format 4, every value kept, its history and both stacks too.
func TestFormat3FileMigrates(t *testing.T) {
	path := oldFile(t, "format3.rpb", 3, 2)
	s, want := openMigrated(t, path)
	checkFormat3Values(t, want.p)
	if want.undo != "编辑履职评估" || want.redo != "编辑问责次数" {
		t.Fatalf("the format-3 file reads %+v", want)
	}
	a := firstAssessment(s.Project())
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n := s.Project().Assessments[a.Key()].Incidents; n != 5 {
		t.Fatalf("redo across the migration: incidents %d, want 5", n)
	}
	// Undo 编辑问责次数, 编辑履职评估 and 新增处理意见 (logged in schema 2).
	for i := 0; i < 3; i++ {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(s.Project().Decisions); n != 6 {
		t.Fatalf("undo of 新增处理意见: %d decisions, want 6", n)
	}
	// Redo it with its meeting gone: the meeting it names by its label comes back.
	fourth := model.LabelMeetingID("2026年第4次专班会议")
	s.Project().Apply(s.Project().Delete(s.Project().Meetings[fourth]))
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if m := s.Project().Meetings[fourth]; m == nil || m.Title != "2026年第4次专班会议" {
		t.Fatalf("redo of a decision naming a meeting by label left meeting %+v", m)
	}
	s.Close()
	checkRewritten(t, path, 3)
	if c, _ := Check(path); c.Meetings != 2 || c.Decisions != 7 {
		t.Fatalf("after migration: counts %+v", c)
	}
}

// A hand-out copy of format 3 migrates with its base, and merges back into
// its migrated source: only the copy's own edit (实有人员 118 → 120, now 2
// more auxiliary staff) comes back, and the meetings both sides made of
// the same labels agree.
func TestFormat3CopyMigratesAndMerges(t *testing.T) {
	src := mustOpen(t, oldFile(t, "format3.rpb", 3, 2), testOpts)
	cp := oldFile(t, "format3-copy.rpb", 3, 2)

	ro := mustOpen(t, cp, Options{ReadOnly: true})
	roBase, err := ro.base()
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	c := mustOpen(t, cp, testOpts)
	base, err := c.base()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(base, roBase) {
		t.Fatal("the copy's base reads differently once migrated")
	}
	o := base.OfficeByName("老城街道")
	if o == nil || o.OnStaff != 96 || o.Auxiliary != 22 || len(base.Meetings) != 2 {
		t.Fatalf("the migrated base: office %+v, %d meetings", o, len(base.Meetings))
	}
	if got := c.Project().OfficeByName("老城街道"); got.OnStaff != 96 || got.Auxiliary != 24 {
		t.Fatalf("the migrated copy's office: %+v", got)
	}
	if c.Origin() == nil || c.Origin().Source != src.Project().Info.ID {
		t.Fatalf("origin %+v", c.Origin())
	}
	c.Close()

	plan, err := src.PlanMerge(cp)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Base != BaseHandout || len(plan.Conflicts) > 0 || len(plan.Edits) != 1 || plan.Edits[0].Record.Kind != model.KindOffice || plan.Edits[0].Field != "auxiliary" {
		t.Fatalf("plan: base %s, edits %+v, conflicts %+v", plan.Base, plan.Edits, plan.Conflicts)
	}
	if _, err := src.Merge(plan, false); err != nil {
		t.Fatal(err)
	}
	if got := src.Project().OfficeByName("老城街道"); got.Auxiliary != 24 || got.StaffAvailable() != 120 {
		t.Fatalf("merged office: %+v", got)
	}
}
