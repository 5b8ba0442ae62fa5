package cli

import (
	"errors"
	"os"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

var genCmd = &Command{
	Name:    "gen",
	Usage:   "gen --offices N --duties M -o FILE.rpb [--seed S]",
	Summary: words.M("cli.gen.summary"),
}

func init() {
	genCmd.Run = runGen
	Register(genCmd)
}

func runGen(env Env, args []string) int {
	c := genCmd
	fs := NewFlags(env, c)
	offices := fs.Int("offices", 0, words.Say(env.Lang, "cli.gen.flag.offices"))
	duties := fs.Int("duties", 0, words.Say(env.Lang, "cli.gen.flag.duties"))
	out := fs.String("o", "", words.Say(env.Lang, "cli.gen.flag.o"))
	seed := fs.Int64("seed", 1, words.Say(env.Lang, "cli.gen.flag.seed"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch {
	case len(pos) > 0:
		return Usage(env, c, words.M("cli.unexpected_arg", "arg", pos[0]))
	case *out == "":
		return Usage(env, c, words.M("cli.need_output"))
	case *offices < 1 || *offices > 10000:
		return Usage(env, c, words.M("cli.gen.offices_range", "n", *offices))
	case *duties < 1 || *duties > 100000:
		return Usage(env, c, words.M("cli.gen.duties_range", "n", *duties))
	}
	// A project the analysis cannot hold is refused before it is made.
	var tooLarge *model.SizeError
	if errors.As(model.CheckSize(*offices, *duties), &tooLarge) {
		return Usage(env, c, words.M("cli.gen.too_large", "counts", tooLarge.Counts(), "limit", tooLarge.Limit))
	}
	if _, err := os.Stat(*out); err == nil {
		return Usage(env, c, words.M("cli.gen.exists", "path", *out))
	}
	start := time.Now()
	p := synth.Generate(*offices, *duties, *seed)
	st, err := storage.Create(*out, p, storage.Options{Author: Author()})
	if err != nil {
		return env.FailErr(c, err)
	}
	if err := st.Close(); err != nil {
		return env.FailErr(c, err)
	}
	env.Say(words.M("cli.gen.written", "path", *out, "offices", len(p.Offices), "duties", len(p.Duties),
		"assessments", len(p.Assessments), "seconds", time.Since(start).Seconds()))
	return ExitOK
}
