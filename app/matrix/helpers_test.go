package matrix

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/assets/translations"
	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// useChinese makes lang.L answer in Chinese whatever the machine's locale,
// as the app does when the user picks 中文 (Fyne cannot force a locale, so
// the strings are registered under every locale it could pick).
func useChinese(t testing.TB) { useLanguage(t, "zh-Hans") }

// useLanguage does the same for locale ("zh-Hans" or "en"), and makes it
// the language of the word catalogue.
func useLanguage(t testing.TB, locale string) {
	t.Helper()
	words.Use(words.Lang(locale))
	t.Cleanup(func() { words.Use(words.Zh) })
	merged := map[string]any{}
	for _, name := range []string{"fyne." + locale + ".json"} {
		raw, err := translations.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("assets/translations/%s: %v", name, err)
		}
		for k, v := range m {
			merged[k] = v
		}
	}
	data, _ := json.Marshal(merged)
	for _, loc := range []string{"en", "zh-Hans", "de", "fr", "es", "ru", "pt", lang.SystemLocale().String()} {
		_ = lang.AddTranslationsForLocale(data, fyne.Locale(loc))
	}
}

// newTestApp is a headless app with the product theme (embedded font, light).
func newTestApp(t testing.TB) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1))
	useChinese(t)
	return a
}

// openDemo stores the demo project in a new file and opens a session on it.
func openDemo(t testing.TB) (*session.Session, *storage.Store, string) {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.rpb")
	st, err := storage.Create(path, p, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return session.New(st, "tester"), st, path
}

// reopen closes st and opens path again, as the next day's session would.
func reopen(t testing.TB, st *storage.Store, path string) (*session.Session, *storage.Store) {
	t.Helper()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2, err := storage.Open(path, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	return session.New(st2, "tester"), st2
}

// cellAt returns what the view draws in the visible row i, column key.
func cellAt(t testing.TB, v *View, i int, key string) cellContent {
	t.Helper()
	for c, col := range v.cols {
		if col.key == key {
			c0 := newCell()
			v.updateCell(widget.TableCellID{Row: i, Col: c}, c0)
			return c0.content
		}
	}
	t.Fatalf("no column %q", key)
	return cellContent{}
}

// rowIndex is the visible position of (office, duty), -1 when filtered out.
func rowIndex(v *View, office, duty model.ID) int {
	return v.indexOf(model.PairKey{Office: office, Other: duty})
}

// findAll walks the object tree under o and returns every object keep accepts.
func findAll(o fyne.CanvasObject, keep func(fyne.CanvasObject) bool) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if keep(o) {
			out = append(out, o)
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// memStore keeps a project in memory without undo, for benchmarks that
// must not measure the disk.
type memStore struct{ p *model.Project }

func (m *memStore) Project() *model.Project { return m.p }
func (m *memStore) Commit(_ string, cs ...model.Change) error {
	for _, c := range cs {
		m.p.Apply(c)
	}
	return nil
}
func (m *memStore) Undo() ([]model.Change, error) { return nil, session.ErrNothingToUndo }
func (m *memStore) Redo() ([]model.Change, error) { return nil, session.ErrNothingToRedo }
func (m *memStore) CanUndo() bool                 { return false }
func (m *memStore) CanRedo() bool                 { return false }
func (m *memStore) UndoLabel() string             { return "" }
func (m *memStore) RedoLabel() string             { return "" }

func newMemSession(p *model.Project) *session.Session { return session.New(&memStore{p}, "tester") }

// cellID is the header cell of column col.
func cellID(col int) widget.TableCellID { return widget.TableCellID{Row: -1, Col: col} }
