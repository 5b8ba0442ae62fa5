package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Texts come back from the workbook writer exactly as written — through
// the importer's reader and through excelize — whatever they hold: markup
// characters, quotes, control characters, spaces at the ends, text that
// looks like OOXML's own _xHHHH_ escapes. Bytes that are not UTF-8 come
// back as U+FFFD, as XML cannot hold them.
func TestCellTextRoundTrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 中文", "plain 中文"},
		{`<a href="x">&amp;</a> 'q'`, `<a href="x">&amp;</a> 'q'`},
		{"tab\there\nline\r\nbreaks", "tab\there\nline\r\nbreaks"},
		{"bell\x07 and nul\x00", "bell\x07 and nul\x00"},
		{"  spaced  ", "  spaced  "},
		{"_x0041_ stays", "_x0041_ stays"},
		{"a_x00e9_b_X12_", "a_x00e9_b_X12_"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"\uFFFE nonchar", "\uFFFD nonchar"},
		{`{"json": "with quotes"}`, `{"json": "with quotes"}`},
	}
	var buf bytes.Buffer
	wb := newWorkbook(&buf, "Calibri")
	defer wb.abort()
	w, err := wb.newSheet(wb.sheetName("t", "t"), sheetLayout{widths: []float64{20}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if err := w.put(0, textCell(tt.in), xcell{kind: 'n', num: 2.5}); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.close(); err != nil {
		t.Fatal(err)
	}
	tables, err := Read("t.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("t")
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		if got := tables[0].Cell(i, 0); got != tt.want {
			t.Errorf("our reader: %q came back %q, want %q", tt.in, got, tt.want)
		}
		if tables[0].Cell(i, 1) != "2.5" {
			t.Errorf("row %d: number %q", i+1, tables[0].Cell(i, 1))
		}
		// excelize drops a trailing CR of a line break and keeps the rest.
		if got := strings.ReplaceAll(rows[i][0], "\r", ""); got != strings.ReplaceAll(tt.want, "\r", "") {
			t.Errorf("excelize: %q came back %q, want %q", tt.in, rows[i][0], tt.want)
		}
	}
}

// Sheet names are made legal and unique: no []:*?/\, at most 31
// characters, a repeat numbered.
func TestSheetNames(t *testing.T) {
	wb := newWorkbook(&bytes.Buffer{}, "Calibri")
	defer wb.abort()
	long := strings.Repeat("长", 40)
	tests := []struct{ in, want string }{
		{"东华门街道", "东华门街道"},
		{"东华门街道", "东华门街道(2)"},
		{"a/b[c]:d*e?f\\g", "a_b_c__d_e_f_g"},
		{"'quoted'", "quoted"},
		{"", "fallback"},
		{long, strings.Repeat("长", 31)},
		{long, strings.Repeat("长", 28) + "(2)"},
	}
	for _, tt := range tests {
		if got := wb.sheetName(tt.in, "fallback"); got != tt.want {
			t.Errorf("sheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
