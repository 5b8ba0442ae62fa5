package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"rpbmatrix/model"
)

// DemoError is a problem in one of the demo data files, naming the file, the
// line (as a spreadsheet numbers it, header = 1) and the column.
type DemoError struct {
	File   string
	Line   int    // 0 when the problem is not on one line
	Column string // the column's header, "" when the problem is not in one cell
	Msg    model.Msg
}

func (e *DemoError) Error() string {
	where := "assets/demo/" + e.File
	whereEn := where
	if e.Line > 0 {
		where += fmt.Sprintf(" 第 %d 行", e.Line)
		whereEn += fmt.Sprintf(" line %d", e.Line)
	}
	if e.Column != "" {
		where += "「" + e.Column + "」"
		whereEn += " column " + strconv.Quote(e.Column)
	}
	return where + "：" + e.Msg.Zh + " / " + whereEn + ": " + e.Msg.En
}

// table is one CSV file of the demo: a header row naming the columns, then
// data rows. Blank rows are skipped; the columns may come in any order.
type table struct {
	file string
	cols map[string]int
	rows []row
}

type row struct {
	t     *table
	line  int
	cells []string
}

// readTable reads file from fsys and checks that every required column is present.
func readTable(fsys fs.FS, file string, required ...string) (*table, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, &DemoError{File: file, Msg: model.Msg{Zh: "无法读取文件：" + err.Error(), En: "cannot read the file: " + err.Error()}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // spreadsheet programs save UTF-8 with a BOM
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		line := 0
		if pe, ok := err.(*csv.ParseError); ok {
			line = pe.Line
		}
		return nil, &DemoError{File: file, Line: line, Msg: model.Msg{Zh: "CSV 格式错误：" + err.Error(), En: "malformed CSV: " + err.Error()}}
	}
	if len(records) == 0 {
		return nil, &DemoError{File: file, Msg: model.Msg{Zh: "文件为空，缺少表头行", En: "the file is empty: no header row"}}
	}
	t := &table{file: file, cols: map[string]int{}}
	for i, h := range records[0] {
		t.cols[strings.TrimSpace(h)] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &DemoError{File: file, Line: 1, Column: c, Msg: model.Msg{Zh: "表头缺少该列", En: "the header lacks this column"}}
		}
	}
	for i, rec := range records[1:] {
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		t.rows = append(t.rows, row{t: t, line: i + 2, cells: rec})
	}
	return t, nil
}

// errf returns an error about the cell of column on this row.
func (r row) errf(column, zh, en string, args ...any) *DemoError {
	return &DemoError{File: r.t.file, Line: r.line, Column: column,
		Msg: model.Msg{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}}
}

// str returns the trimmed cell of column, "" when the row is short or the column absent.
func (r row) str(column string) string {
	i, ok := r.t.cols[column]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// need returns the cell of column, or an error when it is empty.
func (r row) need(column string) (string, error) {
	s := r.str(column)
	if s == "" {
		return "", r.errf(column, "不能为空", "must not be empty")
	}
	return s, nil
}

// int returns the cell as a whole number; empty means 0.
func (r row) int(column string) (int, error) {
	s := r.str(column)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, r.errf(column, "应为整数（%q）", "must be a whole number (%q)", s)
	}
	if n < 0 {
		return 0, r.errf(column, "不能为负数（%d）", "must not be negative (%d)", n)
	}
	return n, nil
}

// float returns the cell as a number; empty means 0.
func (r row) float(column string) (float64, error) {
	s := r.str(column)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, r.errf(column, "应为数字（%q）", "must be a number (%q)", s)
	}
	if f < 0 {
		return 0, r.errf(column, "不能为负数（%g）", "must not be negative (%g)", f)
	}
	return f, nil
}

// yes returns the cell as 是/否; empty means no.
func (r row) yes(column string) (bool, error) {
	switch s := r.str(column); s {
	case "是", "Y", "y", "yes", "true":
		return true, nil
	case "否", "", "N", "n", "no", "false":
		return false, nil
	default:
		return false, r.errf(column, "应为“是”或“否”（%q）", "must be 是 (yes) or 否 (no) (%q)", s)
	}
}

// list splits a cell holding names separated by full-width or ASCII semicolons.
func (r row) list(column string) []string {
	s := r.str(column)
	if s == "" {
		return nil
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == '；' || c == ';' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
