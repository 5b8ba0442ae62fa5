//go:build screenshot

package app

import (
	"os"

	"fyne.io/fyne/v2"
)

// With RPB_SHOW_MERGE=COPY.rpb, a screenshot build opens the merge review
// of that copy once the project is open, so that the dialog can be looked
// at in the real window (../shared/tools/screenshot), which no key reaches
// through the menu and the file dialog.
func init() {
	startupHook = func(m *mainWindow) {
		copyPath := os.Getenv("RPB_SHOW_MERGE")
		if copyPath == "" {
			return
		}
		go func() {
			m.background.Wait()
			fyne.Do(func() { m.reviewMerge(copyPath) })
		}()
	}
}
