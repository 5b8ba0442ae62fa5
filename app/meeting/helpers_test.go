//go:build ci

package meeting

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// newTestApp is a headless app with the product theme, in Chinese.
func newTestApp(t testing.TB) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1))
	words.Use(words.Zh)
}

// open stores p in a new file and opens a session and a meeting view on it
// in a window at 1920 × 1080.
func open(t testing.TB, p *model.Project) (*session.Session, *View) {
	t.Helper()
	newTestApp(t)
	st, err := storage.Create(filepath.Join(t.TempDir(), "p.rpb"), p, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := session.New(st, "tester")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1920, 1080))
	return s, v
}

func openDemo(t testing.TB) (*session.Session, *View) {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	return open(t, p)
}
