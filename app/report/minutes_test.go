package report

import (
	"strings"
	"testing"

	"rpbmatrix/model"
)

// minutesFixture is the fixture with a meeting fully described, its
// decisions given responsible units, an admission request short of funds
// and an off-list task heavy enough to be a finding.
func minutesFixture(t *testing.T) (*fixture, *model.Meeting, *model.Proposal, *model.OffListTask) {
	t.Helper()
	f := newFixture(0)
	p := f.p
	m := p.Meetings[fixtureMeeting(p, "2026年第3次专班会议")]
	m.Date, m.Place, m.Chair = "2026-04-16", "区政府第二会议室", "陈明远"
	m.Attendees = []string{"区委编办", "区财政局", "东湖街道"}
	m.Minutes = "会议逐项研究了错配问题。\n议定事项如下。"
	units := []string{"区城市管理局", "区统计局", "区财政局"}
	for i, dec := range p.DecisionList() {
		dec.ResponsibleUnit, dec.Deadline = units[i%len(units)], "2026-06-30"
	}
	q := &model.Proposal{Meta: model.NewMeta("测试"), Department: "区消防救援大队", Name: "电动自行车充电设施安全巡查",
		Basis: "《示范市电动自行车管理条例》第二十条", BasisLevel: model.BasisLocalRegulation, Scope: []model.ID{f.east.ID},
		StaffNeeded: 3, FundsNeeded: 30, Admission: model.AdmissionAdmitted, Reason: "条例明确街道负责巡查", DecidedOn: "2026-05-21"}
	p.Proposals[q.ID] = q
	task := &model.OffListTask{Meta: model.NewMeta("测试"), Office: f.east.ID, Name: "每日清理乱停放共享单车",
		AssignedBy: "区城市管理局", TimesPerYear: 365, HoursPerMonth: 80}
	p.OffListTasks[task.ID] = task
	f.r = model.Analyze(p)
	return f, m, q, task
}

// The minutes print each meeting's title, attendees and the responsible
// unit of every decision taken in it.
func TestMinutesSection(t *testing.T) {
	f, m, _, _ := minutesFixture(t)
	pdf, _ := write(t, f.p, f.r, Options{Sections: []Section{SectionMinutes}})
	all := strings.Join(pdfText(t, pdf), "")
	for _, want := range append([]string{"会议纪要", m.Title, "陈明远", "区政府第二会议室", "会议逐项研究了错配问题", "经办人："}, m.Attendees...) {
		if !strings.Contains(all, nospace(want)) {
			t.Errorf("minutes lack %q", want)
		}
	}
	for _, dec := range f.p.DecisionsOf(m.ID) {
		if !strings.Contains(all, dec.ResponsibleUnit) {
			t.Errorf("minutes lack the responsible unit %q", dec.ResponsibleUnit)
		}
		if op := nospace(f.p.Opinion(dec).In("zh")); !strings.Contains(all, op) {
			t.Errorf("minutes lack the opinion %q", op)
		}
	}
	// Every meeting is printed, the one without details too.
	if !strings.Contains(all, "2026年第2次专班会议") {
		t.Error("the second meeting is missing")
	}
	// A decision with no meeting is listed after the meetings.
	dec := f.p.DecisionList()[0]
	dec.Meeting, dec.ResponsibleUnit = model.NilID, "区司法局"
	pdf, _ = write(t, f.p, f.r, Options{Sections: []Section{SectionMinutes}})
	all = strings.Join(pdfText(t, pdf), "")
	if !strings.Contains(all, "未关联会议的处理意见") || !strings.Contains(all, "区司法局") {
		t.Error("the decision without a meeting is not listed")
	}
}

// The admission section lists the request with its basis and decision, and
// names the findings on the request and on the off-list task by them.
func TestAdmissionSection(t *testing.T) {
	f, _, q, task := minutesFixture(t)
	// The report analyses the office alone (officesOnly): its requests and
	// tasks come with it.
	pdf, _ := write(t, f.p, nil, Options{Offices: []model.ID{f.east.ID}, Sections: []Section{SectionAdmission, SectionFindings}})
	all := strings.Join(pdfText(t, pdf), "")
	for _, want := range []string{q.Department, q.Name, "第二十条", "准入", q.Reason, task.Name, task.AssignedBy,
		"清单外事项：" + task.Name, "准入申请：" + q.Name} {
		if !strings.Contains(all, nospace(want)) {
			t.Errorf("admission section lacks %q", want)
		}
	}
	if strings.Contains(all, "全街道") {
		t.Error("a finding on a request or task is printed as office-wide")
	}
	// The district lists the register in summary.
	pdf, _ = write(t, f.p, f.r, Options{Sections: []Section{SectionDistrict, SectionAdmission}})
	all = strings.Join(pdfText(t, pdf), "")
	for _, want := range []string{q.Name, "各街道（乡镇）清单外事项", f.east.Name} {
		if !strings.Contains(all, nospace(want)) {
			t.Errorf("district admission lacks %q", want)
		}
	}
}

// With nothing assessed there is no index: the report says so and shows
// the coverage.
func TestHonestIndex(t *testing.T) {
	f := newFixture(0)
	for k, a := range f.p.Assessments {
		if a.Office == f.west.ID {
			delete(f.p.Assessments, k)
		}
	}
	f.r = model.Analyze(f.p)
	sum := f.r.Offices[f.west.ID]
	if sum.Assessed != 0 {
		t.Fatalf("west still has %d assessed", sum.Assessed)
	}
	pdf, _ := write(t, f.p, f.r, Options{Offices: []model.ID{f.west.ID}, Sections: []Section{SectionCover}})
	text := pdfText(t, pdf)[0]
	if !strings.Contains(text, nospace(sum.Coverage().In("zh"))) || !strings.Contains(text, "不计算指数") {
		t.Errorf("cover does not say there is no index:\n%.800s", text)
	}
	east := f.r.Offices[f.east.ID]
	pdf, _ = write(t, f.p, f.r, Options{Offices: []model.ID{f.east.ID}, Sections: []Section{SectionCover}})
	if text := pdfText(t, pdf)[0]; !strings.Contains(text, nospace(east.Coverage().In("zh"))) {
		t.Errorf("cover lacks the coverage %q", east.Coverage().In("zh"))
	}
}
