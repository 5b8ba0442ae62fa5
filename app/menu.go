package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/assets/translations"
	"rpbmatrix/model/words"
)

// command is one menu action with its keyboard shortcut.
type command struct {
	key      string // translation key of the label
	shortcut *desktop.CustomShortcut
	run      func()
	// needsProject disables the item while no project is open.
	needsProject bool
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// commands are every action with a shortcut, by menu.
func (m *mainWindow) commands() map[string]command {
	return map[string]command{
		"new":       {"menu.new", ctrl(fyne.KeyN), m.newProject, false},
		"open":      {"menu.open", ctrl(fyne.KeyO), m.openDialog, false},
		"save_copy": {"menu.save_copy", ctrlShift(fyne.KeyS), m.saveCopy, true},
		"import":    {"menu.import", ctrl(fyne.KeyI), m.importFiles, true},
		"export":    {"menu.export", ctrl(fyne.KeyE), m.export, true},
		"print":     {"menu.print", ctrl(fyne.KeyP), m.printReport, true},
		"close":     {"menu.close", ctrl(fyne.KeyW), m.closeProject, true},
		"quit":      {"menu.quit", ctrl(fyne.KeyQ), m.quit, false},
		"undo":      {"menu.undo", ctrl(fyne.KeyZ), m.doUndo, true},
		"redo":      {"menu.redo", ctrlShift(fyne.KeyZ), m.doRedo, true},
		"find":      {"menu.find", ctrl(fyne.KeyF), m.find, true},
		"settings":  {"menu.settings", ctrl(fyne.KeyComma), m.showSettings, false},
		"zoom_in":   {"menu.zoom_in", ctrl(fyne.KeyEqual), func() { m.zoom(1) }, false},
		"zoom_out":  {"menu.zoom_out", ctrl(fyne.KeyMinus), func() { m.zoom(-1) }, false},
		"zoom_0":    {"menu.zoom_reset", ctrl(fyne.Key0), func() { m.zoom(0) }, false},
	}
}

// extraShortcuts are second keys for the same actions: Ctrl+Y for redo,
// Ctrl++ (shifted =) and the keypad keys for zoom.
func (m *mainWindow) extraShortcuts() map[*desktop.CustomShortcut]func() {
	return map[*desktop.CustomShortcut]func(){
		ctrl(fyne.KeyY):          m.doRedo,
		ctrlShift(fyne.KeyEqual): func() { m.zoom(1) },
		ctrl(fyne.KeyPlus):       func() { m.zoom(1) },
		ctrl(fyne.KeyAsterisk):   func() { m.zoom(0) },
	}
}

// addShortcuts binds every shortcut on the window's canvas once. The
// actions themselves do nothing when they need a project and none is open.
func (m *mainWindow) addShortcuts() {
	c := m.win.Canvas()
	for _, cmd := range m.commands() {
		run := cmd.run
		c.AddShortcut(cmd.shortcut, func(fyne.Shortcut) { run() })
	}
	for sc, run := range m.extraShortcuts() {
		c.AddShortcut(sc, func(fyne.Shortcut) { run() })
	}
	m.addUndoShortcuts(c)
}

// addUndoShortcuts binds the driver's own undo and redo: on a real window
// GLFW turns Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z (Cmd on macOS) into
// fyne.ShortcutUndo and fyne.ShortcutRedo before any custom shortcut sees
// them, and offers them to the main menu first, then to the focused
// widget, then to the canvas: the menu's Undo and Redo carry them (see
// item), so that a focused entry cannot swallow them; these bindings serve
// windows without a menu. See undoKey for what they undo.
func (m *mainWindow) addUndoShortcuts(c fyne.Canvas) {
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { m.undoKey() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { m.redoKey() })
}

// item makes the menu item of a command.
func (m *mainWindow) item(name string) *fyne.MenuItem {
	cmd := m.commands()[name]
	it := fyne.NewMenuItem(tr(cmd.key), cmd.run)
	it.Shortcut = cmd.shortcut
	switch name { // the driver's own shortcuts for Ctrl+Z and Ctrl+Y (see addUndoShortcuts)
	case "undo":
		it.Shortcut, it.Action = &fyne.ShortcutUndo{}, m.undoKey
	case "redo":
		it.Shortcut, it.Action = &fyne.ShortcutRedo{}, m.redoKey
	}
	it.Disabled = cmd.needsProject && m.store == nil
	return it
}

// fileItem is a menu item with no shortcut that needs an open project.
func (m *mainWindow) fileItem(key string, run func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(tr(key), run)
	it.Disabled = m.store == nil
	return it
}

// buildMenu makes the main menu in the current language.
func (m *mainWindow) buildMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem(tr("menu.recent"), nil)
	for _, f := range recentFiles(m.app.Preferences()) {
		path := f
		recent.ChildMenu = appendMenu(recent.ChildMenu, fyne.NewMenuItem(f, func() { m.openPath(path) }))
	}
	if recent.ChildMenu == nil {
		recent.ChildMenu = fyne.NewMenu("", &fyne.MenuItem{Label: tr("menu.recent.none"), Disabled: true})
	}
	quit := m.item("quit")
	quit.IsQuit = true
	file := fyne.NewMenu(tr("menu.file"),
		m.item("new"), m.item("open"), recent, fyne.NewMenuItemSeparator(),
		m.item("save_copy"), m.item("import"), m.item("export"), m.item("print"), fyne.NewMenuItemSeparator(),
		m.fileItem("files.menu.handout", m.handOut), m.fileItem("files.menu.merge", m.mergeCopy), fyne.NewMenuItemSeparator(),
		m.item("close"), quit,
	)
	m.undo, m.redo = m.item("undo"), m.item("redo")
	edit := fyne.NewMenu(tr("menu.edit"), m.undo, m.redo, fyne.NewMenuItemSeparator(), m.item("find"),
		fyne.NewMenuItemSeparator(), m.item("settings"))

	languages := fyne.NewMenuItem(tr("menu.language"), nil)
	for _, l := range translations.Languages {
		code := l.Code
		it := fyne.NewMenuItem(l.Name, func() { m.switchLanguage(code) })
		it.Checked = code == words.Current()
		languages.ChildMenu = appendMenu(languages.ChildMenu, it)
	}
	themes := fyne.NewMenuItem(tr("menu.theme"), nil)
	for _, t := range []struct {
		mode apptheme.VariantMode
		key  string
	}{{apptheme.VariantSystem, "theme.system"}, {apptheme.VariantLight, "theme.light"}, {apptheme.VariantDark, "theme.dark"}} {
		mode := t.mode
		it := fyne.NewMenuItem(tr(t.key), func() { m.setTheme(m.theme.WithMode(mode)) })
		it.Checked = m.theme.Mode() == mode
		themes.ChildMenu = appendMenu(themes.ChildMenu, it)
	}
	viewMenu := fyne.NewMenu(tr("menu.view"), languages, themes, fyne.NewMenuItemSeparator(),
		m.item("zoom_in"), m.item("zoom_out"), m.item("zoom_0"))
	help := fyne.NewMenu(tr("menu.help"), fyne.NewMenuItem(tr("menu.rules"), m.showRules), fyne.NewMenuItem(tr("menu.about"), m.showAbout))
	m.updateUndoItemsLater()
	return fyne.NewMainMenu(file, edit, viewMenu, help)
}

// updateUndoItemsLater fills the undo labels once the menu is installed.
func (m *mainWindow) updateUndoItemsLater() {
	m.undo.Disabled = m.store == nil || !m.store.CanUndo()
	m.redo.Disabled = m.store == nil || !m.store.CanRedo()
	if m.store != nil && m.store.CanUndo() {
		m.undo.Label = trf("menu.undo.action", "Action", m.store.UndoLabel())
	}
	if m.store != nil && m.store.CanRedo() {
		m.redo.Label = trf("menu.redo.action", "Action", m.store.RedoLabel())
	}
}

func appendMenu(menu *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if menu == nil {
		return fyne.NewMenu("", it)
	}
	menu.Items = append(menu.Items, it)
	return menu
}
