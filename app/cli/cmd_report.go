package cli

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"rpbmatrix/app/report"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

var reportCmd = &Command{
	Name:    "report",
	Summary: words.M("cli.report.summary"),
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

var _ flag.Value = (*officeNames)(nil)

// runReport writes the reports of FILE.rpb: with no --office and no
// --district, every office's report followed by the district summary.
// The report and the messages are in --lang. Exit 0: written (warnings
// about missing characters may be printed); 1: the file cannot be read or
// the PDF cannot be written; 2: usage.
func runReport(env Env, args []string) int {
	c := reportCmd
	fs := NewFlags(env, c)
	out := fs.String("o", "", words.Say(env.Lang, "cli.report.flag.o"))
	var offices officeNames
	fs.Var(&offices, "office", words.Say(env.Lang, "cli.report.flag.office"))
	district := fs.Bool("district", false, words.Say(env.Lang, "cli.report.flag.district"))
	paper := fs.String("paper", "A4", words.Say(env.Lang, "cli.report.flag.paper"))
	lang := LangFlag(env, fs)
	sections := fs.String("sections", "", words.Say(env.Lang, "cli.report.flag.sections", "sections", sectionCodes()))
	// The author is the project's unless given for this print: never the login.
	author := fs.String("author", "", words.Say(env.Lang, "cli.report.flag.author"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, c, *lang); !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		return Usage(env, c, words.M("cli.need_one_file", "n", len(pos)))
	}
	opt := report.Options{Lang: env.Lang, Author: *author, SourceFile: filepath.Base(pos[0])}
	var err error
	if opt.Paper, err = report.ParsePaper(*paper); err != nil {
		return UsageErr(env, c, err)
	}
	if opt.Sections, err = chooseSections(*sections, len(offices) > 0, *district); err != nil {
		return UsageErr(env, c, err)
	}
	target := *out
	if target == "" {
		target = strings.TrimSuffix(pos[0], filepath.Ext(pos[0])) + ".pdf"
	}

	p, ids, err := readForReport(pos[0], offices, opt, storage.Options{ReadOnly: true, SkipCheck: true, Command: c.Name})
	if err != nil {
		return env.FailErr(c, err)
	}
	opt.Offices = ids
	// The report analyses what it prints: the chosen offices alone, or the
	// whole district when it prints the district.
	warnings, err := report.WriteFile(target, p, nil, opt)
	for _, w := range warnings {
		env.Warn(words.M("cli.warning", "warning", w.Msg()))
	}
	if err != nil {
		return env.FailErr(c, err)
	}
	if info, err := os.Stat(target); err == nil {
		env.Say(words.M("cli.report.written", "path", target, "kb", int((info.Size()+1023)/1024)))
	}
	return ExitOK
}

// readForReport reads what the report prints from file, and finds the
// offices named. A report of some offices without the district reads only
// those offices' part of the file (storage.ReadOffices: a 200-office file,
// 1,000 assessments instead of 200,000); any other reads the whole project.
// Either way every record read is decoded and its seal checked, but not
// bbolt's page structure, which `check` verifies.
func readForReport(file string, names []string, opt report.Options, opts storage.Options) (*model.Project, []model.ID, error) {
	var ids []model.ID
	choose := func(all []*model.Office) ([]model.ID, error) {
		var err error
		ids, err = officesNamed(file, names, all)
		return ids, err
	}
	if len(names) > 0 && !opt.Has(report.SectionDistrict) {
		p, err := storage.ReadOffices(file, opts, choose)
		return p, ids, err
	}
	st, err := storage.Open(file, opts)
	if err != nil {
		return nil, nil, err
	}
	p := st.Project()
	// The project is in memory: let the file go before printing, which
	// also unmaps its pages (a 200-office file: 120 MB less resident).
	st.Close()
	_, err = choose(p.OfficeList())
	return p, ids, err
}

// officesNamed finds the offices of all by name, in the order named.
func officesNamed(file string, names []string, all []*model.Office) ([]model.ID, error) {
	var ids []model.ID
	for _, name := range names {
		i := slices.IndexFunc(all, func(o *model.Office) bool { return o.Name == name })
		if i < 0 {
			return nil, &cliError{msg: words.M("cli.no_such_office", "file", file, "office", name, "offices", namesOf(all))}
		}
		ids = append(ids, all[i].ID)
	}
	return ids, nil
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

func sectionCodes() string {
	var out []string
	for _, s := range report.Sections {
		out = append(out, string(s))
	}
	return strings.Join(out, ",")
}

// officeList names the project's offices, for a message that lists them.
func officeList(p *model.Project) []string { return namesOf(p.OfficeList()) }

func namesOf(offices []*model.Office) []string {
	var names []string
	for _, o := range offices {
		names = append(names, o.Name)
	}
	return names
}
