package sheet

import (
	"fmt"

	"rpbmatrix/model"
)

// msgf formats the Chinese and English forms of a message with the same arguments.
func msgf(zh, en string, args ...any) model.Msg {
	return model.Msg{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// FileError is a problem with a whole input file (unreadable, wrong format, empty).
type FileError struct {
	File string
	Msg  model.Msg
}

func (e *FileError) Error() string { return e.File + ": " + e.Msg.Zh + " / " + e.Msg.En }

// RowError is a problem at a place in a sheet; Row and Col count from 1 (0: unknown).
type RowError struct {
	Row, Col int
	Msg      model.Msg
}

func (e *RowError) Error() string {
	return fmt.Sprintf("row %d, column %d: %s / %s", e.Row, e.Col, e.Msg.Zh, e.Msg.En)
}
