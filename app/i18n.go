package app

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"rpbmatrix/assets/translations"
	"rpbmatrix/model/words"
)

// fyneLocales are the locales Fyne 2.7.1 ships translations for. Fyne picks
// its localizer from these (plus what we add) by the system locale, and
// offers no way to force a locale at run time. So to force a language we
// register that language's strings under every locale Fyne could pick: then
// whatever it picks says what the user chose.
var fyneLocales = []string{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// Language returns the UI language in force ("zh" or "en"): the word
// catalogue's (words.Current), the one place the language is kept.
func Language() string { return words.Current() }

// DefaultLanguage is Chinese when the system locale is Chinese, else English.
func DefaultLanguage() string {
	if strings.HasPrefix(string(lang.SystemLocale()), "zh") {
		return "zh"
	}
	return "en"
}

// SetLanguage makes code ("zh" or "en") the language of every later
// lang.L / lang.X call, Fyne's own dialogs included. Widgets already built
// keep their text: the window rebuilds its content after a switch.
func SetLanguage(code string) error {
	quietCLocale()
	locale := ""
	for _, l := range translations.Languages {
		if l.Code == code {
			locale = l.Locale
		}
	}
	if locale == "" {
		return fmt.Errorf("unknown language %q (use zh or en)", code)
	}
	data, err := mergedTranslations(locale)
	if err != nil {
		return err
	}
	for _, loc := range fyneLocales {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			return fmt.Errorf("translations for %s: %w", loc, err)
		}
	}
	// The system's own locale, so an exact match cannot bypass us. Locales
	// go-i18n has no plural rules for are refused; the list above covers them.
	_ = lang.AddTranslationsForLocale(data, lang.SystemLocale())
	words.Use(code)
	return nil
}

// mergedTranslations joins Fyne's strings and ours for one locale.
func mergedTranslations(locale string) ([]byte, error) {
	merged := map[string]any{}
	for _, name := range []string{"fyne." + locale + ".json"} {
		raw, err := translations.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("assets/translations/%s: %w", name, err)
		}
		for k, v := range m {
			merged[k] = v
		}
	}
	return json.Marshal(merged)
}

// tr words a catalogue key in the UI language.
func tr(key string) string { return words.T(key) }

// trf is tr with template values given as alternating names and values.
func trf(key string, kv ...any) string { return words.T(key, kv...) }

// quietCLocale stops Fyne logging "Error parsing user locale C" on every
// translation it loads when LANG is C.UTF-8 (containers, CI): go-locale reads
// that as the language "C". LANGUAGE takes precedence there, and we override
// every locale's strings anyway, so naming English changes nothing else.
func quietCLocale() {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" || os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if l == "C" || l == "POSIX" || strings.HasPrefix(l, "C.") {
				os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
	os.Setenv("LANGUAGE", "en") // no locale at all reads as "C" too
}
