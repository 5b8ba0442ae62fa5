//go:build ci

package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// demoFile writes the embedded demo project to a fresh file.
func demoFile(t *testing.T) string {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.rpb")
	st, err := storage.Create(path, p, storage.Options{Author: "test", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// newTestWindow opens the demo project in a main window on the software
// driver, in Chinese, at a laptop's size.
func newTestWindow(t *testing.T) (*mainWindow, string) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetLanguage("zh") })
	w := test.NewTempWindow(t, nil)
	m := newMainWindow(a, w, false)
	path := demoFile(t)
	st, err := storage.Open(path, storage.Options{Author: "test", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if m.store != nil {
			m.store.Close()
		}
	})
	m.setStore(st)
	w.Resize(fyne.NewSize(1440, 900))
	return m, path
}

// shared is one main window on the demo project, built once for the tests
// that leave the project as they found it: building the views is most of
// what a window costs a test.
var shared struct {
	once sync.Once
	app  fyne.App
	m    *mainWindow
	path string
}

// sharedWindow returns the shared window as a fresh one would be: Chinese,
// the light theme at scale 1, every office, the overview at a laptop's
// size, no dialog, no filter, no focus. A test that edits the project, its
// history or the file makes its own with newTestWindow.
func sharedWindow(t *testing.T) *mainWindow {
	t.Helper()
	shared.once.Do(func() {
		shared.app = test.NewApp()
		if err := SetLanguage("zh"); err != nil {
			t.Fatal(err)
		}
		w := test.NewWindow(nil)
		m := newMainWindow(shared.app, w, false)
		shared.path = demoFile(t)
		// The file outlives the test that made it: copy it out of its TempDir.
		src, err := os.ReadFile(shared.path)
		if err != nil {
			t.Fatal(err)
		}
		dir, err := os.MkdirTemp("", "rpbmatrix-app-test-")
		if err != nil {
			t.Fatal(err)
		}
		shared.path = filepath.Join(dir, "demo.rpb")
		if err := os.WriteFile(shared.path, src, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := storage.Open(shared.path, storage.Options{Author: "test", NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		m.setStore(st)
		shared.m = m
	})
	fyne.SetCurrentApp(shared.app) // a test before may have made its own app current
	m := shared.m
	closeDialogs(m)
	if words.Current() != "zh" {
		m.switchLanguage("zh")
	}
	if m.theme.Mode() != apptheme.VariantLight || m.theme.Scale() != 1 {
		m.setTheme(apptheme.New(apptheme.VariantLight, 1)) // applying a theme costs a third of a second
	}
	m.sess.Author = "test"
	m.sidebar.search.SetText("")
	m.sess.SetOffice(model.NilID)
	m.matrix.ShowRequest(session.MatrixRequest{})
	m.matrix.CloseDetail()
	m.tabs.SelectIndex(tabOverview)
	m.win.Canvas().Unfocus()
	m.win.Resize(fyne.NewSize(1440, 900))
	return m
}

func typeShortcut(m *mainWindow, s fyne.Shortcut) {
	m.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func TestTitleNamesProjectAndFile(t *testing.T) {
	m, path := newTestWindow(t)
	want := "责权利矩阵 — " + m.sess.Project().Info.Name + " — " + filepath.Base(path)
	if got := m.win.Title(); got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	m.closeProject()
	if got := m.win.Title(); got != "责权利矩阵" {
		t.Errorf("title with no project %q", got)
	}
	if m.tabs != nil || m.sess != nil {
		t.Error("views still built after Close")
	}
}

func TestSidebarPicksOffice(t *testing.T) {
	m := sharedWindow(t)
	offices := m.sess.Project().OfficeList()
	for i, o := range offices {
		m.sidebar.list.Select(i + 1) // row 0 is all offices
		if m.sess.Office() != o.ID {
			t.Fatalf("row %d selected office %v, want %s", i+1, m.sess.Office(), o.Name)
		}
		if !containsText(m.tabs.Items[tabOverview].Content, o.Name) {
			t.Errorf("the overview does not show %s after picking it", o.Name)
		}
	}
	m.sidebar.list.Select(0)
	if m.sess.Office() != model.NilID {
		t.Error("row 0 must select all offices")
	}
	// A selection made elsewhere (the heat map) moves the sidebar along.
	m.sess.SetOffice(offices[1].ID)
	if got := m.sidebar.offices[selectedRow(m.sidebar)]; got != offices[1].ID {
		t.Error("the sidebar did not follow the session's office")
	}
}

func TestSidebarSearch(t *testing.T) {
	m := sharedWindow(t)
	o := m.sess.Project().OfficeList()[0]
	m.sidebar.search.SetText(o.Name)
	if len(m.sidebar.offices) != 2 || m.sidebar.offices[1] != o.ID {
		t.Errorf("search %q lists %d rows", o.Name, len(m.sidebar.offices))
	}
	m.sidebar.search.SetText("没有这个街道")
	if len(m.sidebar.offices) != 1 {
		t.Error("all offices must stay listed when the search finds nothing")
	}
}

func TestUndoRedoShortcuts(t *testing.T) {
	m, path := newTestWindow(t)
	o := *m.sess.Project().OfficeList()[0]
	old := o.Name
	o.Name = old + "（改）"
	if err := m.sess.Commit("改名", m.sess.Project().Put(&o)); err != nil {
		t.Fatal(err)
	}
	if m.undo.Disabled || !strings.Contains(m.undo.Label, "改名") {
		t.Errorf("undo item %q disabled=%v after an edit", m.undo.Label, m.undo.Disabled)
	}
	steps := []struct {
		name     string
		shortcut fyne.Shortcut
		want     string
	}{
		{"Ctrl+Z", ctrl(fyne.KeyZ), old},
		{"Ctrl+Y", ctrl(fyne.KeyY), o.Name},
		{"Ctrl+Z again", ctrl(fyne.KeyZ), old},
		{"Ctrl+Shift+Z", ctrlShift(fyne.KeyZ), o.Name},
	}
	for _, s := range steps {
		typeShortcut(m, s.shortcut)
		if got := m.sess.Project().Offices[o.ID].Name; got != s.want {
			t.Fatalf("%s: office name %q, want %q", s.name, got, s.want)
		}
		if !containsText(m.sidebar.CanvasObject(), s.want) {
			t.Errorf("%s: the sidebar does not show %q", s.name, s.want)
		}
	}
	// Every step was committed to the file.
	m.store.Close()
	m.store = nil
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := st.Project().Offices[o.ID].Name; got != o.Name {
		t.Errorf("file holds %q, want %q", got, o.Name)
	}
}

func TestZoomShortcuts(t *testing.T) {
	m := sharedWindow(t)
	base := theme.TextSize()
	typeShortcut(m, ctrl(fyne.KeyEqual))
	bigger := theme.TextSize()
	if bigger <= base {
		t.Fatalf("Ctrl+= left the text at %v (was %v)", bigger, base)
	}
	typeShortcut(m, ctrl(fyne.KeyMinus))
	typeShortcut(m, ctrl(fyne.KeyMinus))
	if got := theme.TextSize(); got >= base {
		t.Errorf("Ctrl+- twice gave %v, want below %v", got, base)
	}
	typeShortcut(m, ctrl(fyne.Key0))
	if got := theme.TextSize(); got != base {
		t.Errorf("Ctrl+0 gave %v, want %v", got, base)
	}
}

func TestFindShowsMatrix(t *testing.T) {
	m := sharedWindow(t)
	typeShortcut(m, ctrl(fyne.KeyF))
	if m.tabs.SelectedIndex() != tabMatrix {
		t.Errorf("Ctrl+F shows tab %d, want the matrix", m.tabs.SelectedIndex())
	}
	if _, ok := m.win.Canvas().Focused().(*widget.Entry); !ok {
		t.Errorf("Ctrl+F focused %T, want the search entry", m.win.Canvas().Focused())
	}
}

func TestLanguageSwitch(t *testing.T) {
	m := sharedWindow(t)
	cases := []struct {
		lang          string
		file, edit    string
		overview, mat string
		allOffices    string
	}{
		{"en", "File", "Edit", "Overview", "Matrix", "All offices"},
		{"zh", "文件", "编辑", "总览", "矩阵", "全部"},
	}
	for _, c := range cases {
		m.switchLanguage(c.lang)
		if got := m.menu.Items[0].Label; got != c.file {
			t.Errorf("%s: first menu %q, want %q", c.lang, got, c.file)
		}
		if got := m.menu.Items[1].Label; got != c.edit {
			t.Errorf("%s: second menu %q, want %q", c.lang, got, c.edit)
		}
		if got := m.tabs.Items[tabOverview].Text; got != c.overview {
			t.Errorf("%s: overview tab %q, want %q", c.lang, got, c.overview)
		}
		if got := m.tabs.Items[tabMatrix].Text; got != c.mat {
			t.Errorf("%s: matrix tab %q, want %q", c.lang, got, c.mat)
		}
		if !containsText(m.sidebar.CanvasObject(), c.allOffices) {
			t.Errorf("%s: the sidebar does not say %q", c.lang, c.allOffices)
		}
		if got := words.Current(); got != c.lang {
			t.Errorf("words language %q, want %q", got, c.lang)
		}
	}
}

func TestHeatmapCellOpensMatrix(t *testing.T) {
	cases := []struct {
		name   string
		option int  // of the radio group: by category, by rule
		rule   bool // columns are rules
	}{
		{"category", 0, false},
		{"rule", 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := sharedWindow(t)
			m.tabs.SelectIndex(tabHeatmap)
			h := m.views[tabHeatmap].(*heatmap)
			walk(h.CanvasObject(), func(o fyne.CanvasObject) {
				if r, ok := o.(*widget.RadioGroup); ok {
					r.SetSelected(r.Options[c.option])
				}
			})
			office, column := h.rows[1], h.columns[0]
			h.selected(widget.TableCellID{Row: 1, Col: 0})
			if m.tabs.SelectedIndex() != tabMatrix {
				t.Errorf("tab %d after a heat-map tap, want the matrix", m.tabs.SelectedIndex())
			}
			if m.sess.Office() != office {
				t.Error("the tapped office is not selected")
			}
			f := m.matrix.Filter()
			if c.rule && string(f.Rule) != column || !c.rule && f.Category != column {
				t.Errorf("matrix filter %+v, want column %q", f, column)
			}
		})
	}
}

// File, Edit and Help shortcuts open their dialogs over the window.
func TestDialogShortcuts(t *testing.T) {
	cases := []struct {
		name     string
		shortcut fyne.Shortcut
	}{
		{"Ctrl+N new", ctrl(fyne.KeyN)},
		{"Ctrl+O open", ctrl(fyne.KeyO)},
		{"Ctrl+Shift+S save a copy", ctrlShift(fyne.KeyS)},
		{"Ctrl+I import", ctrl(fyne.KeyI)},
		{"Ctrl+E export", ctrl(fyne.KeyE)},
		{"Ctrl+P print", ctrl(fyne.KeyP)},
		{"Ctrl+, settings", ctrl(fyne.KeyComma)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := sharedWindow(t)
			typeShortcut(m, c.shortcut)
			if m.win.Canvas().Overlays().Top() == nil {
				t.Errorf("%s opened nothing", c.name)
			}
		})
	}
	m, _ := newTestWindow(t)
	typeShortcut(m, ctrl(fyne.KeyW))
	if m.store != nil || !containsText(m.win.Content(), tr("start.demo")) {
		t.Error("Ctrl+W did not close the project and show the start page")
	}
	typeShortcut(m, ctrl(fyne.KeyP)) // nothing to print: no dialog, no fault
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+P with no project open showed a dialog")
	}
}

func TestSettingsThresholdValidation(t *testing.T) {
	m, _ := newTestWindow(t)
	content := m.thresholdSettings()
	entries := entriesIn(content)
	if len(entries) != len(thresholds) {
		t.Fatalf("%d entries, want %d", len(entries), len(thresholds))
	}
	before := m.sess.Project().Settings
	entries[0].SetText("1.5") // coverage threshold out of 0–1
	entries[1].SetText("abc") // incident threshold not a number
	tapButton(t, content, tr("settings.apply"))
	if entries[0].Validate() == nil || entries[1].Validate() == nil {
		t.Error("invalid thresholds show no message in place")
	}
	if m.sess.Project().Settings != before || m.store.CanUndo() {
		t.Error("invalid thresholds were committed")
	}
	entries[0].SetText("60%")
	entries[1].SetText("3")
	tapButton(t, content, tr("settings.apply"))
	got := m.sess.Project().Settings
	if got.CoverageThreshold != 0.6 || got.IncidentThreshold != 3 {
		t.Errorf("settings after save: %+v", got)
	}
	typeShortcut(m, ctrl(fyne.KeyZ))
	if m.sess.Project().Settings != before {
		t.Error("Ctrl+Z did not undo the thresholds")
	}
}

func TestParseThreshold(t *testing.T) {
	share, count := thresholds[0], thresholds[1]
	cases := []struct {
		t       threshold
		in      string
		want    float64
		wantErr bool
	}{
		{share, "0.3", 0.3, false},
		{share, "30%", 0.3, false},
		{share, " 45％ ", 0.45, false},
		{share, "三成", 0, true},
		{count, "4", 4, false},
		{count, "2.5", 0, true},
	}
	for _, c := range cases {
		got, err := parseThreshold(c.t, c.in)
		if (err != nil) != c.wantErr || !c.wantErr && got != c.want {
			t.Errorf("parseThreshold(%s, %q) = %v, %v", c.t.code, c.in, got, err)
		}
	}
}

// containsText reports whether any label, text or button under o shows s.
func containsText(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(v.Text, s)
		case *widget.Button:
			found = found || strings.Contains(v.Text, s)
		}
	})
	return found
}

func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walk(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var b *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if v, ok := o.(*widget.Button); ok && v.Text == text {
			b = v
		}
	})
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}

// walk visits o and everything under it, rendering widgets as it goes.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, f)
		}
	}
}

func selectedRow(b *sidebar) int {
	for i, id := range b.offices {
		if id == b.s.Office() {
			return i
		}
	}
	return -1
}

// Picking every office while the matrix is on screen redraws it without a
// fault (rows and columns change under the table).
func TestPickOfficeWithMatrixShown(t *testing.T) {
	m := sharedWindow(t)
	m.tabs.SelectIndex(tabMatrix)
	for i := range m.sidebar.offices {
		m.sidebar.list.Select(i)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("sidebar row %d: drawing failed: %v", i, r)
				}
			}()
			m.win.Canvas().Capture()
		}()
		if got := m.matrix.Rows(); len(got) == 0 {
			t.Errorf("sidebar row %d: the matrix is empty", i)
		}
	}
}

// A theme switch through the View menu redraws the views in the new variant.
func TestThemeSwitchRecolours(t *testing.T) {
	m := sharedWindow(t)
	sw := func() *canvas.Rectangle {
		capture(m.win) // the table makes its cells when drawn
		var r *canvas.Rectangle
		walk(m.views[tabHeatmap].CanvasObject(), func(o fyne.CanvasObject) {
			if x, ok := o.(*canvas.Rectangle); ok && r == nil && x.FillColor == apptheme.NoDataColor(m.variant) {
				r = x
			}
		})
		return r
	}
	m.tabs.SelectIndex(tabHeatmap)
	if sw() == nil {
		t.Skip("the demo heat map has no empty cell to look at")
	}
	m.setTheme(m.theme.WithMode(apptheme.VariantDark))
	if m.variant != theme.VariantDark || sw() == nil {
		t.Error("the heat map's empty cells did not take the dark colour")
	}
}

// The editor tabs are made when first shown, not when a project opens.
func TestEditorsMadeWhenShown(t *testing.T) {
	m, _ := newTestWindow(t)
	office := m.sess.Project().OfficeList()[0].Name
	for _, tab := range []int{tabAuthorities, tabOffices, tabCatalogue, tabAdmission} {
		l := m.views[tab].(*laterView)
		if l.v != nil {
			t.Fatalf("tab %d made before it was shown", tab)
		}
		m.tabs.SelectIndex(tab)
		if l.v == nil || len(l.box.Objects) != 1 {
			t.Fatalf("tab %d not made when shown", tab)
		}
	}
	if !containsText(m.views[tabOffices].CanvasObject(), office) {
		t.Errorf("the offices tab does not list %s", office)
	}
}
