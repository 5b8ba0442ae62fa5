package report

import "rpbmatrix/model/words"

// Error is a report failure: a catalogue message worded where it is shown
// (In), and the cause it wraps, if any.
type Error struct {
	Msg words.Msg
	Err error
}

func fail(m words.Msg) error { return &Error{Msg: m} }

// failWith is a failure caused by err; m names err.Error() as its "cause".
func failWith(err error, m words.Msg) error { return &Error{Msg: m, Err: err} }

// Error words the failure in the current UI language (words.Current).
func (e *Error) Error() string { return e.Msg.In(words.Current()) }

// In words the failure in lang.
func (e *Error) In(lang string) string { return e.Msg.In(lang) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
