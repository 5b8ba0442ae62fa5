package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"rpbmatrix/app/report"
	"rpbmatrix/model"
	"rpbmatrix/storage"
)

var reportCmd = &Command{
	Name:    "report",
	Summary: "打印报告（PDF）/ print the matrix reports as PDF",
	Usage:   "report FILE.rpb [-o OUT.pdf] [--office NAME]… [--district] [--paper A4|A3] [--lang zh|en] [--sections LIST]",
}

// Run is set here, not in the literal, because it refers back to the command.
func init() {
	reportCmd.Run = runReport
	Register(reportCmd)
}

// officeNames collects repeated --office flags.
type officeNames []string

func (o *officeNames) String() string     { return strings.Join(*o, ",") }
func (o *officeNames) Set(s string) error { *o = append(*o, s); return nil }

// runReport writes the reports of FILE.rpb: with no --office and no
// --district, every office's report followed by the district summary.
// Exit 0: written (warnings about missing characters may be printed);
// 1: the file cannot be read or the PDF cannot be written; 2: usage.
func runReport(env Env, args []string) int {
	fs := NewFlags(env, reportCmd)
	out := fs.String("o", "", "output PDF (default: FILE.pdf beside the project)")
	var offices officeNames
	fs.Var(&offices, "office", "office (街道/乡镇) name; repeat for several")
	district := fs.Bool("district", false, "print the district summary (with --office: as well)")
	paper := fs.String("paper", "A4", "paper size, landscape: A4 or A3")
	lang := fs.String("lang", "zh", "language: zh or en")
	sections := fs.String("sections", "", "sections to print, comma-separated: "+strings.Join(sectionNames(), ","))
	author := fs.String("author", Author(), "编制人 printed on the cover")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		return Usagef(env, reportCmd, "需要一个项目文件 / expected one project file, got %d arguments", len(pos))
	}
	opt := report.Options{Author: *author, SourceFile: filepath.Base(pos[0])}
	var err error
	if opt.Paper, err = report.ParsePaper(*paper); err != nil {
		return Usagef(env, reportCmd, "%v", err)
	}
	if *lang != "zh" && *lang != "en" {
		return Usagef(env, reportCmd, "语言只能是 zh 或 en，收到 %q / --lang must be zh or en", *lang)
	}
	opt.Lang = *lang
	if opt.Sections, err = chooseSections(*sections, len(offices) > 0, *district); err != nil {
		return Usagef(env, reportCmd, "%v", err)
	}
	target := *out
	if target == "" {
		target = strings.TrimSuffix(pos[0], filepath.Ext(pos[0])) + ".pdf"
	}

	st, err := storage.Open(pos[0], storage.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix report: %v\n", err)
		return ExitFindings
	}
	p := st.Project()
	defer st.Close()
	for _, name := range offices {
		o := p.OfficeByName(name)
		if o == nil {
			fmt.Fprintf(env.Stderr, "rpbmatrix report: %s 中没有名为 %q 的街道（乡镇）/ no office named %q; offices: %s\n",
				pos[0], name, name, officeList(p))
			return ExitFindings
		}
		opt.Offices = append(opt.Offices, o.ID)
	}
	warnings, err := report.WriteFile(target, p, model.Analyze(p), opt)
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "警告 / warning: %s\n", w)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix report: %v\n", err)
		return ExitFindings
	}
	if info, err := os.Stat(target); err == nil {
		fmt.Fprintf(env.Stdout, "已写入 / wrote %s (%d KB)\n", target, (info.Size()+1023)/1024)
	}
	return ExitOK
}

// chooseSections turns the flags into the report's sections: --sections
// wins; --district alone prints only the district summary; --office alone
// only the office reports; neither or both, everything.
func chooseSections(list string, office, district bool) ([]report.Section, error) {
	if list != "" {
		return report.ParseSections(list)
	}
	switch {
	case district && !office:
		return []report.Section{report.SectionDistrict, report.SectionScenario}, nil
	case office && !district:
		return report.OfficeSections, nil
	}
	return nil, nil
}

func sectionNames() []string {
	var out []string
	for _, s := range report.Sections {
		out = append(out, string(s))
	}
	return out
}

func officeList(p *model.Project) string {
	var names []string
	for _, o := range p.OfficeList() {
		names = append(names, o.Name)
	}
	return strings.Join(names, "、")
}

var _ flag.Value = (*officeNames)(nil)
