package sheet

import (
	"fmt"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// requireOK fails the test with the report's lines when a row was rejected.
func requireOK(t *testing.T, pl *Plan) {
	t.Helper()
	if !pl.Report.OK() {
		for _, e := range pl.Report.Entries {
			t.Log(e.Line("zh-Hans"))
		}
		t.Fatal(pl.Report.Summary("en"))
	}
}

func assessmentOf(t *testing.T, p *model.Project, office, duty string) *model.Assessment {
	t.Helper()
	o := p.OfficeByName(office)
	if o == nil {
		t.Fatalf("no office %s", office)
	}
	for _, d := range p.DutiesOf(o.ID) {
		if d.Name == duty {
			return p.Assessment(o.ID, d.ID)
		}
	}
	t.Fatalf("%s has no duty %s", office, duty)
	return nil
}

// importEastAndWest imports the list with assessment columns for both
// offices: each office gets its own copy of the duties (the import scopes
// them to it) and its assessments of the assessed rows.
func importEastAndWest(t *testing.T) *model.Project {
	p := newTestProject()
	for _, office := range []string{"东城街道", "西城街道"} {
		pl := planOf(t, p, Options{Office: office, Kind: model.ListBasic}, "assess_list.csv")
		requireOK(t, pl)
		if r := pl.Report; r.AssessmentsCreated != 2 || r.AssessmentsUpdated != 0 || r.AssessmentsUnassessed != 1 {
			t.Fatalf("%s: created %d, updated %d, unassessed %d; want 2, 0, 1", office, r.AssessmentsCreated, r.AssessmentsUpdated, r.AssessmentsUnassessed)
		}
		p = applied(p, pl)
	}
	return p
}

// A list imported for an office with assessment columns fills the office's
// assessments of its assessed duties, field by field; a row marked 未评估
// and a row with no indicators get none.
func TestImportAssessmentColumnsOnList(t *testing.T) {
	p := importEastAndWest(t)
	if len(p.Duties) != 8 || len(p.Assessments) != 4 {
		t.Fatalf("%d duties, %d assessments; want 8, 4", len(p.Duties), len(p.Assessments))
	}
	fire := assessmentOf(t, p, "东城街道", "消防安全检查")
	want := model.Assessment{Meta: fire.Meta, Office: fire.Office, Duty: fire.Duty, Role: model.RoleLead, Veto: true,
		InspectionsPerYear: 12, SignOffs: 2, Apps: 3, WorkGroups: 5, DuplicateEntry: 4, CheckIns: 30,
		FundsNeeded: 20, FundsHeld: 10, FundsDistrict: 10}
	if *fire != want {
		t.Errorf("fire checks:\n got %+v\nwant %+v", *fire, want)
	}
	waste := assessmentOf(t, p, "东城街道", "垃圾分类督导")
	if waste == nil || waste.Role != model.RoleSupport || waste.InspectionsPerYear != 6 || waste.Apps != 2 || waste.WorkGroups != 3 || waste.Veto {
		t.Errorf("waste sorting: %+v", waste)
	}
	for _, duty := range []string{"老年人福利补贴", "社区党组织建设"} {
		if a := assessmentOf(t, p, "东城街道", duty); a != nil {
			t.Errorf("%s assessed: %+v", duty, a)
		}
	}

	// Imported again with other figures: the duties are duplicates (skipped)
	// but their assessments are updated.
	again := strings.Replace(assessListCSV, "1,消防安全检查,平安建设,牵头,12,", "1,消防安全检查,平安建设,,20,", 1)
	pl := planText(t, p, again, Options{Office: "东城街道", Kind: model.ListBasic})
	requireOK(t, pl)
	if r := pl.Report; r.AssessmentsCreated != 0 || r.AssessmentsUpdated != 2 || r.Count(StatusSkipped) < 4 {
		t.Errorf("again: created %d, updated %d, %s", r.AssessmentsCreated, r.AssessmentsUpdated, r.Summary("en"))
	}
	q := applied(p, pl)
	if a := assessmentOf(t, q, "东城街道", "消防安全检查"); a.InspectionsPerYear != 20 || a.Role != model.RoleLead || a.Apps != 3 {
		t.Errorf("updated fire checks: %+v", a)
	}
}

// An assessment sheet names office and duty on each row: it updates the
// assessment a pair has, creates one for a pair the row says is assessed,
// and leaves the others alone.
func TestImportAssessmentSheet(t *testing.T) {
	p := importEastAndWest(t)
	pl := planOf(t, p, Options{}, "assessments.xlsx")
	requireOK(t, pl)
	r := pl.Report
	// 西城街道's fire checks are assessed already by its list; its old-age
	// allowance is the one row left out.
	if r.AssessmentsCreated != 0 || r.AssessmentsUpdated != 2 || r.AssessmentsUnassessed != 1 {
		t.Errorf("created %d, updated %d, unassessed %d", r.AssessmentsCreated, r.AssessmentsUpdated, r.AssessmentsUnassessed)
	}
	statuses := map[int]Status{}
	for _, e := range r.Entries {
		statuses[e.Row] = e.Status
	}
	for row, want := range map[int]Status{3: StatusUpdated, 4: StatusUpdated, 5: StatusSkipped, 6: StatusSkipped, 7: StatusSkipped} {
		if statuses[row] != want {
			t.Errorf("row %d: %v, want %v", row, statuses[row], want)
		}
	}
	q := applied(p, pl)
	east := assessmentOf(t, q, "东城街道", "消防安全检查")
	want := model.Assessment{Meta: east.Meta, Office: east.Office, Duty: east.Duty, Role: model.RoleLead, Veto: true,
		AssessedBy: 3, HoursPerMonth: 40, FormalismHours: 10, ReportsPerMonth: 4, InspectionsPerYear: 15, SignOffs: 3,
		Apps: 4, WorkGroups: 6, DuplicateEntry: 5, CheckIns: 31, StaffNeeded: 2, StaffHeld: 1.5,
		FundsNeeded: 25, FundsHeld: 12, FundsTransferred: 12}
	if *east != want {
		t.Errorf("东城 fire checks:\n got %+v\nwant %+v", *east, want)
	}
	west := assessmentOf(t, q, "西城街道", "消防安全检查")
	if west.HoursPerMonth != 60 || west.FundsSelf != 6 || west.FundsDistrict != 0 || west.AssessedBy != 4 || !west.Veto {
		t.Errorf("西城 fire checks: %+v", west)
	}
	if a := assessmentOf(t, q, "西城街道", "垃圾分类督导"); a.InspectionsPerYear != 6 {
		t.Errorf("a row marked 未评估 changed the assessment: %+v", a)
	}
	if a := assessmentOf(t, q, "西城街道", "老年人福利补贴"); a != nil {
		t.Errorf("a row not saying it is assessed made an assessment: %+v", a)
	}

	// On a project without the lists' assessments the sheet creates 西城's.
	bare := newTestProject()
	for _, office := range []string{"东城街道", "西城街道"} {
		pl := planText(t, bare, assessListCSV, Options{Office: office, Kind: model.ListBasic})
		bare = applied(bare, pl)
	}
	for k := range bare.Assessments {
		delete(bare.Assessments, k)
	}
	pl = planOf(t, bare, Options{}, "assessments.xlsx")
	requireOK(t, pl)
	if r := pl.Report; r.AssessmentsCreated != 1 || r.AssessmentsUpdated != 0 || r.AssessmentsUnassessed != 3 {
		t.Errorf("bare: created %d, updated %d, unassessed %d; want 1, 0, 3", r.AssessmentsCreated, r.AssessmentsUpdated, r.AssessmentsUnassessed)
	}
}

// A workbook may carry the list and the assessment sheet together: the
// sheet finds the duties the list sheet plans, whatever their order.
func TestAssessmentSheetFindsDutiesOfTheSameImport(t *testing.T) {
	data := proposalXLSX(t, "评估", [][]any{
		{"街道", "事项名称", "实际角色", "政务APP数量"},
		{"东城街道", "新事项", "牵头", 7},
	})
	tables, err := Read("w.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	list, err := Read("l.csv", []byte("事项名称,事项类别\n新事项,平安建设\n"))
	if err != nil {
		t.Fatal(err)
	}
	p := newTestProject()
	pl := NewPlan(p, Prepare(append(tables, list...)), Options{Office: "东城街道", Kind: model.ListBasic})
	requireOK(t, pl)
	q := applied(p, pl)
	if a := assessmentOf(t, q, "东城街道", "新事项"); a == nil || a.Apps != 7 || a.Role != model.RoleLead {
		t.Errorf("assessment %+v", a)
	}
}

// Each bad value, unknown office or duty is rejected naming the file, the
// row, the column and the value, in both languages; nothing is planned.
func TestAssessmentRejections(t *testing.T) {
	p := importEastAndWest(t)
	head := "街道,事项名称,实际角色,督查检查次数,政务APP数量,经费来源,一票否决,工作量,其中填报留痕,实有经费,其中街道自筹\n"
	tests := []struct {
		name   string
		row    string
		zh, en []string
	}{
		{"not whole", "东城街道,消防安全检查,牵头,2.5,,,,,,,", []string{"a.csv", "第 2 行", "D 督查检查次数", "「2.5」应为整数"},
			[]string{"row 2", "column D 督查检查次数", "“2.5” is not a whole number"}},
		{"not a number", "东城街道,消防安全检查,牵头,,很多,,,,,,", []string{"第 2 行", "E 政务APP数量", "「很多」不是数字"},
			[]string{"column E 政务APP数量", "“很多” is not a number"}},
		{"out of range", "东城街道,消防安全检查,牵头,,,,,900,,,", []string{"H 工作量", "「900」超出范围（应在 0 至 744 之间）"},
			[]string{"“900” is out of range (0 to 744)"}},
		{"fund source", "东城街道,消防安全检查,牵头,,,上级拨款,,,,,", []string{"F 经费来源", "「上级拨款」无法识别", "区级财政专项"},
			[]string{"column F 经费来源", "“上级拨款” is not a fund source", "district special funds"}},
		{"yes or no", "东城街道,消防安全检查,牵头,,,,也许,,,,", []string{"G 一票否决", "「也许」应为「是」或「否」"},
			[]string{"“也许” should be “yes” or “no”"}},
		{"role", "东城街道,消防安全检查,主办,,,,,,,,", []string{"C 实际角色", "「主办」无法识别（应为 牵头 / 配合 / 不承担 / 未评估）"},
			[]string{"“主办” is not a role (Lead / Support / None / not assessed)"}},
		{"unknown office", "南城街道,消防安全检查,牵头,3,,,,,,,", []string{"第 2 行", "工作底稿中没有街道（乡镇）「南城街道」"},
			[]string{"row 2", "the project has no office “南城街道”"}},
		{"unknown duty", "东城街道,不存在的事项,牵头,3,,,,,,,", []string{"第 2 行", "东城街道的清单中没有事项「不存在的事项」"},
			[]string{"东城街道 has no duty “不存在的事项” in its lists"}},
		{"formalism over hours", "东城街道,消防安全检查,牵头,,,,,10,20,,", []string{"第 2 行", "I 其中填报留痕"},
			[]string{"row 2", "column I 其中填报留痕"}},
		{"parts over held", "东城街道,消防安全检查,牵头,,,,,,,5,8", []string{"第 2 行", "J 实有经费"},
			[]string{"column J 实有经费"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, err := Read("a.csv", []byte(head+tt.row+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			pl := NewPlan(p, Prepare(tables), Options{})
			if pl.Report.OK() || pl.Report.Count(StatusRejected) != 1 {
				t.Fatalf("%d rejected: %s", pl.Report.Count(StatusRejected), pl.Report.Summary("en"))
			}
			var e Entry
			for _, x := range pl.Report.Entries {
				if x.Status == StatusRejected {
					e = x
				}
			}
			if miss := unworded(e.Reason); len(miss) > 0 {
				t.Errorf("reason lacks %v", miss)
			}
			for lang, want := range map[string][]string{"zh-Hans": tt.zh, "en": tt.en} {
				line := e.Line(lang)
				for _, w := range want {
					if !strings.Contains(line, w) {
						t.Errorf("%s: %q lacks %q", lang, line, w)
					}
				}
			}
		})
	}
}

// A duty named twice in an office's lists (basic and supporting) needs the
// list kind to tell which one is meant.
func TestAssessmentSheetAmbiguousDuty(t *testing.T) {
	p := newTestProject()
	for _, kind := range []model.ListKind{model.ListBasic, model.ListSupporting} {
		pl := planText(t, p, "事项名称,事项类别\n巡查,城市管理\n", Options{Office: "东城街道", Kind: kind})
		p = applied(p, pl)
	}
	sheet := "街道,事项名称,实际角色,督查检查次数\n东城街道,巡查,牵头,3\n"
	pl := planText(t, p, sheet, Options{})
	if pl.Report.OK() || !strings.Contains(pl.Report.Entries[0].Line("zh-Hans"), "东城街道的清单中有 2 个「巡查」") {
		t.Errorf("ambiguous duty accepted: %+v", pl.Report.Entries)
	}
	sheet = "街道,事项名称,清单类型,实际角色,督查检查次数\n东城街道,巡查,配合履职,配合,3\n"
	pl = planText(t, p, sheet, Options{})
	requireOK(t, pl)
	if pl.Report.AssessmentsCreated != 1 {
		t.Errorf("created %d", pl.Report.AssessmentsCreated)
	}
}

// The honest index: importing assessment indicators for duties the rows do
// not say are assessed — marked 未评估, or with no role — never moves a
// balance index, of an office or of the district; rows that say so do.
func TestImportingUnassessedRowsLeavesTheIndex(t *testing.T) {
	p := synth.Generate(3, 40, 7)
	o := p.OfficeList()[0]
	// Two duties of the office's lists nobody has assessed yet.
	var unassessed []*model.Duty
	for i, kind := range []model.ListKind{model.ListBasic, model.ListSupporting} {
		d := &model.Duty{Meta: model.NewMeta("t"), Name: fmt.Sprintf("新增事项%d", i), Category: "平安建设", Kind: kind,
			Scope: []model.ID{o.ID}, Required: []model.ID{p.AuthorityList()[0].ID}}
		p.Apply(p.Put(d))
		unassessed = append(unassessed, d)
	}
	before := model.Analyze(p)
	row := func(role string, d *model.Duty) string {
		return fmt.Sprintf("%s,%s,%s,%s,12,5,4,3,2,40,0\n", o.Name, d.Name, d.SubItem, role)
	}
	head := "街道,事项名称,子项,实际角色,督查检查次数,政务APP数量,工作群,多头填报,需要人力,需要经费,实有经费\n"
	tests := []struct {
		name, text string
		opts       Options
		created    int
	}{
		{"sheet, 未评估", head + row("未评估", unassessed[0]) + row("未评估", unassessed[1]), Options{}, 0},
		{"sheet, blank role", head + row("", unassessed[0]) + row("", unassessed[1]), Options{}, 0},
		{"list without a role column", "事项名称,子项,事项类别,清单类型,督查检查次数,政务APP数量,需要经费,实有经费\n" +
			fmt.Sprintf("%s,%s,x,%s,12,5,40,0\n", unassessed[0].Name, unassessed[0].SubItem, unassessed[0].Kind.Name().In("zh-Hans")),
			Options{Office: o.Name}, 0},
		{"sheet, assessed", head + row("牵头", unassessed[0]), Options{}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := planText(t, p, tt.text, tt.opts)
			requireOK(t, pl)
			if pl.Report.AssessmentsCreated != tt.created {
				t.Fatalf("created %d assessments, want %d", pl.Report.AssessmentsCreated, tt.created)
			}
			after := model.Analyze(applied(p, pl))
			moved := after.Total.Balance != before.Total.Balance || after.Offices[o.ID].Balance != before.Offices[o.ID].Balance
			if moved != (tt.created > 0) {
				t.Errorf("index moved %v: district %v → %v, %s %v → %v", moved, before.Total.Balance, after.Total.Balance,
					o.Name, before.Offices[o.ID].Balance, after.Offices[o.ID].Balance)
			}
			if after.Total.Assessed != before.Total.Assessed+tt.created {
				t.Errorf("assessed %d, was %d", after.Total.Assessed, before.Total.Assessed)
			}
		})
	}
}

// English headers and values read as the Chinese ones do.
func TestImportAssessmentColumnsInEnglish(t *testing.T) {
	text := "No.,Duty,Category,Role,Inspections per year,Government apps,Work groups,Duplicate entry,Check-ins,Pledges,Funds held (¥10k/yr),Funding source,Veto,Staff needed (FTE),Staff held (FTE)\n" +
		"1,Fire safety checks,Safety,Lead,12,3,5,4,30,2,10,Transferred with the task,yes,2,0.5\n" +
		"2,Waste sorting,City,not assessed,6,2,3,,,,,,no,,\n"
	pl := planText(t, newTestProject(), text, Options{Office: "Dongcheng", Kind: model.ListBasic})
	requireOK(t, pl)
	q := applied(newTestProject(), pl)
	a := assessmentOf(t, q, "Dongcheng", "Fire safety checks")
	want := model.Assessment{Meta: a.Meta, Office: a.Office, Duty: a.Duty, Role: model.RoleLead, Veto: true,
		InspectionsPerYear: 12, Apps: 3, WorkGroups: 5, DuplicateEntry: 4, CheckIns: 30, SignOffs: 2,
		FundsHeld: 10, FundsTransferred: 10, StaffNeeded: 2, StaffHeld: 0.5}
	if *a != want {
		t.Errorf("fire checks:\n got %+v\nwant %+v", *a, want)
	}
	if a := assessmentOf(t, q, "Dongcheng", "Waste sorting"); a != nil {
		t.Errorf("a row marked not assessed was assessed: %+v", a)
	}
	if line, _ := pl.Report.AssessmentCounts("en"); line != "assessments: 1 created, 0 updated; 1 row not assessed, indicators left out" {
		t.Errorf("counts %q", line)
	}
}

// A long assessment sheet's report lists listLimit rows of a status and
// counts the rest, as a list's does.
func TestAssessmentSheetReportIsTrimmed(t *testing.T) {
	var b strings.Builder
	b.WriteString("街道,事项名称,实际角色,督查检查次数\n")
	n := listLimit + 50
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "东城街道,事项%d,牵头,很多\n", i)
	}
	pl := planText(t, newTestProject(), b.String(), Options{})
	if got := pl.Report.Count(StatusRejected); got != n {
		t.Errorf("%d rejected, want %d", got, n)
	}
	if len(pl.Report.Entries) != listLimit || pl.Report.Unlisted[StatusRejected] != 50 {
		t.Errorf("%d entries listed, %d unlisted", len(pl.Report.Entries), pl.Report.Unlisted[StatusRejected])
	}
}
