package cli

import (
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

var exportCmd = &Command{
	Name:    "export",
	Summary: words.M("cli.export.summary"),
	Usage:   "export FILE.rpb -o OUT.xlsx|OUT.csv|OUT.json [--form matrix|lists] [--office NAME] [--no-data-sheet] [--lang zh|en]",
}

// Run is set here, not in the literal, because it refers back to the command.
func init() {
	exportCmd.Run = runExport
	Register(exportCmd)
}

func runExport(env Env, args []string) int {
	c := exportCmd
	fs := NewFlags(env, c)
	out := fs.String("o", "", words.Say(env.Lang, "cli.export.flag.o"))
	office := fs.String("office", "", words.Say(env.Lang, "cli.export.flag.office"))
	form := fs.String("form", "matrix", words.Say(env.Lang, "cli.export.flag.form"))
	noData := fs.Bool("no-data-sheet", false, words.Say(env.Lang, "cli.export.flag.no_data_sheet"))
	lang := LangFlag(env, fs)
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, c, *lang); !ok {
		return ExitUsage
	}
	if len(pos) != 1 || *out == "" {
		return Usage(env, c, words.M("cli.export.need_file_and_output"))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".xlsx" && ext != ".csv" && ext != ".json" {
		return Usage(env, c, words.M("cli.export.bad_extension", "path", *out))
	}
	if ext == ".json" && *office != "" {
		return Usage(env, c, words.M("cli.export.json_whole"))
	}
	if *form != "matrix" && *form != "lists" {
		return Usage(env, c, words.M("cli.export.bad_form", "form", *form))
	}
	if *form == "lists" && ext != ".xlsx" {
		return Usage(env, c, words.M("cli.export.form_needs_xlsx"))
	}
	if *noData && ext != ".xlsx" {
		return Usage(env, c, words.M("cli.export.no_data_sheet_needs_xlsx"))
	}
	// Every record's seal and every bucket's digest are checked as the
	// project is read; bbolt's structure check, which reads the whole file
	// once more, is left to `check`, as `report` leaves it.
	st, err := storage.Open(pos[0], storage.Options{ReadOnly: true, SkipCheck: true, Command: c.Name})
	if err != nil {
		return env.FailErr(c, err)
	}
	// The project is in memory now: let go of the file (and its mapping,
	// as big as the file) before the export needs memory of its own.
	p := st.Project()
	st.Close()
	boundHeap()
	if err := model.CheckProjectSize(p); err != nil && ext != ".json" { // the JSON is not analysed
		return env.FailErr(c, err)
	}
	// The workbook and the CSV are in --lang, worded row by row as written.
	err = writeFileAtomic(*out, func(f io.Writer) error {
		switch ext {
		case ".json":
			return jsonio.Write(f, p)
		case ".csv":
			return sheet.WriteCSV(f, p, model.Analyze(p), *office, env.Lang)
		}
		var opts []sheet.Option
		if *noData {
			opts = append(opts, sheet.WithoutDataSheet())
		}
		if *form == "lists" {
			return sheet.WriteListsXLSX(f, p, model.Analyze(p), *office, env.Lang, opts...)
		}
		return sheet.WriteXLSX(f, p, model.Analyze(p), *office, env.Lang, opts...)
	})
	if err != nil {
		return env.Fail(c, words.M("cli.export.failed", "cause", errorText(env.Lang, err)))
	}
	env.Say(words.M("cli.export.written", "path", *out))
	return ExitOK
}

// exportHeapLimit is the heap the export keeps to. Writing a workbook makes
// much short-lived garbage (every row is worded, written and dropped); left
// alone the collector lets the heap grow to twice what is live, which at
// 1,000 offices × 1,000 duties is past the 1 GB bar (DESIGN §6). There
// some 830 MiB stay live (the project 474, its analysis 337), so the
// collector runs near the limit whatever it is: at 800 MiB the export took
// 187 s CPU and peaked at 942 MB (it passes a limit below what is live);
// at 880 MiB 141 s and 912 MB; more would pass the bar.
const exportHeapLimit = 880 << 20

// boundHeap sets the soft memory limit, unless GOMEMLIMIT sets one.
func boundHeap() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(exportHeapLimit)
	}
}
