package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/assets/translations"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// threshold is one analysis setting as the settings dialog edits it.
type threshold struct {
	code    string // model.Problem.Field and the JSON name
	integer bool
	get     func(*model.Settings) float64
	set     func(*model.Settings, float64)
}

// thresholds are the project's analysis settings, in the order shown
// (model.SettingFields: every setting the rules read).
var thresholds = func() []threshold {
	var out []threshold
	for _, f := range model.SettingFields() {
		out = append(out, threshold{f.Code, f.Integer(), f.Get, f.Set})
	}
	return out
}()

// formatThreshold writes a setting the way the user types it.
func formatThreshold(t threshold, v float64) string {
	if t.integer {
		return strconv.Itoa(int(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// parseThreshold reads what the user typed; shares may be written as "30%".
func parseThreshold(t threshold, text string) (float64, error) {
	text = strings.TrimSpace(text)
	if t.integer {
		n, err := strconv.Atoi(text)
		if err != nil {
			return 0, errors.New(tr("settings.error.integer"))
		}
		return float64(n), nil
	}
	percent := strings.HasSuffix(text, "%") || strings.HasSuffix(text, "％")
	text = strings.TrimRight(text, "%％ ")
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, errors.New(tr("settings.error.number"))
	}
	if percent {
		v /= 100
	}
	return v, nil
}

// checkThreshold says what is wrong with text as the value of t, in the
// words of the model's validation (range limits), or nil.
func checkThreshold(base model.Settings, t threshold, text string) error {
	v, err := parseThreshold(t, text)
	if err != nil {
		return err
	}
	t.set(&base, v)
	for _, p := range model.ValidateSettings(&base) {
		if p.Field == t.code {
			return errors.New(p.Msg.In(words.Current()))
		}
	}
	return nil
}

// showSettings opens the settings: the user's own (author, language, theme,
// text size), kept in preferences, and the project's analysis thresholds,
// committed to the file like any other edit.
func (m *mainWindow) showSettings() {
	var d dialog.Dialog
	reopen := func(apply func()) {
		d.Hide()
		apply()
		m.showSettings()
	}
	tabs := container.NewAppTabs(container.NewTabItem(tr("settings.general"), m.generalSettings(reopen)))
	if m.sess != nil {
		tabs.Append(container.NewTabItem(tr("settings.thresholds"), m.thresholdSettings()))
	}
	d = dialog.NewCustom(tr("settings.title"), tr("dialog.close"), tabs, m.win)
	// Tall enough for most thresholds at once, within a 1366×768 window.
	d.Resize(fyne.NewSize(theme32(46), max(theme32(30), min(theme32(44), m.win.Canvas().Size().Height-theme32(4)))))
	d.Show()
}

// generalSettings are the user's preferences; language and theme apply at
// once (the window is rebuilt, so reopen brings the dialog back on top).
func (m *mainWindow) generalSettings(reopen func(func())) fyne.CanvasObject {
	prefs := m.app.Preferences()
	author := widget.NewEntry()
	author.SetText(authorFromPrefs(prefs))
	author.OnChanged = func(s string) {
		prefs.SetString(prefAuthor, strings.TrimSpace(s))
		if m.sess != nil {
			m.sess.Author = strings.TrimSpace(s)
		}
	}

	var langNames []string
	current := ""
	for _, l := range translations.Languages {
		langNames = append(langNames, l.Name)
		if l.Code == words.Current() {
			current = l.Name
		}
	}
	langSelect := widget.NewSelect(langNames, nil)
	langSelect.SetSelected(current)
	langSelect.OnChanged = func(name string) {
		for _, l := range translations.Languages {
			if l.Name == name && l.Code != words.Current() {
				code := l.Code
				reopen(func() { m.switchLanguage(code) })
			}
		}
	}

	modes := []apptheme.VariantMode{apptheme.VariantSystem, apptheme.VariantLight, apptheme.VariantDark}
	modeNames := []string{tr("theme.system"), tr("theme.light"), tr("theme.dark")}
	themeSelect := widget.NewSelect(modeNames, nil)
	themeSelect.SetSelected(modeNames[m.theme.Mode()])
	themeSelect.OnChanged = func(name string) {
		for i, n := range modeNames {
			if n == name && modes[i] != m.theme.Mode() {
				mode := modes[i]
				reopen(func() { m.setTheme(m.theme.WithMode(mode)) })
			}
		}
	}

	var scaleNames []string
	for _, s := range apptheme.Scales {
		scaleNames = append(scaleNames, fmt.Sprintf("%.0f%%", s*100))
	}
	scaleSelect := widget.NewSelect(scaleNames, nil)
	scaleSelect.SetSelected(fmt.Sprintf("%.0f%%", m.theme.Scale()*100))
	scaleSelect.OnChanged = func(name string) {
		for i, n := range scaleNames {
			if n == name && apptheme.Scales[i] != m.theme.Scale() {
				s := apptheme.Scales[i]
				reopen(func() { m.setTheme(m.theme.WithScale(s)) })
			}
		}
	}

	form := widget.NewForm(
		&widget.FormItem{Text: tr("settings.author"), Widget: author, HintText: tr("settings.author.hint")},
		&widget.FormItem{Text: tr("settings.language"), Widget: langSelect},
		&widget.FormItem{Text: tr("settings.theme"), Widget: themeSelect},
		&widget.FormItem{Text: tr("settings.scale"), Widget: scaleSelect, HintText: tr("settings.scale.hint")},
	)
	return container.NewVScroll(form)
}

// thresholdSettings edits the project's analysis settings with messages in
// place, and commits them as one action.
func (m *mainWindow) thresholdSettings() fyne.CanvasObject {
	s := m.sess
	entries := make([]*widget.Entry, len(thresholds))
	form := widget.NewForm()
	for i, t := range thresholds {
		e := widget.NewEntry()
		e.SetText(formatThreshold(t, t.get(&s.Project().Settings)))
		th := t
		e.Validator = func(text string) error { return checkThreshold(s.Project().Settings, th, text) }
		entries[i] = e
		form.AppendItem(&widget.FormItem{Text: tr("setting." + t.code), Widget: e, HintText: tr("setting." + t.code + ".hint")})
	}
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord

	apply := func() {
		next := s.Project().Settings
		failed := false
		for i, t := range thresholds {
			if err := entries[i].Validate(); err != nil {
				failed = true
				continue
			}
			v, _ := parseThreshold(t, entries[i].Text)
			t.set(&next, v)
		}
		if failed {
			result.SetText(tr("settings.thresholds.invalid"))
			return
		}
		if next == s.Project().Settings {
			result.SetText(tr("settings.thresholds.unchanged"))
			return
		}
		if err := s.Commit(tr("action.settings"), s.Project().Put(&next)); err != nil {
			result.SetText(err.Error())
			return
		}
		result.SetText(trf("settings.thresholds.saved", "Findings", s.Result().FindingCount()))
	}
	defaults := widget.NewButton(tr("settings.defaults"), func() {
		def := model.DefaultSettings()
		for i, t := range thresholds {
			entries[i].SetText(formatThreshold(t, t.get(&def)))
		}
	})
	applyButton := widget.NewButton(tr("settings.apply"), apply)
	applyButton.Importance = widget.HighImportance
	note := widget.NewLabel(tr("settings.thresholds.note"))
	note.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(applyButton, defaults)
	return container.NewBorder(note, container.NewVBox(buttons, result), nil, nil, container.NewVScroll(form))
}
