// Package cli holds the headless sub-commands of rpbmatrix (import, export,
// report, check, findings, demo, gen …). Each command lives in its own
// cmd_*.go file and registers itself in init.
//
// It lives under app/ because it is the app's other face: the same binary,
// the same project files, the same words and the same printer (app/report)
// as the window, for batch work and scripts. It imports no Fyne, so the
// commands run without a display and link no GUI code of their own.
//
// What a command says comes from the catalogue (model/words, keys "cli.*")
// in the user's language: Chinese when LC_ALL, LC_MESSAGES or LANG names a
// Chinese locale, else English; --lang overrides it where a command has it.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"sort"
	"strings"
	"unicode"

	"rpbmatrix/model/words"
)

// Exit codes shared by every command.
const (
	ExitOK       = 0 // success
	ExitFindings = 1 // findings, rejected rows or a damaged file, as each command documents
	ExitUsage    = 2 // bad arguments
)

// Env is what a command runs with; tests pass buffers and a language.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// Lang is the language of what the command says (words.Zh or
	// words.En); "" means the locale's (LocaleLang).
	Lang string
}

// LocaleLang is the language the locale asks for: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as POSIX orders them; Chinese
// when it names a Chinese locale (zh_CN.UTF-8, zh_TW …), else English.
func LocaleLang(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return words.Lang(v)
		}
	}
	return words.En
}

// Speaking returns env speaking lang ("": the locale's language, see
// LocaleLang), and makes that the language of words.T and of errors that
// word themselves in the current language.
func (env Env) Speaking(lang string) Env {
	if lang == "" {
		lang = LocaleLang(os.Getenv)
	}
	env.Lang = words.Lang(lang)
	words.Use(env.Lang)
	return env
}

// Say writes a message and a newline to stdout.
func (env Env) Say(m words.Msg) { fmt.Fprintln(env.Stdout, m.In(env.Lang)) }

// Warn writes a message and a newline to stderr.
func (env Env) Warn(m words.Msg) { fmt.Fprintln(env.Stderr, m.In(env.Lang)) }

// Fail writes "rpbmatrix CMD: message" to stderr and returns ExitFindings.
func (env Env) Fail(c *Command, m words.Msg) int {
	env.Warn(words.M("cli.failed", "command", c.Name, "message", m))
	return ExitFindings
}

// FailErr is Fail for an error, worded in the command's language when it
// carries a catalogue message.
func (env Env) FailErr(c *Command, err error) int {
	env.Warn(words.M("cli.failed", "command", c.Name, "message", errorText(env.Lang, err)))
	return ExitFindings
}

// errorText words err in lang: in the words it carries (words.Text), else
// its text.
func errorText(lang string, err error) string { return words.Text(lang, err) }

// Command is one sub-command.
type Command struct {
	Name    string
	Summary words.Msg // one line for `rpbmatrix help`
	Usage   string    // the synopsis, e.g. "check FILE.rpb [--json]": syntax, the same in every language
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

// Run runs the named command in env's language and returns its exit code.
func Run(env Env, name string, args []string) (code int) {
	env = env.Speaking(env.Lang)
	c, ok := commands[name]
	if !ok {
		env.Warn(words.M("cli.unknown_command", "command", name))
		return ExitUsage
	}
	defer refuseTooLarge(env, c, &code)
	return c.Run(env, args)
}

// Help writes the list of commands in env's language. extra lists commands
// main handles itself.
func Help(env Env, extra ...*Command) {
	env = env.Speaking(env.Lang)
	all := append([]*Command(nil), extra...)
	for _, c := range commands {
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	w := env.Stdout
	fmt.Fprintln(w, words.Say(env.Lang, "cli.help.title"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, words.Say(env.Lang, "cli.help.usage"))
	const gui = "[FILE.rpb]"
	fmt.Fprintf(w, "  rpbmatrix %-40s %s\n", gui, words.Say(env.Lang, "cli.help.gui"))
	for _, c := range all {
		fmt.Fprintf(w, "  rpbmatrix %-40s %s\n", c.Usage, c.Summary.In(env.Lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, words.Say(env.Lang, "cli.help.exit_codes"))
}

// NewFlags returns a FlagSet for a command that writes errors to env.Stderr
// and parses flags given after positional arguments too.
func NewFlags(env Env, c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		env.Warn(words.M("cli.usage", "synopsis", c.Usage))
		fs.PrintDefaults()
	}
	return fs
}

// LangFlag adds --lang to a command that words its output in a chosen
// language; its default is env's language.
func LangFlag(env Env, fs *flag.FlagSet) *string {
	return fs.String("lang", env.Lang, words.Say(env.Lang, "cli.flag.lang"))
}

// UseLang checks the --lang value and returns env speaking it; ok is false
// (after printing usage) when it is neither zh nor en.
func UseLang(env Env, c *Command, lang string) (Env, bool) {
	if lang != words.Zh && lang != words.En {
		Usage(env, c, words.M("cli.bad_lang", "lang", lang))
		return env, false
	}
	return env.Speaking(lang), true
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

// Usage prints a usage error and the command's synopsis and returns ExitUsage.
func Usage(env Env, c *Command, m words.Msg) int {
	env.Warn(words.M("cli.failed", "command", c.Name, "message", m))
	env.Warn(words.M("cli.usage", "synopsis", c.Usage))
	return ExitUsage
}

// UsageErr is Usage for an error, worded in env's language when it can be.
func UsageErr(env Env, c *Command, err error) int {
	env.Warn(words.M("cli.failed", "command", c.Name, "message", errorText(env.Lang, err)))
	env.Warn(words.M("cli.usage", "synopsis", c.Usage))
	return ExitUsage
}

// pad fills s with spaces to width terminal columns, counting Chinese
// characters and full-width forms as two, so that labels line up in both languages.
func pad(s string, width int) string {
	n := 0
	for _, r := range s {
		n++
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) {
			n++
		}
	}
	if n >= width {
		return s
	}
	return s + strings.Repeat(" ", width-n)
}

// cliError is a command's own failure: a catalogue message and its cause.
type cliError struct {
	msg words.Msg
	err error
}

func (e *cliError) Msg() words.Msg { return e.msg }
func (e *cliError) Error() string  { return e.msg.In(words.En) }
func (e *cliError) Unwrap() error  { return e.err }
