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
		Incidents: 2, HoursPerMonth: 40, FormalismHours: 12.5, StaffNeeded: 2, StaffHeld: 0.5, FundsNeeded: 10}
	dec := &model.Decision{Meta: model.NewMeta("张三"), Office: o.ID, Duty: d.ID, Action: model.ActionGrant, Authority: a.ID,
		Meeting: model.LabelMeetingID("2026年第3次专班会议"), ResponsibleUnit: "区城管委", Deadline: "2026-06-30", RecordedBy: "李四"}
	m := &model.Meeting{Meta: model.Meta{ID: dec.Meeting}, Title: "2026年第3次专班会议", Date: "2026-03-12", Chair: "王五",
		Attendees: []string{"区编办", "区城管委"}, Minutes: "会议议定……"}
	p.Meetings[m.ID] = m
	p.Offices[o.ID], p.Authorities[a.ID], p.Duties[d.ID], p.Duties[all.ID] = o, a, d, all
	p.Holdings[h.Key()], p.Assessments[as.Key()], p.Decisions[dec.ID] = h, as, dec
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
