package reportui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Commit stores changes to the project as one user action (the session's
// Commit): the app sets it, so that the title block edited in the dialog
// is the project's from then on. Nil: the edits serve this print only.
var Commit func(action string, changes ...model.Change) error

// titleBlock is the dialog's part for the project's title block (文头):
// who prepared the report, for whom, in which version, with data up to
// when. It shows what the project holds; nothing is filled in from the
// computer — the author suggested by Settings or the login is offered on a
// button, never put there silently, and a cover without an author says so.
type titleBlock struct {
	uiLang       string
	organization *widget.Entry
	author       *widget.Entry
	useSuggested *widget.Button
	marking      *widget.SelectEntry
	version      *widget.SelectEntry
	cutoff       *widget.Entry
	docNumber    *widget.Entry
}

func newTitleBlock(info model.Info, lang string) *titleBlock {
	tb := &titleBlock{uiLang: lang}
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	tb.organization = entry(info.Organization, words.Say(lang, "report.dialog.organization.hint"))
	tb.author = entry(info.Author, words.Say(lang, "report.dialog.author.unset"))
	if s := strings.TrimSpace(Author()); s != "" && info.Author == "" {
		tb.useSuggested = widget.NewButton(words.Say(lang, "report.dialog.author.use", "name", s), func() { tb.author.SetText(s) })
	}
	tb.marking = widget.NewSelectEntry(strings.Split(words.Say(lang, "report.dialog.marking.options"), "|"))
	tb.marking.SetText(info.Marking)
	tb.marking.SetPlaceHolder(words.Say(lang, "report.dialog.none_set"))
	tb.version = widget.NewSelectEntry(strings.Split(words.Say(lang, "report.dialog.version.options"), "|"))
	tb.version.SetText(info.Version)
	tb.version.SetPlaceHolder(words.Say(lang, "report.dialog.none_set"))
	tb.cutoff = entry(info.DataCutoff, words.Say(lang, "report.dialog.cutoff.hint"))
	tb.docNumber = entry(info.DocNumber, words.Say(lang, "report.dialog.none_set"))
	return tb
}

// items are the dialog's form rows for the title block.
func (tb *titleBlock) items() []*widget.FormItem {
	author := fyne.CanvasObject(tb.author)
	if tb.useSuggested != nil {
		author = container.NewBorder(nil, nil, nil, tb.useSuggested, tb.author)
	}
	say := func(key string) string { return words.Say(tb.uiLang, key) }
	return []*widget.FormItem{
		widget.NewFormItem(say("report.dialog.organization"), tb.organization),
		widget.NewFormItem(say("report.dialog.author"), author),
		widget.NewFormItem(say("report.dialog.marking"), container.NewGridWithColumns(2, tb.marking,
			container.NewBorder(nil, nil, widget.NewLabel(say("report.dialog.version")), nil, tb.version))),
		widget.NewFormItem(say("report.dialog.cutoff"), container.NewGridWithColumns(2, tb.cutoff,
			container.NewBorder(nil, nil, widget.NewLabel(say("report.dialog.doc_number")), nil, tb.docNumber))),
	}
}

// info is the project's Info with the title block as entered.
func (tb *titleBlock) info(old model.Info) model.Info {
	i := old
	i.Organization = strings.TrimSpace(tb.organization.Text)
	i.Author = strings.TrimSpace(tb.author.Text)
	i.Marking = strings.TrimSpace(tb.marking.Text)
	i.Version = strings.TrimSpace(tb.version.Text)
	i.DataCutoff = strings.TrimSpace(tb.cutoff.Text)
	i.DocNumber = strings.TrimSpace(tb.docNumber.Text)
	return i
}

// apply puts the title block as entered into p (the dialog's copy of the
// project, which the report is printed from) and, when it changed and the
// app gave a Commit, into the project itself as one undoable action. A
// data cut-off that is not a date is refused with the model's words.
func (tb *titleBlock) apply(p *model.Project) error {
	info := tb.info(p.Info)
	if info == p.Info {
		return nil
	}
	change := p.Put(&info)
	if probs := model.ValidateChange(p, change); len(probs) > 0 {
		return errors.New(probs[0].Msg.In(tb.uiLang))
	}
	if Commit != nil {
		if err := Commit(words.Say(tb.uiLang, "report.dialog.commit_action"), change); err != nil {
			return errors.New(words.Text(tb.uiLang, err))
		}
	}
	p.Info = info
	return nil
}
