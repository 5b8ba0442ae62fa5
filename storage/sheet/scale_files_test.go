package sheet

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"rpbmatrix/model"
)

// TestWriteScaleFiles writes the inputs of the whole-process measurements
// (a CSV of RPB_SCALE_ROWS rows, default 1,000,000, and the 50,000-row
// workbook) into the folder RPB_WRITE_SCALE_FILES names, for
// `/usr/bin/time -v rpbmatrix import` and farm-bench; skipped otherwise.
func TestWriteScaleFiles(t *testing.T) {
	dir := os.Getenv("RPB_WRITE_SCALE_FILES")
	if dir == "" {
		t.Skip("set RPB_WRITE_SCALE_FILES to a folder")
	}
	rows := 1_000_000
	if s := os.Getenv("RPB_SCALE_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		rows = n
	}
	if err := writeBenchCSV(filepath.Join(dir, fmt.Sprintf("rows-%d.csv", rows)), rows); err != nil {
		t.Fatal(err)
	}
	if err := writeBenchWorkbook(filepath.Join(dir, "rows-50000.xlsx"), benchRows); err != nil {
		t.Fatal(err)
	}
	// RPB_SCALE_XLSX=1: the workbook of RPB_SCALE_ROWS rows as well.
	if os.Getenv("RPB_SCALE_XLSX") != "" && rows != benchRows {
		if err := writeBenchWorkbook(filepath.Join(dir, fmt.Sprintf("rows-%d.xlsx", rows)), rows); err != nil {
			t.Fatal(err)
		}
	}
}

// writeBenchCSV writes the rows of writeBenchWorkbook as a UTF-8 CSV.
func writeBenchCSV(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "序号,街道,事项类别,事项名称,子项,履职依据,主体责任部门,配合部门,备注")
	cats := model.Categories
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "%d,第%d街道,%s,职责事项第%d项,,《中华人民共和国某某法》第十二条、《某省街道办事处条例》第二十条,区城市管理委员会,区市场监管局、区公安分局,\n",
			i+1, benchOffice(i, rows), cats[(i/20)%len(cats)], i+1)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
