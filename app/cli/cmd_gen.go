package cli

import (
	"fmt"
	"os"
	"time"

	"rpbmatrix/model/synth"
	"rpbmatrix/storage"
)

var genCmd = &Command{
	Name:    "gen",
	Usage:   "gen --offices N --duties M -o FILE.rpb [--seed S]",
	Summary: "write a synthetic project of that size for scale tests",
}

func init() {
	genCmd.Run = runGen
	Register(genCmd)
}

func runGen(env Env, args []string) int {
	fs := NewFlags(env, genCmd)
	offices := fs.Int("offices", 0, "number of offices (1–10000)")
	duties := fs.Int("duties", 0, "number of duties in the catalogue (1–100000)")
	out := fs.String("o", "", "project file to write (must not exist)")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same project")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch {
	case len(pos) > 0:
		return Usagef(env, genCmd, "unexpected argument %q", pos[0])
	case *out == "":
		return Usagef(env, genCmd, "-o FILE.rpb is required")
	case *offices < 1 || *offices > 10000:
		return Usagef(env, genCmd, "--offices must be between 1 and 10000 (got %d)", *offices)
	case *duties < 1 || *duties > 100000:
		return Usagef(env, genCmd, "--duties must be between 1 and 100000 (got %d)", *duties)
	case int64(*offices)*int64(*duties) > 5_000_000:
		return Usagef(env, genCmd, "offices × duties must not exceed 5,000,000 assessments")
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix gen: %s already exists; choose another name / 文件已存在\n", *out)
		return ExitUsage
	}
	start := time.Now()
	p := synth.Generate(*offices, *duties, *seed)
	st, err := storage.Create(*out, p, storage.Options{Author: Author()})
	if err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix gen: %v\n", err)
		return ExitFindings
	}
	if err := st.Close(); err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix gen: %v\n", err)
		return ExitFindings
	}
	fmt.Fprintf(env.Stdout, "已生成 %s：%d 个街道，%d 项职责，%d 条履职评估（%.1f 秒）\n",
		*out, len(p.Offices), len(p.Duties), len(p.Assessments), time.Since(start).Seconds())
	return ExitOK
}
