// Package cli holds the headless sub-commands of rpbmatrix (import, export,
// report, check, findings, demo, gen …). Each command lives in its own
// cmd_*.go file and registers itself in init. It imports no Fyne.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"sort"
	"strings"
)

// Exit codes shared by every command.
const (
	ExitOK       = 0 // success
	ExitFindings = 1 // findings, rejected rows or a damaged file, as each command documents
	ExitUsage    = 2 // bad arguments
)

// Env is what a command runs with; tests pass buffers.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// Command is one sub-command.
type Command struct {
	Name    string
	Summary string // one line for `rpbmatrix help`
	Usage   string // the synopsis, e.g. "check FILE.rpb [--json]"
	Run     func(env Env, args []string) int
}

var commands = map[string]*Command{}

// Register adds a command; called from init in cmd_*.go.
func Register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// Lookup returns the named command.
func Lookup(name string) (*Command, bool) { c, ok := commands[name]; return c, ok }

// Run runs the named command and returns its exit code.
func Run(env Env, name string, args []string) int {
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.Stderr, "rpbmatrix: unknown command %q (see rpbmatrix help)\n", name)
		return ExitUsage
	}
	return c.Run(env, args)
}

// Help writes the list of commands. extra lists commands main handles itself.
func Help(w io.Writer, extra ...*Command) {
	all := append([]*Command(nil), extra...)
	for _, c := range commands {
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	fmt.Fprintln(w, "责权利矩阵 RPB Matrix — 街道职责、权限与资源错配分析")
	fmt.Fprintln(w, "\nUsage:\n  rpbmatrix [FILE.rpb]        open the GUI (last or demo project when no file is given)")
	for _, c := range all {
		fmt.Fprintf(w, "  rpbmatrix %-40s %s\n", c.Usage, c.Summary)
	}
	fmt.Fprintln(w, "\nExit codes: 0 ok, 1 findings/rejected rows/damaged file (as each command says), 2 usage error.")
}

// NewFlags returns a FlagSet for a command that writes errors to env.Stderr
// and parses flags given after positional arguments too.
func NewFlags(env Env, c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: rpbmatrix %s\n", c.Usage)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses args allowing flags and positional arguments in any order.
// It returns the positional arguments, or ok=false after printing usage.
func Parse(fs *flag.FlagSet, args []string) (pos []string, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, true
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// Author is the name recorded in the audit log for headless edits.
func Author() string {
	if a := os.Getenv("RPB_AUTHOR"); a != "" {
		return a
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "rpbmatrix"
}

// Usagef prints a usage error and returns ExitUsage.
func Usagef(env Env, c *Command, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "rpbmatrix %s: %s\nusage: rpbmatrix %s\n", c.Name, strings.TrimSpace(fmt.Sprintf(format, args...)), c.Usage)
	return ExitUsage
}
