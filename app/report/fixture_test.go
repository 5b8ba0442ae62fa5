package report

import (
	"fmt"
	"time"

	"rpbmatrix/model"
)

// testNow makes the generated reports reproducible.
var testNow = time.Date(2026, 3, 18, 10, 30, 0, 0, time.UTC)

// fixture is a small hand-made project with the analysis a report prints.
type fixture struct {
	p         *model.Project
	r         *model.Result
	east      *model.Office
	west      *model.Office
	longDuty  *model.Duty
	dutyNames []string
}

// longDutyName is wider than the duty column, with punctuation at likely
// break points, so wrapping and 禁则 are exercised on every paper size.
const longDutyName = "牵头组织开展辖区内老旧小区改造、既有住宅加装电梯、燃气管道更新改造和“一刻钟便民生活圈”建设的统筹协调、矛盾调处、质量安全巡查及居民意见征集（含物业服务企业监督考核）工作"

// newFixture builds two offices, duties of every list kind and category,
// authorities held in every state, assessments, decisions and a result that
// has findings of every severity. duties adds synthetic duties to the east
// office's list for size tests.
func newFixture(duties int) *fixture {
	p := model.NewProject("示范区街道职责事项责权利分析（2026）", "示范区", "测试")
	meta := func(n int) model.Meta {
		m := model.NewMeta("测试")
		m.Created = testNow.Add(time.Duration(n) * time.Second)
		return m
	}
	f := &fixture{p: p}
	f.east = &model.Office{Meta: meta(1), Name: "东湖街道", Kind: model.OfficeStreet, Population: 86000, Communities: 14,
		Establishment: 72, OnStaff: 72, Auxiliary: 23, BudgetWan: 3800}
	f.west = &model.Office{Meta: meta(2), Name: "西山镇", Kind: model.OfficeTownship, Population: 41000, Communities: 21,
		Establishment: 60, OnStaff: 60, Auxiliary: 10, BudgetWan: 2600}
	p.Offices[f.east.ID], p.Offices[f.west.ID] = f.east, f.west

	var auths []*model.Authority
	for i, a := range []struct {
		name string
		t    model.AuthorityType
	}{
		{"联合执法指挥调度权", model.AuthStreetPower}, {"派出机构考核和人事任免建议权", model.AuthStreetPower},
		{"下沉人员资金统筹权", model.AuthStreetPower}, {"对违法建设的行政处罚", model.AuthEnforcement},
		{"查封扣押经营工具", model.AuthCoercion}, {"安全生产行政检查", model.AuthInspection},
		{"燃气安全监督检查", model.AuthInspection}, {"最低生活保障金给付", model.AuthBenefit},
	} {
		au := &model.Authority{Meta: meta(10 + i), Name: a.name, Type: a.t}
		p.Authorities[au.ID] = au
		auths = append(auths, au)
	}
	// East holds authorities in every state; west holds few.
	levels := []struct {
		dejure bool
		level  model.Level
		held   bool
	}{{true, model.LevelFull, true}, {true, model.LevelPartial, true}, {true, model.LevelNone, true}, {false, 0, false}}
	for i, a := range auths {
		l := levels[i%len(levels)]
		if l.held {
			h := &model.Holding{Meta: meta(20 + i), Office: f.east.ID, Authority: a.ID, DeJure: l.dejure, DeFacto: l.level}
			p.Holdings[h.Key()] = h
		}
		if i%3 == 0 {
			h := &model.Holding{Meta: meta(40 + i), Office: f.west.ID, Authority: a.ID, DeJure: true, DeFacto: model.LevelFull}
			p.Holdings[h.Key()] = h
		}
	}

	names := []struct {
		name, sub, cat string
		kind           model.ListKind
	}{
		{"基层党组织建设", "", "党的建设", model.ListBasic},
		{longDutyName, "", "城市管理", model.ListBasic},
		{"安全生产隐患排查", "九小场所", "平安建设", model.ListBasic},
		{"矛盾纠纷排查化解", "", "平安建设", model.ListBasic},
		{"最低生活保障审核", "", "民生保障", model.ListSupporting},
		{"违法建设巡查", "", "城市管理", model.ListSupporting},
		{"垃圾分类", "", "城市管理", model.ListSupporting},
		{"社区居委会换届", "", "社区建设", model.ListBasic},
		{"统计调查", "", "综合保障", model.ListReturned},
		{"燃气安全检查", "", "城市管理", model.ListReturned},
	}
	var ds []*model.Duty
	add := func(n int, name, sub, cat string, kind model.ListKind, scope []model.ID) *model.Duty {
		du := &model.Duty{Meta: meta(100 + n), Seq: n + 1, Name: name, SubItem: sub, Category: cat, Kind: kind, Scope: scope}
		for k := 0; k < 1+n%3; k++ {
			du.Required = append(du.Required, auths[(n+k*3)%len(auths)].ID)
		}
		p.Duties[du.ID] = du
		ds = append(ds, du)
		f.dutyNames = append(f.dutyNames, du.Title())
		return du
	}
	for i, n := range names {
		du := add(i, n.name, n.sub, n.cat, n.kind, nil)
		if n.name == longDutyName {
			f.longDuty = du
		}
	}
	for i := 0; i < duties; i++ {
		n := names[i%len(names)]
		add(len(names)+i, fmt.Sprintf("配合做好%s相关工作（第%d项）", n.cat, i+1), "", n.cat, n.kind, []model.ID{f.east.ID})
	}

	// Assessments vary so that the analysis finds mismatches of many rules
	// and severities: lead roles, vetoes, incidents, staff and funds short,
	// formalism and idle items.
	for oi, o := range []*model.Office{f.east, f.west} {
		for i, du := range ds {
			if !du.AppliesTo(o.ID) {
				continue
			}
			k := i + oi
			a := &model.Assessment{Meta: meta(1000 + i), Office: o.ID, Duty: du.ID, Role: model.RoleLead, HoursPerMonth: 20,
				Veto: k%5 == 0, Incidents: k % 3, AssessedBy: k % 4,
				StaffNeeded: float64(1 + k%3), StaffHeld: float64(1+k%3) * (1 - float64(k%4)*0.25),
				FundsNeeded: float64(10 * (k % 4)), FundsHeld: float64(10*(k%4)) * 0.5}
			if du.Kind != model.ListBasic {
				a.Role = model.RoleSupport
				if k%2 == 0 {
					a.Role = model.RoleLead // pushed down
				}
			}
			if k%6 == 1 {
				a.FormalismHours, a.ReportsPerMonth = 12, 9
			}
			if k%7 == 3 {
				a.HoursPerMonth = 0 // idle
			}
			p.Assessments[a.Key()] = a
		}
	}
	f.r = model.Analyze(p)

	for i, dec := range []*model.Decision{
		{Office: f.east.ID, Duty: ds[1].ID, Action: model.ActionGrant, Authority: auths[3].ID, Meeting: fixtureMeeting(p, "2026年第3次专班会议"), Note: "由区城管委牵头落实"},
		{Office: f.east.ID, Duty: ds[9].ID, Action: model.ActionReturn, Meeting: fixtureMeeting(p, "2026年第3次专班会议")},
		{Office: model.NilID, Duty: ds[4].ID, Action: model.ActionAddResources, StaffDelta: 1.5, FundsDelta: 12, Meeting: fixtureMeeting(p, "2026年第2次专班会议")},
	} {
		dec.Meta = meta(2000 + i)
		p.Decisions[dec.ID] = dec
	}
	return f
}

// fixtureMeeting is the ID of the meeting titled title, which it adds to p
// the first time.
func fixtureMeeting(p *model.Project, title string) model.ID {
	id := model.LabelMeetingID(title)
	if p.Meetings[id] == nil {
		p.Meetings[id] = &model.Meeting{Meta: model.Meta{ID: id}, Title: title}
	}
	return id
}
