package sheet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The assessment inputs under testdata/, used here and by app/cli's import
// tests: an office's list with assessment columns (imported with --office)
// and an assessment sheet for two offices. Regenerate with
// go test ./storage/sheet -run TestWriteAssessmentTestdata -update.
const assessListCSV = "东城街道履职事项清单（含评估指标）,,,,,,,,,,,,,\n" +
	"序号,事项名称,事项类别,实际角色,督查检查次数（次/年）,签责任状/签字背书,政务APP数量,工作群,多头填报/重复录入,网格打卡/报送指标,需要经费（万元）,实有经费（万元）,经费来源,一票否决\n" +
	"1,消防安全检查,平安建设,牵头,12,2,3,5,4,30,20,10,区级财政专项,是\n" +
	"2,垃圾分类督导,城市管理,配合,6,,2,3,,,,,,否\n" +
	"3,老年人福利补贴,民生保障,未评估,4,,1,,,,,,,\n" +
	"4,社区党组织建设,党的建设,,,,,,,,,,,\n"

// assessSheetRows: 东城街道's fire checks, assessed already by the list,
// are updated (its role cell is blank); 西城街道's are created; its waste
// sorting is marked not assessed and its old-age allowance does not say:
// neither gets an assessment. The total row is skipped.
var assessSheetRows = [][]any{
	{"2026年街道履职评估指标汇总表"},
	{"序号", "街道", "事项名称", "实际角色", "工作量（小时/月）", "其中填报留痕（小时/月）", "报表次数", "督查检查次数", "签字背书",
		"政务APP数量", "工作群", "重复录入", "报送指标", "需要人力", "实有人力", "需要经费", "实有经费", "经费来源", "一票否决", "被考核部门数"},
	{1, "东城街道", "消防安全检查", "", 40, 10, 4, 15, 3, 4, 6, 5, 31, 2, 1.5, 25, 12, "部门随事转移", "", 3},
	{2, "西城街道", "消防安全检查", "牵头", 60, 20, 8, 24, 6, 5, 9, 3, 40, 3, 1, 30, 6, "街道自筹", "是", 4},
	{3, "西城街道", "垃圾分类督导", "未评估", 10, "", "", 2, "", 1, "", "", "", "", "", "", "", "", "", ""},
	{4, "西城街道", "老年人福利补贴", "", 8, "", 1, "", "", 1, "", "", "", "", "", "", "", "", "", ""},
	{"合计", "", "", "", 118, 30, 13, 41, 9, 11, 15, 8, 71, 5, 2.5, 55, 18, "", "", ""},
}

func writeAssessSheet(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "履职评估"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	for i, r := range assessSheetRows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

func TestWriteAssessmentTestdata(t *testing.T) {
	files := map[string]func(string) error{
		"assess_list.csv":  func(p string) error { return os.WriteFile(p, []byte(assessListCSV), 0o644) },
		"assessments.xlsx": writeAssessSheet,
	}
	for name, write := range files {
		path := filepath.Join("testdata", name)
		if *update {
			if err := write(path); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			continue
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s missing; run go test ./storage/sheet -run TestWriteAssessmentTestdata -update", name)
		}
	}
}
