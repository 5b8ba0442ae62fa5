package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"rpbmatrix/model"
)

// FuzzReadCSV feeds arbitrary bytes through the whole text import: reading,
// header detection, row parsing and planning must never panic or hang, and
// every text they produce must be valid UTF-8. The seed corpus is in
// testdata/fuzz/FuzzReadCSV.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("序号,事项名称,事项类别\n1,甲,党的建设\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := Read("fuzz.csv", data)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error %T %v, want *FileError", err, err)
			}
			return
		}
		for _, tb := range tables {
			for _, r := range tb.Rows {
				for _, c := range r {
					if !utf8.ValidString(c) {
						t.Fatalf("invalid UTF-8 cell %q", c)
					}
				}
			}
		}
		pl := NewPlan(model.NewProject("fuzz", "", ""), Prepare(tables), Options{Kind: model.ListBasic, Office: "街道"})
		for _, e := range pl.Report.Entries {
			if e.Status == 0 || len(unworded(e.Reason)) > 0 {
				t.Fatalf("entry %+v: %v", e, unworded(e.Reason))
			}
		}
	})
}

// FuzzDetectHeader checks header detection on arbitrary grids (rows split
// on newlines, cells on tabs): the header it finds lies within the search
// window, its mapping is no wider than the row and names the duty column.
func FuzzDetectHeader(f *testing.F) {
	f.Add("标题\n序号\t事项名称\t类别\n1\t甲\t乙")
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for _, line := range strings.Split(s, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		h, ok := DetectHeader(rows)
		if !ok {
			return
		}
		if h.Row < 0 || h.Row >= HeaderSearchRows || h.Row >= len(rows) || h.DataStart <= h.Row || h.DataStart > h.Row+2 {
			t.Fatalf("header row %d, data %d of %d rows", h.Row, h.DataStart, len(rows))
		}
		if !h.Mapping.Has(FieldName) {
			t.Fatalf("mapping %v has no duty column", h.Mapping)
		}
		seen := map[Field]bool{}
		for _, fl := range h.Mapping {
			if singleValued[fl] && seen[fl] {
				t.Fatalf("mapping %v maps %v twice", h.Mapping, fl)
			}
			seen[fl] = true
		}
	})
}

// FuzzParseSheetData feeds arbitrary worksheet XML to the fast reader's
// scanner: it must never panic, every row it returns stays within the
// row and column limits, and reading it as it unpacks, a few bytes at a
// time, gives what reading it whole gives. The seed corpus is in
// testdata/fuzz/FuzzParseSheetData.
func FuzzParseSheetData(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>甲&amp;乙</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:A3"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb := &Table{File: "fuzz.xlsx", Sheet: "s"}
		merges, err := parseSheetData(data, []string{"字"}, []bool{false, true}, tb)
		streamed := &Table{File: "fuzz.xlsx", Sheet: "s"}
		smerges, serr := scanSheet(&xmlScanner{r: bytes.NewReader(data), block: 3}, []string{"字"}, []bool{false, true}, streamed)
		if (err == nil) != (serr == nil) || err == nil && (!reflect.DeepEqual(tb.Rows, streamed.Rows) || !reflect.DeepEqual(merges, smerges)) {
			t.Fatalf("whole: %v %q %v\nin blocks: %v %q %v", err, tb.Rows, merges, serr, streamed.Rows, smerges)
		}
		if err != nil {
			return
		}
		if len(tb.Rows) > MaxRows {
			t.Fatalf("%d rows", len(tb.Rows))
		}
		trimTrailingBlankRows(tb)
		if checkShape(tb.File, tb.Sheet, tb.Rows) == nil {
			fillMergedRefs(tb, merges)
		}
	})
}
