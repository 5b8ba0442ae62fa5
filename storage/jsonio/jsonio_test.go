package jsonio

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
)

// sampleProject has one of every entity, with every kind of field set.
func sampleProject() *model.Project {
	p := model.NewProject("样例街道工作底稿", "某区", "张三")
	o := &model.Office{Meta: model.NewMeta("张三"), Name: "东华门街道", Kind: model.OfficeStreet, Population: 56000,
		Communities: 9, Establishment: 80, OnStaff: 80, Auxiliary: 40, SecondedOut: 2, SecondedIn: 3, CommunityWorkers: 60, BudgetWan: 3456.5, Notes: "老城区"}
	a := &model.Authority{Meta: model.NewMeta("张三"), Name: "行政处罚", Type: model.AuthPenalty, LegalBasis: "《行政处罚法》"}
	d := &model.Duty{Meta: model.NewMeta("张三"), Seq: 3, Name: "违法建设巡查", SubItem: "发现报告", Category: "城市管理",
		Kind: model.ListBasic, LegalBasis: "条例第十条", Scope: []model.ID{o.ID}, Required: []model.ID{a.ID}}
	all := &model.Duty{Meta: model.NewMeta(""), Name: "居民议事", Category: "社区建设", Kind: model.ListSupporting}
	h := &model.Holding{Meta: model.NewMeta("张三"), Office: o.ID, Authority: a.ID, DeJure: true, DeFacto: model.LevelPartial}
	as := &model.Assessment{Meta: model.NewMeta("张三"), Office: o.ID, Duty: d.ID, Role: model.RoleLead, Veto: true,
		Incidents: 2, HoursPerMonth: 40, FormalismHours: 12.5, StaffNeeded: 2, StaffHeld: 0.5, FundsNeeded: 10,
		VetoBasis: "《安全生产法》", InspectionsPerYear: 12, SignOffs: 2, Apps: 3, WorkGroups: 5, DuplicateEntry: 3, CheckIns: 20,
		FundsHeld: 8, FundsDistrict: 4, FundsTransferred: 2, FundsSelf: 1.5}
	dec := &model.Decision{Meta: model.NewMeta("张三"), Office: o.ID, Duty: d.ID, Action: model.ActionGrant, Authority: a.ID,
		Meeting: model.LabelMeetingID("2026年第3次专班会议"), ResponsibleUnit: "区城管委", Deadline: "2026-06-30", RecordedBy: "李四"}
	m := &model.Meeting{Meta: model.Meta{ID: dec.Meeting}, Title: "2026年第3次专班会议", Date: "2026-03-12", Chair: "王五",
		Attendees: []string{"区编办", "区城管委"}, Minutes: "会议议定……"}
	p.Meetings[m.ID] = m
	p.Offices[o.ID], p.Authorities[a.ID], p.Duties[d.ID], p.Duties[all.ID] = o, a, d, all
	p.Holdings[h.Key()], p.Assessments[as.Key()], p.Decisions[dec.ID] = h, as, dec
	q := &model.Proposal{Meta: model.NewMeta("张三"), Department: "区市场监管局", Name: "电动自行车充电检查", Basis: "《条例》第五条",
		BasisLevel: model.BasisLocalRegulation, Scope: []model.ID{o.ID}, StaffNeeded: 2, StaffCarried: 0.5, FundsNeeded: 30,
		FundsCarried: 10, Required: []model.ID{a.ID}, Granted: []model.ID{a.ID}, Admission: model.AdmissionDeferred,
		Reason: "待核实依据", DecidedOn: "2026-03-12", DecidedBy: "区委编办", Duty: d.ID}
	tk := &model.OffListTask{Meta: model.NewMeta("张三"), Office: o.ID, Name: "创城迎检材料", AssignedBy: "区文明办", TimesPerYear: 4,
		HoursPerMonth: 30.5, Since: "2025-01-01"}
	in := &model.Incident{Meta: model.NewMeta("张三"), Office: o.ID, Duty: d.ID, Date: "2025-11-03", Kind: model.IncidentCriticism,
		Cause: model.CauseResources, Tolerance: true, Notes: "人手不足"}
	p.Proposals[q.ID], p.OffListTasks[tk.ID], p.Incidents[in.ID] = q, tk, in
	return p
}

func TestRoundTrip(t *testing.T) {
	for _, p := range []*model.Project{model.NewProject("空项目", "", ""), sampleProject()} {
		var buf bytes.Buffer
		if err := Write(&buf, p); err != nil {
			t.Fatal(err)
		}
		q, err := Read(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", p.Info.Name, err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Errorf("%s: project differs after the round trip", p.Info.Name)
		}
		var again bytes.Buffer
		if err := Write(&again, q); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Errorf("%s: second export differs from the first", p.Info.Name)
		}
	}
}

func TestReadRejects(t *testing.T) {
	var good bytes.Buffer
	if err := Write(&good, sampleProject()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "JSON"},
		{"syntax", "{\"format\":\"rpbmatrix\",\n\"version\":1,,}", "第 2 行"},
		{"foreign", `{"format":"other","version":1}`, "不是 RPB Matrix"},
		{"newer version", `{"format":"rpbmatrix","version":99}`, "版本 99"},
		{"newer schema", `{"format":"rpbmatrix","version":1,"schema":99}`, "更新的程序"},
		{"bad enum", `{"format":"rpbmatrix","version":1,"duties":[{"kind":"nonsense"}]}`, "JSON"},
		{"invalid duty", `{"format":"rpbmatrix","version":1,"settings":{"incident_threshold":2,"report_threshold":8,"assessed_by_threshold":3},"duties":[{"name":"","category":"x","kind":"basic"}]}`, "名称不能为空"},
		{"duplicate id", strings.Replace(good.String(), `"offices": [`, `"offices": [{"id":"`+firstOfficeID(good.String())+`","name":"重复","kind":"street"},`, 1), "出现两次"},
		{"null entry", `{"format":"rpbmatrix","version":1,"offices":[null]}`, "offices 中有空项"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.doc))
		var je *Error
		if !errors.As(err, &je) {
			t.Errorf("%s: error %v, want *Error", tt.name, err)
			continue
		}
		if got := je.Msg().In(words.Zh); !strings.Contains(got, tt.want) {
			t.Errorf("%s: message %q lacks %q", tt.name, got, tt.want)
		}
		if got := je.Msg().In(words.En); hasHan(got) {
			t.Errorf("%s: English message %q has Chinese in it", tt.name, got)
		}
	}
}

func firstOfficeID(doc string) string {
	i := strings.Index(doc, `"offices": [`)
	j := strings.Index(doc[i:], `"id": "`) + i + len(`"id": "`)
	return doc[j : j+36]
}

func TestRoundTripDemo(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, q) {
		t.Error("demo project differs after the round trip")
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// A document exported by schema 2 reads as a project file of that schema
// migrates: the headcount split by the establishment, additions as deltas,
// and the meeting label a meeting record.
func TestReadSchema2(t *testing.T) {
	const (
		office = "0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d60"
		duty   = "0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d61"
		dec    = "0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d62"
	)
	doc := `{"format":"rpbmatrix","version":1,"schema":2,
	 "info":{"id":"0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d6f","name":"旧导出","region":"某区","created":"2026-03-01T00:00:00Z","modified":"2026-03-01T00:00:00Z"},
	 "settings":{"incident_threshold":2,"coverage_threshold":0.5,"formalism_share":0.3,"report_threshold":8,"staff_tolerance":0.1,"funds_tolerance":0.1,"partial_credit":0.5,"assessed_by_threshold":3,"shortfall_warning":0.2,"shortfall_serious":0.5},
	 "offices":[{"id":"` + office + `","name":"老城街道","kind":"street","establishment":96,"staff_actual":118}],
	 "duties":[{"id":"` + duty + `","name":"违法建设巡查","category":"城市管理","kind":"basic"}],
	 "decisions":[{"id":"` + dec + `","office":"` + office + `","duty":"` + duty + `","action":"add_resources","staff_add":2,"funds_add":50,"meeting":"2026年第3次专班会议"}]}`
	p, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	o := p.OfficeByName("老城街道")
	if o.OnStaff != 96 || o.Auxiliary != 22 {
		t.Errorf("office %+v", o)
	}
	m := model.LabelMeetingID("2026年第3次专班会议")
	for _, d := range p.Decisions {
		if d.StaffDelta != 2 || d.FundsDelta != 50 || d.Meeting != m {
			t.Errorf("decision %+v", d)
		}
	}
	if len(p.Meetings) != 1 || p.Meetings[m] == nil || p.Meetings[m].Title != "2026年第3次专班会议" {
		t.Errorf("meetings %+v", p.Meetings)
	}
}
