package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestPutApplyInverse(t *testing.T) {
	p, o, d, a := validProject()
	before := p.Clone()

	edited := *o
	edited.OnStaff = 120
	h := &Holding{Meta: NewMeta("t"), Office: o.ID, Authority: a.ID, DeJure: true, DeFacto: LevelPartial}
	changes := []Change{p.Put(&edited), p.Put(h)}
	changes = append(changes, p.DeleteDuty(d.ID)...)
	for _, c := range changes {
		p.Apply(c)
	}
	if p.Offices[o.ID].OnStaff != 120 || p.Holding(o.ID, a.ID) == nil || p.Duties[d.ID] != nil {
		t.Fatal("changes were not applied")
	}
	edited.OnStaff = 1 // the change holds its own copy
	if p.Offices[o.ID].OnStaff != 120 {
		t.Fatal("project shares memory with the caller's entity")
	}
	for i := len(changes) - 1; i >= 0; i-- {
		p.Apply(changes[i].Inverse())
	}
	if !reflect.DeepEqual(p, before) {
		t.Fatal("applying the inverses did not restore the project")
	}
}

func TestDeleteCascades(t *testing.T) {
	p, o, d, a := validProject()
	as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead}
	h := &Holding{Meta: NewMeta("t"), Office: o.ID, Authority: a.ID, DeJure: true}
	dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionGrant, Authority: a.ID}
	p.Assessments[as.Key()], p.Holdings[h.Key()], p.Decisions[dec.ID] = as, h, dec
	// A second office, and a duty in the first office's list only.
	o2 := &Office{Meta: NewMeta("t"), Name: "新区街道", Kind: OfficeStreet}
	only := &Duty{Meta: NewMeta("t"), Seq: 2, Name: "老旧小区改造", Category: "城市管理", Kind: ListBasic, Scope: []ID{o.ID}}
	both := &Duty{Meta: NewMeta("t"), Seq: 3, Name: "燃气安全", Category: "平安建设", Kind: ListBasic, Scope: []ID{o.ID, o2.ID}}
	p.Offices[o2.ID], p.Duties[only.ID], p.Duties[both.ID] = o2, only, both

	tests := []struct {
		name  string
		del   func(p *Project) []Change
		check func(p *Project) bool
	}{
		{"office", func(p *Project) []Change { return p.DeleteOffice(o.ID) },
			func(p *Project) bool {
				return len(p.Offices) == 1 && len(p.Holdings)+len(p.Assessments)+len(p.Decisions) == 0 &&
					p.Duties[only.ID] == nil && len(p.Duties[both.ID].Scope) == 1
			}},
		{"duty", func(p *Project) []Change { return p.DeleteDuty(d.ID) },
			func(p *Project) bool {
				return p.Duties[d.ID] == nil && len(p.Assessments)+len(p.Decisions) == 0 && len(p.Holdings) == 1 && len(p.Duties) == 2
			}},
		{"authority", func(p *Project) []Change { return p.DeleteAuthority(a.ID) },
			func(p *Project) bool {
				return len(p.Authorities)+len(p.Holdings)+len(p.Decisions) == 0 && len(p.Duties[d.ID].Required) == 0
			}},
	}
	for _, tc := range tests {
		checkCascade(t, p, tc.name, tc.del, tc.check)
	}
}

// checkCascade applies the changes del returns to a copy of p and checks
// the result: check holds, the project is valid, and nothing in it refers
// to what is gone.
func checkCascade(t *testing.T, p *Project, name string, del func(*Project) []Change, check func(*Project) bool) {
	t.Helper()
	q := p.Clone()
	for _, c := range del(q) {
		q.Apply(c)
	}
	if !check(q) {
		t.Errorf("deleting the %s did not cascade", name)
	}
	if probs := Validate(q); len(probs) > 0 {
		t.Errorf("deleting the %s left an invalid project: %v", name, probs)
	}
	for _, k := range Kinds() {
		for e := range q.All(k) {
			for _, r := range e.AppendRefs(nil) {
				if !holds(q, r) {
					t.Errorf("deleting the %s: a %s still refers to a %s", name, k, r.Kind)
				}
			}
		}
	}
}

func TestEnumJSON(t *testing.T) {
	a := Assessment{Role: RoleLead}
	b, _ := json.Marshal(a)
	var back Assessment
	if err := json.Unmarshal(b, &back); err != nil || back.Role != RoleLead {
		t.Fatalf("round trip: %v %v", err, back.Role)
	}
	if err := json.Unmarshal([]byte(`{"role":"boss"}`), &back); err == nil {
		t.Fatal("unknown role accepted")
	}
}

// Deleting an office, duty, authority or meeting takes the new kinds along:
// an office's incidents and off-list tasks go, a proposal leaves its scope
// (and goes when only that office was in it), a proposal no longer names a
// deleted duty or authority, and decisions no longer name a deleted meeting.
func TestDeleteCascadesToMeetingsProposalsTasksIncidents(t *testing.T) {
	p, o, d, a := validProject()
	o2 := &Office{Meta: NewMeta("t"), Name: "新区街道", Kind: OfficeStreet}
	p.Offices[o2.ID] = o2
	m := &Meeting{Meta: NewMeta("t"), Title: "2026年第3次专班会议"}
	dec := &Decision{Meta: NewMeta("t"), Office: o2.ID, Duty: d.ID, Action: ActionKeep, Meeting: m.ID}
	onlyHere := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户", Scope: []ID{o.ID}}
	both := &Proposal{Meta: NewMeta("t"), Department: "区市场监管局", Name: "充电检查", Scope: []ID{o.ID, o2.ID},
		Required: []ID{a.ID}, Granted: []ID{a.ID}, Duty: d.ID, Admission: AdmissionAdmitted}
	task := &OffListTask{Meta: NewMeta("t"), Office: o.ID, Name: "创城迎检"}
	inc := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Kind: IncidentAccountability}
	p.Meetings[m.ID], p.Decisions[dec.ID] = m, dec
	p.Proposals[onlyHere.ID], p.Proposals[both.ID] = onlyHere, both
	p.OffListTasks[task.ID], p.Incidents[inc.ID] = task, inc

	for _, tc := range []struct {
		name  string
		del   func(p *Project) []Change
		check func(p *Project) bool
	}{
		{"office", func(p *Project) []Change { return p.DeleteOffice(o.ID) }, func(p *Project) bool {
			q := p.Proposals[both.ID]
			return len(p.Incidents)+len(p.OffListTasks) == 0 && p.Proposals[onlyHere.ID] == nil &&
				q != nil && len(q.Scope) == 1 && q.Scope[0] == o2.ID && q.Duty == d.ID
		}},
		{"duty", func(p *Project) []Change { return p.DeleteDuty(d.ID) }, func(p *Project) bool {
			return len(p.Incidents)+len(p.Decisions) == 0 && len(p.OffListTasks) == 1 && p.Proposals[both.ID].Duty == NilID
		}},
		{"authority", func(p *Project) []Change { return p.DeleteAuthority(a.ID) }, func(p *Project) bool {
			q := p.Proposals[both.ID]
			return len(q.Required)+len(q.Granted) == 0 && q.Duty == d.ID
		}},
		{"meeting", func(p *Project) []Change { return p.DeleteMeeting(m.ID) }, func(p *Project) bool {
			return len(p.Meetings) == 0 && p.Decisions[dec.ID].Meeting == NilID && len(p.Decisions) == 1
		}},
	} {
		checkCascade(t, p, tc.name, tc.del, tc.check)
	}
	if p.DeleteMeeting(NewID()) != nil {
		t.Error("deleting a meeting that is not there made changes")
	}
}
