// Package importui is the import wizard. Show walks through picking
// spreadsheet or CSV files, choosing the list kind, office and what to do
// with duplicates, checking and changing how columns map to fields with a
// live preview, running the import (all-or-nothing, with a backup first)
// and reading or saving the row-by-row report. The reading and planning
// live in storage/sheet; this package only shows them. Its words come from
// the catalogue (importui.* keys) in the UI language, words.Current, so the
// wizard follows a language switch made in Settings.
package importui

import (
	"os/user"

	"rpbmatrix/model/words"
)

// Author is recorded on the duties and offices an import creates. The app
// sets it to its own setting; by default it is the login name.
var Author = func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "rpbmatrix"
}

// worded is a message of storage/sheet: a status, a field, a reason.
type worded interface{ In(lang string) string }

// say words a message of storage/sheet in the UI language.
func say(m worded) string { return m.In(words.Current()) }

// errorText is err in the UI language, in the words it carries (a sheet
// error with its file name, a storage error).
func errorText(err error) string { return words.Text(words.Current(), err) }
