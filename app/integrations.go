package app

import (
	"fyne.io/fyne/v2/dialog"
)

// importFiles opens the import assistant for workbooks and CSV files.
func (m *mainWindow) importFiles() {
	if m.store == nil {
		return
	}
	dialog.ShowInformation(tr("menu.import"), tr("pending.feature"), m.win)
}

// export writes the project to a workbook.
func (m *mainWindow) export() {
	if m.store == nil {
		return
	}
	dialog.ShowInformation(tr("menu.export"), tr("pending.feature"), m.win)
}

// printReport opens the report dialog (PDF).
func (m *mainWindow) printReport() {
	if m.store == nil {
		return
	}
	dialog.ShowInformation(tr("menu.print"), tr("pending.feature"), m.win)
}
