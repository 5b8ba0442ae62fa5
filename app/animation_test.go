//go:build ci

package app

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
)

// endlessAnimations records every endless animation (an infinite progress
// bar, a blinking cursor) started and not yet stopped, by standing between
// the widgets and the test driver: fyne.Animation.Start and Stop go through
// fyne.CurrentApp().Driver(). An endless animation left running redraws
// the window twenty times a second, seen or not.
type endlessAnimations struct {
	fyne.Driver
	mu      sync.Mutex
	running map[*fyne.Animation]bool
}

func (d *endlessAnimations) StartAnimation(a *fyne.Animation) {
	if a.RepeatCount == fyne.AnimationRepeatForever {
		d.mu.Lock()
		d.running[a] = true
		d.mu.Unlock()
	}
	d.Driver.StartAnimation(a)
}

func (d *endlessAnimations) StopAnimation(a *fyne.Animation) {
	d.mu.Lock()
	delete(d.running, a)
	d.mu.Unlock()
	d.Driver.StopAnimation(a)
}

// Running is how many endless animations run now.
func (d *endlessAnimations) Running() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.running)
}

// animationApp is the current app with its driver watched.
type animationApp struct {
	fyne.App
	driver *endlessAnimations
}

func (a *animationApp) Driver() fyne.Driver { return a.driver }

// watchAnimations makes the current app's driver count endless animations
// until the test ends.
func watchAnimations(t *testing.T) *endlessAnimations {
	t.Helper()
	old := fyne.CurrentApp()
	d := &endlessAnimations{Driver: old.Driver(), running: map[*fyne.Animation]bool{}}
	fyne.SetCurrentApp(&animationApp{App: old, driver: d})
	t.Cleanup(func() { fyne.SetCurrentApp(old) })
	return d
}

// After opening a file, re-analysing after an import, exporting, and the
// import and print dialogs, no endless animation is left running: an idle
// window costs no CPU (issue 9: a hidden progress bar kept 30 % of a core).
func TestNoAnimationLeftRunning(t *testing.T) {
	m, _ := newTestWindow(t)
	anims := watchAnimations(t)
	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"open", func(t *testing.T) {
			second := demoFile(t)
			m.openPath(second)
			waitFor(t, m, "the second project", func() bool { return m.store != nil && m.store.Path() == second })
		}},
		{"analysis after an import", func(t *testing.T) {
			m.afterImport(m.sess, true)
			waitFor(t, m, "the new analysis", func() bool { return !m.sess.Analysing() })
		}},
		{"export", func(t *testing.T) {
			var buf closingBuffer
			m.exportInBackground(&buf, "memory.csv", exportFormats[1], "")
			waitFor(t, m, "the export", func() bool { return buf.closed })
			closeDialogs(m)
		}},
		{"import dialog", func(t *testing.T) {
			typeShortcut(m, ctrl(fyne.KeyI))
			closeDialogs(m)
		}},
		{"print dialog", func(t *testing.T) {
			typeShortcut(m, ctrl(fyne.KeyP))
			closeDialogs(m)
		}},
	}
	for _, s := range steps {
		s.run(t)
		capture(m.win) // draw, as the desktop would: drawing starts animations
		if n := anims.Running(); n != 0 {
			t.Errorf("after %s: %d endless animations still run", s.name, n)
		}
	}
}

// closeDialogs hides every dialog over m's window.
func closeDialogs(m *mainWindow) {
	for _, o := range m.win.Canvas().Overlays().List() {
		o.Hide()
		m.win.Canvas().Overlays().Remove(o)
	}
}
