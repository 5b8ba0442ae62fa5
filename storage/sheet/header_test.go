package sheet

import (
	"testing"

	"rpbmatrix/model"
)

func newTestProject() *model.Project { return model.NewProject("测试", "", "test") }

func TestMatchHeader(t *testing.T) {
	tests := []struct {
		cell  string
		field Field
		exact bool
	}{
		{"事项名称", FieldName, true},
		{"事 项 名 称", FieldName, true},
		{"事项\n名称", FieldName, true},
		{"*事项名称", FieldName, true},
		{"事项名称（必填）", FieldName, true},
		{"职责事项", FieldName, true},
		{"子项", FieldSubItem, true},
		{"领域", FieldCategory, true},
		{"上级部门职责", FieldHigherDeptDuty, true},
		{"上级部门", FieldLeadDept, true},
		{"对应上级部门", FieldLeadDept, true},
		{"镇街配合职责", FieldOfficeDuty, true},
		{"街道（乡镇）", FieldOffice, true},
		{"街道(乡镇)", FieldOffice, true},
		{"清单类型", FieldKind, true},
		{"承接部门", FieldReceivingDept, true},
		{"序号", FieldSeq, true},
		{"事项名称（主项）", FieldName, false},
		{"街道配合职责内容", FieldOfficeDuty, false},
		{"", FieldNone, false},
		{"金额", FieldNone, false},
		{"这是一段很长的说明文字，其中提到了事项名称但显然不是表头", FieldNone, false},
	}
	for _, tt := range tests {
		f, exact := matchHeader(tt.cell)
		if f != tt.field || exact != tt.exact {
			t.Errorf("%q: %v %v, want %v %v", tt.cell, f, exact, tt.field, tt.exact)
		}
	}
}

func TestDetectHeader(t *testing.T) {
	tests := []struct {
		name      string
		rows      [][]string
		ok        bool
		row, data int
		mapping   Mapping
	}{
		{"plain", [][]string{{"序号", "事项名称", "类别"}, {"1", "甲", "乙"}}, true, 0, 1,
			Mapping{FieldSeq, FieldName, FieldCategory}},
		{"title rows above", [][]string{{"某街道基本履职事项清单"}, {"（2025年）"}, {}, {"序号", "职责事项", "履职依据", "备注"}, {"1", "x", "y", ""}}, true, 3, 4,
			Mapping{FieldSeq, FieldName, FieldLegalBasis, FieldNotes}},
		{"merged header cell spans two columns", [][]string{{"序号", "事项名称", "上级部门", "上级部门"}, {"", "", "部门名称", "上级部门职责"}, {"1", "x", "区城管委", "负责"}}, true, 0, 2,
			Mapping{FieldSeq, FieldName, FieldLeadDept, FieldHigherDeptDuty}},
		{"duplicate single-valued column", [][]string{{"事项名称", "职责事项", "类别"}}, true, 0, 1,
			Mapping{FieldName, FieldNone, FieldCategory}},
		{"no duty column", [][]string{{"序号", "类别", "备注"}}, false, 0, 0, nil},
		{"nothing", nil, false, 0, 0, nil},
		{"header below row 30", append(make([][]string, 30), []string{"序号", "事项名称"}), false, 0, 0, nil},
	}
	for _, tt := range tests {
		h, ok := DetectHeader(tt.rows)
		if ok != tt.ok {
			t.Errorf("%s: found %v, want %v", tt.name, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if h.Row != tt.row || h.DataStart != tt.data || !equalMapping(h.Mapping, tt.mapping) {
			t.Errorf("%s: row %d data %d mapping %v, want %d %d %v", tt.name, h.Row, h.DataStart, h.Mapping, tt.row, tt.data, tt.mapping)
		}
	}
}

func equalMapping(a, b Mapping) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseSeq(t *testing.T) {
	tests := []struct {
		in string
		n  int
		ok bool
	}{
		{"12", 12, true}, {"012", 12, true}, {"12.0", 12, true}, {"12、", 12, true}, {"（三）", 3, true},
		{"十", 10, true}, {"十二", 12, true}, {"二十三", 23, true}, {"一百零五", 105, true}, {"１２", 12, true},
		{"1.2", 0, false}, {"A3", 0, false}, {"", 0, false}, {"-1", 0, false}, {"1e99", 0, false},
	}
	for _, tt := range tests {
		n, ok := parseSeq(tt.in)
		if ok != tt.ok || (ok && n != tt.n) {
			t.Errorf("%q: %d %v, want %d %v", tt.in, n, ok, tt.n, tt.ok)
		}
	}
}

func TestKindFromText(t *testing.T) {
	tests := []struct {
		in   string
		kind model.ListKind
		ok   bool
	}{
		{"基本履职事项", model.ListBasic, true}, {"基本", model.ListBasic, true}, {"配合履职", model.ListSupporting, true},
		{"上级部门收回事项", model.ListReturned, true}, {"收回", model.ListReturned, true}, {"supporting", model.ListSupporting, true},
		{"某街道基本履职事项清单", model.ListBasic, true}, {"其他", 0, false},
	}
	for _, tt := range tests {
		k, ok := kindFromText(tt.in)
		if k != tt.kind || ok != tt.ok {
			t.Errorf("%q: %v %v, want %v %v", tt.in, k, ok, tt.kind, tt.ok)
		}
	}
}

func TestNeutraliseCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=SUM(A1)", "'=SUM(A1)"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@cmd", "'@cmd"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"＝1", "'＝1"}, {"事项", "事项"}, {"", ""}, {"a=b", "a=b"}, {"1-2", "1-2"},
	}
	for _, tt := range tests {
		if got := NeutraliseCell(tt.in); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}
