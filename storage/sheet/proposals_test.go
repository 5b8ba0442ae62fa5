package sheet

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// checkSideVocab checks that no header is claimed by two fields and that
// every synonym and field name of area, in both languages, maps to its field.
func checkSideVocab[F codedField](t *testing.T, sv *sideVocab[F], area string, fields []F, more map[string]F) {
	t.Helper()
	if len(sv.conflicts) > 0 {
		t.Errorf("headers claimed by two %s fields: %v", area, sv.conflicts)
	}
	want := map[string]F{}
	for _, f := range fields {
		for _, lang := range words.Languages {
			for _, w := range strings.Split(words.Say(lang, "sheet."+area+".header."+f.code()+".synonyms"), "|") {
				want[w] = f
			}
			want[f.name().In(lang)] = f
		}
	}
	for cell, f := range more {
		want[cell] = f
	}
	for cell, f := range want {
		if got := sv.field(cell); got != f {
			t.Errorf("%q maps to %s, want %s", cell, got.code(), f.code())
		}
	}
}

func TestProposalSynonyms(t *testing.T) {
	var fields []proposalField
	for f := propDepartment; f < propFieldCount; f++ {
		fields = append(fields, f)
	}
	checkSideVocab(t, proposalWords(), "proposal", fields, map[string]proposalField{
		"申请部门": propDepartment, "准入事项": propName, "依据层级": propBasisLevel, "准入意见": propAdmission,
		"随事转移经费（万元）": propFundsCarried, "决定日期": propDecidedOn,
	})
}

func proposalXLSX(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func planProposals(t *testing.T, p *model.Project, name string, data []byte) *Plan {
	t.Helper()
	tables, err := Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return NewPlan(p, Prepare(tables), Options{Kind: model.ListBasic})
}

func TestImportProposalsXLSX(t *testing.T) {
	p := model.NewProject("t", "", "")
	data := proposalXLSX(t, "准入申请", [][]any{
		{"2026年职责准入申请汇总表"},
		{"序号", "申请部门", "事项名称", "依据", "依据层级", "适用街道", "需要人力", "随事转移人力", "需要经费（万元）", "随事转移经费", "准入意见", "理由", "决定日期", "决定机关"},
		{1, "区应急管理局", "小场所消防巡查", "《消防法》第三十二条", "法律", "东华门街道、景山街道", 2, 1, 30, 0, "准入", "属地管理", "2026-03-05", "区委编办"},
		{2, "区城管委", "共享单车停放整治", "区政府文件", "规范性文件", "", 1.5, "", 10, "", "转为配合", "", "2026年3月6日", "区委编办"},
	})
	pl := planProposals(t, p, "proposals.xlsx", data)
	if !pl.Report.OK() {
		for _, e := range pl.Report.Entries {
			t.Log(e.Line("zh-Hans"))
		}
		t.Fatal(pl.Report.Summary("en"))
	}
	q := applied(p, pl)
	if len(q.Proposals) != 2 || len(q.Duties) != 0 {
		t.Fatalf("%d proposals, %d duties; want 2, 0", len(q.Proposals), len(q.Duties))
	}
	byName := map[string]*model.Proposal{}
	for _, x := range q.Proposals {
		byName[x.Name] = x
	}
	fire := byName["小场所消防巡查"]
	if fire == nil || fire.Department != "区应急管理局" || fire.BasisLevel != model.BasisLaw || fire.StaffNeeded != 2 ||
		fire.StaffCarried != 1 || fire.FundsNeeded != 30 || fire.Admission != model.AdmissionAdmitted ||
		fire.DecidedOn != "2026-03-05" || fire.DecidedBy != "区委编办" || len(fire.Scope) != 2 {
		t.Errorf("first request: %+v", fire)
	}
	if len(q.Offices) != 2 {
		t.Errorf("offices created: %d, want 2", len(q.Offices))
	}
	bike := byName["共享单车停放整治"]
	if bike == nil || bike.Admission != model.AdmissionToSupporting || bike.DecidedOn != "2026-03-06" ||
		bike.BasisLevel != model.BasisNormativeDocument || bike.StaffNeeded != 1.5 || len(bike.Scope) != 0 {
		t.Errorf("second request: %+v", bike)
	}

	// Importing it again skips both.
	again := planProposals(t, q, "proposals.xlsx", data)
	if n := again.Report.Count(StatusSkipped); n != 2 || len(again.Changes) != 0 {
		t.Errorf("re-import: %d skipped, %d changes; want 2, 0", n, len(again.Changes))
	}
}

// A bad cell rejects the import as a whole, and the message names the
// file, the row and the field.
func TestImportProposalsRejectsNamingRowAndField(t *testing.T) {
	csv := "申请部门,事项名称,准入意见,需要经费,决定日期\n" +
		"区应急管理局,消防巡查,准入,20,2026-03-05\n" +
		"区城管委,单车整治,也许,十万,2026-02-30\n" +
		",无部门事项,暂缓,,\n"
	pl := planProposals(t, model.NewProject("t", "", ""), "准入.csv", []byte(csv))
	if pl.Report.OK() {
		t.Fatal("bad rows were accepted")
	}
	var lines []string
	for _, e := range pl.Report.Entries {
		if e.Status == StatusRejected {
			lines = append(lines, e.Line("zh-Hans"))
		}
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"准入.csv", "3", "准入意见", "也许", "需要经费", "十万", "决定日期", "2026-02-30", "4", "申请部门"} {
		if !strings.Contains(text, want) {
			t.Errorf("rejections lack %q:\n%s", want, text)
		}
	}
	if len(lines) != 4 {
		t.Errorf("%d rejections, want 4:\n%s", len(lines), text)
	}
	en := pl.Report.Entries[len(pl.Report.Entries)-1].Line("en")
	if !strings.Contains(en, "Requesting department") {
		t.Errorf("English line lacks the field: %s", en)
	}
}

// A duty list is not a proposals sheet, even with a basis column.
func TestDutyListIsNotProposals(t *testing.T) {
	csv := "序号,事项名称,主管部门,依据,备注\n1,消防巡查,区应急管理局,消防法,\n"
	pl := planProposals(t, model.NewProject("t", "", ""), "list.csv", []byte(csv))
	q := applied(model.NewProject("t", "", ""), pl)
	if len(q.Duties) != 1 || len(q.Proposals) != 0 {
		t.Errorf("%d duties, %d proposals; want 1, 0", len(q.Duties), len(q.Proposals))
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2026-03-05", "2026-03-05", true},
		{"2026/3/5", "2026-03-05", true},
		{"2026.3.5", "2026-03-05", true},
		{"2026年3月5日", "2026-03-05", true},
		{"46086", "2026-03-05", true},
		{"2026-02-30", "", false},
		{"soon", "", false},
	}
	for _, tt := range tests {
		if got, ok := parseDate(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("parseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
