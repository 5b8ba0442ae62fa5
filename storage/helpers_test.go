package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

// testOpts commits without fsync: durability has its own crash test.
var testOpts = Options{NoSync: true, Author: "测试员"}

func newPath(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "项目.rpb")
}

// handMade is a small project in which every field of every entity kind is set.
func handMade() *model.Project {
	p := model.NewProject("城东区职责清单底稿", "城东区", "张三")
	p.Settings.IncidentThreshold = 3
	at := time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC)
	meta := func() model.Meta {
		return model.Meta{ID: model.NewID(), Created: at, Modified: at.Add(time.Hour), Author: "李四"}
	}
	o1 := &model.Office{Meta: meta(), Name: "老城街道", Kind: model.OfficeStreet, Description: "老城区街道",
		Population: 86000, Communities: 12, Establishment: 96, OnStaff: 96, Auxiliary: 22, SecondedOut: 3, SecondedIn: 5, CommunityWorkers: 40, BudgetWan: 4200.5, Notes: "含 3 个老旧小区"}
	o2 := &model.Office{Meta: meta(), Name: "青山镇", Kind: model.OfficeTownship, Population: 42000, Communities: 18}
	a1 := &model.Authority{Meta: meta(), Name: "联合执法指挥调度权", Type: model.AuthStreetPower, LegalBasis: "《北京市街道办事处条例》第十一条", Notes: "吹哨报到"}
	a2 := &model.Authority{Meta: meta(), Name: "对占道经营的行政处罚", Type: model.AuthEnforcement}
	d1 := &model.Duty{Meta: meta(), Seq: 7, Name: "违法建设巡查", SubItem: "新增违建发现报告", Category: "城市管理", Kind: model.ListBasic,
		LegalBasis: "《城乡规划法》", Source: "区职责清单（2025）", LeadDept: "区城市管理局", SupportDepts: "区规划分局、区住建局",
		HigherDeptDuty: "查处", OfficeDuty: "巡查、发现、报告", ReceivingDept: "", WorkingMethod: "", Notes: "每周巡查",
		Scope: []model.ID{o1.ID}, Required: []model.ID{a1.ID, a2.ID}}
	d2 := &model.Duty{Meta: meta(), Seq: 1, Name: "人口普查", Category: "综合保障", Kind: model.ListReturned,
		ReceivingDept: "区统计局", WorkingMethod: "街道配合入户"}
	p.Offices[o1.ID], p.Offices[o2.ID] = o1, o2
	p.Authorities[a1.ID], p.Authorities[a2.ID] = a1, a2
	p.Duties[d1.ID], p.Duties[d2.ID] = d1, d2
	h := &model.Holding{Meta: meta(), Office: o1.ID, Authority: a2.ID, DeJure: true, DeFacto: model.LevelPartial, Note: "缺执法车辆"}
	p.Holdings[h.Key()] = h
	as := &model.Assessment{Meta: meta(), Office: o1.ID, Duty: d1.ID, Role: model.RoleLead, AssessedBy: 4, Veto: true, Incidents: 2,
		HoursPerMonth: 120, FormalismHours: 40, ReportsPerMonth: 9, StaffNeeded: 6, StaffHeld: 3.5, FundsNeeded: 80, FundsHeld: 20,
		SystemsNeeded: 3, SystemsHeld: 1, Notes: "一票否决", VetoBasis: "《安全生产法》", InspectionsPerYear: 12, SignOffs: 2,
		Apps: 3, WorkGroups: 5, DuplicateEntry: 3, CheckIns: 20, FundsDistrict: 10, FundsTransferred: 5, FundsSelf: 2.5}
	p.Assessments[as.Key()] = as
	as2 := &model.Assessment{Meta: meta(), Office: o2.ID, Duty: d2.ID, Role: model.RoleSupport}
	p.Assessments[as2.Key()] = as2
	m := &model.Meeting{Meta: meta(), Date: "2026-03-12", Title: "2026年第3次专班会议", Place: "区政府第二会议室", Chair: "王区长",
		Attendees: []string{"区委编办", "区城管委", "老城街道"}, Minutes: "一、关于违法建设巡查……", Notes: "第一批"}
	p.Meetings[m.ID] = m
	dec := &model.Decision{Meta: meta(), Office: o1.ID, Duty: d1.ID, Action: model.ActionAddResources, StaffDelta: 2, FundsDelta: 50,
		SystemsDelta: -1, Note: "增加协管员", Meeting: m.ID, ResponsibleUnit: "区人社局", Deadline: "2026-06-30",
		Status: model.DecisionDone, RecordedBy: "赵六"}
	dec2 := &model.Decision{Meta: meta(), Duty: d2.ID, Action: model.ActionGrant, Authority: a1.ID}
	dec3 := &model.Decision{Meta: meta(), Office: o1.ID, Duty: d2.ID, Action: model.ActionReturn, Department: "区统计局", Meeting: m.ID}
	p.Decisions[dec.ID], p.Decisions[dec2.ID], p.Decisions[dec3.ID] = dec, dec2, dec3
	q := &model.Proposal{Meta: meta(), Department: "区市场监管局", Name: "电动自行车充电安全检查", Description: "每月入户检查",
		Basis: "《某省电动自行车管理条例》", BasisLevel: model.BasisLocalRegulation, Scope: []model.ID{o1.ID},
		StaffNeeded: 2, StaffCarried: 0.5, FundsNeeded: 30, FundsCarried: 10, Required: []model.ID{a2.ID}, Granted: []model.ID{a1.ID},
		Admission: model.AdmissionToSupporting, Reason: "街道无执法权", DecidedOn: "2026-03-12", DecidedBy: "区委编办", Duty: d1.ID, Notes: "转为配合"}
	p.Proposals[q.ID] = q
	tk := &model.OffListTask{Meta: meta(), Office: o1.ID, Name: "创城迎检材料", AssignedBy: "区文明办", TimesPerYear: 4,
		HoursPerMonth: 30.5, Since: "2025-01-01", Notes: "以属地之名"}
	p.OffListTasks[tk.ID] = tk
	in := &model.Incident{Meta: meta(), Office: o1.ID, Duty: d1.ID, Date: "2025-11-03", Kind: model.IncidentInterview,
		Cause: model.CauseAuthority, Tolerance: true, Notes: "违建未及时查处"}
	p.Incidents[in.ID] = in
	return p
}

func synthetic(offices, duties int) *model.Project { return synth.Generate(offices, duties, 42) }

// mustCreate creates a project file and closes it, returning its path.
func mustCreate(t testing.TB, p *model.Project) string {
	t.Helper()
	path := newPath(t)
	s, err := Create(path, p, testOpts)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return path
}

func mustOpen(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// said is err's message in Chinese and in English, for tests that look for
// words in either.
func said(err error) string {
	var w worded
	if !errors.As(err, &w) {
		return fmt.Sprint(err)
	}
	return w.Msg().In(words.Zh) + " / " + w.Msg().In(words.En)
}
