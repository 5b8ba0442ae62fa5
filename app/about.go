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
)

// components are the parts RPB Matrix is built from, with their licences.
var components = []struct{ name, licence string }{
	{"Fyne (fyne.io/fyne/v2)", "BSD-3-Clause"},
	{"bbolt (go.etcd.io/bbolt)", "MIT"},
	{"uuid (github.com/google/uuid)", "BSD-3-Clause"},
	{"excelize (github.com/xuri/excelize/v2)", "BSD-3-Clause"},
	{"gopdf (github.com/signintech/gopdf)", "MIT"},
	{"golang.org/x/text", "BSD-3-Clause"},
	{"Go", "BSD-3-Clause"},
}

// showAbout shows the version, what the program is for, and every licence,
// the font's full SIL Open Font License included.
func (m *mainWindow) showAbout() {
	meta := m.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "dev"
	}
	head := widget.NewLabelWithStyle(tr("app.name")+"  RPB Matrix "+version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(tr("about.intro"))
	intro.Wrapping = fyne.TextWrapWord

	var parts []string
	for _, c := range components {
		parts = append(parts, fmt.Sprintf("• %s — %s", c.name, c.licence))
	}
	libs := widget.NewLabel(strings.Join(parts, "\n"))
	font := widget.NewLabel(tr("about.font"))
	font.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicence)
	licence.Wrapping = fyne.TextWrapWord
	licence.TextStyle.Monospace = false
	acc := widget.NewAccordion(
		widget.NewAccordionItem(tr("about.components"), libs),
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
		name := widget.NewLabelWithStyle(fmt.Sprintf("%s  (%s)", r.Name.In(language), r.Code), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		desc := widget.NewLabel(r.Description.In(language))
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
	score := widget.NewLabel(tr("rules.score"))
	score.Wrapping = fyne.TextWrapWord
	box.Add(score)
	d := dialog.NewCustom(tr("menu.rules"), tr("dialog.close"), container.NewVScroll(box), m.win)
	d.Resize(fyne.NewSize(theme32(48), theme32(36)))
	d.Show()
}
