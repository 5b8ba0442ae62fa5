package cli

import (
	"encoding/json"
	"errors"
	"fmt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

var checkCmd = &Command{
	Name:    "check",
	Usage:   "check FILE.rpb [--json] [--lang zh|en]",
	Summary: words.M("cli.check.summary"),
}

func init() {
	checkCmd.Run = runCheck
	Register(checkCmd)
}

// checkReport is what `check --json` prints.
type checkReport struct {
	File  string `json:"file"`
	Sound bool   `json:"sound"`
	storage.Counts
	// Findings counts findings per rule code, every rule listed.
	Findings map[model.RuleCode]int `json:"findings"`
	// BySeverity counts findings per severity code, every severity listed.
	BySeverity   map[string]int `json:"by_severity"`
	BalanceIndex float64        `json:"balance_index"`
	// Problems counts records that fail validation (model.Validate): the
	// file is sound but some values need fixing. ProblemSamples lists the first few.
	Problems       int             `json:"problems"`
	ProblemSamples []problemSample `json:"problem_samples,omitempty"`
}

// problemSample is a validation problem as `check --json` prints it: where
// it is, its catalogue key for programs, and its words in the command's
// language for people.
type problemSample struct {
	Kind   model.EntityKind `json:"kind"`
	Entity string           `json:"entity"`
	Field  string           `json:"field"`
	Key    string           `json:"key"`
	Text   string           `json:"text"`
}

func sampleOf(p model.Problem, lang string) problemSample {
	return problemSample{Kind: p.Kind, Entity: p.Entity, Field: p.Field, Key: p.Msg.Key, Text: p.Msg.In(lang)}
}

// maxProblemSamples is how many validation problems check lists.
const maxProblemSamples = 10

// checkFailure is what `check --json` prints when the file is not sound:
// Problem for programs, Error worded in the command's language for people.
type checkFailure struct {
	File         string `json:"file"`
	Sound        bool   `json:"sound"`
	Problem      string `json:"problem"` // damaged, empty, not_project_file, not_project, newer_version, locked, unreadable, too_large
	Error        string `json:"error"`
	LatestBackup string `json:"latest_backup,omitempty"`
	// The file's counts and the pair limit, when it was read but holds a
	// project too large to analyse (too_large).
	*storage.Counts
	PairLimit int `json:"pair_limit,omitempty"`
}

// runCheck opens the file read-only, runs bbolt's structure check, decodes
// every record, validates and analyses the project. Exit 0 when the file is
// sound (validation problems are listed but do not make it unsound), 1 when
// it is damaged, cannot be checked or holds a project too large to analyse
// (model.MaxPairs: checked here, so that --json reports it too), 2 on
// usage errors.
func runCheck(env Env, args []string) int {
	fs := NewFlags(env, checkCmd)
	asJSON := fs.Bool("json", false, words.Say(env.Lang, "cli.check.flag.json"))
	lang := LangFlag(env, fs)
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, checkCmd, *lang); !ok {
		return ExitUsage
	}
	switch len(pos) {
	case 0:
		return Usage(env, checkCmd, words.M("cli.need_file"))
	case 1:
	default:
		return Usage(env, checkCmd, words.M("cli.unexpected_arg", "arg", pos[1]))
	}
	path := pos[0]

	p, counts, err := storage.CheckLoad(path)
	if errors.Is(err, storage.ErrNoFile) {
		return UsageErr(env, checkCmd, err)
	}
	if err != nil {
		return reportUnsound(env, path, err, *asJSON, nil)
	}
	if err := model.CheckProjectSize(p); err != nil { // read whole, but too large to analyse
		return reportUnsound(env, path, err, *asJSON, &counts)
	}

	// The analysis and the validation only read the project, each on one
	// core: side by side they take the time of the longer (at 200 offices
	// the validation was a sixth of the check).
	var problems []model.Problem
	validated := make(chan struct{})
	go func() {
		defer close(validated)
		problems = model.Validate(p)
	}()
	r := model.Analyze(p) // totals only: no finding is listed or worded
	<-validated
	rep := checkReport{File: path, Sound: true, Counts: counts,
		Findings: map[model.RuleCode]int{}, BySeverity: map[string]int{}, BalanceIndex: r.Total.Balance}
	for _, c := range model.RuleCodes {
		rep.Findings[c] = r.Total.ByRule[c]
	}
	for _, s := range model.Severities {
		rep.BySeverity[s.Code()] = r.Total.BySeverity[s]
	}
	rep.Problems = len(problems)
	for _, p := range problems[:min(len(problems), maxProblemSamples)] {
		rep.ProblemSamples = append(rep.ProblemSamples, sampleOf(p, env.Lang))
	}
	if *asJSON {
		return writeCheckJSON(env, rep)
	}
	printCheckText(env, rep)
	return ExitOK
}

// printCheckText writes the check's findings in env's language: the counts
// of records, of findings by severity and rule, the balance index and the
// validation problems.
func printCheckText(env Env, rep checkReport) {
	c := rep.Counts
	lang := env.Lang
	env.Say(words.M("cli.check.sound", "file", rep.File))
	for _, row := range []struct {
		label words.Msg
		n     int
	}{
		{words.M("cli.check.count.offices"), c.Offices},
		{words.M("cli.check.count.duties"), c.Duties},
		{words.M("cli.check.count.authorities"), c.Authorities},
		{words.M("cli.check.count.holdings"), c.Holdings},
		{words.M("cli.check.count.assessments"), c.Assessments},
		{words.M("cli.check.count.decisions"), c.Decisions},
		{words.M("cli.check.count.audit"), c.AuditEntries},
		{words.M("cli.check.count.schema"), c.SchemaVersion},
	} {
		fmt.Fprintf(env.Stdout, "  %s %8d\n", pad(row.label.In(lang), 24), row.n)
	}
	total := 0
	var bySeverity []words.Msg
	for _, s := range model.Severities {
		total += rep.BySeverity[s.Code()]
		bySeverity = append(bySeverity, words.M("cli.check.severity_count", "severity", s.Name(), "n", rep.BySeverity[s.Code()]))
	}
	env.Say(words.M("cli.check.findings", "n", total, "by_severity", bySeverity))
	for _, code := range model.RuleCodes {
		name := words.Say(lang, "cli.check.rule", "name", code.Name(), "code", string(code))
		fmt.Fprintf(env.Stdout, "  %s %8d\n", pad(name, 40), rep.Findings[code])
	}
	env.Say(words.M("cli.check.balance", "index", words.M("term.balance_index"), "value", words.Index(rep.BalanceIndex).Fine()))
	if rep.Problems == 0 {
		env.Say(words.M("cli.check.valid"))
		return
	}
	env.Say(words.M("cli.check.problems", "n", rep.Problems))
	for _, p := range rep.ProblemSamples {
		fmt.Fprintln(env.Stdout, "  "+p.Text)
	}
	if more := rep.Problems - len(rep.ProblemSamples); more > 0 {
		env.Say(words.M("cli.check.more", "n", more))
	}
}

// reportUnsound explains why the file cannot be used and points at the
// newest backup when there is one. counts are the file's, nil when it could
// not be read.
func reportUnsound(env Env, path string, err error, asJSON bool, counts *storage.Counts) int {
	env.FailErr(checkCmd, err)
	backup, hasBackup := storage.LatestBackup(path)
	hasBackup = hasBackup && storage.Restorable(err) // not over a locked or unreadable file
	if hasBackup {
		env.Warn(words.M("cli.check.backup", "path", backup))
	} else if storage.Restorable(err) {
		env.Warn(words.M("cli.check.no_backup", "dir", storage.BackupDir(path)))
	}
	if asJSON {
		f := checkFailure{File: path, Problem: checkProblemCode(err),
			Error: errorText(env.Lang, err)}
		if hasBackup {
			f.LatestBackup = backup
		}
		f.Counts = counts
		if tooLarge := (*model.SizeError)(nil); errors.As(err, &tooLarge) {
			f.PairLimit = tooLarge.Limit
		}
		writeCheckJSON(env, f)
	}
	return ExitFindings
}

func checkProblemCode(err error) string {
	if tooLarge := (*model.SizeError)(nil); errors.As(err, &tooLarge) {
		return "too_large"
	}
	for _, k := range []struct {
		kind error
		code string
	}{
		{storage.ErrLocked, "locked"},
		{storage.ErrEmptyFile, "empty"},
		{storage.ErrNotBolt, "not_project_file"},
		{storage.ErrNotProject, "not_project"},
		{storage.ErrNewerVersion, "newer_version"},
		{storage.ErrDamaged, "damaged"},
	} {
		if errors.Is(err, k.kind) {
			return k.code
		}
	}
	return "unreadable"
}

func writeCheckJSON(env Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return env.FailErr(checkCmd, err)
	}
	return ExitOK
}
