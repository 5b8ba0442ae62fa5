//go:build ci

package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/storage"
)

// waitFor waits for the background work (opening runs off the Fyne
// thread) and checks cond.
func waitFor(t *testing.T, m *mainWindow, what string, cond func() bool) {
	t.Helper()
	done := make(chan struct{})
	go func() { m.background.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
	if !cond() {
		t.Fatalf("no %s", what)
	}
}

// overlayText is every label and button text in the window's top overlay (a dialog).
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	walk(top, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			parts = append(parts, v.Text)
		case *widget.Button:
			parts = append(parts, v.Text)
		}
	})
	return strings.Join(parts, "\n")
}

func TestOpenErrors(t *testing.T) {
	cases := []struct {
		name    string
		prepare func(t *testing.T, dir string) string
		want    []string // texts the dialog must show
	}{
		{"empty file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "空.rpb")
			os.WriteFile(p, nil, 0o644)
			return p
		}, []string{"空文件"}},
		{"not a project", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "笔记.rpb")
			os.WriteFile(p, []byte("这不是项目文件"), 0o644)
			return p
		}, []string{"不是 RPB Matrix 项目文件"}},
		{"missing", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "没有.rpb")
		}, []string{"不存在"}},
		{"damaged with a backup", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "街道.rpb")
			src, err := os.ReadFile(demoFile(t))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, src, 0o644)
			st, err := storage.Open(p, storage.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Backup(""); err != nil {
				t.Fatal(err)
			}
			st.Close()
			os.WriteFile(p, src[:len(src)/3], 0o644) // truncated
			return p
		}, []string{"恢复备份", "街道-2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _ := newTestWindow(t)
			before := m.store.Path()
			path := c.prepare(t, t.TempDir())
			m.openPath(path)
			waitFor(t, m, "the error dialog", func() bool { return overlayText(m.win) != "" && !strings.Contains(overlayText(m.win), "正在打开") })
			text := overlayText(m.win)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("dialog does not say %q:\n%s", w, text)
				}
			}
			if m.store == nil || m.store.Path() != before {
				t.Error("a failed open must leave the open project as it was")
			}
			if !strings.Contains(text, "恢复备份") {
				return
			}
			tapButton(t, m.win.Canvas().Overlays().Top(), "恢复备份")
			waitFor(t, m, "the restored project", func() bool { return m.store != nil && m.store.Path() == path })
			if len(m.sess.Project().Offices) == 0 {
				t.Error("the restored project is empty")
			}
		})
	}
}

func TestOpenSwitchesProject(t *testing.T) {
	m, first := newTestWindow(t)
	second := demoFile(t)
	m.openPath(second)
	waitFor(t, m, "the second project", func() bool { return m.store != nil && m.store.Path() == second })
	// The first file is released: it opens again at once.
	st, err := storage.Open(first, storage.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("the first file is still locked: %v", err)
	}
	st.Close()
	if !strings.Contains(m.win.Title(), filepath.Base(second)) {
		t.Errorf("title %q does not name %s", m.win.Title(), filepath.Base(second))
	}
}

func TestAboutShowsFontLicence(t *testing.T) {
	m := sharedWindow(t)
	m.showAbout()
	text := overlayText(m.win)
	for _, want := range []string{"SIL OPEN FONT LICENSE", "Noto Sans SC", "fyne.io/fyne/v2"} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not mention %q", want)
		}
	}
}
