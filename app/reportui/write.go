package reportui

import (
	"errors"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/report"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// chooseFile asks where to save the PDF, then writes and opens it.
func chooseFile(win fyne.Window, p *model.Project, r *model.Result, opt report.Options, f *form) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if w == nil {
			return // cancelled
		}
		uri := w.URI()
		w.Close() // the report is written beside it and renamed into place
		if uri.Scheme() != "file" {
			dialog.ShowError(errors.New(words.Say(f.uiLang, "report.dialog.not_local")), win)
			return
		}
		path := uri.Path()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		writeAndOpen(win, p, r, opt, path, f.uiLang, func(path string) error { return openInViewer(path) })
	}, win)
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	save.SetFileName(defaultFileName(p, opt))
	if f.sourceFile != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(f.sourceFile))); err == nil {
			save.SetLocation(dir)
		}
	}
	save.Resize(fyne.NewSize(800, 560))
	save.Show()
}

// defaultFileName names the PDF after the office or the project in the
// report's language, e.g. "东湖街道_报告.pdf".
func defaultFileName(p *model.Project, opt report.Options) string {
	stem := p.Info.Name
	if len(opt.Offices) == 1 {
		if o, ok := p.Offices[opt.Offices[0]]; ok {
			stem = o.Name
		}
	} else if len(opt.Sections) > 0 && !opt.Has(report.SectionMatrix) && opt.Has(report.SectionDistrict) {
		stem = words.Say(opt.Lang, "report.file.district", "region", p.Info.Region)
	}
	stem = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(stem))
	if stem == "" {
		stem = "rpbmatrix"
	}
	if len(opt.Sections) == 1 && opt.Sections[0] == report.SectionMinutes {
		return words.Say(opt.Lang, "report.file.minutes", "stem", stem)
	}
	return words.Say(opt.Lang, "report.file.name", "stem", stem)
}

// writeAndOpen writes the report in the background behind a progress
// dialog, then opens it with open, or reports what went wrong.
func writeAndOpen(win fyne.Window, p *model.Project, r *model.Result, opt report.Options, path, lang string, open func(string) error) {
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons(words.Say(lang, "report.dialog.writing"),
		container.NewVBox(widget.NewLabel(words.Say(lang, "report.dialog.writing_to", "file", filepath.Base(path))), bar), win)
	progress.Show()
	go func() {
		warnings, err := report.WriteFile(path, p, r, opt)
		fyne.Do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				dialog.ShowError(errors.New(words.Text(lang, err)), win)
				return
			}
			if len(warnings) > 0 {
				showWarnings(win, lang, warnings)
			}
			if err := open(path); err != nil {
				showSavedNoViewer(win, lang, path, openInViewer) // a folder opens in the file manager // saved all the same: no error dialog
			}
		})
	}()
}

func showWarnings(win fyne.Window, lang string, ws report.Warnings) {
	text := widget.NewLabel(ws.In(lang))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(600, 280))
	d := dialog.NewCustom(words.Say(lang, "report.dialog.warnings"), words.Say(lang, "report.dialog.ok"), scroll, win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// openInViewer opens the PDF in the system's viewer (a folder in its file manager).
func openInViewer(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // Windows: file:///C:/…
	}
	return fyne.CurrentApp().OpenURL(u)
}

func baseName(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Base(path)
}
