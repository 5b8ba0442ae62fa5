package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/storage"
	"rpbmatrix/storage/sheet"
)

func exportFixture(t *testing.T) string {
	t.Helper()
	rpb := filepath.Join(t.TempDir(), "p.rpb")
	st, err := storage.Create(rpb, richProject(), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return rpb
}

func TestExportXLSX(t *testing.T) {
	rpb := exportFixture(t)
	out := filepath.Join(t.TempDir(), "m.xlsx")
	if code, o, e := run(t, "export", rpb, "-o", out); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, o, e)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总,东华门街道,某某镇,错配清单,处理意见清单,图例,_rpbmatrix_data" {
		t.Fatalf("sheets %s", got)
	}
	rows, err := f.GetRows("东华门街道")
	if err != nil {
		t.Fatal(err)
	}
	header := rows[3]
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %q", name, header)
		return -1
	}
	var dutyRow, injRow []string
	for _, r := range rows[4:] {
		switch {
		case len(r) > 3 && r[3] == "违法建设巡查":
			dutyRow = r
		case len(r) > 3 && strings.Contains(r[3], "公式注入"):
			injRow = r
		}
	}
	if dutyRow == nil || injRow == nil {
		t.Fatalf("duty rows missing: %q", rows)
	}
	tests := []struct{ column, want string }{
		{"行政处罚", "×"}, {"行政检查", "●"}, {"规划参与权", "○"}, {"实际角色", "牵头"},
		{"问责情况", "一票否决；问责 3 次"}, {"需要人力", "3"}, {"实有经费（万元）", "5"},
	}
	for _, tt := range tests {
		if got := dutyRow[col(tt.column)]; got != tt.want {
			t.Errorf("column %s: %q, want %q", tt.column, got, tt.want)
		}
	}
	if injRow[3] != "'=1+1 公式注入" {
		t.Errorf("formula not neutralised: %q", injRow[3])
	}
	panes, err := f.GetPanes("东华门街道")
	if err != nil || !panes.Freeze || panes.XSplit != 4 || panes.YSplit != 4 {
		t.Errorf("panes %+v %v, want frozen at E5", panes, err)
	}
}

func TestExportCSVAndOffice(t *testing.T) {
	rpb := exportFixture(t)
	out := filepath.Join(t.TempDir(), "m.csv")
	if code, o, e := run(t, "export", rpb, "-o", out, "--office", "东华门街道"); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, o, e)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF街道（乡镇）,")) {
		t.Errorf("no BOM/header: %q", b[:20])
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\r\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want header + 2 duties:\n%s", len(lines), b)
	}
	if !strings.Contains(string(b), "× 行政处罚；● 行政检查；○ 规划参与权") && !strings.Contains(string(b), "● 行政检查") {
		t.Errorf("authority marks missing:\n%s", b)
	}
	if !strings.Contains(string(b), ",'=1+1 公式注入,") {
		t.Errorf("formula not neutralised:\n%s", b)
	}
}

// --no-data-sheet leaves the hidden data sheet out of either workbook,
// and only it: the workbook no longer imports as the project.
func TestExportWithoutDataSheet(t *testing.T) {
	rpb := exportFixture(t)
	for _, tc := range []struct {
		form, sheets string
	}{
		{"matrix", "汇总,东华门街道,某某镇,错配清单,处理意见清单,图例"},
		{"lists", "基本履职事项清单,配合履职事项清单,上级部门收回事项清单,处理意见清单,错配统计"},
	} {
		out := filepath.Join(t.TempDir(), tc.form+".xlsx")
		if code, o, e := run(t, "export", rpb, "-o", out, "--form", tc.form, "--no-data-sheet"); code != ExitOK {
			t.Fatalf("%s: exit %d\n%s%s", tc.form, code, o, e)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.GetSheetList(), ","); got != tc.sheets {
			t.Errorf("%s: sheets %s, want %s", tc.form, got, tc.sheets)
		}
		f.Close()
		if sheet.IsProjectFile(out) {
			t.Errorf("%s: still a project workbook", tc.form)
		}
	}
}

func TestExportErrors(t *testing.T) {
	rpb := exportFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown office", []string{rpb, "-o", filepath.Join(dir, "x.xlsx"), "--office", "无此街道"}, ExitFindings, "没有名为「无此街道」"},
		{"bad extension", []string{rpb, "-o", filepath.Join(dir, "x.pdf")}, ExitUsage, ".xlsx、.csv 或 .json"},
		{"bad form", []string{rpb, "-o", filepath.Join(dir, "x.xlsx"), "--form", "pdf"}, ExitUsage, "matrix 或 lists"},
		{"lists as csv", []string{rpb, "-o", filepath.Join(dir, "x.csv"), "--form", "lists"}, ExitUsage, "只能导出为 .xlsx"},
		{"no data sheet in csv", []string{rpb, "-o", filepath.Join(dir, "x.csv"), "--no-data-sheet"}, ExitUsage, "--no-data-sheet"},
		{"json with office", []string{rpb, "-o", filepath.Join(dir, "x.json"), "--office", "东华门街道"}, ExitUsage, "--office"},
		{"no output", []string{rpb}, ExitUsage, "-o"},
		{"missing project", []string{filepath.Join(dir, "none.rpb"), "-o", filepath.Join(dir, "x.csv")}, ExitFindings, "none.rpb"},
	}
	for _, tt := range tests {
		code, o, e := run(t, "export", tt.args...)
		if code != tt.code || !strings.Contains(o+e, tt.want) {
			t.Errorf("%s: exit %d (want %d), output lacks %q:\n%s%s", tt.name, code, tt.code, tt.want, o, e)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); !os.IsNotExist(err) {
		t.Error("a failed export left a file behind")
	}
}

// TestExportDemo exports the demo project, whose analysis has findings of
// every severity: the findings sheet lists them office by office, each
// office's worst first, with reasons.
func TestExportDemo(t *testing.T) {
	dir := t.TempDir()
	rpb := filepath.Join(dir, "demo.rpb")
	if code, o, e := run(t, "demo", "-o", rpb); code != ExitOK {
		t.Fatalf("demo: exit %d\n%s%s", code, o, e)
	}
	out := filepath.Join(dir, "demo.xlsx")
	if code, o, e := run(t, "export", rpb, "-o", out); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, o, e)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("错配清单")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 10 {
		t.Fatalf("%d findings rows", len(rows))
	}
	reason := -1
	for i, h := range rows[0] {
		if strings.HasPrefix(h, "原因") {
			reason = i
		}
	}
	if reason < 0 {
		t.Fatalf("no reason column in %q", rows[0])
	}
	rank := map[string]int{"重大": 4, "严重": 3, "一般": 2, "提示": 1}
	for i := 2; i < len(rows); i++ {
		if rows[i][2] == rows[i-1][2] && rank[rows[i][0]] > rank[rows[i-1][0]] {
			t.Fatalf("row %d (%s) is worse than row %d (%s)", i+1, rows[i][0], i, rows[i-1][0])
		}
		if len(rows[i]) <= reason || rows[i][reason] == "" {
			t.Fatalf("row %d has no reason: %q", i+1, rows[i])
		}
	}
}

// Every workbook the command exports imports back into a new project as
// the records it holds — the matrix with assessments, holdings and
// decisions, the lists with duties and decisions — and into the project it
// came from as nothing new.
func TestWorkbookRoundTripThroughCommands(t *testing.T) {
	rpb := exportFixture(t)
	src := openProject(t, rpb)
	for _, form := range []string{"matrix", "lists"} {
		dir := t.TempDir()
		out := filepath.Join(dir, form+".xlsx")
		if code, o, e := run(t, "export", rpb, "-o", out, "--form", form); code != ExitOK {
			t.Fatalf("%s: exit %d\n%s%s", form, code, o, e)
		}
		copyRPB := filepath.Join(dir, "copy.rpb")
		code, o, e := run(t, "import", copyRPB, out)
		if code != ExitOK || !strings.Contains(o, "按其数据页导入") {
			t.Fatalf("%s: import exit %d\n%s%s", form, code, o, e)
		}
		got := openProject(t, copyRPB)
		for _, c := range []struct {
			what      string
			got, want any
		}{
			{"offices", got.Offices, src.Offices}, {"duties", got.Duties, src.Duties}, {"authorities", got.Authorities, src.Authorities},
			{"decisions", got.Decisions, src.Decisions},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s: %s differ after export and import", form, c.what)
			}
		}
		if form == "matrix" {
			if !reflect.DeepEqual(got.Assessments, src.Assessments) || !reflect.DeepEqual(got.Holdings, src.Holdings) {
				t.Errorf("matrix: assessments or holdings differ (%d/%d, %d/%d)", len(got.Assessments), len(src.Assessments),
					len(got.Holdings), len(src.Holdings))
			}
		} else if len(got.Assessments)+len(got.Holdings) != 0 {
			t.Errorf("lists: %d assessments, %d holdings: the lists hold none", len(got.Assessments), len(got.Holdings))
		}
		if code, o, _ := run(t, "import", rpb, out); code != ExitOK || !strings.Contains(o, "新增 0，替换 0") {
			t.Errorf("%s: into the project it came from: exit %d\n%s", form, code, o)
		}
	}
	// With another input it is refused: a whole project comes alone.
	out := filepath.Join(t.TempDir(), "m.xlsx")
	if code, o, e := run(t, "export", rpb, "-o", out); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, o, e)
	}
	if code, o, e := run(t, "import", filepath.Join(t.TempDir(), "x.rpb"), out, sheetTestdata+"quirks.xlsx"); code != ExitUsage {
		t.Errorf("exit %d, want %d\n%s%s", code, ExitUsage, o, e)
	}
}
