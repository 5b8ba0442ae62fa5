package sheet

import (
	"fmt"

	"rpbmatrix/model/words"
)

// FileError is a problem with a whole input file (unreadable, wrong format,
// empty), or with a whole export (an office the project lacks: File is
// then empty). It is worded where it is shown, always naming the file.
type FileError struct {
	File    string
	Problem words.Msg
	Err     error // the cause, when there is one
}

// Msg is the whole message, "file: problem", as words.Text words errors.
func (e *FileError) Msg() words.Msg {
	if e.File == "" {
		return e.Problem
	}
	return words.M("sheet.error.file", "file", e.File, "msg", e.Problem)
}

// In words the error in lang.
func (e *FileError) In(lang string) string { return e.Msg().In(lang) }

// Error words the error in the current language (words.Current).
func (e *FileError) Error() string { return e.In(words.Current()) }

func (e *FileError) Unwrap() error { return e.Err }

// RowError is a problem at a place in a sheet; Row and Col count from 1 (0: unknown).
type RowError struct {
	Row, Col int
	Problem  words.Msg
}

// Msg is the whole message, "row 3, column 2: problem".
func (e *RowError) Msg() words.Msg {
	return words.M("sheet.error.row", "row", e.Row, "col", e.Col, "msg", e.Problem)
}

// In words the error in lang.
func (e *RowError) In(lang string) string { return e.Msg().In(lang) }

// Error words the error in the current language (words.Current).
func (e *RowError) Error() string { return e.In(words.Current()) }

// errText is a Go error as a message argument. System errors (os, zip,
// csv) come worded by Go in English; the message around them is ours.
func errText(err any) string { return fmt.Sprint(err) }

// wordedCause is an error as a message argument that keeps its own words
// (a storage error words itself in the language of the edge), or its Go
// text when it has none.
func wordedCause(err error) any {
	if m, ok := words.Of(err); ok {
		return m
	}
	return errText(err)
}
