// Package app is the desktop window of RPB Matrix: the main window with its
// sidebar, views, menus and shortcuts, the overview and heat map, settings,
// translations and the headless screenshots. The matrix and the editors live
// in the sub-packages matrix and editors; the state they share in session.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"rpbmatrix/assets"
)

// AppID is the application's unique ID; preferences are stored under it.
const AppID = "cn.rpbmatrix.app"

// defaultWindowSize fits a 1440×900 laptop with room for the task bar.
var defaultWindowSize = fyne.NewSize(1360, 820)

// Run opens the window on the project file at path ("" for the last file
// used, or the demo project on first run) and returns when the user quits.
// A file that cannot be opened is explained in the window, which then
// offers New and Open; Run itself fails only if the GUI cannot start.
func Run(path string) error {
	quietCLocale()
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	prefs := a.Preferences()
	code := prefs.StringWithFallback(prefLanguage, DefaultLanguage())
	if err := SetLanguage(code); err != nil {
		if err := SetLanguage(DefaultLanguage()); err != nil {
			return err
		}
	}
	if path == "" {
		path = DefaultProjectPath()
	}
	// The file is read while the window is made.
	var first *opening
	if path != "" {
		first = startOpening(path, authorFromPrefs(prefs), processStart)
	}
	w := a.NewWindow(tr("app.name"))
	m := newWindowShell(a, w, true)
	if first != nil {
		m.await(first) // before the content: no start page is made meanwhile
	}
	m.rebuild()
	size := fyne.NewSize(float32(prefs.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))),
		float32(prefs.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))))
	w.Resize(size)
	w.SetMaster()
	w.SetCloseIntercept(m.quit)
	// X11 names a window's class after its title when the window is made, and
	// the .desktop file's StartupWMClass must match it in every language: the
	// window is made under the app ID and takes its real title once running.
	w.SetTitle(AppID)
	a.Lifecycle().SetOnStarted(func() {
		m.updateTitle()
		afterFrame(func() { escapeFocused(w) }) // the desktop window exists once drawn
	})
	startupHook(m)
	w.ShowAndRun()
	return nil
}
