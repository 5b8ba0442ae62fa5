// Package meeting is the meeting view for the working group's room: the
// findings to discuss one item at a time in large type, the decision form
// beside them and the before → after of every decision recorded, with the
// meeting it is recorded in and the list of all decisions.
package meeting

import (
	"image/color"

	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/matrix"
	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// View is the meeting tab: the meeting view and the decisions list.
type View struct {
	s   *session.Session
	win fyne.Window

	filter  Filter
	items   []model.PairKey
	stale   bool // items must be listed again before the next move
	pos     int  // index into items
	current model.PairKey
	meeting model.ID // the meeting decisions are recorded in; NilID: none
	// meetingChosen is set once someone picked a meeting (none included).
	meetingChosen bool

	office, rule, category, meetingPick *widget.Select
	offices                             []model.ID
	rules                               []model.RuleCode
	categories                          []string
	meetings                            []*model.Meeting
	position                            *widget.Label
	card                                *card
	form                                *form
	effect                              *effect
	decisions                           *decisionList
	tabs                                *container.AppTabs
	root                                fyne.CanvasObject

	lazy session.Lazy
}

// New builds the meeting view on s. onScreen says whether it is on screen
// (nil: always); while it is not, changes only mark it stale.
func New(s *session.Session, win fyne.Window, onScreen func() bool) *View {
	v := &View{s: s, win: win, stale: true}
	v.lazy = session.Lazy{Refresh: v.Refresh, OnScreen: onScreen}
	v.office = widget.NewSelect(nil, func(string) { v.filterChanged() })
	v.rule = widget.NewSelect(nil, func(string) { v.filterChanged() })
	v.category = widget.NewSelect(nil, func(string) { v.filterChanged() })
	v.meetingPick = widget.NewSelect(nil, func(string) {
		v.meetingChosen = true
		if i := v.meetingPick.SelectedIndex(); i > 0 && i <= len(v.meetings) {
			v.meeting = v.meetings[i-1].ID
		} else {
			v.meeting = model.NilID
		}
	})
	newMeeting := widget.NewButtonWithIcon(words.T("meeting.meeting.new"), fynetheme.ContentAddIcon(), func() {
		editMeeting(s, win, nil, v.useMeeting)
	})
	editBtn := widget.NewButtonWithIcon(words.T("meeting.meeting.edit"), fynetheme.DocumentCreateIcon(), func() {
		if m := s.Project().Meetings[v.meeting]; m != nil {
			editMeeting(s, win, m, v.useMeeting)
		}
	})
	v.position = big(widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), fynetheme.SizeNameSubHeadingText)
	v.position.Wrapping = fyne.TextWrapOff
	prev := widget.NewButtonWithIcon(words.T("meeting.prev"), fynetheme.NavigateBackIcon(), v.Prev)
	next := widget.NewButtonWithIcon(words.T("meeting.next"), fynetheme.NavigateNextIcon(), v.Next)
	next.IconPlacement = widget.ButtonIconTrailingText

	v.card = newCard(s)
	v.form = newForm(s, func() model.ID { return v.meeting })
	v.effect = newEffect(s)

	filters := container.NewHBox(
		widget.NewLabel(words.T("meeting.filter.office")), v.office,
		widget.NewLabel(words.T("meeting.filter.rule")), v.rule,
		widget.NewLabel(words.T("meeting.filter.category")), v.category)
	// The meeting's name is the longest choice of the bar: room for it.
	pick := container.New(&minWidth{w: 16}, v.meetingPick)
	meetingBar := container.NewHBox(widget.NewLabel(words.T("meeting.meeting.current")), pick, newMeeting, editBtn)
	nav := container.NewHBox(prev, v.position, next)
	top := container.NewVBox(container.NewHScroll(filters), container.NewBorder(nil, nil, meetingBar, nav))
	// The effect sits under the item; each scrolls on its own, so neither
	// pushes the other (or the window) out of the screen.
	left := container.NewVSplit(container.NewVScroll(container.NewPadded(v.card.object)),
		container.NewVScroll(container.NewPadded(v.effect.object)))
	left.Offset = 0.5
	split := container.NewHSplit(left, container.NewVScroll(v.form.object))
	split.Offset = 0.55
	discuss := container.NewBorder(top, nil, nil, nil, split)

	v.decisions = newDecisionList(s)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(words.T("meeting.tab.discuss"), discuss),
		container.NewTabItem(words.T("meeting.tab.decisions"), v.decisions.object))
	v.tabs.OnSelected = func(*container.TabItem) { v.lazy.Changed() }
	v.root = container.NewThemeOverride(v.tabs, roomTheme{})

	s.OnChange(v.lazy.Changed)
	s.OnOfficeSelect(func(model.ID) { v.lazy.Changed() })
	v.lazy.Changed()
	return v
}

// CanvasObject is the view's content.
func (v *View) CanvasObject() fyne.CanvasObject { return v.root }

// Shown is told that the view has come on screen.
func (v *View) Shown() { v.lazy.Show() }

// Current is the item shown.
func (v *View) Current() model.PairKey { return v.current }

// Items are the items the meeting goes through, in order.
func (v *View) Items() []model.PairKey {
	v.lazy.Fresh()
	v.list()
	return v.items
}

// SetMeeting makes id the meeting decisions are recorded in.
func (v *View) SetMeeting(id model.ID) { v.useMeeting(id) }

func (v *View) useMeeting(id model.ID) {
	v.meeting, v.meetingChosen = id, true
	v.fillMeetings()
}

// Refresh shows the stored state again: the filters' choices, the item
// shown, its decision and the plan's effect. The list of items is made
// again only when the view moves, so that the item discussed stays put.
func (v *View) Refresh() {
	v.stale = true
	v.fillFilters()
	v.fillMeetings()
	if v.tabs.SelectedIndex() == 1 {
		v.decisions.refresh()
		return
	}
	if v.current == (model.PairKey{}) || v.s.Project().Duties[v.current.Other] == nil || v.s.Project().Offices[v.current.Office] == nil {
		v.list()
		v.pos = 0
		v.current = model.PairKey{}
		if len(v.items) > 0 {
			v.current = v.items[0]
		}
	}
	v.showCurrent()
}

// list makes the list of items again if it is stale, keeping the position
// of the item shown.
func (v *View) list() {
	if !v.stale {
		return
	}
	v.stale = false
	v.items = items(v.s.Project(), v.s.Result(), v.filter)
	if i := slices.Index(v.items, v.current); i >= 0 {
		v.pos = i
	} else {
		v.pos = min(v.pos, max(len(v.items)-1, 0))
	}
}

// showCurrent fills the card, the form and the effect for the item shown.
func (v *View) showCurrent() {
	if len(v.items) == 0 {
		v.position.SetText(words.T("meeting.position.none"))
	} else {
		v.position.SetText(words.T("meeting.position", "N", v.pos+1, "Total", len(v.items)))
	}
	v.card.show(v.current)
	v.form.show(v.current)
	v.effect.show(v.current.Office)
}

// Next and Prev move to the next and previous item.
func (v *View) Next() { v.move(1) }
func (v *View) Prev() { v.move(-1) }

func (v *View) move(by int) {
	v.lazy.Fresh()
	v.list()
	if len(v.items) == 0 {
		return
	}
	v.pos = min(max(v.pos+by, 0), len(v.items)-1)
	v.current = v.items[v.pos]
	v.showCurrent()
}

// TypedKey moves through the items with PageDown/PageUp and →/← when no
// text field has the keyboard (the window hands it keys nobody took).
func (v *View) TypedKey(ev *fyne.KeyEvent) bool {
	if v.tabs.SelectedIndex() != 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeyPageDown, fyne.KeyRight:
		v.Next()
	case fyne.KeyPageUp, fyne.KeyLeft:
		v.Prev()
	default:
		return false
	}
	return true
}

// filterChanged reads the filter selects and starts from the first item.
func (v *View) filterChanged() {
	f := Filter{}
	if i := v.office.SelectedIndex(); i > 0 && i <= len(v.offices) {
		f.Office = v.offices[i-1]
	}
	if i := v.rule.SelectedIndex(); i > 0 && i <= len(v.rules) {
		f.Rule = v.rules[i-1]
	}
	if i := v.category.SelectedIndex(); i > 0 && i <= len(v.categories) {
		f.Category = v.categories[i-1]
	}
	if f == v.filter {
		return
	}
	v.filter, v.stale = f, true
	v.list()
	v.pos, v.current = 0, model.PairKey{}
	if len(v.items) > 0 {
		v.current = v.items[0]
	}
	v.showCurrent()
}

// fillFilters lists the offices, rules and categories to filter by.
func (v *View) fillFilters() {
	p := v.s.Project()
	all := words.T("meeting.filter.all")
	v.offices = v.offices[:0]
	offices := []string{all}
	for _, o := range p.OfficeList() {
		v.offices = append(v.offices, o.ID)
		offices = append(offices, o.Name)
	}
	v.rules = v.rules[:0]
	rules := []string{all}
	for _, r := range model.Rules() {
		v.rules = append(v.rules, r.Code)
		rules = append(rules, matrix.RuleName(r.Code, words.Current()))
	}
	seen := map[string]bool{}
	v.categories = v.categories[:0]
	for _, d := range p.Duties {
		if !seen[d.Category] && d.Category != "" {
			seen[d.Category] = true
			v.categories = append(v.categories, d.Category)
		}
	}
	slices.Sort(v.categories)
	cats := append([]string{all}, v.categories...)
	setOptions(v.office, offices, 1+slices.Index(v.offices, v.filter.Office))
	setOptions(v.rule, rules, 1+slices.Index(v.rules, v.filter.Rule))
	setOptions(v.category, cats, 1+slices.Index(v.categories, v.filter.Category))
}

// fillMeetings lists the meetings to record decisions in.
func (v *View) fillMeetings() {
	v.meetings = v.s.Project().MeetingList()
	names := []string{words.T("meeting.meeting.none")}
	sel := 0
	for i, m := range v.meetings {
		names = append(names, words.T("meeting.meeting.option", "Date", m.Date, "Title", m.Name()))
		if m.ID == v.meeting {
			sel = i + 1
		}
	}
	if sel == 0 && !v.meetingChosen && len(v.meetings) > 0 {
		// Until someone picks one, decisions go to the latest meeting.
		sel, v.meeting = len(v.meetings), v.meetings[len(v.meetings)-1].ID
	}
	if sel == 0 {
		v.meeting = model.NilID
	}
	setOptions(v.meetingPick, names, sel)
}

// setOptions replaces a select's options and selects index i without
// running its callback.
func setOptions(sel *widget.Select, options []string, i int) {
	changed := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = options
	if i >= 0 && i < len(options) {
		sel.SetSelectedIndex(i)
	} else {
		sel.ClearSelected()
	}
	sel.OnChanged = changed
	sel.Refresh()
}

// roomTheme is the app's theme with body text at the subheading size, so
// that the form's inputs are as readable across the room as the card.
type roomTheme struct{}

func (roomTheme) th() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }
func (t roomTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.th().Color(n, v)
}
func (t roomTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.th().Font(s) }
func (t roomTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.th().Icon(n) }
func (t roomTheme) Size(n fyne.ThemeSizeName) float32 {
	th := t.th()
	switch n {
	case fynetheme.SizeNameText:
		return th.Size(fynetheme.SizeNameSubHeadingText)
	case fynetheme.SizeNameSubHeadingText:
		return th.Size(fynetheme.SizeNameSubHeadingText) * 1.15
	case fynetheme.SizeNameHeadingText:
		return th.Size(fynetheme.SizeNameHeadingText) * 1.2
	}
	return th.Size(n)
}

// minWidth lays out its one object at least w text heights wide.
type minWidth struct{ w float32 }

func (l *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(max(m.Width, l.w*fynetheme.TextSize()), m.Height)
}
