package editors

import (
	"rpbmatrix/model/words"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
)

// listAndForm lays out a catalogue editor: the list with its buttons on the
// left, the form scrolled on the right. It returns the split and the form's
// box, which the editor hides while nothing is selected.
func listAndForm(left, form fyne.CanvasObject, offset float64) (fyne.CanvasObject, *fyne.Container) {
	box := container.NewStack(container.NewVScroll(container.NewPadded(form)))
	split := container.NewHSplit(left, box)
	split.Offset = offset
	return split, box
}

// editorButton is an add/duplicate/delete button under an editor's list;
// deleting is marked as dangerous.
func editorButton(key string, icon fyne.Resource, danger bool, tap func()) *widget.Button {
	b := widget.NewButtonWithIcon(words.T(key), icon, tap)
	if danger {
		b.Importance = widget.DangerImportance
	}
	return b
}

// showWhenSelected shows box only while the list has a selection.
func (l *idList) showWhenSelected(box *fyne.Container) {
	if l.selected == model.NilID {
		box.Hide()
	} else {
		box.Show()
	}
}
