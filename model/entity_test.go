package model

import (
	"reflect"
	"slices"
	"testing"
)

// Kinds lists every kind, each made by NewEntity and naming itself.
func TestKindsCoverEveryEntityKind(t *testing.T) {
	want := []EntityKind{KindInfo, KindSettings, KindOffice, KindDuty, KindAuthority, KindHolding, KindAssessment,
		KindMeeting, KindDecision, KindProposal, KindOffListTask, KindIncident}
	if got := Kinds(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Kinds() = %v, want %v", got, want)
	}
	for _, k := range want {
		e, err := NewEntity(k)
		if err != nil || e.EntityKind() != k {
			t.Errorf("NewEntity(%s) = %T, %v", k, e, err)
		}
	}
	if _, err := NewEntity("nonsense"); err == nil {
		t.Error("NewEntity of an unknown kind did not fail")
	}
}

// sampleOfEveryKind returns a project and, for every kind, an entity the
// project does not hold yet (a new Info and Settings for the singletons).
// The project holds a meeting, which the sample decision names.
func sampleOfEveryKind() (*Project, map[EntityKind]Entity) {
	p, o, d, a := validProject()
	m := &Meeting{Meta: NewMeta("t"), Date: "2026-03-12", Title: "2026年第3次专班会议", Attendees: []string{"区委编办"}}
	p.Meetings[m.ID] = m
	return p, map[EntityKind]Entity{
		KindInfo:       &Info{ID: NewID(), Name: "另一个底稿"},
		KindSettings:   func() *Settings { s := DefaultSettings(); s.IncidentThreshold++; return &s }(),
		KindOffice:     &Office{Meta: NewMeta("t"), Name: "青山镇", Kind: OfficeTownship},
		KindDuty:       &Duty{Meta: NewMeta("t"), Name: "河道巡查", SubItem: "汛期", Category: "城市管理", Kind: ListBasic, Scope: []ID{o.ID}, Required: []ID{a.ID}},
		KindAuthority:  &Authority{Meta: NewMeta("t"), Name: "行政检查", Type: AuthInspection},
		KindHolding:    &Holding{Meta: NewMeta("t"), Office: o.ID, Authority: a.ID, DeJure: true, DeFacto: LevelFull},
		KindAssessment: &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, StaffNeeded: 2},
		KindDecision: &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionGrant, Authority: a.ID,
			Meeting: m.ID, ResponsibleUnit: "区城管委", Deadline: "2026-06-30", Status: DecisionDone, RecordedBy: "李四"},
		KindMeeting: &Meeting{Meta: NewMeta("t"), Date: "2026-04-02", Title: "2026年第4次专班会议", Place: "区政府",
			Chair: "王五", Attendees: []string{"区委编办", "区城管委"}, Minutes: "议定……"},
		KindProposal: &Proposal{Meta: NewMeta("t"), Department: "区市场监管局", Name: "电动自行车充电检查", BasisLevel: BasisRule,
			Scope: []ID{o.ID}, StaffNeeded: 2, Required: []ID{a.ID}, Granted: []ID{a.ID}, Admission: AdmissionAdmitted, Duty: d.ID},
		KindOffListTask: &OffListTask{Meta: NewMeta("t"), Office: o.ID, Name: "创城迎检", AssignedBy: "区文明办", TimesPerYear: 4, HoursPerMonth: 20},
		KindIncident:    &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Date: "2025-11-03", Kind: IncidentInterview, Cause: CauseAuthority},
	}
}

// find returns the project's entity of e's kind and identity, via All.
func find(p *Project, e Entity) Entity {
	for x := range p.All(e.EntityKind()) {
		if x.Identity() == e.Identity() {
			return x
		}
	}
	return nil
}

// Every kind goes through Put, Apply, Delete and Inverse by the interface
// alone, and the project never shares memory with the caller.
func TestEveryKindThroughTheInterface(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			p, samples := sampleOfEveryKind()
			e := samples[k]
			if e == nil {
				t.Fatalf("no sample of %s", k)
			}
			single := e.Identity() == (Identity{})
			if p.Has(e) != single {
				t.Fatalf("Has before Put = %v", p.Has(e))
			}
			before := p.Clone()

			put := p.Put(e)
			if put.Kind != k || put.After == e || (put.Before == nil) == single {
				t.Fatalf("Put = %+v", put)
			}
			p.Apply(put)
			got := find(p, e)
			if got == nil || !reflect.DeepEqual(got, e) {
				t.Fatalf("after Put the project holds %+v, want %+v", got, e)
			}
			if got == e || got == put.After {
				t.Error("the project shares the caller's or the change's entity")
			}
			for _, r := range e.AppendRefs(nil) {
				if !holds(p, r) {
					t.Errorf("refers to %v, which the project lacks", r)
				}
				if !slices.Contains(ReferrersOf(r.Kind), k) {
					t.Errorf("refers to a %s, but ReferrersOf(%[1]s) = %v lacks %s", r.Kind, ReferrersOf(r.Kind), k)
				}
			}

			p.Apply(put.Inverse())
			if !reflect.DeepEqual(p, before) {
				t.Error("Inverse of Put did not restore the project")
			}
			if single {
				return
			}
			p.Apply(put)
			del := p.Delete(e)
			if del.After != nil || !reflect.DeepEqual(del.Before, e) {
				t.Fatalf("Delete = %+v", del)
			}
			p.Apply(del)
			if p.Has(e) {
				t.Error("still there after Delete")
			}
		})
	}
}

// holds reports whether p has an entity of r's kind with r's ID.
func holds(p *Project, r Ref) bool {
	for x := range p.All(r.Kind) {
		if x.Identity().ID == r.ID {
			return true
		}
	}
	return false
}

// Clone shares nothing, not even a duty's lists.
func TestCloneSharesNothing(t *testing.T) {
	_, samples := sampleOfEveryKind()
	for _, k := range Kinds() {
		e := samples[k]
		c := e.Clone()
		if c == e || !reflect.DeepEqual(c, e) || c.EntityKind() != k || c.Identity() != e.Identity() {
			t.Errorf("%s: Clone = %+v", k, c)
		}
	}
	d := samples[KindDuty].(*Duty)
	c := d.Clone().(*Duty)
	c.Scope[0], c.Required[0] = NewID(), NewID()
	if c.Scope[0] == d.Scope[0] || c.Required[0] == d.Required[0] {
		t.Error("a duty's clone shares its scope or required list")
	}
	q := samples[KindProposal].(*Proposal)
	cq := q.Clone().(*Proposal)
	cq.Scope[0], cq.Required[0], cq.Granted[0] = NewID(), NewID(), NewID()
	if cq.Scope[0] == q.Scope[0] || cq.Required[0] == q.Required[0] || cq.Granted[0] == q.Granted[0] {
		t.Error("a proposal's clone shares its lists")
	}
	m := samples[KindMeeting].(*Meeting)
	if cm := m.Clone().(*Meeting); &cm.Attendees[0] == &m.Attendees[0] {
		t.Error("a meeting's clone shares its attendees")
	}
}

func TestIdentityAndLabel(t *testing.T) {
	p, samples := sampleOfEveryKind()
	o := p.OfficeList()[0]
	for _, tc := range []struct {
		e     Entity
		id    string
		label string
	}{
		{samples[KindInfo], "", "另一个底稿"},
		{samples[KindSettings], "", ""},
		{o, o.ID.String(), "老城街道"},
		{samples[KindDuty], samples[KindDuty].(*Duty).ID.String(), "河道巡查（汛期）"},
		{samples[KindHolding], o.ID.String() + "/" + samples[KindHolding].(*Holding).Authority.String(), ""},
		{samples[KindMeeting], samples[KindMeeting].(*Meeting).ID.String(), "2026年第4次专班会议"},
		{&Meeting{Date: "2026-05-01"}, "", "2026-05-01"},
		{samples[KindProposal], samples[KindProposal].(*Proposal).ID.String(), "电动自行车充电检查"},
		{samples[KindOffListTask], samples[KindOffListTask].(*OffListTask).ID.String(), "创城迎检"},
		{samples[KindIncident], samples[KindIncident].(*Incident).ID.String(), ""},
	} {
		if got := tc.e.Identity().String(); got != tc.id {
			t.Errorf("%s: Identity = %q, want %q", tc.e.EntityKind(), got, tc.id)
		}
		if got := tc.e.Label(); got != tc.label {
			t.Errorf("%s: Label = %q, want %q", tc.e.EntityKind(), got, tc.label)
		}
	}
}

// All yields every entity of a kind once, and stops when asked to.
func TestAll(t *testing.T) {
	p, _, _, _ := validProject()
	for _, k := range Kinds() {
		var n int
		for range p.All(k) {
			n++
		}
		want := map[EntityKind]int{KindInfo: 1, KindSettings: 1, KindOffice: 1, KindDuty: 1, KindAuthority: 1}[k]
		if n != want {
			t.Errorf("All(%s) yields %d, want %d", k, n, want)
		}
	}
	p.Offices[NewID()] = &Office{Name: "另一个"}
	n := 0
	for range p.All(KindOffice) {
		n++
		break
	}
	if n != 1 || slices.Collect(p.All("nonsense")) != nil {
		t.Error("All did not stop, or yields an unknown kind")
	}
}

func TestReferrersOf(t *testing.T) {
	for _, tc := range []struct {
		k    EntityKind
		want []EntityKind
	}{
		{KindOffice, []EntityKind{KindHolding, KindAssessment, KindDecision, KindOffListTask, KindIncident}},
		{KindDuty, []EntityKind{KindAssessment, KindDecision, KindProposal, KindIncident}},
		{KindAuthority, []EntityKind{KindDuty, KindHolding, KindDecision, KindProposal}},
		{KindMeeting, []EntityKind{KindDecision}},
		{KindDecision, nil},
		{KindAssessment, nil},
		{KindProposal, nil},
	} {
		if got := ReferrersOf(tc.k); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ReferrersOf(%s) = %v, want %v", tc.k, got, tc.want)
		}
	}
}
