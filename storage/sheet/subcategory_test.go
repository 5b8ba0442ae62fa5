package sheet

import (
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Every synonym of the second-level category, in both languages, names it
// exactly — and is not taken by the first-level category it nests in.
func TestSubCategorySynonyms(t *testing.T) {
	tests := []struct {
		cell  string
		field Field
	}{
		{"二级类别", FieldSubCategory},
		{"二级分类", FieldSubCategory},
		{"子类别", FieldSubCategory},
		{"二级事项类别", FieldSubCategory},
		{"Subcategory", FieldSubCategory},
		{"Sub-category", FieldSubCategory},
		{"事项类别", FieldCategory},
		{"一级类别", FieldCategory},
	}
	for _, lang := range words.Languages {
		for _, w := range strings.Split(words.Say(lang, "sheet.header.sub_category.synonyms"), "|") {
			tests = append(tests, struct {
				cell  string
				field Field
			}{w, FieldSubCategory})
		}
	}
	for _, tt := range tests {
		if f, _ := matchHeader(tt.cell); f != tt.field {
			t.Errorf("matchHeader(%q) = %v, want %v", tt.cell, f, tt.field)
		}
	}
}

func TestImportSubCategory(t *testing.T) {
	csv := "序号,一级类别,二级类别,事项名称\n1,平安建设,安全生产,开展安全生产检查\n2,平安建设,消防安全,消防隐患排查\n"
	tables, err := Read("list.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	p := model.NewProject("t", "", "")
	pl := NewPlan(p, Prepare(tables), Options{Kind: model.ListBasic})
	if !pl.Report.OK() {
		t.Fatal(pl.Report.Summary("en"))
	}
	q := applied(p, pl)
	for name, sub := range map[string]string{"开展安全生产检查": "安全生产", "消防隐患排查": "消防安全"} {
		d := dutyByName(q, name)
		if d == nil || d.Category != "平安建设" || d.SubCategory != sub {
			t.Errorf("%s: %+v, want category 平安建设 / %s", name, d, sub)
		}
	}
}
