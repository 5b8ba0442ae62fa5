package report

import (
	"os"
	"path/filepath"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// TestWriteSamples writes the demo project's reports into the folder
// RPB_REPORT_SAMPLES names, to render and look at (pdftoppm -r 60 -png):
// the combined report, one office, and the district alone, in Chinese and
// English. Skipped when the variable is not set.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("RPB_REPORT_SAMPLES")
	if dir == "" {
		t.Skip("RPB_REPORT_SAMPLES not set")
	}
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Organization, p.Info.Marking, p.Info.Version = "临江区委编办", "内部资料 注意保存", "征求意见稿"
	p.Info.DataCutoff, p.Info.DocNumber = "2026-03-31", "临减负办〔2026〕3号"
	one := p.OfficeList()[0]
	for name, opt := range map[string]Options{
		"all-zh.pdf":      {SourceFile: "demo.rpb"},
		"all-en.pdf":      {SourceFile: "demo.rpb", Lang: "en"},
		"office-zh.pdf":   {SourceFile: "demo.rpb", Offices: []model.ID{one.ID}, Sections: OfficeSections},
		"district-zh.pdf": {SourceFile: "demo.rpb", Sections: []Section{SectionDistrict, SectionScenario}},
	} {
		opt.Now = testNow
		if _, err := WriteFile(filepath.Join(dir, name), p, nil, opt); err != nil {
			t.Fatal(err)
		}
	}
}
