// Package reportui is the Print report dialog: it asks for the report's
// language, paper, offices and sections, shows the project's title block
// (编制单位, 编制人, marking, version, data cut-off date, document number)
// for editing and commits it, asks where to save the PDF, writes
// it in the background with a progress indicator and opens it in the
// system's PDF viewer. The PDF itself is written by app/report.
package reportui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/report"
	"rpbmatrix/assets/translations"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Show opens the Print report dialog over win for project p with analysis r
// (nil: analysed when writing). sourceFile is the project file's path, shown
// in the report's footer and used as the default folder; lang is the UI
// language (words.Zh or words.En): the dialog's words are in it, and it is
// the report's default language.
func Show(win fyne.Window, p *model.Project, r *model.Result, sourceFile string, lang string) {
	f := newForm(p, sourceFile, lang)
	d := dialog.NewCustomConfirm(words.Say(lang, "report.dialog.title"), words.Say(lang, "report.dialog.write"),
		words.Say(lang, "report.dialog.cancel"), f.content(), func(ok bool) {
			if !ok {
				return
			}
			opt, err := f.options()
			if err != nil {
				dialog.ShowError(err, win)
				return
			}
			if err := f.title.apply(p); err != nil {
				dialog.ShowError(err, win)
				return
			}
			chooseFile(win, p, r, opt, f)
		}, win)
	d.Resize(fyne.NewSize(680, 720))
	d.Show()
}

// form holds the dialog's inputs.
type form struct {
	p          *model.Project
	sourceFile string
	uiLang     string
	offices    []*model.Office
	language   *widget.RadioGroup
	paper      *widget.RadioGroup
	officeBox  []*widget.Check
	sections   map[report.Section]*widget.Check
	title      *titleBlock
}

func newForm(p *model.Project, sourceFile, lang string) *form {
	f := &form{p: p, sourceFile: sourceFile, uiLang: lang, offices: p.OfficeList(), sections: map[report.Section]*widget.Check{}}
	var langNames []string
	chosen := translations.Languages[0].Name
	for _, l := range translations.Languages {
		langNames = append(langNames, l.Name)
		if l.Code == lang {
			chosen = l.Name
		}
	}
	f.language = widget.NewRadioGroup(langNames, nil)
	f.language.Horizontal = true
	f.language.Required = true
	f.language.SetSelected(chosen)
	f.paper = widget.NewRadioGroup([]string{string(report.A4), string(report.A3)}, nil)
	f.paper.Horizontal = true
	f.paper.Required = true
	f.paper.SetSelected(string(report.A4))
	for _, o := range f.offices {
		c := widget.NewCheck(o.Name, nil)
		c.SetChecked(true)
		f.officeBox = append(f.officeBox, c)
	}
	for _, s := range report.Sections {
		c := widget.NewCheck(s.Name().In(lang), nil)
		c.SetChecked(true)
		f.sections[s] = c
	}
	f.title = newTitleBlock(p.Info, lang)
	return f
}

// Author is the author named in the app's Settings: offered on a button
// when the project names none, never put in silently.
var Author = func() string { return "" }

func (f *form) content() fyne.CanvasObject {
	setAll := func(on bool) func() {
		return func() {
			for _, c := range f.officeBox {
				c.SetChecked(on)
			}
		}
	}
	var officeObjs []fyne.CanvasObject
	for _, c := range f.officeBox {
		officeObjs = append(officeObjs, c)
	}
	officeList := container.NewVScroll(container.NewVBox(container.NewGridWithColumns(3, officeObjs...)))
	officeList.SetMinSize(fyne.NewSize(560, 150))
	officeButtons := container.NewHBox(widget.NewButton(words.Say(f.uiLang, "report.dialog.all"), setAll(true)),
		widget.NewButton(words.Say(f.uiLang, "report.dialog.none"), setAll(false)))

	var sectionObjs []fyne.CanvasObject
	for _, s := range report.Sections {
		sectionObjs = append(sectionObjs, f.sections[s])
	}
	form := widget.NewForm(
		widget.NewFormItem(words.Say(f.uiLang, "report.dialog.language"), f.language),
		widget.NewFormItem(words.Say(f.uiLang, "report.dialog.paper"), f.paper),
		widget.NewFormItem(words.Say(f.uiLang, "report.dialog.sections"), container.NewGridWithColumns(4, sectionObjs...)),
		widget.NewFormItem(words.Say(f.uiLang, "report.dialog.offices"), container.NewBorder(officeButtons, nil, nil, nil, officeList)),
	)
	titleForm := widget.NewForm(f.title.items()...)
	return container.NewVBox(form, widget.NewSeparator(),
		widget.NewLabelWithStyle(words.Say(f.uiLang, "report.dialog.title_block"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		titleForm)
}

// options reads the inputs into report options, refusing a selection that
// would print nothing.
func (f *form) options() (report.Options, error) {
	opt := report.Options{Lang: words.Zh, Paper: report.Paper(f.paper.Selected), SourceFile: baseName(f.sourceFile)}
	for _, l := range translations.Languages {
		if f.language.Selected == l.Name {
			opt.Lang = l.Code
		}
	}
	for _, s := range report.Sections {
		if f.sections[s].Checked {
			opt.Sections = append(opt.Sections, s)
		}
	}
	if len(opt.Sections) == 0 {
		return opt, errors.New(words.Say(f.uiLang, "report.dialog.no_section"))
	}
	all := true
	for i, c := range f.officeBox {
		if c.Checked {
			opt.Offices = append(opt.Offices, f.offices[i].ID)
		} else {
			all = false
		}
	}
	if all {
		opt.Offices = nil // every office, including any added later
	}
	if len(opt.Offices) == 0 && !all {
		// No office: only the parts about the whole district — its summary
		// (with the scenario and the admission register) and the minutes.
		if !opt.Has(report.SectionDistrict) && !opt.Has(report.SectionMinutes) {
			return opt, errors.New(words.Say(f.uiLang, "report.dialog.no_office"))
		}
		var whole []report.Section
		for _, s := range []report.Section{report.SectionDistrict, report.SectionScenario, report.SectionAdmission, report.SectionMinutes} {
			if f.sections[s].Checked && (s != report.SectionScenario && s != report.SectionAdmission || opt.Has(report.SectionDistrict)) {
				whole = append(whole, s)
			}
		}
		opt.Sections = whole
	}
	return opt, nil
}
