//go:build ci

package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// TestOpenTooLargeProject: a file with more office × duty pairs than the
// analysis can hold (the limit lowered to the open project's size here)
// gets the error dialog with the counts and the advice, and the open
// project stays.
func TestOpenTooLargeProject(t *testing.T) {
	m, _ := newTestWindow(t)
	before := m.store.Path()
	open := m.sess.Project()
	defer model.SetPairLimit(len(open.Offices) * len(open.Duties))()

	big := synth.Generate(len(open.Offices)+1, len(open.Duties), 1)
	path := filepath.Join(t.TempDir(), "大.rpb")
	st, err := storage.Create(path, big, storage.Options{Author: "test", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	m.openPath(path)
	waitFor(t, m, "the error dialog", func() bool {
		return overlayText(m.win) != "" && !strings.Contains(overlayText(m.win), "正在打开")
	})
	text := overlayText(m.win)
	refusal := words.Text(words.Zh, model.CheckSize(len(big.Offices), len(big.Duties)))
	for _, w := range []string{refusal, fmt.Sprint(len(big.Offices) * len(big.Duties)), "handout"} {
		if !strings.Contains(text, w) {
			t.Errorf("dialog does not say %q:\n%s", w, text)
		}
	}
	if m.store == nil || m.store.Path() != before {
		t.Error("a refused open must leave the open project as it was")
	}
}
