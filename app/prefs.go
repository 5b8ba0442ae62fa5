package app

import (
	"os"
	"os/user"
	"path/filepath"

	"fyne.io/fyne/v2"

	apptheme "rpbmatrix/app/theme"
)

// Preference keys. Views in sub-packages keep their own keys under their
// package name (e.g. "matrix.col.<name>") in the same fyne.Preferences.
const (
	prefLanguage     = "language"      // "zh" or "en"; empty: follow the system
	prefTheme        = "theme"         // 0 system, 1 light, 2 dark
	prefScale        = "scale"         // presentation text scale
	prefAuthor       = "author"        // recorded on every change
	prefRecent       = "recent"        // recent files, newest first
	prefWindowWidth  = "window.width"  // last window size
	prefWindowHeight = "window.height" //
	prefTab          = "window.tab"    // last selected view
)

// maxRecent is how many files Open recent lists.
const maxRecent = 8

// recentFiles returns the remembered files that still exist, newest first.
func recentFiles(p fyne.Preferences) []string {
	var out []string
	for _, f := range p.StringList(prefRecent) {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// rememberFile puts path first in the recent files.
func rememberFile(p fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, f := range p.StringList(prefRecent) {
		if f != path && len(list) < maxRecent {
			list = append(list, f)
		}
	}
	p.SetStringList(prefRecent, list)
}

// forgetFile drops path from the recent files (it was moved or is damaged).
func forgetFile(p fyne.Preferences, path string) {
	var list []string
	for _, f := range p.StringList(prefRecent) {
		if f != path {
			list = append(list, f)
		}
	}
	p.SetStringList(prefRecent, list)
}

// themeFromPrefs builds the theme the user chose last time.
func themeFromPrefs(p fyne.Preferences) *apptheme.Theme {
	// Light unless the user chose otherwise: projectors wash dark themes out,
	// and the light screen matches the printed report.
	return apptheme.New(apptheme.VariantMode(p.IntWithFallback(prefTheme, int(apptheme.VariantLight))),
		float32(p.FloatWithFallback(prefScale, 1)))
}

// authorFromPrefs is the author name, the login name until the user sets one.
func authorFromPrefs(p fyne.Preferences) string {
	if a := p.String(prefAuthor); a != "" {
		return a
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	if u := os.Getenv("USERNAME"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}
