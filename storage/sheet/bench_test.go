package sheet

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/storage"
)

// benchRows is the size of the import bar (DESIGN §6): a 50,000-row workbook.
const benchRows = 50_000

// writeBenchWorkbook writes a list shaped like a published one: a title
// row, the header, and rows in blocks of 20 whose category cell is merged.
// benchOffice numbers the office of row i of a bench list of rows rows.
// Every row is a duty of its own office, so the analysis holds offices ×
// rows pairs: the rows are spread over as many offices (at most 50) as
// keep that to half of model.MaxPairs — 20 offices of 2,500 rows for the
// 50,000-row workbook, one office for 1,000,000 rows.
func benchOffice(i, rows int) int {
	offices := min(max(model.MaxPairs/(2*rows), 1), 50)
	return i*offices/rows + 1
}

func writeBenchWorkbook(path string, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "基本履职事项"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"某区各街道基本履职事项清单"}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{"序号", "街道", "事项类别", "事项名称", "子项", "履职依据", "主体责任部门", "配合部门", "备注"}); err != nil {
		return err
	}
	cats := model.Categories
	for i := 0; i < rows; i++ {
		r := i + 3
		cat := any(nil)
		if i%20 == 0 {
			cat = cats[(i/20)%len(cats)]
		}
		row := []any{i + 1, fmt.Sprintf("第%d街道", benchOffice(i, rows)), cat, fmt.Sprintf("职责事项第%d项", i+1), "",
			"《中华人民共和国某某法》第十二条、《某省街道办事处条例》第二十条", "区城市管理委员会", "区市场监管局、区公安分局", ""}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
		if i%20 == 0 && i+19 < rows {
			if err := sw.MergeCell(fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r+19)); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// importFile is the import as the command does it, short of the commit:
// read, prepare, plan (with validation and duplicate detection).
func importFile(path string) (*Plan, error) {
	pl := PlanFiles(model.NewProject("bench", "", ""), []string{path}, Options{})
	if !pl.Report.OK() {
		return pl, fmt.Errorf("rejected: %s", pl.Report.Summary("en"))
	}
	return pl, nil
}

// BenchmarkImport50k measures importing the 50,000-row workbook (run with
// -benchtime=3x; TestCompareLibreOffice puts it beside LibreOffice).
func BenchmarkImport50k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := writeBenchWorkbook(path, benchRows); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		pl, err := importFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if n := pl.Report.Count(StatusImported); n != benchRows {
			b.Fatalf("imported %d rows, want %d", n, benchRows)
		}
	}
}

// BenchmarkImportScale imports a generated workbook of 200,000 or
// 1,000,000 rows into a new project file, as the import command does
// (read, plan, write the file whole), and reports the process's peak RSS.
// Run one size per process, as peak RSS is the process's:
//
//	go test -run '^$' -bench 'ImportScale/1000000' -benchtime 1x -timeout 30m ./storage/sheet/
//
// The workbook is written by another process (TestWriteScaleFiles), so
// that writing it does not count. The bar: 1,000,000 rows under 1.5 GB.
func BenchmarkImportScale(b *testing.B) {
	for _, rows := range []int{200_000, 1_000_000} {
		b.Run(strconv.Itoa(rows), func(b *testing.B) {
			dir := b.TempDir()
			gen := exec.Command(os.Args[0], "-test.run=^TestWriteScaleFiles$", "-test.timeout=30m")
			gen.Env = append(os.Environ(), "RPB_WRITE_SCALE_FILES="+dir, "RPB_SCALE_ROWS="+strconv.Itoa(rows), "RPB_SCALE_XLSX=1")
			if out, err := gen.CombinedOutput(); err != nil {
				b.Fatalf("writing the workbook: %v\n%s", err, out)
			}
			in := filepath.Join(dir, fmt.Sprintf("rows-%d.xlsx", rows))
			debug.SetMemoryLimit(ImportMemoryLimit)
			defer debug.SetMemoryLimit(math.MaxInt64)
			b.ResetTimer()
			for b.Loop() {
				out := filepath.Join(dir, "new.rpb")
				os.Remove(out)
				if err := importNew(out, in); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(peakRSS()/(1<<20), "MB-peak-RSS")
		})
	}
}

// importNew imports the list at in into a new project file at out, as
// the import command does.
func importNew(out, in string) error {
	p := model.NewProject("scale", "", "")
	pl := PlanFiles(p, []string{in}, Options{})
	if !pl.Report.OK() {
		return fmt.Errorf("rejected: %s", pl.Report.Summary("en"))
	}
	action, err := pl.Fill(p, []string{in})
	if err != nil {
		return err
	}
	st, err := storage.CreateAs(out, p, storage.Options{Author: "bench"}, action)
	if err != nil {
		return err
	}
	return st.Close()
}

// TestCompareLibreOffice times our import into a new project file and
// `libreoffice --headless --convert-to csv` on the same 50,000-row workbook. It runs only with
// RPB_COMPARE_LIBREOFFICE=1 and soffice on the PATH, because it takes
// seconds and needs LibreOffice installed.
func TestCompareLibreOffice(t *testing.T) {
	soffice := needLibreOffice(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "big.xlsx")
	if err := writeBenchWorkbook(path, benchRows); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := importNew(filepath.Join(dir, "new.rpb"), path); err != nil { // read, plan and write the file
		t.Fatal(err)
	}
	ours := time.Since(start)

	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	// A first run creates LibreOffice's profile; time the second, warm one.
	for i := 0; i < 2; i++ {
		start = time.Now()
		out, err := exec.Command(soffice, profile, "--headless", "--convert-to", "csv", "--outdir", dir, path).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
	}
	lo := time.Since(start)
	t.Logf("50,000-row workbook: rpbmatrix import %v, LibreOffice convert-to csv %v (%.1f×)", ours, lo, lo.Seconds()/ours.Seconds())
	if ours >= lo {
		t.Errorf("import (%v) is not faster than LibreOffice (%v)", ours, lo)
	}
}

// BenchmarkExportXLSX writes the matrix workbook of a district of 20
// offices with 1,000 duties each (20,000 matrix rows), analysis included.
func BenchmarkExportXLSX(b *testing.B) {
	p := synth.Generate(20, 1000, 1)
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, p, model.Analyze(p), "", "zh"); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/(1<<20), "MB")
	}
}

// BenchmarkExportScale writes the matrix workbook of a generated district
// to a file, analysis included, and reports the file's size and the
// process's peak RSS. Run one size per process, as peak RSS is the
// process's (-bench 'ExportScale/1000x1000' -benchtime 1x): the bar is
// 1,000 offices × 1,000 duties in under 1 GB (DESIGN §6).
func BenchmarkExportScale(b *testing.B) {
	for _, offices := range []int{200, 500, 1000} {
		b.Run(fmt.Sprintf("%dx1000", offices), func(b *testing.B) {
			p := synth.Generate(offices, 1000, 1)
			path := filepath.Join(b.TempDir(), "m.xlsx")
			b.ResetTimer()
			for b.Loop() {
				if err := exportMatrixFile(path, p); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if fi, err := os.Stat(path); err == nil {
				b.ReportMetric(float64(fi.Size())/(1<<20), "MB-file")
			}
			b.ReportMetric(peakRSS()/(1<<20), "MB-peak-RSS")
		})
	}
}

// libreOffice converts every sheet of a workbook to CSV with LibreOffice
// (one file per sheet, UTF-8) and returns the CSV texts by sheet name.
func libreOffice(t *testing.T, soffice, path string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	// Filter options: comma, quote, UTF-8, from line 1, …, and -1: every sheet.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
	out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", filter, "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	files, _ := filepath.Glob(filepath.Join(dir, base+"-*.csv"))
	got := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")] = string(b)
	}
	return got
}

// TestLibreOfficeReadsExports opens both workbooks with LibreOffice and
// reads the CSV it makes of them: every sheet is there, integers print as
// integers ("1", "3", never "3."), and the lists and decisions read as
// published. It runs with RPB_COMPARE_LIBREOFFICE=1 and soffice on the PATH.
func TestLibreOfficeReadsExports(t *testing.T) {
	soffice := needLibreOffice(t)
	p := exportProject()
	res := model.Analyze(p)
	var m, l bytes.Buffer
	if err := WriteXLSX(&m, p, res, "", "zh"); err != nil {
		t.Fatal(err)
	}
	if err := WriteListsXLSX(&l, p, res, "", "zh"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mp, lp := filepath.Join(dir, "m.xlsx"), filepath.Join(dir, "l.xlsx")
	if err := os.WriteFile(mp, m.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lp, l.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	matrix, lists := libreOffice(t, soffice, mp), libreOffice(t, soffice, lp)
	for _, want := range []struct {
		sheets map[string]string
		sheet  string
		texts  []string
	}{
		{matrix, "东华门街道", []string{"\n1,基本履职,城市管理,违法建设巡查,牵头,", ",3,1,20,5,", "一票否决；问责 3 次"}},
		{matrix, "汇总", []string{"东华门街道,2,"}},
		{matrix, "处理意见清单", []string{"序号,街道,事项,清单类型,错配,处理意见,责任单位,完成时限,状态"}},
		{matrix, dataSheetName, []string{dataFormat + ",1,"}},
		{lists, "基本履职事项清单", []string{"序号,事项名称,事项类别,履职依据,主体责任部门,配合部门", "\n1,违法建设巡查,城市管理,"}},
		{lists, "配合履职事项清单", []string{"序号,事项名称,事项类别,对应上级部门,上级部门职责,镇街配合职责", "\n2,配合禁毒宣传,平安建设,"}},
		{lists, "上级部门收回事项清单", []string{"序号,事项名称,事项类别,承接部门,工作方式", "注：本清单暂无事项。"}},
		{lists, "错配统计", []string{"东华门街道,"}},
	} {
		csv, ok := want.sheets[want.sheet]
		if !ok {
			t.Errorf("LibreOffice gave no sheet %s (has %d)", want.sheet, len(want.sheets))
			continue
		}
		for _, text := range want.texts {
			if !strings.Contains(csv, text) {
				t.Errorf("%s: %q missing from LibreOffice's CSV:\n%s", want.sheet, text, csv)
			}
		}
		if regexp.MustCompile(`(^|,)\d+\.(,|$)`).MatchString(csv) {
			t.Errorf("%s: an integer printed with a trailing point:\n%s", want.sheet, csv)
		}
	}
}

// TestCompareLibreOfficeExport times our export of a 200-office district
// beside LibreOffice converting that same workbook to CSV, each as a whole
// process would: ours from the project in memory, LibreOffice from the
// file. It runs with RPB_COMPARE_LIBREOFFICE=1 and soffice on the PATH.
func TestCompareLibreOfficeExport(t *testing.T) {
	soffice := needLibreOffice(t)
	p := synth.Generate(200, 1000, 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "m.xlsx")
	start := time.Now()
	if err := exportMatrixFile(path, p); err != nil {
		t.Fatal(err)
	}
	ours := time.Since(start)
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	start = time.Now()
	if out, err := exec.Command(soffice, profile, "--headless", "--convert-to", "csv", "--outdir", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	lo := time.Since(start)
	t.Logf("200 × 1,000 workbook: export %v, LibreOffice convert-to csv %v (%.1f×)", ours, lo, lo.Seconds()/ours.Seconds())
	if ours >= lo {
		t.Errorf("export (%v) is not faster than LibreOffice's conversion (%v)", ours, lo)
	}
}

// exportMatrixFile analyses p and writes its matrix workbook to path.
func exportMatrixFile(path string, p *model.Project) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteXLSX(f, p, model.Analyze(p), "", "zh"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// needLibreOffice returns the path of soffice, or skips the test: it runs
// only with RPB_COMPARE_LIBREOFFICE=1 and LibreOffice installed, as it
// takes seconds.
func needLibreOffice(t *testing.T) string {
	t.Helper()
	if os.Getenv("RPB_COMPARE_LIBREOFFICE") == "" {
		t.Skip("set RPB_COMPARE_LIBREOFFICE=1 to run beside LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	return soffice
}
