package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/assets"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// showAbout shows the version, what the program is for, and every licence:
// the third-party notices of the whole module graph and the font's SIL Open
// Font License.
func (m *mainWindow) showAbout() {
	meta := m.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "dev"
	}
	head := widget.NewLabelWithStyle(tr("app.name")+"  RPB Matrix "+version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(tr("about.intro"))
	intro.Wrapping = fyne.TextWrapWord

	libs := widget.NewLabel(strings.Join(noticeHeadings(), "\n"))
	font := widget.NewLabel(tr("about.font"))
	font.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicence)
	licence.Wrapping = fyne.TextWrapWord
	licence.TextStyle.Monospace = false
	acc := widget.NewAccordion(
		widget.NewAccordionItem(tr("about.components"), libs),
		widget.NewAccordionItem(tr("release.about.notices"), noticeTexts()),
		widget.NewAccordionItem(tr("about.font.licence"), licence),
	)
	content := container.NewVScroll(container.NewVBox(head, intro, font, acc))
	d := dialog.NewCustom(tr("menu.about"), tr("dialog.close"), content, m.win)
	d.Resize(fyne.NewSize(theme32(44), theme32(34)))
	d.Show()
}

// showRules explains every analysis rule with the thresholds in force.
func (m *mainWindow) showRules() {
	box := container.NewVBox()
	for _, r := range model.Rules() {
		name := widget.NewLabelWithStyle(fmt.Sprintf("%s  (%s)", r.Name.In(words.Current()), r.Code), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		desc := widget.NewLabel(r.Description.In(words.Current()))
		desc.Wrapping = fyne.TextWrapWord
		box.Add(name)
		box.Add(desc)
	}
	if m.sess != nil {
		box.Add(widget.NewSeparator())
		set := m.sess.Project().Settings
		for _, t := range thresholds {
			box.Add(widget.NewLabel(fmt.Sprintf("%s: %s", tr("setting."+t.code), formatThreshold(t, t.get(&set)))))
		}
	}
	box.Add(widget.NewSeparator())
	score := widget.NewLabel(trf("rules.score", "index", words.M("term.balance_index")))
	score.Wrapping = fyne.TextWrapWord
	box.Add(score)
	d := dialog.NewCustom(tr("menu.rules"), tr("dialog.close"), container.NewVScroll(box), m.win)
	d.Resize(fyne.NewSize(theme32(48), theme32(36)))
	d.Show()
}

// noticeHeadings lists Go and each module with its version and licences, one
// line each, from the headings of assets.Notices.
func noticeHeadings() []string {
	var out []string
	for _, line := range strings.Split(assets.Notices, "\n") {
		if name, ok := strings.CutPrefix(line, "== "); ok {
			out = append(out, "• "+name)
		}
	}
	return out
}

// noticeTexts shows the full third-party notices in a list that draws only
// the lines on screen: they run to thousands of lines, which one label
// takes seconds to lay out.
func noticeTexts() fyne.CanvasObject {
	lines := strings.Split(assets.Notices, "\n")
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	return container.NewGridWrap(fyne.NewSize(theme32(40), theme32(20)), list)
}
