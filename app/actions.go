package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"

	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// doUndo reverts the last action; an empty history is not an error to show.
func (m *mainWindow) doUndo() {
	if m.sess == nil {
		return
	}
	if err := m.sess.Undo(); err != nil && !errors.Is(err, session.ErrNothingToUndo) {
		m.showError(err)
	}
}

// doRedo applies the last undone action again.
func (m *mainWindow) doRedo() {
	if m.sess == nil {
		return
	}
	if err := m.sess.Redo(); err != nil && !errors.Is(err, session.ErrNothingToRedo) {
		m.showError(err)
	}
}

// find shows the matrix and puts the cursor in its search box.
func (m *mainWindow) find() {
	if m.tabs == nil || m.matrix == nil {
		return
	}
	m.tabs.SelectIndex(tabMatrix)
	m.matrix.Find()
}

// zoom moves the presentation scale one step up (dir > 0), down, or back to 1.
func (m *mainWindow) zoom(dir int) {
	m.setTheme(m.theme.WithScale(apptheme.NextScale(m.theme.Scale(), dir)))
}

// setTheme applies t to every widget and remembers it.
func (m *mainWindow) setTheme(t *apptheme.Theme) {
	m.theme = t
	m.variant = t.Variant(m.app.Settings().ThemeVariant()) // drawn below, not again by variantChanged
	m.app.Settings().SetTheme(t)
	if m.interactive {
		m.app.Preferences().SetInt(prefTheme, int(t.Mode()))
		m.app.Preferences().SetFloat(prefScale, float64(t.Scale()))
	}
	// Fyne restyles its widgets itself; what the views draw (severity fills,
	// cell sizes) follows when they are drawn again. The menus carry check marks.
	m.menu = m.buildMenu()
	m.win.SetMainMenu(m.menu)
	if m.sess != nil {
		m.sess.Changed()
	} else {
		m.win.SetContent(m.startPage())
	}
}

// switchLanguage changes the UI language and rebuilds menus and views.
func (m *mainWindow) switchLanguage(code string) {
	if err := SetLanguage(code); err != nil {
		m.showError(err)
		return
	}
	if m.interactive {
		m.app.Preferences().SetString(prefLanguage, code)
	}
	m.rebuild()
}

// closeProject closes the file and shows the start page.
func (m *mainWindow) closeProject() {
	if m.store == nil {
		return
	}
	m.store.Close()
	m.store, m.sess = nil, nil
	m.rebuild()
}

// quit remembers the window size, closes the file and ends the app.
func (m *mainWindow) quit() {
	m.saveWindowSize()
	if m.store != nil {
		m.store.Close()
		m.store = nil
	}
	m.app.Quit()
}

func (m *mainWindow) saveWindowSize() {
	if !m.interactive {
		return
	}
	s := m.win.Canvas().Size()
	if s.Width > 100 && s.Height > 100 {
		m.app.Preferences().SetFloat(prefWindowWidth, float64(s.Width))
		m.app.Preferences().SetFloat(prefWindowHeight, float64(s.Height))
	}
}

// showError shows err in a dialog, in the UI language when it carries its words.
func (m *mainWindow) showError(err error) {
	dialog.ShowError(errors.New(errorText(err)), m.win)
}

// errorText words err in the UI language: an error that carries its words
// (a catalogue message, or a model problem) in them; any other (from the
// system or a library) as it says, in English.
func errorText(err error) string {
	if m, ok := words.Of(err); ok {
		return m.In(words.Current())
	}
	var p model.Problem
	if errors.As(err, &p) {
		return p.Msg.In(words.Current())
	}
	return err.Error()
}
