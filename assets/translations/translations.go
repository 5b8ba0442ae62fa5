// Package translations embeds the user-interface strings.
//
// en.json and zh-Hans.json hold RPB Matrix's own strings, one flat key per
// string ("menu.file"), sorted. fyne.en.json and fyne.zh-Hans.json are Fyne's
// own words for dialogs and widgets (from Fyne 2.7.1, BSD-3-Clause, with a few
// Chinese button words made idiomatic) so that forcing a language switches
// Fyne's buttons too.
package translations

import "embed"

// FS holds every *.json file of this directory.
//
//go:embed *.json
var FS embed.FS

// Languages are the UI languages in menu order: the code used by model.Msg.In
// and the locale of the JSON files.
var Languages = []struct{ Code, Locale, Name string }{
	{"zh", "zh-Hans", "中文"},
	{"en", "en", "English"},
}
