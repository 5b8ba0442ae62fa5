package reportui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model/words"
)

// showSavedNoViewer says a report was saved when no program opened it (no
// PDF viewer installed): the save succeeded, so no error dialog; it offers
// to open the folder instead.
func showSavedNoViewer(win fyne.Window, lang, path string, openFolder func(dir string) error) fyne.CanvasObject {
	text := widget.NewLabel(words.Say(lang, "files.report.saved_at", "file", path))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(words.Say(lang, "files.report.saved"), words.Say(lang, "files.report.open_folder"),
		words.Say(lang, "files.report.close"), text, func(open bool) {
			if open {
				openFolder(filepath.Dir(path))
			}
		}, win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return text
}
