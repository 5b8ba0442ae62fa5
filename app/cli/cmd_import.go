package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/jsonio"
	"rpbmatrix/storage/sheet"
)

var importCmd = &Command{
	Name:    "import",
	Summary: words.M("cli.import.summary"),
	Usage:   "import FILE.rpb INPUT... [--office NAME] [--kind basic|supporting|returned] [--on-duplicate skip|update|add] [--dry-run] [--report OUT.csv] [-v]",
}

// Run is set here, not in the literal, because it refers back to the command.
func init() {
	importCmd.Run = runImport
	Register(importCmd)
}

// runImport imports spreadsheets or CSV files (all-or-nothing, with a
// backup first) into FILE.rpb, creating it when absent. A .json input must
// be the only input: it is a whole project exported by `export -o X.json`.
// Exit 1 when any row is rejected (nothing is then written).
func runImport(env Env, args []string) int {
	c := importCmd
	fs := NewFlags(env, c)
	office := fs.String("office", "", words.Say(env.Lang, "cli.import.flag.office"))
	kind := fs.String("kind", "", words.Say(env.Lang, "cli.import.flag.kind"))
	dup := fs.String("on-duplicate", "skip", words.Say(env.Lang, "cli.import.flag.on_duplicate"))
	dry := fs.Bool("dry-run", false, words.Say(env.Lang, "cli.import.flag.dry_run"))
	reportPath := fs.String("report", "", words.Say(env.Lang, "cli.import.flag.report"))
	verbose := fs.Bool("v", false, words.Say(env.Lang, "cli.import.flag.v"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) < 2 {
		return Usage(env, c, words.M("cli.import.need_inputs"))
	}
	path, inputs := pos[0], pos[1:]
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".rpb" {
		return Usage(env, c, words.M("cli.import.not_rpb", "path", path))
	}
	opts := sheet.Options{Office: strings.TrimSpace(*office), Author: Author()}
	if *kind != "" {
		k, ok := model.ParseListKind(*kind)
		if !ok {
			return Usage(env, c, words.M("cli.import.unknown_kind", "kind", *kind))
		}
		opts.Kind = k
	}
	pol, ok := sheet.ParsePolicy(*dup)
	if !ok {
		return Usage(env, c, words.M("cli.import.bad_policy", "policy", *dup))
	}
	opts.OnDuplicate = pol
	// A JSON project, and a workbook exported here with its data sheet,
	// are whole projects: imported alone, record by record.
	wholeProject := func(in string) bool {
		return strings.EqualFold(filepath.Ext(in), ".json") || sheet.IsProjectFile(in)
	}
	for _, in := range inputs {
		if len(inputs) > 1 && wholeProject(in) {
			return Usage(env, c, words.M("cli.import.json_alone"))
		}
	}
	if wholeProject(inputs[0]) {
		return importProject(env, c, path, inputs[0], pol, *dry)
	}

	limitImportMemory()
	st, p, err := openOrNew(path, *dry)
	if err != nil {
		return env.FailErr(c, err)
	}
	if st != nil {
		defer st.Close()
	}
	plan := sheet.PlanFiles(p, inputs, opts)
	rep := plan.Report
	// The report says rows were imported: it is printed once they are, or
	// when nothing is to be written (rows rejected, a dry run). A write
	// that fails then prints the failure alone, never "imported" before it.
	if !rep.OK() || *dry {
		if code := printImportReport(env, rep, *reportPath, *verbose); code != ExitOK {
			return code
		}
		if !rep.OK() {
			env.Warn(words.M("cli.import.rejected", "n", rep.Count(sheet.StatusRejected)))
			return ExitFindings
		}
		env.Say(words.M("cli.import.dry_run"))
		return ExitOK
	}
	if st == nil {
		// A new file is written whole with the import in it.
		action, err := plan.Fill(p, inputs)
		if err != nil {
			return env.FailErr(c, err)
		}
		if st, err = storage.CreateAs(path, p, storage.Options{Author: opts.Author, Command: "import"}, action); err != nil {
			return env.FailErr(c, err)
		}
		st.Close()
		rep.Committed = true
		if code := printImportReport(env, rep, *reportPath, *verbose); code != ExitOK {
			return code
		}
		env.Say(words.M("cli.import.created", "path", path))
		return ExitOK
	}
	if err := plan.Apply(st, "", inputs); err != nil {
		return env.FailErr(c, err)
	}
	return printImportReport(env, rep, *reportPath, *verbose) // with the backup's name
}

// printImportReport writes the import report to stdout, and as CSV to
// reportPath when one is given (a failure there is only warned of).
func printImportReport(env Env, rep *sheet.Report, reportPath string, verbose bool) int {
	if err := rep.WriteText(env.Stdout, env.Lang, verbose); err != nil {
		return ExitFindings
	}
	if reportPath != "" {
		writeCSV := func(w io.Writer) error { return rep.WriteCSV(w, env.Lang) }
		if err := writeFileAtomic(reportPath, writeCSV); err != nil {
			env.Warn(words.M("cli.import.report_failed", "cause", errorText(env.Lang, err)))
		}
	}
	return ExitOK
}

// limitImportMemory sets sheet.ImportMemoryLimit, unless GOMEMLIMIT says
// otherwise. A limit that cannot be kept costs only garbage-collection time.
func limitImportMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(sheet.ImportMemoryLimit)
	}
}

// openOrNew opens the project file, or returns a new empty project (and a
// nil store) when it does not exist yet: it is created only once the import
// is known to succeed, so a rejected import leaves no file behind.
func openOrNew(path string, readOnly bool) (*storage.Store, *model.Project, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		return nil, model.NewProject(name, "", Author()), nil
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: readOnly, Author: Author()})
	if err != nil {
		return nil, nil, err
	}
	return st, st.Project(), nil
}

// importProject reads a whole project: a JSON document exported by
// `export -o X.json`, or a workbook exported here, from its data sheet.
// Into a file that does not exist it is written exactly as it was
// exported; into an existing project its records are added, those whose
// identity the project already has being replaced (--on-duplicate update)
// or kept (skip, add).
func importProject(env Env, c *Command, path, in string, pol sheet.Policy, dry bool) int {
	var q *model.Project
	if strings.EqualFold(filepath.Ext(in), ".json") {
		var err error
		if q, err = jsonio.ReadFile(in); err != nil {
			return env.Fail(c, words.M("cli.file_error", "path", in, "cause", errorText(env.Lang, err)))
		}
	} else {
		env.Say(words.M("cli.import.project_workbook", "file", filepath.Base(in)))
		var err error
		if q, err = sheet.ReadProjectFile(in); err != nil {
			return env.Fail(c, words.M("cli.file_error", "path", in, "cause", errorText(env.Lang, err)))
		}
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if dry {
			env.Say(words.M("cli.import.json_dry_create", "project", q.Info.Name, "offices", len(q.Offices), "duties", len(q.Duties)))
			return ExitOK
		}
		if err := model.CheckProjectSize(q); err != nil {
			return env.Fail(c, words.M("cli.file_error", "path", in, "cause", errorText(env.Lang, err)))
		}
		st, err := storage.Create(path, q, storage.Options{Author: Author()})
		if err != nil {
			return env.FailErr(c, err)
		}
		st.Close()
		env.Say(words.M("cli.import.json_created", "file", filepath.Base(in), "path", path, "offices", len(q.Offices), "duties", len(q.Duties),
			"authorities", len(q.Authorities), "assessments", len(q.Assessments), "decisions", len(q.Decisions)))
		return ExitOK
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: dry, Author: Author()})
	if err != nil {
		return env.FailErr(c, err)
	}
	defer st.Close()
	changes, added, replaced, kept := sheet.MergeChanges(st.Project(), q, pol == sheet.PolicyUpdate)
	if err := model.CheckSizeAfter(st.Project(), changes); err != nil {
		return env.Fail(c, words.M("cli.file_error", "path", in, "cause", errorText(env.Lang, err)))
	}
	merged := words.M("cli.import.json_merged", "added", added, "replaced", replaced, "kept", kept)
	if dry || len(changes) == 0 {
		env.Say(merged)
		return ExitOK
	}
	b, err := st.Backup("")
	if err != nil {
		return env.Fail(c, words.M("cli.import.backup_failed", "cause", errorText(env.Lang, err)))
	}
	env.Say(words.M("cli.import.backup", "path", b))
	if err := st.Commit(words.Say(env.Lang, "cli.import.audit", "file", filepath.Base(in)), changes...); err != nil {
		return env.Fail(c, words.M("cli.import.failed", "cause", errorText(env.Lang, err)))
	}
	env.Say(merged) // once it is so
	return ExitOK
}

// writeFileAtomic writes a file through a temporary file beside it, so a
// failed write never leaves half a file under the name.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".rpbmatrix-*"+filepath.Ext(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
