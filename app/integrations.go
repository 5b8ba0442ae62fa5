package app

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/importui"
	"rpbmatrix/app/reportui"
	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/jsonio"
	"rpbmatrix/storage/sheet"
)

// importFiles opens the import assistant for workbooks and CSV files. It
// commits to the store itself, so the analysis is redone when it has.
func (m *mainWindow) importFiles() {
	if m.store == nil {
		return
	}
	m.wireImport()
	s := m.sess
	importui.Show(m.win, m.store, func(changed bool) { m.afterImport(s, changed) })
}

// afterImport analyses the whole project again when an import into the
// project of session s changed it: off the Fyne thread, with a progress
// dialog, since a prefecture takes a while.
func (m *mainWindow) afterImport(s *session.Session, changed bool) {
	if !changed || m.sess != s {
		return
	}
	done := m.busy(tr("progress.analysing"))
	s.ReanalyseInBackground(m.inBackground(done))
}

// inBackground returns a runner for Session.ReanalyseInBackground: work
// runs on a goroutine, then install and after on the Fyne thread. Tests wait
// for it through m.background.
func (m *mainWindow) inBackground(after func()) func(work, install func()) {
	return func(work, install func()) {
		m.background.Add(1)
		m.async(func() {
			work()
			fyne.Do(func() {
				defer m.background.Done()
				install()
				after()
			})
		})
	}
}

// wireImport makes the import assistant record the author set in Settings
// on what it creates. (It speaks the UI language, words.Current, by itself.)
func (m *mainWindow) wireImport() {
	importui.Author = func() string {
		if m.sess != nil && m.sess.Author != "" {
			return m.sess.Author
		}
		return authorFromPrefs(m.app.Preferences())
	}
}

// printReport opens the report dialog. The report is written in the
// background from a copy of the project, so editing may go on meanwhile.
func (m *mainWindow) printReport() {
	if m.store == nil {
		return
	}
	reportui.Author = func() string { return m.sess.Author }
	reportui.Commit = m.sess.Commit // the title block edited in the dialog is the project's
	reportui.Show(m.win, m.sess.Project().Clone(), nil, m.store.Path(), words.Current())
}

// exportFormat is a file type the matrix can be exported to.
type exportFormat struct {
	ext   string
	key   string // translation key of its name
	write func(w io.Writer, p *model.Project, r *model.Result, office, lang string, opts ...sheet.Option) error
	// wholeProject formats hold every office and need no analysis.
	wholeProject bool
	// dataSheet: the workbook may carry the hidden data sheet, or leave it out.
	dataSheet bool
}

var exportFormats = []exportFormat{
	{ext: ".xlsx", key: "export.format.xlsx", write: sheet.WriteXLSX, dataSheet: true},
	{ext: ".xlsx", key: "export.format.lists", write: sheet.WriteListsXLSX, dataSheet: true},
	{ext: ".csv", key: "export.format.csv", write: sheet.WriteCSV},
	{ext: ".json", key: "export.format.json", wholeProject: true,
		write: func(w io.Writer, p *model.Project, _ *model.Result, _, _ string, _ ...sheet.Option) error {
			return jsonio.Write(w, p)
		}},
}

// export asks which offices and which format, then where, and writes the
// matrix workbook in the background from a copy of the project.
func (m *mainWindow) export() {
	if m.store == nil {
		return
	}
	scope := widget.NewRadioGroup([]string{tr("export.scope.all")}, nil)
	office := m.sess.Office()
	if office != model.NilID {
		scope.Options = append(scope.Options, trf("export.scope.office", "Office", m.sess.OfficeName(office),
			"office", m.sess.Project().Offices[office].KindWord()))
	}
	scope.Required = true
	scope.SetSelected(scope.Options[len(scope.Options)-1])
	var names []string
	for _, f := range exportFormats {
		names = append(names, tr(f.key))
	}
	withData := widget.NewCheck(tr("export.data_sheet"), nil)
	withData.SetChecked(true)
	format := widget.NewRadioGroup(names, func(selected string) {
		for i, n := range names { // a whole-project format has no office scope
			if n == selected {
				if exportFormats[i].dataSheet {
					withData.Enable()
				} else {
					withData.Disable()
				}
				if exportFormats[i].wholeProject {
					scope.Disable()
					return
				}
			}
		}
		scope.Enable()
	})
	format.Required = true
	format.SetSelected(names[0])
	form := widget.NewForm(widget.NewFormItem(tr("export.scope"), scope), widget.NewFormItem(tr("export.format"), format),
		widget.NewFormItem(tr("export.data_sheet.label"), withData))
	d := dialog.NewCustomConfirm(tr("menu.export"), tr("export.next"), tr("dialog.cancel"), container.NewPadded(form), func(ok bool) {
		if !ok {
			return
		}
		for i, n := range names {
			if n != format.Selected {
				continue
			}
			name := ""
			if scope.Selected != tr("export.scope.all") && !exportFormats[i].wholeProject {
				name = m.sess.OfficeName(office)
			}
			f := exportFormats[i]
			if f.dataSheet && !withData.Checked {
				write := f.write
				f.write = func(w io.Writer, p *model.Project, r *model.Result, office, lang string, opts ...sheet.Option) error {
					return write(w, p, r, office, lang, append(opts, sheet.WithoutDataSheet())...)
				}
			}
			m.exportTo(f, name)
		}
	}, m.win)
	d.Show()
}

// exportTo asks for the file and writes it.
func (m *mainWindow) exportTo(f exportFormat, office string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return
		}
		m.exportInBackground(w, w.URI().Path(), f, office)
	}, m.win)
	base := strings.TrimSuffix(filepath.Base(m.store.Path()), projectExt)
	if office != "" {
		base += "-" + office
	}
	d.SetFileName(base + "-" + tr("export.suffix") + "-" + time.Now().Format("20060102") + f.ext)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{f.ext}))
	m.startIn(d)
	d.Show()
}

// exportInBackground writes a copy of the project to w, the file at path,
// off the Fyne thread behind a progress dialog, and says when it is done.
func (m *mainWindow) exportInBackground(w io.WriteCloser, path string, f exportFormat, office string) {
	p, lang := m.sess.Project().Clone(), words.Current()
	done := m.busy(trf("progress.exporting", "File", filepath.Base(path)))
	m.background.Add(1)
	go func() {
		err := writeExport(w, f, p, office, lang)
		fyne.Do(func() {
			defer m.background.Done()
			done()
			if err != nil {
				m.showError(fmt.Errorf("%s: %w", path, err))
				return
			}
			dialog.ShowInformation(tr("menu.export"), trf("export.done", "File", path), m.win)
		})
	}()
}

// writeExport writes p (the rows of office, "" for all) to w in format f
// and language lang, and closes w.
func writeExport(w io.WriteCloser, f exportFormat, p *model.Project, office, lang string) error {
	bw := bufio.NewWriter(w)
	var r *model.Result
	if !f.wholeProject {
		r = model.Analyze(p)
	}
	err := f.write(bw, p, r, office, Language())
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}
