package sheet

import (
	"testing"

	"rpbmatrix/model"
)

func TestPreviewAndRemap(t *testing.T) {
	tables, err := Read("t.csv", []byte("标题行\n序号,名目,事项类别\n1,甲,党的建设\n注：脚注\n2,乙,\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := Prepare(tables)[0]
	if !s.Skipped() {
		t.Fatalf("no duty column yet, the table should be skipped: %+v", s.Header)
	}
	// The user tells the wizard where the header is and that 名目 is the duty name.
	s.SetSkipped(false)
	s.Header = Header{Row: 1, DataStart: 2, Mapping: Mapping{FieldSeq, FieldNone, FieldCategory}}
	s.SetField(1, FieldName)
	if got := s.HeaderCells(); got[1] != "名目" {
		t.Errorf("header cells %q", got)
	}
	rows := s.Preview(Options{Kind: model.ListBasic}, 10)
	want := []struct {
		row    int
		status Status
		name   string
	}{{3, StatusImported, "甲"}, {4, StatusSkipped, ""}, {5, StatusImported, "乙"}}
	if len(rows) != len(want) {
		t.Fatalf("%d preview rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, w := range want {
		if rows[i].Row != w.row || rows[i].Status != w.status || rows[i].Value(FieldName) != w.name {
			t.Errorf("row %d: %+v, want %+v", i, rows[i], w)
		}
	}
	if rows[2].Value(FieldCategory) != "党的建设" || rows[2].Value(FieldKind) != "basic" || rows[2].Text(FieldKind, "zh") != "基本履职" || rows[2].Text(FieldKind, "en") != "Basic" {
		t.Errorf("resolved values %q %q %q", rows[2].Value(FieldCategory), rows[2].Value(FieldKind), rows[2].Text(FieldKind, "en"))
	}
	// Moving the name to another column clears the old one.
	s.SetField(2, FieldName)
	if s.Header.Mapping[1] != FieldNone || s.Header.Mapping[2] != FieldName {
		t.Errorf("mapping after move %v", s.Header.Mapping)
	}
	if got := s.Preview(Options{Kind: model.ListBasic}, 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d rows", len(got))
	}
}
