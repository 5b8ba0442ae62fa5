package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"rpbmatrix/model/words"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/storage"
	"rpbmatrix/storage/jsonio"
)

const sheetTestdata = "../../storage/sheet/testdata/"

func run(t *testing.T, name string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(Env{Stdout: &out, Stderr: &errb, Lang: words.Zh}, name, args)
	return code, out.String(), errb.String()
}

func openProject(t *testing.T, path string) *model.Project {
	t.Helper()
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.Project()
}

func TestImportCreatesAndReimports(t *testing.T) {
	dir := t.TempDir()
	rpb := filepath.Join(dir, "街道.rpb")
	code, out, errs := run(t, "import", rpb, sheetTestdata+"quirks.xlsx")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "导入 10 项") {
		t.Errorf("summary missing:\n%s", out)
	}
	if n := len(openProject(t, rpb).Duties); n != 10 {
		t.Fatalf("%d duties after import, want 10", n)
	}

	// The same file again: every row is a duplicate.
	tests := []struct {
		policy, want string
		backup       bool
	}{
		{"skip", "导入 0 项，更新 0 项，跳过 13 行", false},
		{"update", "导入 0 项，更新 10 项", true},
		{"add", "导入 10 项", true},
	}
	for _, tt := range tests {
		code, out, errs := run(t, "import", rpb, sheetTestdata+"quirks.xlsx", "--on-duplicate", tt.policy)
		if code != ExitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%s: exit %d, want summary %q:\n%s%s", tt.policy, code, tt.want, out, errs)
		}
		if strings.Contains(out, "导入前备份") != tt.backup {
			t.Errorf("%s: backup reported %v, want %v", tt.policy, !tt.backup, tt.backup)
		}
	}
	if n := len(openProject(t, rpb).Duties); n != 20 {
		t.Errorf("%d duties after add, want 20", n)
	}
}

func TestImportRejectsWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("序号,事项名称,清单类型,事项类别\n1,好的事项,基本履职,党的建设\n2,坏的事项,不知道,党的建设\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rpb := filepath.Join(dir, "new.rpb")
	code, out, errs := run(t, "import", rpb, bad)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "bad.csv，第 3 行，C 清单类型 列") || !strings.Contains(out, "无法识别清单类型") {
		t.Errorf("report does not name file, row and column:\n%s", out)
	}
	if _, err := os.Stat(rpb); !os.IsNotExist(err) {
		t.Errorf("a rejected import created %s", rpb)
	}

	// Into an existing project: nothing changes.
	if code, out, errs := run(t, "import", rpb, sheetTestdata+"tab.txt", "--kind", "basic"); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	before := openProject(t, rpb)
	if code, _, _ := run(t, "import", rpb, bad); code != ExitFindings {
		t.Fatalf("exit %d, want 1", code)
	}
	if after := openProject(t, rpb); len(after.Duties) != len(before.Duties) {
		t.Errorf("rejected import changed the project: %d → %d duties", len(before.Duties), len(after.Duties))
	}
}

func TestImportInputsAndFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		code  int
		want  string // in stdout+stderr
		file  bool   // the .rpb exists afterwards
		check func(*testing.T, *model.Project)
	}{
		{"GB18030 with title row", []string{sheetTestdata + "gb18030.csv"}, ExitOK, "导入 3 项", true, func(t *testing.T, p *model.Project) {
			for _, d := range p.Duties {
				if d.Kind != model.ListSupporting || d.Category == "" || d.LeadDept == "" {
					t.Errorf("duty %+v", d)
				}
			}
		}},
		{"BOM with quoted newlines", []string{sheetTestdata + "bom.csv"}, ExitOK, "导入 5 项", true, nil},
		{"tab, kind from flag, office", []string{sheetTestdata + "tab.txt", "--kind", "supporting", "--office", "东华门街道"}, ExitOK, "东华门街道", true,
			func(t *testing.T, p *model.Project) {
				o := p.OfficeByName("东华门街道")
				if o == nil {
					t.Fatal("office not created")
				}
				for _, d := range p.Duties {
					if len(d.Scope) != 1 || d.Scope[0] != o.ID || d.Kind != model.ListSupporting {
						t.Errorf("duty %q scope %v kind %v", d.Name, d.Scope, d.Kind)
					}
				}
			}},
		{"tab without kind", []string{sheetTestdata + "tab.txt"}, ExitFindings, "--kind", false, nil},
		{"dry run", []string{sheetTestdata + "quirks.xlsx", "--dry-run"}, ExitOK, "试运行", false, nil},
		{"old xls", []string{sheetTestdata + "old.xls"}, ExitFindings, "另存为 .xlsx", false, nil},
		{"text renamed xlsx", []string{sheetTestdata + "renamed.xlsx"}, ExitFindings, "内容是文本", false, nil},
		{"empty", []string{sheetTestdata + "empty.csv"}, ExitFindings, "文件为空", false, nil},
		{"no header", []string{sheetTestdata + "no_header.csv"}, ExitFindings, "没有找到表头", false, nil},
		{"missing input", []string{"nowhere.csv"}, ExitFindings, "无法打开文件", false, nil},
		{"bad kind flag", []string{sheetTestdata + "tab.txt", "--kind", "x"}, ExitUsage, "未知的清单类型", false, nil},
		{"bad policy", []string{sheetTestdata + "tab.txt", "--on-duplicate", "x"}, ExitUsage, "--on-duplicate", false, nil},
		{"no input", nil, ExitUsage, "至少一个输入文件", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rpb := filepath.Join(t.TempDir(), "p.rpb")
			code, out, errs := run(t, "import", append([]string{rpb}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Fatalf("exit %d (want %d), output lacks %q:\n%s%s", code, tt.code, tt.want, out, errs)
			}
			_, err := os.Stat(rpb)
			if (err == nil) != tt.file {
				t.Fatalf("file exists %v, want %v", err == nil, tt.file)
			}
			if tt.check != nil {
				tt.check(t, openProject(t, rpb))
			}
		})
	}
}

func TestImportReportCSV(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "report.csv")
	if code, out, errs := run(t, "import", filepath.Join(dir, "p.rpb"), sheetTestdata+"quirks.xlsx", "--report", rep); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	b, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF文件,")) {
		t.Errorf("report CSV lacks BOM and header: %q", b[:min(len(b), 40)])
	}
	if n := bytes.Count(b, []byte("\r\n")); n != 14 { // header + 10 imported + 2 footnotes + the instruction sheet
		t.Errorf("report has %d lines, want 14", n)
	}
	if !bytes.Contains(b, []byte(`"'=HYPERLINK`)) && bytes.Contains(b, []byte("=HYPERLINK")) {
		t.Error("a formula in the report is not neutralised")
	}
}

func TestJSONRoundTripThroughCommands(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.rpb")
	st, err := storage.Create(src, richProject(), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	j1, j2 := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	copyRPB := filepath.Join(dir, "copy.rpb")
	steps := [][]string{{"export", src, "-o", j1}, {"import", copyRPB, j1}, {"export", copyRPB, "-o", j2}}
	for _, s := range steps {
		if code, out, errs := run(t, s[0], s[1:]...); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s%s", s, code, out, errs)
		}
	}
	read := func(path string) *model.Project {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		p, err := jsonio.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := read(j1), read(j2)
	if !reflect.DeepEqual(a, b) {
		t.Error("project differs after export → import → export")
	}
	if !reflect.DeepEqual(a.Duties, openProject(t, src).Duties) {
		t.Error("exported duties differ from the project's")
	}
	// Into an existing project: entities are added once, then kept.
	if code, out, _ := run(t, "import", copyRPB, j1); code != ExitOK || !strings.Contains(out, "新增 0，替换 0") {
		t.Errorf("re-import into existing project: exit %d\n%s", code, out)
	}
}

// richProject has one of every entity, so exports show every kind of cell.
func richProject() *model.Project {
	p := model.NewProject("测试区工作底稿", "测试区", "tester")
	o := &model.Office{Meta: model.NewMeta("tester"), Name: "东华门街道", Kind: model.OfficeStreet, OnStaff: 90}
	o2 := &model.Office{Meta: model.NewMeta("tester"), Name: "某某镇", Kind: model.OfficeTownship}
	pen := &model.Authority{Meta: model.NewMeta("tester"), Name: "行政处罚", Type: model.AuthPenalty}
	chk := &model.Authority{Meta: model.NewMeta("tester"), Name: "行政检查", Type: model.AuthInspection}
	plan := &model.Authority{Meta: model.NewMeta("tester"), Name: "规划参与权", Type: model.AuthStreetPower}
	d1 := &model.Duty{Meta: model.NewMeta("tester"), Seq: 1, Name: "违法建设巡查", Category: "城市管理", Kind: model.ListBasic,
		Required: []model.ID{pen.ID, chk.ID, plan.ID}}
	d2 := &model.Duty{Meta: model.NewMeta("tester"), Seq: 2, Name: "=1+1 公式注入", Category: "城市管理", Kind: model.ListSupporting,
		Scope: []model.ID{o.ID}}
	for _, e := range []*model.Office{o, o2} {
		p.Offices[e.ID] = e
	}
	for _, a := range []*model.Authority{pen, chk, plan} {
		p.Authorities[a.ID] = a
	}
	p.Duties[d1.ID], p.Duties[d2.ID] = d1, d2
	for _, h := range []*model.Holding{
		{Meta: model.NewMeta("tester"), Office: o.ID, Authority: chk.ID, DeJure: true, DeFacto: model.LevelFull},
		{Meta: model.NewMeta("tester"), Office: o.ID, Authority: plan.ID, DeJure: true, DeFacto: model.LevelNone},
		{Meta: model.NewMeta("tester"), Office: o.ID, Authority: pen.ID, DeJure: false, DeFacto: model.LevelNone},
	} {
		p.Holdings[h.Key()] = h
	}
	a := &model.Assessment{Meta: model.NewMeta("tester"), Office: o.ID, Duty: d1.ID, Role: model.RoleLead, Veto: true, Incidents: 3,
		HoursPerMonth: 60, FormalismHours: 30, ReportsPerMonth: 12, StaffNeeded: 3, StaffHeld: 1, FundsNeeded: 20, FundsHeld: 5}
	p.Assessments[a.Key()] = a
	dec := &model.Decision{Meta: model.NewMeta("tester"), Office: o.ID, Duty: d1.ID, Action: model.ActionGrant, Authority: pen.ID}
	p.Decisions[dec.ID] = dec
	return p
}
