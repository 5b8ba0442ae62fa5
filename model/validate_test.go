package model

import (
	"strings"
	"testing"

	"rpbmatrix/model/words"
)

// validProject returns a small valid project and its entities for the tests to break.
func validProject() (*Project, *Office, *Duty, *Authority) {
	p := NewProject("测试", "测试区", "t")
	o := &Office{Meta: NewMeta("t"), Name: "老城街道", Kind: OfficeStreet, OnStaff: 100}
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
		}, "staff_delta", "均无增减"},
		{"remove resources", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionAddResources, StaffDelta: -1, SystemsDelta: -2}
			p.Decisions[dec.ID] = dec
		}, "", ""},
		{"withdraw without authority", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionWithdraw}
			p.Decisions[dec.ID] = dec
		}, "authority", "为收回权限，但未指定有效的权限"},
		{"decision in an unknown meeting", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionKeep, Meeting: NewID()}
			p.Decisions[dec.ID] = dec
		}, "meeting_id", "不存在的会议"},
		{"decision deadline not a date", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionKeep, Deadline: "年底前"}
			p.Decisions[dec.ID] = dec
		}, "deadline", "处理意见「违法建设查处」的完成时限「年底前」不是日期"},
		{"decision bad status", func(p *Project, o *Office, d *Duty, _ *Authority) {
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionKeep, Status: 7}
			p.Decisions[dec.ID] = dec
		}, "status", "落实状态无效"},
		{"decision complete", func(p *Project, o *Office, d *Duty, a *Authority) {
			m := &Meeting{Meta: NewMeta("t"), Date: "2026-03-12"}
			dec := &Decision{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Action: ActionWithdraw, Authority: a.ID, Meeting: m.ID,
				Deadline: "2026-06-30", Status: DecisionDone, ResponsibleUnit: "区城管委", RecordedBy: "李四"}
			p.Meetings[m.ID], p.Decisions[dec.ID] = m, dec
		}, "", ""},
		{"meeting without title or date", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			m := &Meeting{Meta: NewMeta("t"), Chair: "王五"}
			p.Meetings[m.ID] = m
		}, "title", "会议名称和日期不能都为空"},
		{"meeting date not a date", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			m := &Meeting{Meta: NewMeta("t"), Title: "第3次专班会议", Date: "3月12日"}
			p.Meetings[m.ID] = m
		}, "date", "专班会议「第3次专班会议」的日期「3月12日」不是日期"},
		{"office negative on staff", func(_ *Project, o *Office, _ *Duty, _ *Authority) { o.OnStaff = -1 }, "on_staff", "实有在编不能为负数"},
		{"office seconds out more than it has", func(_ *Project, o *Office, _ *Duty, _ *Authority) {
			o.OnStaff, o.Auxiliary, o.SecondedOut = 10, 2, 13
		}, "seconded_out", "借调出 13 人，超过实有在编与编外人员之和（12 人）"},
		{"office full staffing", func(_ *Project, o *Office, _ *Duty, _ *Authority) {
			o.Establishment, o.OnStaff, o.Auxiliary, o.SecondedOut, o.SecondedIn, o.CommunityWorkers = 90, 85, 30, 4, 6, 120
		}, "", ""},
		{"assessment negative apps", func(p *Project, o *Office, d *Duty, _ *Authority) {
			as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, Apps: -1}
			p.Assessments[as.Key()] = as
		}, "apps", "政务APP数不能为负数"},
		{"assessment funds by source above funds held", func(p *Project, o *Office, d *Duty, _ *Authority) {
			as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, FundsHeld: 10, FundsDistrict: 6, FundsSelf: 5}
			p.Assessments[as.Key()] = as
		}, "funds_held", "经费合计 11 万元，超过实有经费 10 万元"},
		{"assessment funds by source within funds held", func(p *Project, o *Office, d *Duty, _ *Authority) {
			as := &Assessment{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Role: RoleLead, FundsHeld: 0.3, FundsDistrict: 0.1, FundsSelf: 0.2,
				InspectionsPerYear: 12, SignOffs: 2, Apps: 3, WorkGroups: 5, DuplicateEntry: 3, CheckIns: 20}
			p.Assessments[as.Key()] = as
		}, "", ""},
		{"proposal without name", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局"}
			p.Proposals[q.ID] = q
		}, "name", "申请部门：区住建局"},
		{"proposal without department", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Name: "燃气入户检查"}
			p.Proposals[q.ID] = q
		}, "department", "缺少申请部门"},
		{"proposal bad basis level", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", BasisLevel: 9}
			p.Proposals[q.ID] = q
		}, "basis_level", "依据层级无效"},
		{"proposal bad admission", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Admission: 9}
			p.Proposals[q.ID] = q
		}, "admission", "准入结论无效"},
		{"proposal negative funds", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", FundsCarried: -3}
			p.Proposals[q.ID] = q
		}, "funds_carried", "随事转移经费不能为负数（-3）"},
		{"proposal unknown office", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Scope: []ID{NewID()}}
			p.Proposals[q.ID] = q
		}, "scope", "不存在的街道"},
		{"proposal unknown granted authority", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Granted: []ID{NewID()}}
			p.Proposals[q.ID] = q
		}, "granted", "不存在的权限"},
		{"proposal unknown duty", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Duty: NewID()}
			p.Proposals[q.ID] = q
		}, "duty", "不存在的职责事项"},
		{"proposal decided on no date", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", DecidedOn: "2026-02-30"}
			p.Proposals[q.ID] = q
		}, "decided_on", "决定日期「2026-02-30」不是日期"},
		{"proposal complete", func(p *Project, o *Office, d *Duty, a *Authority) {
			q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Basis: "《城镇燃气管理条例》",
				BasisLevel: BasisAdminRegulation, Scope: []ID{o.ID}, StaffNeeded: 2, StaffCarried: 1, FundsNeeded: 20,
				FundsCarried: 5, Required: []ID{a.ID}, Admission: AdmissionToSupporting, DecidedOn: "2026-03-12", Duty: d.ID}
			p.Proposals[q.ID] = q
		}, "", ""},
		{"off-list task without name", func(p *Project, o *Office, _ *Duty, _ *Authority) {
			x := &OffListTask{Meta: NewMeta("t"), Office: o.ID}
			p.OffListTasks[x.ID] = x
		}, "name", "清单外事项名称不能为空"},
		{"off-list task of an unknown office", func(p *Project, _ *Office, _ *Duty, _ *Authority) {
			x := &OffListTask{Meta: NewMeta("t"), Office: NewID(), Name: "创城迎检"}
			p.OffListTasks[x.ID] = x
		}, "office", "不存在的街道"},
		{"off-list task negative hours", func(p *Project, o *Office, _ *Duty, _ *Authority) {
			x := &OffListTask{Meta: NewMeta("t"), Office: o.ID, Name: "创城迎检", HoursPerMonth: -2}
			p.OffListTasks[x.ID] = x
		}, "hours", "不能为负数（-2）"},
		{"off-list task since no date", func(p *Project, o *Office, _ *Duty, _ *Authority) {
			x := &OffListTask{Meta: NewMeta("t"), Office: o.ID, Name: "创城迎检", Since: "去年"}
			p.OffListTasks[x.ID] = x
		}, "since", "起始日期「去年」不是日期"},
		{"incident of an unknown duty", func(p *Project, o *Office, _ *Duty, _ *Authority) {
			x := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: NewID(), Kind: IncidentCriticism}
			p.Incidents[x.ID] = x
		}, "duty", "不存在的职责事项"},
		{"incident bad kind", func(p *Project, o *Office, d *Duty, _ *Authority) {
			x := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID}
			p.Incidents[x.ID] = x
		}, "kind", "问责方式无效"},
		{"incident bad cause", func(p *Project, o *Office, d *Duty, _ *Authority) {
			x := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Kind: IncidentAdmonition, Cause: 5}
			p.Incidents[x.ID] = x
		}, "cause", "原因无效"},
		{"incident date no date", func(p *Project, o *Office, d *Duty, _ *Authority) {
			x := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Kind: IncidentAdmonition, Date: "2025-13-01"}
			p.Incidents[x.ID] = x
		}, "date", "问责事件「老城街道 / 违法建设查处」的日期「2025-13-01」不是日期"},
		{"incident complete", func(p *Project, o *Office, d *Duty, _ *Authority) {
			x := &Incident{Meta: NewMeta("t"), Office: o.ID, Duty: d.ID, Kind: IncidentAccountability, Cause: CauseResources,
				Tolerance: true, Date: "2025-11-03"}
			p.Incidents[x.ID] = x
		}, "", ""},
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
			zh, en := probs[0].Msg.In(words.Zh), probs[0].Msg.In(words.En)
			if !strings.Contains(zh, tc.zh) {
				t.Errorf("message %q does not contain %q", zh, tc.zh)
			}
			if en == "" || en == zh {
				t.Errorf("English message missing: %q", en)
			}
			for _, lang := range words.Languages {
				if miss := words.Missing(lang, probs[0].Msg); len(miss) > 0 {
					t.Errorf("message lacks %v in %s", miss, lang)
				}
			}
		})
	}
}

// Every value of every enumeration is named in both languages, and parses
// back from its code and from either name.
func TestEnumNames(t *testing.T) {
	type named struct {
		what  string
		name  words.Msg
		parse func(string) (any, bool)
		value any
	}
	var all []named
	for _, k := range ListKinds {
		all = append(all, named{"list kind " + k.Code(), k.Name(), func(s string) (any, bool) { return ParseListKind(s) }, k})
	}
	for _, r := range Roles {
		all = append(all, named{"role " + r.Code(), r.Name(), func(s string) (any, bool) { return ParseRole(s) }, r})
	}
	for _, l := range Levels {
		all = append(all, named{"level " + l.Code(), l.Name(), func(s string) (any, bool) { return ParseLevel(s) }, l})
	}
	for _, k := range []OfficeKind{OfficeStreet, OfficeTownship} {
		all = append(all, named{"office kind " + k.Code(), k.Name(), func(s string) (any, bool) { return ParseOfficeKind(s) }, k})
	}
	for _, a := range Actions {
		all = append(all, named{"action " + a.Code(), a.Name(), func(s string) (any, bool) { return ParseAction(s) }, a})
	}
	for _, s := range Severities {
		all = append(all, named{"severity " + s.Code(), s.Name(), func(x string) (any, bool) { return ParseSeverity(x) }, s})
	}
	for _, ty := range AuthorityTypes {
		all = append(all, named{"authority type " + string(ty), ty.Name(), func(s string) (any, bool) { return ParseAuthorityType(s) }, ty})
	}
	for _, m := range Marks {
		all = append(all, named{"mark " + m.Code(), m.Name(), nil, m})
	}
	for _, s := range DecisionStatuses {
		all = append(all, named{"decision status " + s.Code(), s.Name(), func(x string) (any, bool) { return ParseDecisionStatus(x) }, s})
	}
	for _, l := range BasisLevels {
		all = append(all, named{"basis level " + l.Code(), l.Name(), func(x string) (any, bool) { return ParseBasisLevel(x) }, l})
	}
	for _, a := range Admissions {
		all = append(all, named{"admission " + a.Code(), a.Name(), func(x string) (any, bool) { return ParseAdmission(x) }, a})
	}
	for _, k := range IncidentKinds {
		all = append(all, named{"incident kind " + k.Code(), k.Name(), func(x string) (any, bool) { return ParseIncidentKind(x) }, k})
	}
	for _, c := range IncidentCauses {
		all = append(all, named{"incident cause " + c.Code(), c.Name(), func(x string) (any, bool) { return ParseIncidentCause(x) }, c})
	}
	for _, k := range Kinds() {
		all = append(all, named{"entity kind " + string(k), k.Name(), nil, k})
	}
	for _, n := range all {
		for _, lang := range words.Languages {
			w := n.name.In(lang)
			if !words.Has(lang, n.name.Key) || w == "" {
				t.Errorf("%s has no %s name (%q)", n.what, lang, n.name.Key)
				continue
			}
			if n.parse == nil {
				continue
			}
			if got, ok := n.parse(w); !ok || got != n.value {
				t.Errorf("%s: %q parses as %v, %v", n.what, w, got, ok)
			}
		}
	}
	if (Severity(0)).Name().In(words.Zh) != "" || Mark(99).Name().In(words.Zh) != "" {
		t.Error("a value without a code has a name")
	}
}

func TestParseEnums(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
		got  func(string) (any, bool)
	}{
		{"主责", RoleLead, func(s string) (any, bool) { return ParseRole(s) }},
		{"协助", RoleSupport, func(s string) (any, bool) { return ParseRole(s) }},
		{"lead", RoleLead, func(s string) (any, bool) { return ParseRole(s) }},
		{"镇", OfficeTownship, func(s string) (any, bool) { return ParseOfficeKind(s) }},
		{"街道办", OfficeStreet, func(s string) (any, bool) { return ParseOfficeKind(s) }},
		{"critical", SevCritical, func(s string) (any, bool) { return ParseSeverity(s) }},
		{"Serious", SevSerious, func(s string) (any, bool) { return ParseSeverity(s) }},
		{"Grant authority", ActionGrant, func(s string) (any, bool) { return ParseAction(s) }},
		{"行政处罚", AuthPenalty, func(s string) (any, bool) { return ParseAuthorityType(s) }},
		{"增加资源", ActionAddResources, func(s string) (any, bool) { return ParseAction(s) }},
		{"重申已收回", ActionConfirmReturned, func(s string) (any, bool) { return ParseAction(s) }},
		{"已完成", DecisionDone, func(s string) (any, bool) { return ParseDecisionStatus(s) }},
		{"部门规章", BasisRule, func(s string) (any, bool) { return ParseBasisLevel(s) }},
		{"同意准入", AdmissionAdmitted, func(s string) (any, bool) { return ParseAdmission(s) }},
		{"通报", IncidentCriticism, func(s string) (any, bool) { return ParseIncidentKind(s) }},
	} {
		if got, ok := tc.got(tc.in); !ok || got != tc.want {
			t.Errorf("%q parses as %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}

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

// Every kind of entity checks itself, so that ValidateChange needs no case
// per kind and a new kind cannot be stored unchecked.
func TestEveryKindValidates(t *testing.T) {
	for _, k := range Kinds() {
		e, err := NewEntity(k)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := e.(validator); !ok {
			t.Errorf("%s has no validate method", k)
		}
	}
}

// ValidateChange checks what a change stores, whatever its kind, and
// nothing for a deletion.
func TestValidateChange(t *testing.T) {
	p, o, d, _ := validProject()
	bad := *o
	bad.Name = ""
	h := &Holding{Meta: NewMeta("t"), Office: o.ID, Authority: NewID(), DeFacto: LevelFull}
	s := p.Settings
	s.IncidentThreshold = 0
	info, badDate := p.Info, p.Info
	info.Organization, info.Marking, info.Version, info.DataCutoff, info.DocNumber = "临江区委编办", "内部资料 注意保存", "征求意见稿", "2026-03-31", "临减负〔2026〕3号"
	badDate.DataCutoff = "2026年3月"
	for _, tc := range []struct {
		name  string
		c     Change
		field string // "" means valid
	}{
		{"office without name", p.Put(&bad), "name"},
		{"holding of an unknown authority", p.Put(h), "authority"},
		{"settings", p.Put(&s), "incident_threshold"},
		{"valid duty", p.Put(d), ""},
		{"title block", p.Put(&info), ""},
		{"data cut-off not a date", p.Put(&badDate), "data_cutoff"},
		{"deletion", p.Delete(o), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			probs := ValidateChange(p, tc.c)
			switch {
			case tc.field == "" && len(probs) > 0:
				t.Errorf("want no problems, got %v", probs)
			case tc.field != "" && (len(probs) != 1 || probs[0].Field != tc.field):
				t.Errorf("want one problem in %s, got %v", tc.field, probs)
			}
		})
	}
}

// An office deleted on its own leaves its ID in the scopes that named it (a
// scope is no reference). Saving such a duty or proposal again, renamed,
// must go through; Validate still lists the stale scope; and deleting the
// office as the app does, with Project.DeleteOffice, leaves none.
func TestStaleScopeDoesNotBlockSaving(t *testing.T) {
	p, o, d, _ := validProject()
	gone := &Office{Meta: NewMeta("t"), Name: "撤并街道", Kind: OfficeStreet}
	p.Offices[gone.ID] = gone
	d.Scope = []ID{o.ID, gone.ID}
	q := &Proposal{Meta: NewMeta("t"), Department: "区住建局", Name: "燃气入户检查", Scope: []ID{o.ID, gone.ID}}
	p.Proposals[q.ID] = q
	if ps := Validate(p); len(ps) > 0 {
		t.Fatalf("the project is not valid to start with: %v", ps)
	}
	cascade := p.Clone()

	p.Apply(p.Delete(gone))
	renamedDuty, renamedProposal := *d, *q
	renamedDuty.Name, renamedProposal.Name = "违法建设查处（改）", "燃气入户检查（改）"
	for _, e := range []Entity{&renamedDuty, &renamedProposal} {
		if ps := ValidateChange(p, p.Put(e)); len(ps) > 0 {
			t.Errorf("saving %s with a stale scope: %v", e.Label(), ps)
		}
	}
	stale := 0
	for _, pr := range Validate(p) {
		if pr.Field == "scope" {
			stale++
		}
	}
	if stale != 2 {
		t.Errorf("Validate lists %d stale scopes, want 2 (the duty's and the proposal's)", stale)
	}
	// Other problems of the same entities still stop the save.
	unnamed := renamedDuty
	unnamed.Name = ""
	if ps := ValidateChange(p, p.Put(&unnamed)); len(ps) != 1 || ps[0].Field != "name" {
		t.Errorf("a duty without a name and with a stale scope: %v, want the name problem alone", ps)
	}

	for _, c := range cascade.DeleteOffice(gone.ID) {
		cascade.Apply(c)
	}
	if ps := Validate(cascade); len(ps) > 0 {
		t.Errorf("after DeleteOffice: %v", ps)
	}
	if got := cascade.Duties[d.ID].Scope; len(got) != 1 || got[0] != o.ID {
		t.Errorf("duty scope after DeleteOffice: %v, want the remaining office", got)
	}
}
