package report

import (
	"fmt"
	"strings"
	"time"

	"rpbmatrix/model"
)

// Paper is the sheet size; every page is landscape.
type Paper string

const (
	A4 Paper = "A4"
	A3 Paper = "A3"
)

// ParsePaper accepts "A4" or "A3" in any case.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "A4", "":
		return A4, nil
	case "A3":
		return A3, nil
	}
	return "", fmt.Errorf("纸张只能是 A4 或 A3，收到 %q / paper must be A4 or A3, got %q", s, s)
}

// Section is one part of the report.
type Section string

const (
	SectionCover     Section = "cover"     // office cover page
	SectionCharts    Section = "charts"    // findings by rule and by category
	SectionMatrix    Section = "matrix"    // duty × authority matrix with scores
	SectionFindings  Section = "findings"  // findings, worst first, with reasons
	SectionDecisions Section = "decisions" // meeting-minutes form with signature lines
	SectionScenario  Section = "scenario"  // baseline vs scenario, where decisions exist
	SectionDistrict  Section = "district"  // offices × categories, ranking, totals
)

// Sections lists every section in report order.
var Sections = []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions, SectionScenario, SectionDistrict}

// OfficeSections are the sections printed once per office.
var OfficeSections = []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions, SectionScenario}

// Name is the section's display name.
func (s Section) Name() model.Msg { return sectionNames[s] }

var sectionNames = map[Section]model.Msg{
	SectionCover: {Zh: "封面", En: "Cover"}, SectionCharts: {Zh: "统计图", En: "Charts"},
	SectionMatrix: {Zh: "责权利矩阵", En: "Matrix"}, SectionFindings: {Zh: "错配清单", En: "Findings"},
	SectionDecisions: {Zh: "处理意见", En: "Decisions"}, SectionScenario: {Zh: "改革方案对比", En: "Scenario"},
	SectionDistrict: {Zh: "全区汇总", En: "District summary"},
}

// Options choose what a report contains and how it looks.
type Options struct {
	Lang       string     // "zh" (default) or "en"
	Paper      Paper      // A4 (default) or A3, landscape
	Offices    []model.ID // offices to report on; empty means every office
	Sections   []Section  // sections to print; empty means all
	Author     string     // 编制人, printed on the cover
	SourceFile string     // project file name, printed in the footer
	Now        time.Time  // generation time; zero means time.Now (set it for reproducible output)
}

// Has reports whether the section is to be printed.
func (o Options) Has(s Section) bool {
	if len(o.Sections) == 0 {
		return true
	}
	for _, x := range o.Sections {
		if x == s {
			return true
		}
	}
	return false
}

// ParseSections reads a comma-separated list of section names ("cover,matrix").
func ParseSections(s string) ([]Section, error) {
	var out []Section
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sec := Section(strings.ToLower(part))
		if _, ok := sectionNames[sec]; !ok {
			for k, m := range sectionNames {
				if part == m.Zh {
					sec, ok = k, true
				}
			}
			if !ok {
				return nil, fmt.Errorf("未知的报告部分 %q（可选：%s） / unknown section %q", part, sectionList(), part)
			}
		}
		out = append(out, sec)
	}
	return out, nil
}

func sectionList() string {
	var names []string
	for _, s := range Sections {
		names = append(names, string(s))
	}
	return strings.Join(names, ",")
}

// officeParts reports whether per-office reports are printed: when any
// office section is chosen, or the scenario alone without the district.
func (o Options) officeParts() bool {
	for _, s := range []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions} {
		if o.Has(s) {
			return true
		}
	}
	return o.Has(SectionScenario) && !o.Has(SectionDistrict)
}
