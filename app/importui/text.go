// Package importui is the import wizard: pick spreadsheet or CSV files,
// choose the list kind, office and what to do with duplicates, check and
// change how columns map to fields with a live preview, run the import
// (all-or-nothing, with a backup first) and read or save the row-by-row
// report. The reading, mapping and planning live in storage/sheet; this
// package only shows them.
package importui

import (
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

// tr picks the Chinese or English text for the current language.
func tr(zh, en string) string {
	if Language() == "en" {
		return en
	}
	return zh
}

// msg shows a bilingual message in the current language.
func msg(m model.Msg) string { return m.In(Language()) }
