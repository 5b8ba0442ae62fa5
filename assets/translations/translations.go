// Package translations embeds the catalogue of user-visible words.
//
// zh-Hans/*.json and en/*.json are RPB Matrix's own words, one flat key per
// string, split into files by area and read as one catalogue by
// rpbmatrix/model/words. fyne.en.json and fyne.zh-Hans.json are Fyne's own
// words for dialogs and widgets (from Fyne 2.7.1, BSD-3-Clause, with a few
// Chinese button words made idiomatic) so that forcing a language switches
// Fyne's buttons too.
package translations

import "embed"

// FS holds the catalogue folders and Fyne's word files.
//
//go:embed *.json zh-Hans en
var FS embed.FS

// Languages are the UI languages in menu order: the code used by
// rpbmatrix/model/words and the locale of Fyne's word files.
var Languages = []struct{ Code, Locale, Name string }{
	{"zh", "zh-Hans", "中文"},
	{"en", "en", "English"},
}
