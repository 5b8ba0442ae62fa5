package sheet

import (
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Every synonym in the catalogue, and every field's name in both
// languages, with or without a unit in brackets, names its field; no text
// is claimed by two fields, and none is a duty column's exact name (the
// duty column would win on a list).
func TestAssessmentHeaderSynonyms(t *testing.T) {
	sv := assessHeaderWords()
	if len(sv.conflicts) > 0 {
		t.Errorf("headers claimed by two assessment fields: %v", sv.conflicts)
	}
	for f := assessRole; f < assessFieldCount; f++ {
		for _, lang := range words.Languages {
			texts := strings.Split(words.Say(lang, "assessimport.header."+f.code()+".synonyms"), "|")
			texts = append(texts, f.name().In(lang))
			for _, text := range texts {
				if got := assessFieldOf(text); got != f {
					t.Errorf("%s %q maps to %s, want %s", lang, text, got.code(), f.code())
				}
				if df, exact := matchHeader(text); exact {
					t.Errorf("%s %q is also the duty column %s", lang, text, df.Code())
				}
			}
		}
	}
	tests := []struct {
		cell string
		want assessField
	}{
		{"督查检查次数", assessInspections},
		{"督查检查次数（次/年）", assessInspections},
		{"督查检查次数(次/年)", assessInspections},
		{"签责任状/签字背书", assessSignOffs},
		{"政务APP数量", assessApps},
		{"政务app数量（个）", assessApps},
		{"工作群", assessWorkGroups},
		{"多头填报/重复录入", assessDuplicateEntry},
		{"网格打卡/报送指标", assessCheckIns},
		{"经费来源", assessFundSource},
		{"实有经费（万元）", assessFundsHeld},
		{"其中区级财政专项", assessFundsDistrict},
		{"实际角色", assessRole},
		{"是否已评估", assessAssessed},
		{"一票否决", assessVeto},
		{"工作量（小时/月）", assessHours},
		{"Inspections per year", assessInspections},
		{"Government apps", assessApps},
		{"Funding source", assessFundSource},
		{"Staff held (FTE)", assessStaffHeld},
		{"Role", assessRole},
		{"Work Groups", assessWorkGroups},
		{"事项名称", assessNone},
		{"来源", assessNone},
		{"备注（次）", assessNone},
	}
	for _, tt := range tests {
		if got := assessFieldOf(tt.cell); got != tt.want {
			t.Errorf("%q maps to %s, want %s", tt.cell, got.code(), tt.want.code())
		}
	}
}

// A duty column that holds an assessment header only by a part of it
// ("经费来源" holds 来源, "一票否决依据" 依据) is given back to the assessment.
func TestListReleasesAssessmentColumns(t *testing.T) {
	tables, err := Read("t.csv", []byte("事项名称,事项类别,来源,经费来源,一票否决依据\n甲,x,文件,自筹,区委文件\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := Prepare(tables)[0]
	want := Mapping{FieldName, FieldCategory, FieldSource, FieldNone, FieldNone}
	for c, f := range want {
		if s.Header.Mapping[c] != f {
			t.Errorf("column %d feeds %s, want %s", c, s.Header.Mapping[c].Code(), f.Code())
		}
	}
	cols := assessColumnsOf(s)
	if len(cols) != 5 || cols[3] != assessFundSource || cols[4] != assessVetoBasis {
		t.Errorf("assessment columns %v", cols)
	}
}

func TestReadAssessCell(t *testing.T) {
	tests := []struct {
		field assessField
		text  string
		want  assessCell
		key   string // the rejection's key; "" when read
	}{
		{assessInspections, "12", assessCell{set: true, num: 12}, ""},
		{assessInspections, "１２次", assessCell{set: true, num: 12}, ""},
		{assessInspections, "1,200", assessCell{set: true, num: 1200}, ""},
		{assessInspections, "", assessCell{}, ""},
		{assessInspections, "—", assessCell{}, ""},
		{assessInspections, "/", assessCell{}, ""},
		{assessApps, "无", assessCell{set: true}, ""},
		{assessApps, "none", assessCell{set: true}, ""},
		{assessInspections, "2.5", assessCell{}, "assessimport.row.not_whole"},
		{assessInspections, "-3", assessCell{}, "assessimport.row.out_of_range"},
		{assessInspections, "十二", assessCell{}, "assessimport.row.bad_number"},
		{assessInspections, "NaN", assessCell{}, "assessimport.row.bad_number"},
		{assessHours, "40.5", assessCell{set: true, num: 40.5}, ""},
		{assessHours, "40 小时", assessCell{set: true, num: 40}, ""},
		{assessHours, "800", assessCell{}, "assessimport.row.out_of_range"},
		{assessStaffHeld, "1.5", assessCell{set: true, num: 1.5}, ""},
		{assessFundsHeld, "20万元", assessCell{set: true, num: 20}, ""},
		{assessVeto, "是", assessCell{set: true, yes: true}, ""},
		{assessVeto, "√", assessCell{set: true, yes: true}, ""},
		{assessVeto, "否", assessCell{set: true}, ""},
		{assessVeto, "Yes", assessCell{set: true, yes: true}, ""},
		{assessVeto, "maybe", assessCell{}, "assessimport.row.bad_yes_no"},
		{assessAssessed, "已评估", assessCell{set: true, yes: true}, ""},
		{assessAssessed, "未评估", assessCell{set: true}, ""},
		{assessAssessed, "no", assessCell{set: true}, ""},
		{assessRole, "牵头", assessCell{set: true, role: model.RoleLead}, ""},
		{assessRole, "主责", assessCell{set: true, role: model.RoleLead}, ""},
		{assessRole, "Support", assessCell{set: true, role: model.RoleSupport}, ""},
		{assessRole, "不承担", assessCell{set: true, role: model.RoleNone}, ""},
		{assessRole, "未评估", assessCell{set: true, unassessed: true}, ""},
		{assessRole, "not assessed", assessCell{set: true, unassessed: true}, ""},
		{assessRole, "主办", assessCell{}, "assessimport.row.bad_role"},
		{assessFundSource, "区级财政专项", assessCell{set: true, source: assessFundsDistrict}, ""},
		{assessFundSource, "随事转移", assessCell{set: true, source: assessFundsTransferred}, ""},
		{assessFundSource, "自筹", assessCell{set: true, source: assessFundsSelf}, ""},
		{assessFundSource, "Self-funded", assessCell{set: true, source: assessFundsSelf}, ""},
		{assessFundSource, "无", assessCell{set: true, source: assessNone}, ""},
		{assessFundSource, "区级财政专项、街道自筹", assessCell{}, "assessimport.row.bad_source"},
		{assessVetoBasis, "《某条例》第五条", assessCell{set: true, text: "《某条例》第五条"}, ""},
		{assessVetoBasis, strings.Repeat("长", model.MaxText), assessCell{}, "assessimport.row.too_long"},
	}
	for _, tt := range tests {
		got, bad := readAssessCell(tt.field, tt.text)
		if bad.Key != tt.key {
			t.Errorf("%s %q: rejected with %q, want %q", tt.field.code(), tt.text, bad.Key, tt.key)
			continue
		}
		if miss := unworded(bad); len(miss) > 0 {
			t.Errorf("%s %q: the rejection lacks %v", tt.field.code(), tt.text, miss)
		}
		if got != tt.want {
			t.Errorf("%s %q: read %+v, want %+v", tt.field.code(), tt.text, got, tt.want)
		}
	}
}

// The fund source names where all the funds held come from, unless the
// row gives the amounts by source.
func TestFundSourceApplies(t *testing.T) {
	tests := []struct {
		name                    string
		cells                   map[assessField]assessCell
		district, transf, self_ float64
	}{
		{"source takes the held amount", map[assessField]assessCell{assessFundsHeld: {set: true, num: 20},
			assessFundSource: {set: true, source: assessFundsTransferred}}, 0, 20, 0},
		{"amounts by source win", map[assessField]assessCell{assessFundsHeld: {set: true, num: 20},
			assessFundSource: {set: true, source: assessFundsTransferred}, assessFundsSelf: {set: true, num: 5}}, 3, 0, 5},
		{"none clears the parts", map[assessField]assessCell{assessFundSource: {set: true, source: assessNone}}, 0, 0, 0},
	}
	for _, tt := range tests {
		a := &model.Assessment{FundsHeld: 20, FundsDistrict: 3, FundsSelf: 4}
		var r assessRow
		for f, c := range tt.cells {
			r.cells[f] = c
		}
		r.applyTo(a)
		if a.FundsDistrict != tt.district || a.FundsTransferred != tt.transf || a.FundsSelf != tt.self_ {
			t.Errorf("%s: district %v, transferred %v, self %v", tt.name, a.FundsDistrict, a.FundsTransferred, a.FundsSelf)
		}
	}
}

// The wizard's note names the assessment columns of a list, and an
// assessment sheet as one.
func TestAssessmentNote(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"事项名称,事项类别,督查检查次数（次/年）,政务APP数量\n甲,x,3,2\n", "履职评估指标列（填入本街道（乡镇）对各事项的评估）：C 督查检查次数（次/年）、D 政务APP数量"},
		{"街道,事项名称,实际角色,工作群\n东城街道,甲,牵头,2\n", "履职评估表：每行一个街道（乡镇）的一个事项，街道与事项须已在工作底稿或本次导入中；指标列：C 实际角色、D 工作群"},
		{"事项名称,事项类别\n甲,x\n", ""},
	}
	for _, tt := range tests {
		tables, err := Read("t.csv", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if got := Prepare(tables)[0].AssessmentNote().In("zh-Hans"); got != tt.want {
			t.Errorf("%q: note %q, want %q", tt.text, got, tt.want)
		}
	}
}
