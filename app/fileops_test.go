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

	"rpbmatrix/model"
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

// TestMergeFromTheWindow hands out a copy of the open project, fills it in
// as a street would, merges it through the window's review and checks that
// the project changed, the analysis ran again and the report names the
// backup; the File menu offers both while a project is open.
func TestMergeFromTheWindow(t *testing.T) {
	m, _ := newTestWindow(t)
	file := m.buildMenu().Items[0]
	var labels []string
	for _, it := range file.Items {
		if it.Label == tr("files.menu.handout") || it.Label == tr("files.menu.merge") {
			labels = append(labels, it.Label)
			if it.Disabled {
				t.Errorf("%q disabled with a project open", it.Label)
			}
		}
	}
	if len(labels) != 2 {
		t.Fatalf("File menu lacks hand out and merge: %q", labels)
	}

	office := m.store.Project().OfficeList()[0]
	copyPath := filepath.Join(t.TempDir(), "street.rpb")
	m.writeHandOut(m.store, copyPath, []model.ID{office.ID})
	closeDialogs(m)
	c, err := storage.Open(copyPath, storage.Options{Author: "street", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	var key model.PairKey
	for k, a := range c.Project().Assessments {
		if a.Office == office.ID {
			x := a.Clone().(*model.Assessment)
			x.Notes = "filled in offline"
			x.Touch("street")
			if err := c.Commit("edit", c.Project().Put(x)); err != nil {
				t.Fatal(err)
			}
			key = k
			break
		}
	}
	c.Close()

	before := m.sess.Result()
	m.reviewMerge(copyPath)
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no review shown")
	}
	tapButton(t, top, tr("files.merge.do"))
	m.background.Wait()
	if got := m.store.Project().Assessments[key].Notes; got != "filled in offline" {
		t.Errorf("after merge the notes are %q", got)
	}
	if m.sess.Result() == before {
		t.Error("the project was not analysed again after the merge")
	}
	report := m.win.Canvas().Overlays().Top()
	if report == nil || !containsTextPart(report, "backups") {
		t.Error("no merge report naming the backup")
	}
	if !m.store.CanUndo() {
		t.Error("the merge cannot be undone")
	}
}

// containsTextPart reports whether a label under o holds s.
func containsTextPart(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, s) {
			found = true
		}
	})
	return found
}
