package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

var demoCmd = &Command{
	Name:    "demo",
	Usage:   "demo -o FILE.rpb [--force]",
	Summary: words.M("cli.demo.summary"),
}

func init() {
	demoCmd.Run = runDemo
	Register(demoCmd)
}

// runDemo exits 0 when the file is written, 2 on usage errors (including an
// existing file without --force) and 1 when the file cannot be written.
func runDemo(env Env, args []string) int {
	c := demoCmd
	fs := NewFlags(env, c)
	out := fs.String("o", "", words.Say(env.Lang, "cli.demo.flag.o"))
	force := fs.Bool("force", false, words.Say(env.Lang, "cli.demo.flag.force"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch {
	case len(pos) > 0:
		return Usage(env, c, words.M("cli.unexpected_arg", "arg", pos[0]))
	case *out == "":
		return Usage(env, c, words.M("cli.need_output"))
	}
	if fi, err := os.Stat(*out); err == nil {
		switch {
		case fi.IsDir():
			return Usage(env, c, words.M("cli.is_dir", "path", *out))
		case !*force:
			return Usage(env, c, words.M("cli.demo.exists", "path", *out))
		case isOpenElsewhere(*out):
			return env.Fail(c, words.M("cli.open_elsewhere", "path", *out))
		}
	}

	p, err := demo.Project()
	if err != nil {
		return env.FailErr(c, err)
	}
	if err := writeProject(*out, p, *force); err != nil {
		return env.FailErr(c, err)
	}
	env.Say(words.M("cli.demo.written", "path", *out, "offices", len(p.Offices), "duties", len(p.Duties),
		"authorities", len(p.Authorities), "assessments", len(p.Assessments), "decisions", len(p.Decisions)))
	return ExitOK
}

// writeProject creates the project file at path. With replace it builds the
// file beside path and renames it over, so a failure leaves the old file whole.
func writeProject(path string, p *model.Project, replace bool) error {
	target := path
	if replace {
		target = filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".new-"+strconv.Itoa(os.Getpid()))
		os.Remove(target)
		defer os.Remove(target)
	}
	st, err := storage.Create(target, p, storage.Options{Author: Author()})
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	if replace {
		if err := os.Rename(target, path); err != nil {
			return &cliError{words.M("cli.cannot_replace", "path", path, "cause", err.Error()), err}
		}
	}
	return nil
}

// isOpenElsewhere reports whether another process holds the project file open.
func isOpenElsewhere(path string) bool {
	st, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 200 * time.Millisecond, SkipCheck: true})
	if err == nil {
		st.Close()
		return false
	}
	return errors.Is(err, storage.ErrLocked)
}
