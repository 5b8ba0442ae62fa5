//go:build screenshot || ci

package main

import (
	"fmt"

	"fyne.io/fyne/v2"

	"rpbmatrix/app"
	"rpbmatrix/app/cli"
	"rpbmatrix/model/words"
)

// screenshot renders the main views to PNG files with Fyne's software
// driver. It is built only with the screenshot tag (or ci, for the tests),
// so that the shipped binary need not link Fyne's test driver.
func screenshot(env cli.Env, args []string) int {
	c := screenshotCmd
	fs := cli.NewFlags(env, c)
	out := fs.String("out", "", words.Say(env.Lang, "cli.screenshot.flag.out"))
	lang := cli.LangFlag(env, fs)
	size := fs.String("size", "1440x900", words.Say(env.Lang, "cli.screenshot.flag.size"))
	pos, ok := cli.Parse(fs, args)
	if !ok {
		return cli.ExitUsage
	}
	if env, ok = cli.UseLang(env, c, *lang); !ok {
		return cli.ExitUsage
	}
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 400 || h < 300 {
		return cli.Usage(env, c, words.M("cli.screenshot.bad_size", "size", *size))
	}
	if *out == "" || len(pos) > 1 {
		return cli.Usage(env, c, words.M("cli.screenshot.need_out"))
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	if err := app.Screenshots(*out, path, env.Lang, fyne.NewSize(float32(w), float32(h))); err != nil {
		return env.FailErr(c, err)
	}
	return cli.ExitOK
}
