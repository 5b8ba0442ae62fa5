// Command rpbmatrix is RPB Matrix (责权利矩阵): with no argument or a project
// file it opens the GUI; with a sub-command it works headless (see `rpbmatrix help`).
package main

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"

	"rpbmatrix/app"
	"rpbmatrix/app/cli"
)

var screenshotCmd = &cli.Command{
	Name:    "screenshot",
	Usage:   "screenshot --out DIR [--lang zh|en] [--size 1440x900] [FILE.rpb]",
	Summary: "render the main views to PNG files without a display",
}

var helpCmd = &cli.Command{Name: "help", Usage: "help", Summary: "show this help"}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	if len(args) == 0 {
		return openGUI(env, "")
	}
	switch name := args[0]; {
	case name == "help" || name == "-h" || name == "--help":
		cli.Help(os.Stdout, helpCmd, screenshotCmd)
		return cli.ExitOK
	case name == "screenshot":
		return screenshot(env, args[1:])
	case isProjectPath(name):
		if len(args) > 1 {
			fmt.Fprintln(os.Stderr, "rpbmatrix: give one project file to open (see rpbmatrix help)")
			return cli.ExitUsage
		}
		return openGUI(env, name)
	default:
		return cli.Run(env, name, args[1:])
	}
}

// isProjectPath tells a file argument from a sub-command name.
func isProjectPath(s string) bool {
	if _, ok := cli.Lookup(s); ok {
		return false
	}
	return strings.HasSuffix(strings.ToLower(s), ".rpb") || strings.ContainsAny(s, `/\.`)
}

func openGUI(env cli.Env, path string) int {
	if err := app.Run(path); err != nil {
		fmt.Fprintln(env.Stderr, "rpbmatrix:", err)
		return cli.ExitFindings
	}
	return cli.ExitOK
}

func screenshot(env cli.Env, args []string) int {
	fs := cli.NewFlags(env, screenshotCmd)
	out := fs.String("out", "", "directory for the PNG files")
	lang := fs.String("lang", "zh", "language: zh or en")
	size := fs.String("size", "1440x900", "window size WxH")
	pos, ok := cli.Parse(fs, args)
	if !ok {
		return cli.ExitUsage
	}
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 400 || h < 300 {
		return cli.Usagef(env, screenshotCmd, "bad --size %q", *size)
	}
	if *out == "" || len(pos) > 1 || (*lang != "zh" && *lang != "en") {
		return cli.Usagef(env, screenshotCmd, "need --out DIR, at most one FILE.rpb, --lang zh or en")
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	if err := app.Screenshots(*out, path, *lang, fyne.NewSize(float32(w), float32(h))); err != nil {
		fmt.Fprintln(env.Stderr, "rpbmatrix screenshot:", err)
		return cli.ExitFindings
	}
	return cli.ExitOK
}
