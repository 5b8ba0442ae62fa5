package storage

import (
	"encoding/json"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"rpbmatrix/model/words"
)

// bbolt locks a file with flock (LockFileEx on Windows), which cannot say
// who holds it. So whoever opens a project file also leaves a note beside
// it, .NAME.rpb.holder-PID-N, saying what it is (a window or a command),
// its process, user, computer and since when; Close removes it. The lock
// stays the only thing that decides: a note never keeps anyone out. A
// program that cannot get the lock reads the notes to say who has the file,
// skipping notes of processes that have ended on this computer; a note left
// by a crash is removed by whoever next gets the lock.

// Kinds of holder.
const (
	HolderWindow  = "window"  // the RPB Matrix window
	HolderCommand = "command" // a headless sub-command (import, check, merge …)
)

// Holder is who has a project file open, as its note says.
type Holder struct {
	Kind     string    `json:"kind"`              // HolderWindow or HolderCommand
	Command  string    `json:"command,omitempty"` // the sub-command, for HolderCommand
	PID      int       `json:"pid"`
	User     string    `json:"user,omitempty"`
	Host     string    `json:"host,omitempty"`
	Since    time.Time `json:"since"`
	Writable bool      `json:"writable"`
}

// holderNotes counts the notes this process has written, to name each uniquely.
var holderNotes atomic.Int64

// holderPrefix starts the name of every note about the file at path.
func holderPrefix(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".holder-")
}

// thisHolder describes this process opening a file. command is
// Options.Command; "" means: as main routes the arguments, a window unless
// the first argument names a sub-command.
func thisHolder(command string, writable bool) Holder {
	h := Holder{Kind: HolderWindow, PID: os.Getpid(), Since: now(), Writable: writable}
	if command == "" {
		command = commandOfArgs(os.Args[1:])
	}
	if command != "" {
		h.Kind, h.Command = HolderCommand, command
	}
	if u, err := user.Current(); err == nil {
		h.User = u.Username
	}
	h.Host, _ = os.Hostname()
	return h
}

// commandOfArgs is the sub-command a command line runs, "" for the window:
// no argument, a project file, or a flag (a test binary's).
func commandOfArgs(args []string) string {
	if len(args) == 0 {
		return ""
	}
	a := args[0]
	if strings.HasPrefix(a, "-") || strings.HasSuffix(strings.ToLower(a), ".rpb") || strings.ContainsAny(a, `/\.`) {
		return ""
	}
	return a
}

// writeHolder leaves the note for h beside path, which h has just locked
// (exclusively when h.Writable), and returns its name ("" when it could not
// be written: the folder may be read-only; the note is a courtesy, not a
// lock). Holding an exclusive lock proves every other note stale; a shared
// one, every note of a writer.
func writeHolder(path string, h Holder) string {
	for _, n := range holderNotesOf(path) {
		if h.Writable || n.holder.Writable || !processAlive(n.holder) {
			os.Remove(n.file)
		}
	}
	name := holderPrefix(path) + strconv.Itoa(h.PID) + "-" + strconv.FormatInt(holderNotes.Add(1), 10)
	b, err := json.Marshal(h)
	if err != nil || os.WriteFile(name, b, 0o644) != nil {
		return ""
	}
	return name
}

// removeHolder removes a note written by writeHolder.
func removeHolder(name string) {
	if name != "" {
		os.Remove(name)
	}
}

type holderNote struct {
	file   string
	holder Holder
}

// holderNotesOf reads the notes about the file at path, oldest first.
func holderNotesOf(path string) []holderNote {
	matches, _ := filepath.Glob(globEscape(holderPrefix(path)) + "*")
	var out []holderNote
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			continue
		}
		var h Holder
		if json.Unmarshal(b, &h) != nil || h.PID <= 0 {
			continue
		}
		out = append(out, holderNote{m, h})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].holder.Since.Before(out[j].holder.Since) })
	return out
}

// Holders returns who holds the file at path, as their notes say: writers
// first, notes of ended processes on this computer left out.
func Holders(path string) []Holder {
	var out []Holder
	for _, n := range holderNotesOf(path) {
		if processAlive(n.holder) {
			out = append(out, n.holder)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Writable && !out[j].Writable })
	return out
}

// processAlive reports whether the holder's process may still run: always
// for another computer's, which cannot be asked.
func processAlive(h Holder) bool {
	if host, _ := os.Hostname(); h.Host != "" && host != "" && h.Host != host {
		return true
	}
	return pidAlive(h.PID)
}

// globEscape escapes the characters filepath.Glob treats as a pattern.
func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `[*]`, `?`, `[?]`, `[`, `[[]`)
	if filepath.Separator != '\\' {
		r = strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	}
	return r.Replace(s)
}

// lockedMsg says that the file is in use, by whom when a note says.
func lockedMsg(file string, holders []Holder) words.Msg {
	if len(holders) == 0 {
		return words.M("storage.open.locked", "file", file)
	}
	h := holders[0]
	who := words.M("storage.holder.who", "user", h.User, "pid", h.PID, "since", h.Since.Local().Format("2006-01-02 15:04"))
	if host, _ := os.Hostname(); h.Host != "" && h.Host != host {
		who = words.M("storage.holder.who_on", "user", h.User, "pid", h.PID, "host", h.Host, "since", h.Since.Local().Format("2006-01-02 15:04"))
	}
	if h.Kind == HolderCommand {
		return words.M("storage.open.locked_command", "file", file, "command", h.Command, "who", who)
	}
	return words.M("storage.open.locked_window", "file", file, "who", who)
}
