package storage

import (
	"errors"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Kinds of failure to open a project file. They come wrapped in *OpenError,
// so test them with errors.Is; the words are OpenError's.
var (
	ErrLocked       = errors.New("file is open in another window")
	ErrNoFile       = errors.New("file does not exist")
	ErrExists       = errors.New("file already exists")
	ErrEmptyFile    = errors.New("file is empty")
	ErrNotBolt      = errors.New("not a project file")
	ErrDamaged      = errors.New("project file is damaged")
	ErrNotProject   = errors.New("database is not a project")
	ErrNewerVersion = errors.New("project file is from a newer version")
	// ErrUnreadable is the kind for a file the system will not let us read
	// (permissions, an I/O error).
	ErrUnreadable = errors.New("cannot read file")
)

// ErrReadOnly is returned by Commit, Undo and Redo on a store opened read-only.
var ErrReadOnly = &Error{msg: words.M("storage.read_only")}

// errClosed is returned by what needs the file after Close.
var errClosed = &Error{msg: words.M("storage.closed")}

// Error is a failure of storage with its words: Msg is a catalogue key and
// arguments, worded where the error is shown in the language of that place
// (find it with errors.As and an interface{ Msg() words.Msg }); Error words
// it in English, for logs.
type Error struct {
	msg words.Msg
	err error // the cause, for errors.Is and errors.As; may be nil
}

// fail returns an error that says msg and wraps cause.
func fail(cause error, msg words.Msg) *Error { return &Error{msg: msg, err: cause} }

// Msg is the message, to be worded in the reader's language.
func (e *Error) Msg() words.Msg { return e.msg }

// Error is the message in English.
func (e *Error) Error() string { return e.msg.In(words.En) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.err }

// worded is an error that carries its own words (*Error, *OpenError,
// *ValidationError, and the like of other packages).
type worded interface{ Msg() words.Msg }

// cause is err as the argument of a message: its own words when it has
// them, else its text (a system or library error, which has only English).
func cause(err error) any {
	if err == nil {
		return ""
	}
	var w worded
	if errors.As(err, &w) {
		return w.Msg()
	}
	return err.Error()
}

// OpenError says why a project file could not be opened or created.
type OpenError struct {
	Path string
	Kind error // one of the Err* kinds above
	Err  error // the underlying cause, may be nil
	// Holders says who has the file open, for ErrLocked, as far as their
	// notes tell (none when the holder left no note).
	Holders []Holder
}

func openErr(path string, kind, cause error) *OpenError {
	return &OpenError{Path: path, Kind: kind, Err: cause}
}

// Unwrap lets errors.Is find both the kind and the cause.
func (e *OpenError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Error is the message in English.
func (e *OpenError) Error() string { return e.Msg().In(words.En) }

// Msg is the message, naming the file, to be worded in the reader's language.
func (e *OpenError) Msg() words.Msg {
	file := e.Path
	switch e.Kind {
	case ErrLocked:
		return lockedMsg(file, e.Holders)
	case ErrNoFile:
		return words.M("storage.open.no_file", "file", file)
	case ErrExists:
		return words.M("storage.open.exists", "file", file)
	case ErrEmptyFile:
		return words.M("storage.open.empty", "file", file)
	case ErrNotBolt:
		return words.M("storage.open.not_bolt", "file", file)
	case ErrNotProject:
		return words.M("storage.open.not_project", "file", file)
	case ErrNewerVersion:
		return words.M("storage.open.newer", "file", file, "cause", cause(e.Err))
	case ErrDamaged:
		return words.M("storage.open.damaged", "file", file, "cause", cause(e.Err))
	}
	return words.M("storage.open.unreadable", "file", file, "cause", cause(e.Err))
}

// Restorable reports whether err, from Open or Check, says the file itself
// is damaged, so that putting its latest backup in its place can help. A
// file that is locked, unreadable, missing or from a newer program is not
// damaged: restoring a backup over it would lose work.
func Restorable(err error) bool {
	return errors.Is(err, ErrDamaged) || errors.Is(err, ErrEmptyFile) || errors.Is(err, ErrNotBolt)
}

// ValidationError is returned by Commit when a change would store an
// invalid entity; nothing is written then.
type ValidationError struct {
	Problems []model.Problem
}

// shownProblems is how many problems a ValidationError's message lists.
const shownProblems = 5

// Error is the message in English.
func (e *ValidationError) Error() string { return e.Msg().In(words.En) }

// Msg lists the first few problems and counts the rest.
func (e *ValidationError) Msg() words.Msg {
	n := min(len(e.Problems), shownProblems)
	list := make([]any, n)
	for i, p := range e.Problems[:n] {
		list[i] = p.Msg
	}
	if more := len(e.Problems) - n; more > 0 {
		return words.M("storage.invalid.more", "problems", sentences(list), "more", more)
	}
	return words.M("storage.invalid", "problems", sentences(list))
}

// sentences joins messages (or strings) one after another: "甲；乙", "a; b".
func sentences(parts []any) any {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return words.M("storage.then", "first", parts[0], "rest", sentences(parts[1:]))
}
