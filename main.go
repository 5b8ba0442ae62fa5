// Command rpbmatrix is RPB Matrix (责权利矩阵): with no argument or a project
// file it opens the GUI; with a sub-command it works headless (see `rpbmatrix help`).
package main

import (
	// Before Fyne's init reads the locale (see the package).
	_ "rpbmatrix/app/quietlocale"

	_ "embed"

	"os"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"rpbmatrix/app"
	"rpbmatrix/app/cli"
	"rpbmatrix/assets"
	"rpbmatrix/model/words"
)

// fyneAppTOML is the one place the version, app ID and name are written. It
// is embedded, not read beside the binary, so that every build route shows them.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func init() {
	r, err := cli.ParseRelease(fyneAppTOML)
	if err != nil {
		panic(err)
	}
	cli.SetRelease(r)
	d := r.Details
	fyneapp.SetMetadata(fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon), Migrations: r.Migrations})
}

var screenshotCmd = &cli.Command{
	Name:    "screenshot",
	Usage:   "screenshot --out DIR [--lang zh|en] [--size 1440x900] [FILE.rpb]",
	Summary: words.M("cli.screenshot.summary"),
}

var helpCmd = &cli.Command{Name: "help", Usage: "help", Summary: words.M("cli.help.summary")}

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
		cli.Help(env, helpCmd, screenshotCmd)
		return cli.ExitOK
	case name == "--version":
		return cli.Run(env, "version", args[1:])
	case name == "screenshot":
		return screenshot(env.Speaking(""), args[1:])
	case isProjectPath(name):
		if len(args) > 1 {
			env.Speaking("").Warn(words.M("cli.open.one_file"))
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
		env = env.Speaking("")
		env.Warn(words.M("cli.open.failed", "cause", words.Text(env.Lang, err)))
		return cli.ExitFindings
	}
	return cli.ExitOK
}
