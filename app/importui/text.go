// Package importui is the import wizard. Show walks through picking
// spreadsheet or CSV files, choosing the list kind, office and what to do
// with duplicates, checking and changing how columns map to fields with a
// live preview, running the import (all-or-nothing, with a backup first)
// and reading or saving the row-by-row report. The reading and planning
// live in storage/sheet; this package only shows them.
package importui

import (
	"os/user"
	"strings"

	"fyne.io/fyne/v2/lang"

	"rpbmatrix/model"
)

// Language returns the UI language, "zh" or "en". The app sets it to its
// own setting; by default it follows the system locale.
var Language = func() string {
	if strings.HasPrefix(string(lang.SystemLocale()), "zh") {
		return "zh"
	}
	return "en"
}

// Author is recorded on the duties and offices an import creates. The app
// sets it to its own setting; by default it is the login name.
var Author = func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "rpbmatrix"
}

// tr picks the Chinese or English text for the current language.
func tr(zh, en string) string {
	if Language() == "en" {
		return en
	}
	return zh
}

// msg shows a bilingual message in the current language.
func msg(m model.Msg) string { return m.In(Language()) }
