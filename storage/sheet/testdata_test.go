package sheet

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the generated files under testdata/")

// TestWriteTestdata regenerates the hand-made inputs under testdata/ when
// run with -update; otherwise it checks they are present. They are checked
// in so that the files tests read are exactly what a reviewer can open.
func TestWriteTestdata(t *testing.T) {
	files := map[string]func(string) error{
		"quirks.xlsx":  writeQuirkWorkbook,
		"gb18030.csv":  func(p string) error { return writeGB18030(p, gb18030CSV) },
		"bom.csv":      func(p string) error { return os.WriteFile(p, append(append([]byte{}, utf8BOM...), bomCSV...), 0o644) },
		"tab.txt":      func(p string) error { return os.WriteFile(p, []byte(tabTXT), 0o644) },
		"renamed.xlsx": func(p string) error { return os.WriteFile(p, []byte("序号,事项名称\n1,测试\n"), 0o644) },
		"old.xls": func(p string) error {
			return os.WriteFile(p, append(append([]byte{}, ole2Magic...), make([]byte, 504)...), 0o644)
		},
		"empty.csv":     func(p string) error { return os.WriteFile(p, nil, 0o644) },
		"no_header.csv": func(p string) error { return os.WriteFile(p, []byte("甲,乙,丙\n1,2,3\n"), 0o644) },
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
			t.Errorf("%s missing; run go test ./storage/sheet -run TestWriteTestdata -update", name)
		}
	}
}

// gb18030CSV is a list as Excel on Chinese Windows saves it: a title row,
// the header, a blank category continuing the one above, a footnote.
const gb18030CSV = "某区某街道配合履职事项清单,,,,\r\n" +
	"序号,事项类别,事项名称,对应上级部门,街道配合职责\r\n" +
	"1,平安建设,配合开展禁毒宣传教育,区公安分局,组织社区开展宣传\r\n" +
	"2,,配合做好流动人口登记,区公安分局,协助采集信息\r\n" +
	"3,城市管理,配合开展违法建设治理,区城管委,发现并报告违法建设\r\n" +
	"注：本清单随法律法规调整动态更新。,,,,\r\n"

// bomCSV has quoted fields holding commas and line breaks.
const bomCSV = "序号,事项名称,子项,事项类别,履职依据,清单类型\n" +
	"1,\"组织开展居民议事协商\",,社区建设,\"《城市居民委员会组织法》第三条，第十条\",基本履职\n" +
	"2,指导社区居委会换届选举,,社区建设,\"《城市居民委员会组织法》\n第八条\",基本履职\n" +
	"3,做好退役军人服务保障,走访慰问,民生保障,,基本履职\n" +
	"4,,优待抚恤,民生保障,,基本履职\n" +
	"5,办理低保初审,,民生保障,,上级部门收回\n"

const tabTXT = "序号\t事项名称\t事项类别\t主体责任部门\t配合部门\n" +
	"1\t燃气安全检查\t平安建设\t区城市管理委\t区消防救援支队, 区市场监管局\n" +
	"2\t森林防火巡查\t平安建设\t区园林绿化局\t\n"

func writeGB18030(path, text string) error {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeQuirkWorkbook writes a workbook with every quirk of published lists:
// an instruction sheet, title and subtitle rows, vertically merged category
// cells, blank rows, footnotes, numbers where text belongs and text where
// numbers belong, a line break in a cell, and one sheet per list kind.
func writeQuirkWorkbook(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(f.SetSheetName("Sheet1", "填表说明"))
	must(f.SetSheetRow("填表说明", "A1", &[]any{"填表说明"}))
	must(f.SetSheetRow("填表说明", "A2", &[]any{"1. 每个事项填写一行；2. 类别相同的事项可合并单元格。"}))

	basic := "基本履职事项"
	_, err := f.NewSheet(basic)
	must(err)
	rows := [][]any{
		{"某区某街道履行职责事项清单"},
		{"（基本履职事项，2025年版）"},
		{"填报单位：某街道办事处", nil, nil, nil, "日期：2025-06-30"},
		{"序号", "事项类别", "事项名称", "子项", "履职依据", "主体责任部门", "备注"},
		{1, "党的建设", "加强基层党组织建设", nil, "《中国共产党章程》", "街道党工委"},
		{2, nil, "组织开展党员教育管理", nil, "《中国共产党党员教育管理工作条例》", "街道党工委"},
		{3, nil, "推进基层党风廉政建设", nil, nil, "街道纪工委", "=HYPERLINK(\"x\")"},
		{},
		{"四", "平安建设", "开展矛盾纠纷\n排查化解", nil, "《人民调解法》", "街道综治中心"},
		{"1.2", nil, "组织消防安全宣传", "进社区", nil, "街道应急办"},
		{6, "城市管理", 12345, nil, nil, "街道城管科"},
		{},
		{"注：1. 本清单为示例；2. 合并单元格的类别适用于整组事项。"},
		{"说明：依据以市、区文件为准。"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(basic, cell, &r))
	}
	must(f.MergeCell(basic, "A1", "G1"))
	must(f.MergeCell(basic, "A2", "G2"))
	must(f.MergeCell(basic, "B5", "B7"))
	must(f.MergeCell(basic, "B9", "B10"))
	must(f.MergeCell(basic, "A13", "G13"))

	supp := "配合履职事项"
	_, err = f.NewSheet(supp)
	must(err)
	rows = [][]any{
		{"某街道配合履职事项清单"},
		{"序号", "事项名称", "对应上级部门", "上级部门职责", "镇街配合职责", "事项类别"},
		{1, "食品安全监管", "区市场监管局", "依法开展监督检查", "发现问题及时报告", "民生保障"},
		{2, "违法建设查处", "区城管委", "负责查处", "配合巡查、报告", "城市管理"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(supp, cell, &r))
	}

	ret := "上级部门收回事项"
	_, err = f.NewSheet(ret)
	must(err)
	rows = [][]any{
		{"序号", "事项名称", "承接部门", "工作方式", "事项类别"},
		{1, "招商引资任务考核", "区投资促进局", "由区级部门直接承担", "综合保障"},
		{2, "道路交通违法处罚", "区交通支队", "由区级部门直接承担", "平安建设"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(ret, cell, &r))
	}
	return f.SaveAs(path)
}
