package app

import (
	"fmt"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/editors"
	"rpbmatrix/app/matrix"
	"rpbmatrix/app/meeting"
	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// Tabs of the main window, in order.
const (
	tabOverview = iota
	tabMatrix
	tabHeatmap
	tabAuthorities
	tabOffices
	tabCatalogue
	tabMeeting
	tabAdmission
)

// tabKeys are the translation keys of the tabs, in the order above.
var tabKeys = []string{"tab.overview", "tab.matrix", "tab.heatmap", "tab.authorities", "tab.offices", "tab.catalogue", "meeting.tab", "admissions.tab"}

// view is what every tab shows.
type view interface{ CanvasObject() fyne.CanvasObject }

// mainWindow is the one window of an open project: sidebar, tabs, status
// bar and menus. With no project open it shows the start page.
type mainWindow struct {
	app   fyne.App
	win   fyne.Window
	theme *apptheme.Theme
	// variant is the light/dark variant the views last drew with; the
	// system may switch it under a theme that follows the system.
	variant fyne.ThemeVariant
	// interactive is false for headless renders (screenshots, tests of
	// pictures): no preferences are written then.
	interactive bool

	store *storage.Store // nil when no project is open
	// background counts work running off the Fyne thread (opening,
	// exporting) until its result is installed; tests wait on it.
	background sync.WaitGroup
	// async starts background work; tests hold it back to look at the
	// window meanwhile.
	async func(func())
	// opens counts the files opened, for the first one's timing (RPB_TIMINGS).
	opens int
	// waiting counts the files being opened now.
	waiting int
	sess    *session.Session

	tabs    *container.AppTabs
	views   []view // in tab order
	sidebar *sidebar
	matrix  *matrix.View
	status  *widget.Label
	menu    *fyne.MainMenu
	undo    *fyne.MenuItem
	redo    *fyne.MenuItem
}

// newMainWindow makes the window with its menus, on the start page.
func newMainWindow(a fyne.App, w fyne.Window, interactive bool) *mainWindow {
	m := newWindowShell(a, w, interactive)
	m.rebuild()
	return m
}

// newWindowShell is the window with its theme, shortcuts and key handler,
// before its menus and content are made (rebuild).
func newWindowShell(a fyne.App, w fyne.Window, interactive bool) *mainWindow {
	m := &mainWindow{app: a, win: w, interactive: interactive, theme: themeFromPrefs(a.Preferences()),
		async: func(f func()) { go f() }}
	if !interactive {
		m.theme = apptheme.New(apptheme.VariantLight, 1)
	}
	a.Settings().SetTheme(m.theme)
	m.variant = apptheme.CurrentVariant()
	a.Settings().AddListener(func(fyne.Settings) { fyne.Do(m.variantChanged) })
	m.addShortcuts()
	w.Canvas().SetOnTypedKey(m.typedKey)
	return m
}

// rebuild makes the window's menus and content again from the current
// language, theme and project; views keep the session's selection.
func (m *mainWindow) rebuild() {
	m.menu = m.buildMenu()
	m.win.SetMainMenu(m.menu)
	m.updateTitle()
	if m.store == nil {
		m.tabs, m.views, m.sidebar, m.matrix, m.status = nil, nil, nil, nil, nil
		if m.waiting > 0 {
			// A file is being opened under its progress dialog: the start
			// page would be made only to be replaced (opened makes it if
			// the file does not open).
			m.win.SetContent(container.NewStack())
			return
		}
		m.win.SetContent(m.startPage())
		return
	}
	if m.sess == nil {
		m.sess = session.New(m.store, authorFromPrefs(m.app.Preferences()))
	}
	m.installSession()
}

// installSession builds the views on m.sess, replacing any built before.
func (m *mainWindow) installSession() {
	tab := tabOverview
	if m.tabs != nil {
		tab = m.tabs.SelectedIndex()
	} else if m.interactive {
		tab = m.app.Preferences().IntWithFallback(prefTab, tabOverview)
	}
	s := m.sess
	s.ResetListeners() // the views being replaced must stop listening
	s.Path = m.store.Path()
	s.Author = authorFromPrefs(m.app.Preferences())
	s.OnChange(m.changed)
	m.traceSession()
	m.win.SetContent(m.projectContent())
	if tab >= 0 && tab < len(m.tabs.Items) {
		m.tabs.SelectIndex(tab)
	}
	m.tabShown() // selecting the tab shown already tells nobody
	m.changed()
}

// tabShown brings the view of the selected tab up to date.
func (m *mainWindow) tabShown() {
	if i := m.tabs.SelectedIndex(); i >= 0 && i < len(m.views) {
		if v, ok := m.views[i].(interface{ Shown() }); ok {
			v.Shown()
		}
	}
}

// projectContent lays out sidebar, tabs and status bar for the open project.
func (m *mainWindow) projectContent() fyne.CanvasObject {
	s := m.sess
	// A view off screen is brought up to date when its tab is selected.
	onScreen := func(tab int) func() bool {
		return func() bool { return m.tabs != nil && m.tabs.SelectedIndex() == tab }
	}
	m.matrix = matrix.New(s, m.win, onScreen(tabMatrix))
	m.views = []view{
		newOverview(s, onScreen(tabOverview)),
		m.matrix,
		newHeatmap(s, onScreen(tabHeatmap)),
		// The editors are made when their tab is first shown: a
		// prefecture's catalogue costs the opening nothing until asked for.
		later(m.authoritiesView),
		later(func() view { return editors.NewOfficesView(s, m.win) }),
		later(func() view { return editors.NewCatalogueView(s, m.win) }),
		meeting.New(s, m.win, onScreen(tabMeeting)),
		later(func() view { return editors.NewAdmissionView(s, m.win) }),
	}
	// Each view scrolls sideways on its own when it is wider than the window
	// (a long filter bar at presentation size), rather than widening every
	// tab, pushing the window past the screen or being squeezed below its
	// minimum. The tabs are made in one go: AppTabs.Append lays out every
	// tab again on each append.
	items := make([]*container.TabItem, len(m.views))
	for i, v := range m.views {
		items[i] = container.NewTabItem(tr(tabKeys[i]), container.NewHScroll(v.CanvasObject()))
	}
	m.tabs = container.NewAppTabs(items...)
	// A view that can wait while off screen is told when it is (the
	// overview, heat map and matrix are told when they are made).
	for i, v := range m.views {
		if l, ok := v.(interface{ SetOnScreen(func() bool) }); ok {
			l.SetOnScreen(onScreen(i))
		}
	}
	m.tabs.OnSelected = func(*container.TabItem) {
		m.tabShown()
		if m.interactive {
			m.app.Preferences().SetInt(prefTab, m.tabs.SelectedIndex())
		}
	}
	s.OnShowMatrix(func(session.MatrixRequest) { m.tabs.SelectIndex(tabMatrix) })

	m.sidebar = newSidebar(s)
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.updateStatus()
	// The sidebar keeps room for a full office name and its index.
	side := container.New(&minWidth{w: theme.TextSize() * 13}, m.sidebar.CanvasObject())
	split := container.NewHSplit(side, m.tabs)
	split.Offset = 0.15
	return container.NewBorder(nil, m.status, nil, nil, split)
}

// authoritiesView is the authority catalogue and, beside it, the holdings
// of the selected office: the two halves of "who may do what".
func (m *mainWindow) authoritiesView() view {
	return editors.NewAuthorityPages(m.sess, m.win, tr("tab.authorities.catalogue"), tr("tab.authorities.holdings"))
}

// laterView is a view made the first time its tab is shown.
type laterView struct {
	build    func() view
	v        view            // nil until shown
	box      *fyne.Container // holds v's content once made
	onScreen func() bool
}

func later(build func() view) *laterView {
	return &laterView{build: build, box: container.NewStack()}
}

func (l *laterView) CanvasObject() fyne.CanvasObject { return l.box }

// SetOnScreen is passed on to the view once it is made.
func (l *laterView) SetOnScreen(f func() bool) { l.onScreen = f }

// Shown makes the view if it is not made yet, and tells it it is shown.
func (l *laterView) Shown() {
	if l.v == nil {
		l.v = l.build()
		if v, ok := l.v.(interface{ SetOnScreen(func() bool) }); ok && l.onScreen != nil {
			v.SetOnScreen(l.onScreen)
		}
		l.box.Objects = []fyne.CanvasObject{l.v.CanvasObject()}
		l.box.Refresh()
	}
	if v, ok := l.v.(interface{ Shown() }); ok {
		v.Shown()
	}
}

// variantChanged redraws the views' own colours when the desktop switched
// between light and dark under a theme that follows it.
func (m *mainWindow) variantChanged() {
	if v := apptheme.CurrentVariant(); v != m.variant {
		m.variant = v
		if m.sess != nil {
			m.sess.Changed()
		}
	}
}

// changed runs after every commit, undo and redo.
func (m *mainWindow) changed() {
	m.updateTitle()
	m.updateStatus()
	m.updateUndoItems()
}

// updateTitle shows the app, the project and the file: 责权利矩阵 — 名称 — 文件.
func (m *mainWindow) updateTitle() {
	title := tr("app.name")
	if m.store != nil {
		title = fmt.Sprintf("%s — %s — %s", title, m.store.Project().Info.Name, filepath.Base(m.store.Path()))
	}
	m.win.SetTitle(title)
}

// updateStatus writes the counts and the file's path in the status bar.
func (m *mainWindow) updateStatus() {
	if m.status == nil || m.sess == nil {
		return
	}
	p, r := m.sess.Project(), m.sess.Result()
	m.status.SetText(trf("status.counts", "Offices", len(p.Offices), "Duties", len(p.Duties),
		"Authorities", len(p.Authorities), "Findings", r.FindingCount(), "IndexName", words.M("term.balance_index"), "Index", words.Index(r.Total.Balance),
		"Path", m.store.Path()))
}

// updateUndoItems names the action Undo and Redo would revert.
func (m *mainWindow) updateUndoItems() {
	if m.undo == nil {
		return
	}
	m.undo.Label, m.redo.Label = tr("menu.undo"), tr("menu.redo")
	m.undo.Disabled, m.redo.Disabled = true, true
	if m.store != nil {
		if m.store.CanUndo() {
			m.undo.Disabled = false
			m.undo.Label = trf("menu.undo.action", "Action", m.store.UndoLabel())
		}
		if m.store.CanRedo() {
			m.redo.Disabled = false
			m.redo.Label = trf("menu.redo.action", "Action", m.store.RedoLabel())
		}
	}
	m.menu.Refresh()
}

// setStore makes st the open project, closing the one before.
func (m *mainWindow) setStore(st *storage.Store) {
	m.setStoreWithSession(st, session.New(st, authorFromPrefs(m.app.Preferences())))
}

// startPage is shown when no project is open.
func (m *mainWindow) startPage() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(tr("app.name"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle(tr("start.intro"), fyne.TextAlignCenter, fyne.TextStyle{})
	intro.Wrapping = fyne.TextWrapWord
	buttons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon(tr("menu.new"), theme.DocumentCreateIcon(), m.newProject),
		widget.NewButtonWithIcon(tr("menu.open"), theme.FolderOpenIcon(), m.openDialog),
		widget.NewButtonWithIcon(tr("start.demo"), theme.HomeIcon(), m.openDemo),
	)
	box := container.NewVBox(title, intro, buttons)
	if recent := recentFiles(m.app.Preferences()); len(recent) > 0 {
		box.Add(widget.NewLabelWithStyle(tr("menu.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, f := range recent {
			path := f
			b := widget.NewButton(f, func() { m.openPath(path) })
			b.Alignment = widget.ButtonAlignLeading
			box.Add(b)
		}
	}
	return container.NewCenter(container.New(&fixedWidth{w: theme.TextSize() * 40}, box))
}
