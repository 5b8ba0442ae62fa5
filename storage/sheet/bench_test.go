package sheet

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// benchRows is the size of the import bar (DESIGN §6): a 50,000-row workbook.
const benchRows = 50_000

// writeBenchWorkbook writes a list shaped like a published one: a title
// row, the header, and rows in blocks of 20 whose category cell is merged.
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
		row := []any{i + 1, fmt.Sprintf("第%d街道", i/1000+1), cat, fmt.Sprintf("职责事项第%d项", i+1), "",
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

// TestCompareLibreOffice times our import and `libreoffice --headless
// --convert-to csv` on the same 50,000-row workbook. It runs only with
// RPB_COMPARE_LIBREOFFICE=1 and soffice on the PATH, because it takes
// seconds and needs LibreOffice installed.
func TestCompareLibreOffice(t *testing.T) {
	if os.Getenv("RPB_COMPARE_LIBREOFFICE") == "" {
		t.Skip("set RPB_COMPARE_LIBREOFFICE=1 to compare with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.xlsx")
	if err := writeBenchWorkbook(path, benchRows); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := importFile(path); err != nil {
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
