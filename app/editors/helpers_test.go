package editors

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/assets/translations"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// useChinese words the catalogue in Chinese and makes Fyne's own strings
// Chinese whatever the machine's locale (Fyne cannot force a locale, so its
// strings go under every locale it could pick).
func useChinese(t testing.TB) {
	t.Helper()
	words.Use(words.Zh)
	data, err := translations.FS.ReadFile("fyne.zh-Hans.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range []string{"en", "zh-Hans", "de", "fr", "es", "ru", "pt", lang.SystemLocale().String()} {
		_ = lang.AddTranslationsForLocale(data, fyne.Locale(loc))
	}
}

// setup starts a headless app and opens a session on the demo project stored
// in a new file, and a test window to put views in.
func setup(t *testing.T) (*session.Session, *storage.Store, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1))
	useChinese(t)
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	st, err := storage.Create(filepath.Join(t.TempDir(), "demo.rpb"), p, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)
	return session.New(st, "tester"), st, w
}

// yes confirms every question at once.
func yes(_, _ string, ok func()) { ok() }

// edit types text into a form entry the way a user does: focus, replace, leave.
func edit(w fyne.Window, e *commitEntry, text string) {
	w.Canvas().Focus(e)
	e.SetText(text)
	w.Canvas().Unfocus()
}

// entryOf returns the entry of the form field with code.
func entryOf[T any, P entity[T]](t *testing.T, f *form[T, P], code string) *commitEntry {
	t.Helper()
	fl := f.fieldByCode(code)
	if fl == nil {
		t.Fatalf("form has no field %q", code)
	}
	e, ok := fl.widget.(*commitEntry)
	if !ok {
		t.Fatalf("field %q is a %T, not an entry", code, fl.widget)
	}
	return e
}

// msgOf returns the message shown under the field with code.
func msgOf[T any, P entity[T]](t *testing.T, f *form[T, P], code string) string {
	t.Helper()
	fl := f.fieldByCode(code)
	if fl == nil {
		t.Fatalf("form has no field %q", code)
	}
	if !fl.msg.Visible() {
		return ""
	}
	return fl.msg.Text
}

// findButton finds the button labelled text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
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
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}
