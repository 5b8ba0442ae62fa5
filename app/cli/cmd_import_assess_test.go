package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
)

func assessmentIn(t *testing.T, p *model.Project, office, duty string) *model.Assessment {
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

// importAssessLists imports the list with assessment columns for two
// offices into a new project through the command.
func importAssessLists(t *testing.T) string {
	t.Helper()
	rpb := filepath.Join(t.TempDir(), "评估.rpb")
	for _, office := range []string{"东城街道", "西城街道"} {
		code, out, errs := run(t, "import", rpb, sheetTestdata+"assess_list.csv", "--office", office, "--kind", "basic")
		if code != ExitOK {
			t.Fatalf("%s: exit %d\n%s%s", office, code, out, errs)
		}
		if !strings.Contains(out, "履职评估：新建 2 项，更新 0 项；未评估而未导入指标 1 行") {
			t.Errorf("%s: assessment counts missing:\n%s", office, out)
		}
	}
	return rpb
}

// Shape one: a list imported for an office, whose rows carry assessment
// columns, stores the office's assessments field by field.
func TestImportListWithAssessmentColumns(t *testing.T) {
	rpb := importAssessLists(t)
	p := openProject(t, rpb)
	if len(p.Duties) != 8 || len(p.Assessments) != 4 {
		t.Fatalf("%d duties, %d assessments; want 8, 4", len(p.Duties), len(p.Assessments))
	}
	for _, office := range []string{"东城街道", "西城街道"} {
		a := assessmentIn(t, p, office, "消防安全检查")
		want := model.Assessment{Meta: a.Meta, Office: a.Office, Duty: a.Duty, Role: model.RoleLead, Veto: true,
			InspectionsPerYear: 12, SignOffs: 2, Apps: 3, WorkGroups: 5, DuplicateEntry: 4, CheckIns: 30,
			FundsNeeded: 20, FundsHeld: 10, FundsDistrict: 10}
		if *a != want {
			t.Errorf("%s fire checks:\n got %+v\nwant %+v", office, *a, want)
		}
		if a := assessmentIn(t, p, office, "垃圾分类督导"); a == nil || a.Role != model.RoleSupport || a.InspectionsPerYear != 6 ||
			a.Apps != 2 || a.WorkGroups != 3 || a.Veto {
			t.Errorf("%s waste sorting: %+v", office, a)
		}
		if a := assessmentIn(t, p, office, "老年人福利补贴"); a != nil {
			t.Errorf("%s: a row marked 未评估 was assessed: %+v", office, a)
		}
	}
}

// Shape two: an assessment sheet for many offices updates and creates
// assessments field by field, leaves rows not assessed alone, and says so.
func TestImportAssessmentSheetCommand(t *testing.T) {
	rpb := importAssessLists(t)
	report := filepath.Join(t.TempDir(), "报告.csv")
	code, out, errs := run(t, "import", rpb, sheetTestdata+"assessments.xlsx", "--report", report)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if csv, err := os.ReadFile(report); err != nil || !strings.Contains(string(csv), "履职评估：新建 0 项，更新 2 项") {
		t.Errorf("the CSV report does not count the assessments (%v):\n%s", err, csv)
	}
	for _, want := range []string{"履职评估：新建 0 项，更新 2 项；未评估而未导入指标 1 行", "第 5 行", "「未评估」不会删除已有评估",
		"第 6 行", "未注明已评估"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	p := openProject(t, rpb)
	east := assessmentIn(t, p, "东城街道", "消防安全检查")
	want := model.Assessment{Meta: east.Meta, Office: east.Office, Duty: east.Duty, Role: model.RoleLead, Veto: true,
		AssessedBy: 3, HoursPerMonth: 40, FormalismHours: 10, ReportsPerMonth: 4, InspectionsPerYear: 15, SignOffs: 3,
		Apps: 4, WorkGroups: 6, DuplicateEntry: 5, CheckIns: 31, StaffNeeded: 2, StaffHeld: 1.5,
		FundsNeeded: 25, FundsHeld: 12, FundsTransferred: 12}
	if *east != want {
		t.Errorf("东城 fire checks:\n got %+v\nwant %+v", *east, want)
	}
	west := assessmentIn(t, p, "西城街道", "消防安全检查")
	wantWest := model.Assessment{Meta: west.Meta, Office: west.Office, Duty: west.Duty, Role: model.RoleLead, Veto: true,
		AssessedBy: 4, HoursPerMonth: 60, FormalismHours: 20, ReportsPerMonth: 8, InspectionsPerYear: 24, SignOffs: 6,
		Apps: 5, WorkGroups: 9, DuplicateEntry: 3, CheckIns: 40, StaffNeeded: 3, StaffHeld: 1,
		FundsNeeded: 30, FundsHeld: 6, FundsSelf: 6}
	if *west != wantWest {
		t.Errorf("西城 fire checks:\n got %+v\nwant %+v", *west, wantWest)
	}
	if a := assessmentIn(t, p, "西城街道", "老年人福利补贴"); a != nil {
		t.Errorf("a row not saying it is assessed made an assessment: %+v", a)
	}
}

// A bad value anywhere rejects the whole import, naming the row and
// column; nothing is written.
func TestImportAssessmentRejectedWritesNothing(t *testing.T) {
	rpb := importAssessLists(t)
	before := assessmentIn(t, openProject(t, rpb), "东城街道", "消防安全检查").InspectionsPerYear
	bad := filepath.Join(t.TempDir(), "bad.csv")
	text := "街道,事项名称,实际角色,督查检查次数,政务APP数量\n东城街道,消防安全检查,牵头,30,2\n西城街道,消防安全检查,牵头,很多,2\n南城街道,消防安全检查,牵头,1,1\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "import", rpb, bad)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d\n%s%s", code, ExitFindings, out, errs)
	}
	for _, want := range []string{"bad.csv，第 3 行，D 督查检查次数 列", "「很多」不是数字", "第 4 行", "工作底稿中没有街道（乡镇）「南城街道」"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := assessmentIn(t, openProject(t, rpb), "东城街道", "消防安全检查").InspectionsPerYear; got != before {
		t.Errorf("a rejected import changed the assessment: %d, was %d", got, before)
	}
}

// The honest index through the command: rows that do not say their duty
// is assessed leave every balance index where it was.
func TestImportUnassessedRowsKeepTheIndex(t *testing.T) {
	rpb := importAssessLists(t)
	before := model.Analyze(openProject(t, rpb))
	sheet := filepath.Join(t.TempDir(), "未评估.csv")
	text := "街道,事项名称,实际角色,督查检查次数,政务APP数量,需要经费,实有经费\n" +
		"东城街道,老年人福利补贴,未评估,30,9,50,0\n西城街道,老年人福利补贴,,30,9,50,0\n东城街道,社区党组织建设,,12,4,10,0\n"
	if err := os.WriteFile(sheet, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "import", rpb, sheet)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	p := openProject(t, rpb)
	after := model.Analyze(p)
	if after.Total.Balance != before.Total.Balance || after.Total.Assessed != before.Total.Assessed || len(p.Assessments) != 4 {
		t.Errorf("district index %v → %v, assessed %d → %d, %d assessments", before.Total.Balance, after.Total.Balance,
			before.Total.Assessed, after.Total.Assessed, len(p.Assessments))
	}
	for id, s := range after.Offices {
		if b := before.Offices[id]; s.Balance != b.Balance || s.Weight != b.Weight || s.Gap != b.Gap {
			t.Errorf("%s: index %v, was %v", p.Offices[id].Name, s.Balance, b.Balance)
		}
	}
}
