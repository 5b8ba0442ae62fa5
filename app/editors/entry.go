// Package editors holds the panels that change a project: the detail panel
// of one matrix row and the editors of offices, the duty catalogue,
// authorities and an office's holdings. Every edit is committed at once as
// one transaction through the session; text is committed when the field
// loses focus or on Enter, not on every keystroke.
package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an Entry that reports its text when the user is done with
// it: on Enter (single line) or when it loses focus, and only if the text
// differs from what was last loaded or committed.
type commitEntry struct {
	widget.Entry
	committed string
	onCommit  func(text string)
}

func newCommitEntry(multiLine bool, onCommit func(string)) *commitEntry {
	e := &commitEntry{onCommit: onCommit}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// load shows text as the stored value without committing it.
func (e *commitEntry) load(text string) {
	e.committed = text
	if e.Text != text {
		e.SetText(text)
	}
}

// Unsaved reports whether the text differs from what was last loaded or
// committed: Ctrl+Z then undoes the typing, not the project's last action.
func (e *commitEntry) Unsaved() bool { return e.Text != e.committed }

func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) commit() {
	if e.Text == e.committed || e.onCommit == nil {
		return
	}
	e.onCommit(e.Text)
}
