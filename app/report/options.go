package report

import (
	"strings"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
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
	return "", fail(words.M("report.err.paper", "paper", s))
}

// Section is one part of the report.
type Section string

const (
	SectionCover     Section = "cover"     // office cover page
	SectionCharts    Section = "charts"    // findings by rule and by category
	SectionMatrix    Section = "matrix"    // duty × authority matrix with scores
	SectionFindings  Section = "findings"  // findings, worst first, with reasons
	SectionDecisions Section = "decisions" // the office's 处理意见清单 with signature lines
	SectionAdmission Section = "admission" // 准入: requests and off-list tasks with their findings
	SectionScenario  Section = "scenario"  // baseline vs scenario, where decisions exist
	SectionDistrict  Section = "district"  // offices × categories, ranking, totals
	SectionMinutes   Section = "minutes"   // 会议纪要: each meeting with its decisions, signed
)

// Sections lists every section in report order.
var Sections = []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions, SectionAdmission, SectionScenario, SectionDistrict, SectionMinutes}

// OfficeSections are the sections printed once per office.
var OfficeSections = []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions, SectionAdmission, SectionScenario}

// Name is the section's display name.
func (s Section) Name() words.Msg { return sectionNames[s] }

var sectionNames = map[Section]words.Msg{
	SectionCover:     words.M("report.section.cover"),
	SectionCharts:    words.M("report.section.charts"),
	SectionMatrix:    words.M("report.section.matrix"),
	SectionFindings:  words.M("report.section.findings"),
	SectionDecisions: words.M("report.section.decisions"),
	SectionScenario:  words.M("report.section.scenario"),
	SectionDistrict:  words.M("report.section.district"),
	SectionAdmission: words.M("report.section.admission"),
	SectionMinutes:   words.M("report.section.minutes"),
}

// Options choose what a report contains and how it looks.
type Options struct {
	Lang       string     // words.Zh (default) or words.En
	Paper      Paper      // A4 (default) or A3, landscape
	Offices    []model.ID // offices to report on; empty means every office
	Sections   []Section  // sections to print; empty means all
	Author     string     // 编制人 for this print; "" means the project's (Info.Author), never the login
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

// ParseSections reads a comma-separated list of sections, each given by its
// code ("cover,matrix") or its name in either language.
func ParseSections(s string) ([]Section, error) {
	var out []Section
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sec, ok := parseSection(part)
		if !ok {
			return nil, fail(words.M("report.err.section_list", "section", part, "sections", strings.Join(sectionCodes(), ",")))
		}
		out = append(out, sec)
	}
	return out, nil
}

func parseSection(s string) (Section, bool) {
	if _, ok := sectionNames[Section(strings.ToLower(s))]; ok {
		return Section(strings.ToLower(s)), true
	}
	for sec, name := range sectionNames {
		for _, lang := range words.Languages {
			if strings.EqualFold(s, name.In(lang)) {
				return sec, true
			}
		}
	}
	return "", false
}

func sectionCodes() []string {
	var codes []string
	for _, s := range Sections {
		codes = append(codes, string(s))
	}
	return codes
}

// officeParts reports whether per-office reports are printed: when any
// office section is chosen, or the scenario alone without the district.
func (o Options) officeParts() bool {
	for _, s := range []Section{SectionCover, SectionCharts, SectionMatrix, SectionFindings, SectionDecisions, SectionAdmission} {
		if o.Has(s) {
			return true
		}
	}
	return o.Has(SectionScenario) && !o.Has(SectionDistrict)
}
