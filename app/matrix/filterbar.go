package matrix

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// filterBar holds the matrix filters: category, list kind, rule, severity,
// decisions, gap and the search box.
type filterBar struct {
	object   fyne.CanvasObject
	category *widget.Select
	kind     *widget.Select
	rule     *widget.Select
	severity *widget.Select
	decision *widget.Select
	gap      *widget.Select
	search   *widget.Entry
	clear    *widget.Button

	categories []string         // option i+1 of category
	rules      []model.RuleCode // option i+1 of rule
	quiet      bool             // true while show() sets the widgets
	onChange   func(Filter)
}

// severityChoices are the severity filter's options after "all", in order.
var severityChoices = []model.Severity{model.SevCritical, model.SevSerious, model.SevWarning, model.SevInfo, NoFindings}

func newFilterBar(onChange func(Filter)) *filterBar {
	b := &filterBar{onChange: onChange}
	changed := func(string) { b.changed() }
	b.category = widget.NewSelect(nil, changed)
	b.kind = widget.NewSelect(nil, changed)
	b.rule = widget.NewSelect(nil, changed)
	b.severity = widget.NewSelect(nil, changed)
	b.decision = widget.NewSelect(nil, changed)
	b.gap = widget.NewSelect(nil, changed)
	b.search = widget.NewEntry()
	b.search.OnChanged = changed
	b.clear = widget.NewButtonWithIcon("", fynetheme.ContentClearIcon(), func() {
		b.quiet = true
		b.category.SetSelectedIndex(0)
		b.kind.SetSelectedIndex(0)
		b.rule.SetSelectedIndex(0)
		b.severity.SetSelectedIndex(0)
		b.decision.SetSelectedIndex(0)
		b.gap.SetSelectedIndex(0)
		b.search.SetText("")
		b.quiet = false
		b.changed()
	})
	selects := container.NewHBox(b.category, b.kind, b.rule, b.severity, b.decision, b.gap)
	b.object = container.New(&filterLayout{}, selects, b.search, b.clear)
	return b
}

// filterLayout puts the selects, the search box and the clear button on one
// line, or, when the width is short of that (a laptop at presentation size),
// the search box and button on a second line, so the view is never wider
// than the window. Its height follows the width it was last given.
type filterLayout struct {
	width float32 // of the last Layout, 0 before the first
}

// searchMin is the narrowest the search box gets on the first line.
const searchMin = 240

func (l *filterLayout) oneLine(objs []fyne.CanvasObject, width float32) bool {
	return width <= 0 || objs[0].MinSize().Width+searchMin+objs[2].MinSize().Width+2*fynetheme.Padding() <= width
}

func (l *filterLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	selects, search, clear := objs[0], objs[1], objs[2]
	pad := fynetheme.Padding()
	sm, cm := selects.MinSize(), clear.MinSize()
	h := max(sm.Height, search.MinSize().Height, cm.Height)
	selects.Move(fyne.NewPos(0, 0))
	x, y := float32(0), float32(0)
	if l.oneLine(objs, size.Width) {
		selects.Resize(fyne.NewSize(sm.Width, h))
		x = sm.Width + pad
	} else {
		selects.Resize(fyne.NewSize(size.Width, h))
		y = h + pad
	}
	clear.Move(fyne.NewPos(size.Width-cm.Width, y))
	clear.Resize(fyne.NewSize(cm.Width, h))
	search.Move(fyne.NewPos(x, y))
	search.Resize(fyne.NewSize(max(0, size.Width-cm.Width-pad-x), h))
}

func (l *filterLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	selects, search, clear := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	h := max(selects.Height, search.Height, clear.Height)
	if l.oneLine(objs, l.width) {
		// Before the first layout, as narrow as two lines, so the bar
		// never decides the window's width.
		return fyne.NewSize(selects.Width, h)
	}
	return fyne.NewSize(selects.Width, 2*h+fynetheme.Padding())
}

// show sets the options for rows and the widgets to f, without calling back.
func (b *filterBar) show(rows *Rows, f Filter, lng string) {
	b.quiet = true
	defer func() { b.quiet = false }()

	b.categories = rows.Categories
	opts := []string{words.T("matrix.filter.all_categories")}
	opts = append(opts, rows.Categories...)
	b.category.SetOptions(opts)
	b.category.SetSelectedIndex(0)
	for i, c := range b.categories {
		if c == f.Category {
			b.category.SetSelectedIndex(i + 1)
		}
	}

	opts = []string{words.T("matrix.filter.all_kinds")}
	for _, k := range model.ListKinds {
		opts = append(opts, k.Name().In(lng))
	}
	b.kind.SetOptions(opts)
	b.kind.SetSelectedIndex(0)
	for i, k := range model.ListKinds {
		if k == f.Kind {
			b.kind.SetSelectedIndex(i + 1)
		}
	}

	b.rules = model.RuleCodes
	opts = []string{words.T("matrix.filter.all_rules")}
	for _, c := range b.rules {
		opts = append(opts, RuleName(c, lng))
	}
	b.rule.SetOptions(opts)
	b.rule.SetSelectedIndex(0)
	for i, c := range b.rules {
		if c == f.Rule {
			b.rule.SetSelectedIndex(i + 1)
		}
	}

	opts = []string{words.T("matrix.filter.all_severities")}
	for _, s := range severityChoices {
		opts = append(opts, severityChoiceName(s, lng))
	}
	b.severity.SetOptions(opts)
	b.severity.SetSelectedIndex(0)
	for i, s := range severityChoices {
		if s == f.Severity {
			b.severity.SetSelectedIndex(i + 1)
		}
	}

	b.decision.SetOptions([]string{words.T("meeting.matrix.decision.any"), words.T("meeting.matrix.decision.has"),
		words.T("meeting.matrix.decision.none"), words.T("meeting.matrix.decision.pending")})
	b.decision.SetSelectedIndex(max(0, slices.Index(DecisionFilters, f.Decision)))
	b.gap.SetOptions([]string{words.T("meeting.matrix.gap.any"), words.T("meeting.matrix.gap.has"), words.T("meeting.matrix.gap.none")})
	b.gap.SetSelectedIndex(max(0, slices.Index(GapFilters, f.Gap)))

	b.search.SetPlaceHolder(words.T("matrix.filter.search"))
	if b.search.Text != f.Text {
		b.search.SetText(f.Text)
	}
}

func severityChoiceName(s model.Severity, lng string) string {
	switch s {
	case NoFindings:
		return words.T("matrix.filter.no_findings")
	case model.SevCritical:
		return s.Name().In(lng)
	}
	return words.T("matrix.filter.at_least", "Severity", s.Name().In(lng))
}

// current reads the filter the widgets show.
func (b *filterBar) current() Filter {
	var f Filter
	if i := b.category.SelectedIndex(); i > 0 && i <= len(b.categories) {
		f.Category = b.categories[i-1]
	}
	if i := b.kind.SelectedIndex(); i > 0 && i <= len(model.ListKinds) {
		f.Kind = model.ListKinds[i-1]
	}
	if i := b.rule.SelectedIndex(); i > 0 && i <= len(b.rules) {
		f.Rule = b.rules[i-1]
	}
	if i := b.severity.SelectedIndex(); i > 0 && i <= len(severityChoices) {
		f.Severity = severityChoices[i-1]
	}
	if i := b.decision.SelectedIndex(); i > 0 && i < len(DecisionFilters) {
		f.Decision = DecisionFilters[i]
	}
	if i := b.gap.SelectedIndex(); i > 0 && i < len(GapFilters) {
		f.Gap = GapFilters[i]
	}
	f.Text = b.search.Text
	return f
}

func (b *filterBar) changed() {
	if !b.quiet && b.onChange != nil {
		b.onChange(b.current())
	}
}
