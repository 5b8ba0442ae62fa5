package report

import "rpbmatrix/model/words"

// Error is a report failure: a catalogue message worded where it is shown
// (words.Text finds it through Msg), and the cause it wraps, if any.
type Error struct {
	msg words.Msg
	err error
}

func fail(m words.Msg) error { return &Error{msg: m} }

// failWith is a failure caused by err; m names err.Error() as its "cause".
func failWith(err error, m words.Msg) error { return &Error{msg: m, err: err} }

// Msg is the message, to be worded in the reader's language.
func (e *Error) Msg() words.Msg { return e.msg }

// Error is the message in English, for logs.
func (e *Error) Error() string { return e.msg.In(words.En) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.err }
