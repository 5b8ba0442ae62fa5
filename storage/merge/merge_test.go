package merge

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"rpbmatrix/model"
)

// fixture is a project of two offices, one duty for each and one for both,
// an authority each office holds, and an assessment of each office.
type fixture struct {
	p              *model.Project
	east, west     model.ID // offices
	eastDuty, both model.ID // duties
	power          model.ID // authority
}

func newFixture() fixture {
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	meta := func() model.Meta { return model.Meta{ID: model.NewID(), Created: at, Modified: at, Author: "甲"} }
	p := model.NewProject("城东区", "城东区", "甲")
	east := &model.Office{Meta: meta(), Name: "东街道", Kind: model.OfficeStreet}
	west := &model.Office{Meta: meta(), Name: "西街道", Kind: model.OfficeStreet}
	power := &model.Authority{Meta: meta(), Name: "联合执法指挥调度权", Type: model.AuthStreetPower}
	eastDuty := &model.Duty{Meta: meta(), Name: "违法建设巡查", Category: "城市管理", Kind: model.ListBasic, Scope: []model.ID{east.ID}, Required: []model.ID{power.ID}}
	both := &model.Duty{Meta: meta(), Name: "人口普查", Category: "综合保障", Kind: model.ListSupporting, Scope: []model.ID{east.ID, west.ID}}
	for _, e := range []model.Entity{east, west, power, eastDuty, both} {
		p.Insert(e)
	}
	for _, o := range []*model.Office{east, west} {
		p.Insert(&model.Holding{Meta: meta(), Office: o.ID, Authority: power.ID, DeJure: true, DeFacto: model.LevelPartial})
		p.Insert(&model.Assessment{Meta: meta(), Office: o.ID, Duty: both.ID, Role: model.RoleSupport, HoursPerMonth: 10})
	}
	return fixture{p: p, east: east.ID, west: west.ID, eastDuty: eastDuty.ID, both: both.ID, power: power.ID}
}

// handOut is ours, the base and theirs for a copy of east.
func (f fixture) handOut() (ours, base, theirs *model.Project) {
	base = Slice(f.p, []model.ID{f.east})
	return f.p.Clone(), base, base.Clone()
}

func put(t *testing.T, p *model.Project, e model.Entity) {
	t.Helper()
	p.Apply(p.Put(e))
}

// Fields is what encoding/json writes, but for the Meta fields: the merge
// compares what is stored.
func TestFieldsAreTheStoredFields(t *testing.T) {
	f := newFixture()
	d := f.p.Duties[f.eastDuty].Clone().(*model.Duty)
	d.Notes, d.Seq = "备注", 3
	for _, e := range []model.Entity{d, f.p.Offices[f.east], &f.p.Settings, f.p.Holding(f.east, f.power),
		&model.Assessment{Role: model.RoleLead, Veto: true, StaffHeld: 0.5},
		&model.Decision{Action: model.ActionGrant, Authority: f.power, Note: "增"}} {
		raw, _ := json.Marshal(e)
		var want map[string]json.RawMessage
		json.Unmarshal(raw, &want)
		if model.MetaOf(e) != nil {
			for _, k := range []string{"id", "created", "modified", "author"} {
				delete(want, k)
			}
		}
		if got := Fields(e); !reflect.DeepEqual(got, want) {
			t.Errorf("%T:\n got %s\nwant %s", e, show(got), show(want))
		}
	}
}

func show(m map[string]json.RawMessage) string { b, _ := json.Marshal(m); return string(b) }

// A copy holds a duty's scope cut to its offices; the duties of other
// offices alone stay out.
func TestSlice(t *testing.T) {
	f := newFixture()
	q := Slice(f.p, []model.ID{f.east})
	if len(q.Offices) != 1 || len(q.Duties) != 2 || len(q.Holdings) != 1 || len(q.Assessments) != 1 || len(q.Authorities) != 1 {
		t.Fatalf("copy: %d offices, %d duties, %d holdings, %d assessments, %d authorities",
			len(q.Offices), len(q.Duties), len(q.Holdings), len(q.Assessments), len(q.Authorities))
	}
	if s := q.Duties[f.both].Scope; !reflect.DeepEqual(s, []model.ID{f.east}) {
		t.Fatalf("scope of the shared duty in the copy: %v", s)
	}
	if s := f.p.Duties[f.both].Scope; len(s) != 2 {
		t.Fatalf("Slice changed the original's scope: %v", s)
	}
	w := Slice(f.p, []model.ID{f.west})
	if w.Duties[f.eastDuty] != nil {
		t.Fatal("a duty of east alone went into west's copy")
	}
}

// Taking the shared duty off the copy's office keeps it for the others;
// ours adding an office to it is no change of the copy's.
func TestScopeMergesOfficeByOffice(t *testing.T) {
	f := newFixture()
	ours, base, theirs := f.handOut()
	d := theirs.Duties[f.both].Clone().(*model.Duty)
	d.Scope = nil // in the copy: every office of the copy, its only one still
	put(t, theirs, d)
	plan := Compute(Input{Base: base, Ours: ours, Theirs: theirs, Offices: []model.ID{f.east}})
	if !plan.Empty() {
		t.Fatalf("an empty scope in the copy (every office of the copy) is no change: %+v", plan.Edits)
	}

	// The copy's planner says the duty is not theirs after all: it leaves
	// the copy's scope, which must then name no office of the copy.
	other := model.NewID()
	d = theirs.Duties[f.both].Clone().(*model.Duty)
	d.Scope = []model.ID{other}
	put(t, theirs, d)
	plan = Compute(Input{Base: base, Ours: ours, Theirs: theirs, Offices: []model.ID{f.east}})
	if len(plan.Edits) != 1 || plan.Edits[0].Field != "scope" || len(plan.Conflicts) != 0 {
		t.Fatalf("edits %+v, conflicts %+v", plan.Edits, plan.Conflicts)
	}
	cs, err := plan.Changes()
	if err != nil {
		t.Fatal(err)
	}
	got := cs[0].After.(*model.Duty).Scope
	if !reflect.DeepEqual(got, []model.ID{f.west}) {
		t.Fatalf("merged scope %v, want only west", got)
	}
}

// A record the copy adds that refers to what ours deleted is a conflict;
// taking theirs brings back what it refers to.
func TestDanglingAddition(t *testing.T) {
	f := newFixture()
	ours, base, theirs := f.handOut()
	for _, c := range ours.DeleteDuty(f.eastDuty) {
		ours.Apply(c)
	}
	a := &model.Assessment{Meta: model.NewMeta("乙"), Office: f.east, Duty: f.eastDuty, Role: model.RoleLead}
	put(t, theirs, a)
	plan := Compute(Input{Base: base, Ours: ours, Theirs: theirs, Offices: []model.ID{f.east}})
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Kind != Dangling || plan.Conflicts[0].Refers.Kind != model.KindDuty {
		t.Fatalf("conflicts %+v, edits %+v", plan.Conflicts, plan.Edits)
	}
	if _, err := plan.Changes(); err != ErrUnresolved {
		t.Fatalf("Changes with a conflict open: %v", err)
	}
	plan.ResolveAll(Theirs)
	cs, err := plan.Changes()
	if err != nil {
		t.Fatal(err)
	}
	var kinds []model.EntityKind
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
	}
	if !reflect.DeepEqual(kinds, []model.EntityKind{model.KindDuty, model.KindAssessment}) {
		t.Fatalf("changes %v, want the duty back before its assessment", kinds)
	}
}

// Without a base, records only the copy has are added, and every field
// that differs is a conflict.
func TestNoBase(t *testing.T) {
	f := newFixture()
	theirs := f.p.Clone()
	extra := &model.Authority{Meta: model.NewMeta("乙"), Name: "协管员管理权", Type: model.AuthStreetPower}
	put(t, theirs, extra)
	h := theirs.Holding(f.west, f.power).Clone().(*model.Holding)
	h.DeFacto = model.LevelFull
	put(t, theirs, h)
	plan := Compute(Input{Ours: f.p, Theirs: theirs})
	if plan.HasBase() || len(plan.Edits) != 1 || plan.Edits[0].Op != OpAdd || len(plan.Conflicts) != 1 || plan.Conflicts[0].Field != "de_facto" {
		t.Fatalf("edits %+v, conflicts %+v", plan.Edits, plan.Conflicts)
	}
}

func TestParseSide(t *testing.T) {
	for _, s := range []Side{Ours, Theirs} {
		if got, ok := ParseSide(s.String()); !ok || got != s {
			t.Errorf("%v: %v %v", s, got, ok)
		}
	}
	if _, ok := ParseSide("mine"); ok {
		t.Error("mine parsed")
	}
}

// Every field a merge can report has a name in the catalogue.
func TestEveryFieldHasAName(t *testing.T) {
	for _, k := range model.Kinds() {
		if k == model.KindInfo {
			continue
		}
		e, _ := model.NewEntity(k)
		for _, f := range structFields(reflect.TypeOf(e).Elem()) {
			if !f.meta && FieldName(k, f.name).Key == "merge.field.unknown" {
				t.Errorf("%s.%s has no name (merge.field.%s.%s)", k, f.name, k, f.name)
			}
		}
	}
}
