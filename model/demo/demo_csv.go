package demo

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"rpbmatrix/model/words"
)

// Error is a problem in one of the demo data files, naming the file, the
// line (as a spreadsheet numbers it, header = 1) and the column. Its words
// are a catalogue message (Msg), worded where the error is shown.
type Error struct {
	File    string    // "" when the problem is the whole project's
	Line    int       // 0 when the problem is not on one line
	Column  string    // the column's header, "" when the problem is not in one cell
	Problem words.Msg // what is wrong, without the place
}

// Msg is the problem and its place, to be worded in the reader's language.
func (e *Error) Msg() words.Msg {
	switch {
	case e.File == "":
		return e.Problem
	case e.Line == 0:
		return words.M("demo.error.file", "file", e.File, "problem", e.Problem)
	case e.Column == "":
		return words.M("demo.error.line", "file", e.File, "line", e.Line, "problem", e.Problem)
	}
	return words.M("demo.error.cell", "file", e.File, "line", e.Line, "column", e.Column, "problem", e.Problem)
}

// Error is the message in English, for logs.
func (e *Error) Error() string { return e.Msg().In(words.En) }

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
func readTable(fsys fs.FS, file string, required []string) (*table, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, &Error{File: file, Problem: words.M("demo.error.read", "cause", err.Error())}
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
		return nil, &Error{File: file, Line: line, Problem: words.M("demo.error.csv", "cause", err.Error())}
	}
	if len(records) == 0 {
		return nil, &Error{File: file, Problem: words.M("demo.error.no_header")}
	}
	t := &table{file: file, cols: map[string]int{}}
	for i, h := range records[0] {
		t.cols[strings.TrimSpace(h)] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &Error{File: file, Line: 1, Column: c, Problem: words.M("demo.error.missing_column")}
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

// fail returns an error about the cell of column on this row.
func (r row) fail(column string, problem words.Msg) *Error {
	return &Error{File: r.t.file, Line: r.line, Column: column, Problem: problem}
}

// notOneOf is the error for a cell that names none of the values an enum
// has (their names in either language are accepted).
func notOneOf[T interface{ Name() words.Msg }](r row, column string, values []T) *Error {
	names := make([]words.Msg, len(values))
	for i, v := range values {
		names[i] = v.Name()
	}
	return r.fail(column, words.M("demo.error.one_of", "values", names, "value", r.str(column)))
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
		return "", r.fail(column, words.M("demo.error.empty_cell"))
	}
	return s, nil
}

// int returns the cell as a whole number; empty means 0.
func (r row) int(column string) (int, error) {
	v, err := r.number(column, true, false)
	return int(v), err
}

// delta returns the cell as a signed number (resources added or, negative,
// removed); whole when whole is set; empty means 0.
func (r row) delta(column string, whole bool) (float64, error) { return r.number(column, whole, true) }

// float returns the cell as a number; empty means 0.
func (r row) float(column string) (float64, error) { return r.number(column, false, false) }

// number reads a cell that must hold a number, not negative unless signed,
// and whole when whole is set; empty means 0.
func (r row) number(column string, whole, signed bool) (float64, error) {
	s := r.str(column)
	if s == "" {
		return 0, nil
	}
	var v float64
	var err error
	if whole {
		var n int
		n, err = strconv.Atoi(s)
		v = float64(n)
	} else {
		v, err = strconv.ParseFloat(s, 64)
	}
	switch {
	case err != nil && whole:
		return 0, r.fail(column, words.M("demo.error.not_integer", "value", s))
	case err != nil:
		return 0, r.fail(column, words.M("demo.error.not_number", "value", s))
	case v < 0 && !signed:
		return 0, r.fail(column, words.M("demo.error.negative", "value", s))
	}
	return v, nil
}

// yes returns the cell as yes or no (yesWords, noWords); empty means no.
func (r row) yes(column string) (bool, error) {
	s := r.str(column)
	switch {
	case slices.Contains(yesWords, s):
		return true, nil
	case slices.Contains(noWords, s):
		return false, nil
	}
	return false, r.fail(column, words.M("demo.error.yes_no", "yes", yesWords[0], "no", noWords[0], "value", s))
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
