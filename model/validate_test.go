package model

import (
	"strings"
	"testing"
)

// validProject returns a small valid project and its entities for the tests to break.
func validProject() (*Project, *Office, *Duty, *Authority) {
	p := NewProject("测试", "测试区", "t")
	o := &Office{Meta: NewMeta("t"), Name: "老城街道", Kind: OfficeStreet, StaffActual: 100}
	a := &Authority{Meta: NewMeta("t"), Name: "行政处罚", Type: AuthPenalty}
	d := &Duty{Meta: NewMeta("t"), Seq: 1, Name: "违法建设查处", Category: "城市管理", Kind: ListBasic, Required: []ID{a.ID}}
	p.Offices[o.ID], p.Authorities[a.ID], p.Duties[d.ID] = o, a, d
	return p, o, d, a
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(p *Project, o *Office, d *Duty, a *Authority)
		field  string // "" means valid
		zh     string // part of the Chinese message
	}{
		{"valid", func(*Project, *Office, *Duty, *Authority) {}, "", ""},
		{"office without name", func(_ *Project, o *Office, _ *Duty, _ *Authority) { o.Name = " " }, "name", "名称不能为空"},
		{"office bad kind", func(_ *Project, o *Office, _ *Duty, _ *Authority) { o.Kind = 9 }, "kind", "老城街道"},
		{"office negative budget", func(_ *Project, o *Office, _ *Duty, _ *Authority) { o.BudgetWan = -1 }, "budget_wan", "年度经费不能为负数"},
		{"duty without name", func(_ *Project, _ *Office, d *Duty, _ *Authority) { d.Name = "" }, "name", "职责事项名称不能为空"},
		{"duty without category", func(_ *Project, _ *Office, d *Duty, _ *Authority) { d.Category = "" }, "category", "违法建设查处"},
		{"duty bad kind", func(_ *Project, _ *Office, d *Duty, _ *Authority) { d.Kind = 0 }, "kind", "清单类型无效"},
		{"duty unknown scope", func(_ *Project, _ *Office, d *Duty, _ *Authority) { d.Scope = []ID{NewID()} }, "scope", "不存在的街道"},
		{"duty unknown authority", func(_ *Project, _ *Office, d *Duty, _ *Authority) { d.Required = []ID{NewID()} }, "required", "不存在的权限"},
		{"duty authority twice", func(_ *Project, _ *Office, d *Duty, a *Authority) { d.Required = []ID{a.ID, a.ID} }, "required", "重复"},
		{"authority bad type", func(_ *Project, _ *Office, _ *Duty, a *Authority) { a.Type = "x" }, "type", "类型无效"},
		{"assessment negative staff", func(p *Project, o *Office, d *Duty, _ *Authority) {
			as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, StaffHeld: -2}
			p.Assessments[as.Key()] = as
		}, "staff_held", "实有人力不能为负数（-2）"},
		{"assessment formalism above hours", func(p *Project, o *Office, d *Duty, _ *Authority) {
			as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, HoursPerMonth: 10, FormalismHours: 12}
			p.Assessments[as.Key()] = as
		}, "formalism_hours", "不能超过总工作量"},
		{"holding unknown authority", func(p *Project, o *Office, _ *Duty, _ *Authority) {
			h := &Holding{Meta: NewMeta("t"), Office: o.ID, Authority: NewID(), DeFacto: LevelFull}
			p.Holdings[h.Key()] = h
		}, "authority", "不存在的权限"},
		{"grant without authority", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionGrant}
			p.Decisions[dec.ID] = dec
		}, "authority", "未指定有效的权限"},
		{"add resources of nothing", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionAddResources}
			p.Decisions[dec.ID] = dec
		}, "staff_add", "均为 0"},
		{"settings share out of range", func(p *Project, _ *Office, _ *Duty, _ *Authority) { p.Settings.FormalismShare = 1.5 }, "formalism_share", "0 到 1 之间"},
		{"settings zero incident threshold", func(p *Project, _ *Office, _ *Duty, _ *Authority) { p.Settings.IncidentThreshold = 0 }, "incident_threshold", "至少为 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, o, d, a := validProject()
			tc.break_(p, o, d, a)
			probs := Validate(p)
			if tc.field == "" {
				if len(probs) != 0 {
					t.Fatalf("want no problems, got %v", probs)
				}
				return
			}
			if len(probs) != 1 {
				t.Fatalf("want 1 problem, got %d: %v", len(probs), probs)
			}
			if probs[0].Field != tc.field {
				t.Errorf("field = %q, want %q", probs[0].Field, tc.field)
			}
			if !strings.Contains(probs[0].Msg.Zh, tc.zh) {
				t.Errorf("message %q does not contain %q", probs[0].Msg.Zh, tc.zh)
			}
			if probs[0].Msg.En == "" || probs[0].Msg.En == probs[0].Msg.Zh {
				t.Errorf("English message missing: %+v", probs[0].Msg)
			}
		})
	}
}

func TestParseEnums(t *testing.T) {
	tests := []struct {
		in   string
		want ListKind
		ok   bool
	}{
		{"basic", ListBasic, true}, {"基本履职", ListBasic, true}, {"基本履职事项", ListBasic, true},
		{"配合履职事项", ListSupporting, true}, {"上级部门收回", ListReturned, true}, {"returned", ListReturned, true},
		{"其他", 0, false}, {"", 0, false},
	}
	for _, tc := range tests {
		got, ok := ParseListKind(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseListKind(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
