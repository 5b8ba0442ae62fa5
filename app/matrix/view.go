package matrix

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/editors"
	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// View is the matrix of the selected office (or of every office), with its
// filters, legend and the detail panel of the selected row.
type View struct {
	s   *session.Session
	win fyne.Window

	rows    *Rows
	cols    []column // the columns shown
	allCols []column // every column; cols leaves out the authorities no shown row needs when neededOnly
	// neededOnly shows only the authority columns the shown rows' duties
	// require (a toggle, for a projector that cannot show them all).
	neededOnly bool
	needed     *widget.Check
	visible    []int // indices into rows.All after filter and sort
	filter     Filter
	sortKey    string // column key; "" is list order
	sortAsc    bool

	selected model.PairKey // (office, duty) of the selected row; zero when none
	syncing  bool          // true while the view itself moves the selection

	table     *resizableTable
	bar       *filterBar
	legend    *fyne.Container
	legendFor legendStyle // what the legend was last drawn for
	count     *widget.Label
	body      *fyne.Container
	root      *fyne.Container
	detail    *editors.DetailPanel
	onSelect  func(office, duty model.ID)
	// lazy rebuilds the rows after a change only while the view is on
	// screen, else when it comes on screen.
	lazy session.Lazy
}

// Detail is the panel that shows and edits the selected row; the editors
// package provides it. Show(NilID, NilID) clears it.
type Detail interface {
	Show(office, duty model.ID)
	CanvasObject() fyne.CanvasObject
	Refresh()
}

// New builds the matrix view on s and keeps it current: it rebuilds its rows
// after every change, office selection and ShowMatrix request. A change of
// theme, scale or variant reaches it as a change too (Session.Changed, as
// the window sends it): a view listening to the app's settings itself could
// never stop, and every view a window had replaced would redraw on. onScreen
// says whether the view is on screen (nil: always); while it is not, a
// change only marks it stale and Shown brings it up to date.
func New(s *session.Session, win fyne.Window, onScreen func() bool) *View {
	v := &View{s: s, win: win, sortAsc: true}
	v.lazy = session.Lazy{Refresh: v.Refresh, OnScreen: onScreen}
	v.table = newResizableTable()
	// One blank column past the last: see reachEnd.
	v.table.Length = func() (int, int) { return v.table.shownRows(len(v.visible)), len(v.cols) + 1 }
	v.table.CreateCell = func() fyne.CanvasObject { return newCell() }
	v.table.UpdateCell = v.updateCell
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(v.sortBy) }
	v.table.UpdateHeader = v.updateHeader
	v.table.OnSelected = v.tableSelected
	v.table.onResized = func(widths map[int]float32) { rememberWidths(v.cols, widths) }
	v.table.onKey = v.TypedKey

	v.count = widget.NewLabel("")
	v.bar = newFilterBar(v.filterChanged)
	v.legend = newLegend()
	v.detail = editors.NewDetailPanel(s, win)
	v.detail.OnClose = v.CloseDetail
	v.body = container.NewStack(v.table)
	formula := widget.NewLabel(words.T("matrix.legend.gap"))
	formula.Truncation = fyne.TextTruncateEllipsis
	formula.Alignment = fyne.TextAlignTrailing
	v.needed = widget.NewCheck(words.T("meeting.matrix.needed_only"), v.SetNeededOnly)
	status := container.NewBorder(nil, nil, container.NewHBox(v.count, v.needed), nil, formula)
	top := container.NewVBox(v.bar.object, status)
	v.root = container.New(&viewLayout{top: top, body: v.body, legend: v.legend}, top, v.body, v.legend)

	s.OnChange(v.lazy.Changed)
	s.OnOfficeSelect(func(model.ID) {
		v.filter.Duty = model.NilID
		v.lazy.Changed()
	})
	s.OnShowMatrix(v.ShowRequest)
	s.OnDutySelect(func(office, duty model.ID) {
		if !v.syncing && duty != model.NilID && office != model.NilID {
			v.lazy.Fresh()
			v.selectPair(model.PairKey{Office: office, Other: duty})
		}
	})
	v.lazy.Changed()
	return v
}

// Shown is told that the view has come on screen.
func (v *View) Shown() { v.lazy.Show() }

// CanvasObject is the view's content.
func (v *View) CanvasObject() fyne.CanvasObject { return v.root }

// Detail is the panel that opens beside the matrix when a row is selected.
func (v *View) Detail() *editors.DetailPanel { return v.detail }

// OnSelect registers f to run when the user selects a row.
func (v *View) OnSelect(f func(office, duty model.ID)) { v.onSelect = f }

// Find moves the keyboard focus to the search box (Ctrl+F).
func (v *View) Find() {
	if v.win != nil {
		v.win.Canvas().Focus(v.bar.search)
	}
}

// SetFilter shows the rows of category (empty: every category) with every
// other filter cleared, and selects duty (NilID: none) when it is listed.
func (v *View) SetFilter(category string, duty model.ID) {
	v.ShowRequest(session.MatrixRequest{Office: v.s.Office(), Category: category, Duty: duty})
}

// ShowRequest applies a session.ShowMatrix request: the category and rule
// filters with every other filter cleared, and the duty selected. The view
// registers it with the session itself; the office is the session's.
func (v *View) ShowRequest(req session.MatrixRequest) {
	v.lazy.Fresh()
	v.filter = Filter{Category: req.Category, Rule: req.Rule}
	v.bar.show(v.rows, v.filter, words.Current())
	v.apply()
	if duty := req.Duty; duty != model.NilID {
		office := v.s.Office()
		if office == model.NilID {
			for _, i := range v.visible { // every office: the first row of that duty
				if v.rows.All[i].Duty.ID == duty {
					office = v.rows.All[i].Office.ID
					break
				}
			}
		}
		v.selectPair(model.PairKey{Office: office, Other: duty})
	}
}

// Filter returns the filter in force.
func (v *View) Filter() Filter { return v.filter }

// Rows returns the rows in display order (after filter and sort).
func (v *View) Rows() []*Row {
	v.lazy.Fresh()
	out := make([]*Row, len(v.visible))
	for i, idx := range v.visible {
		out[i] = &v.rows.All[idx]
	}
	return out
}

// Refresh rebuilds the rows from the session's project and analysis, keeps
// the filter, sort and selection, and redraws.
func (v *View) Refresh() {
	v.rows = Build(v.s.Project(), v.s.Result(), v.s.Office())
	v.allCols = columns(v.rows)
	v.cols = v.allCols
	v.table.StickyColumnCount = 1
	if v.rows.Office == model.NilID {
		v.table.StickyColumnCount = 2 // office and duty
	}
	if v.filter.Category != "" && !slices.Contains(v.rows.Categories, v.filter.Category) {
		v.filter.Category = ""
	}
	// The rows shown index the new rows before anything redraws the table
	// (setting a column's width does).
	v.selectRows()
	v.fitColumns()
	v.applySizes()
	v.bar.show(v.rows, v.filter, words.Current())
	if style := (legendStyle{words.Current(), theme.CurrentVariant()}); style != v.legendFor {
		fillLegend(v.legend, words.Current())
		v.legendFor = style
	}
	v.showRows()
}

// legendStyle is what the legend's words and colours depend on.
type legendStyle struct {
	lang    string
	variant fyne.ThemeVariant
}

// applySizes sets the header height and the column widths for the current
// theme: the presentation scale (Ctrl+=) widens columns with the text.
func (v *View) applySizes() {
	v.table.SetRowHeight(-1, headerHeight(fyne.CurrentApp().Settings().Theme()))
	th := fyne.CurrentApp().Settings().Theme()
	stuck := float32(0)
	for i, c := range v.cols {
		w := max(rememberedWidth(c), wordWidth(c.title, th))
		v.table.SetColumnWidth(i, w)
		if i < v.table.StickyColumnCount {
			stuck += w + th.Size(fynetheme.SizeNamePadding)
		}
	}
	v.table.SetColumnWidth(len(v.cols), reachEnd(stuck))
}

// reachEnd is the width of the blank column after the last one. Fyne 2.7's
// Table scrolls its columns no further than their widths without the
// sticky ones, yet lays them out after the sticky ones: the last columns
// as wide as the sticky ones (错配, 处理意见, 缺口) could never be scrolled
// into view, whatever the window's width (issue 10). The blank column is
// that wide, so that scrolling to the end shows every real column.
func reachEnd(stuck float32) float32 { return max(stuck, 1) }

// filterChanged is the filter bar's callback.
func (v *View) filterChanged(f Filter) {
	f.Duty = v.filter.Duty
	v.filter = f
	v.apply()
}

// apply filters and sorts the rows, restores the selection and redraws.
func (v *View) apply() {
	v.selectRows()
	if v.neededOnly {
		v.fitColumns()
		v.applySizes()
	}
	v.showRows()
}

// SetNeededOnly shows only the authority columns that the shown rows'
// duties require (on), or every authority column (off).
func (v *View) SetNeededOnly(on bool) {
	v.lazy.Fresh()
	v.neededOnly = on
	if v.needed.Checked != on {
		v.needed.SetChecked(on) // calls back here once more, with nothing left to do
		return
	}
	v.fitColumns()
	v.applySizes()
	v.showRows()
}

// fitColumns picks the columns shown: every one, or with neededOnly the
// authority columns of the authorities the shown rows' duties require.
func (v *View) fitColumns() {
	if !v.neededOnly {
		v.cols = v.allCols
		return
	}
	need := map[string]bool{}
	for _, i := range v.visible {
		for _, a := range v.rows.All[i].Duty.Required {
			need[authKeyPrefix+a.String()] = true
		}
	}
	cols := make([]column, 0, len(v.allCols))
	for _, c := range v.allCols {
		if !strings.HasPrefix(c.key, authKeyPrefix) || need[c.key] {
			cols = append(cols, c)
		}
	}
	v.cols = cols
}

// authKeyPrefix begins the key of an authority's column.
const authKeyPrefix = "auth:"

// selectRows filters and sorts the rows into v.visible.
func (v *View) selectRows() {
	v.visible = v.rows.Select(v.filter)
	if v.sortKey != "" {
		for _, c := range v.cols {
			if c.key != v.sortKey {
				continue
			}
			all := v.rows.All
			slices.SortStableFunc(v.visible, func(i, j int) int {
				if v.sortAsc {
					return c.compare(&all[i], &all[j])
				}
				return c.compare(&all[j], &all[i])
			})
		}
	}
}

// showRows redraws the rows selected, with their count and the selection.
func (v *View) showRows() {
	v.count.SetText(words.T("matrix.count",
		"Shown", len(v.visible), "Total", len(v.rows.All), "Office", v.s.OfficeName(v.rows.Office)))
	v.restoreSelection()
	v.table.Refresh()
}

func (v *View) restoreSelection() {
	v.syncing = true
	defer func() { v.syncing = false }()
	if v.selected == (model.PairKey{}) {
		v.table.UnselectAll()
		return
	}
	if i := v.indexOf(v.selected); i >= 0 {
		v.selectCell(i)
		return
	}
	v.table.UnselectAll()
}

func (v *View) indexOf(k model.PairKey) int {
	for i, idx := range v.visible {
		r := &v.rows.All[idx]
		if r.Office.ID == k.Office && r.Duty.ID == k.Other {
			return i
		}
	}
	return -1
}

// selectPair selects and shows the row of (office, duty) if it is listed.
func (v *View) selectPair(k model.PairKey) {
	i := v.indexOf(k)
	if i < 0 {
		return
	}
	v.selected = k
	v.syncing = true
	v.selectCell(i)
	v.syncing = false
	v.openDetail()
	v.table.Refresh()
}

// selectCell scrolls row i of the table into view; the cells paint the
// selection themselves (see tableSelected).
func (v *View) selectCell(i int) {
	v.table.scrollToRow(i)
}

// Select selects the row of (office, duty) as if the user had tapped it.
func (v *View) Select(office, duty model.ID) {
	v.lazy.Fresh()
	v.selectPair(model.PairKey{Office: office, Other: duty})
}

// tableSelected is the table's tap on a cell. The row's cells paint the
// selection, so the table's own marker is dropped at once: Fyne 2.7 sizes
// that marker negative when its row scrolls under the sticky header, and the
// software painter (screenshots, tests) panics on a negative size.
func (v *View) tableSelected(id widget.TableCellID) {
	v.table.Unselect(id)
	if v.syncing || id.Row < 0 || id.Row >= len(v.visible) {
		return
	}
	r := &v.rows.All[v.visible[id.Row]]
	k := model.PairKey{Office: r.Office.ID, Other: r.Duty.ID}
	if k == v.selected {
		return
	}
	v.selected = k
	v.openDetail()
	v.userSelected(r)
}

// userSelected redraws the table after the user selected r, and tells the
// session and the OnSelect listener.
func (v *View) userSelected(r *Row) {
	v.table.Refresh()
	v.syncing = true
	v.s.SelectDuty(r.Duty.ID)
	v.syncing = false
	if v.onSelect != nil {
		v.onSelect(r.Office.ID, r.Duty.ID)
	}
}

// CloseDetail unselects the row and hides the detail panel.
func (v *View) CloseDetail() {
	v.selected = model.PairKey{}
	v.syncing = true
	v.table.UnselectAll()
	v.syncing = false
	if v.detail != nil {
		v.detail.Show(model.NilID, model.NilID)
	}
	v.layoutBody()
	v.table.Refresh()
}

func (v *View) openDetail() {
	if v.detail == nil {
		return
	}
	v.detail.Show(v.selected.Office, v.selected.Other)
	v.layoutBody()
}

// layoutBody shows the table alone, or beside the detail panel when a row is selected.
func (v *View) layoutBody() {
	if v.detail == nil || v.selected == (model.PairKey{}) {
		if len(v.body.Objects) != 1 || v.body.Objects[0] != v.table {
			v.body.Objects = []fyne.CanvasObject{v.table}
			v.body.Refresh()
		}
		return
	}
	if len(v.body.Objects) == 1 && v.body.Objects[0] != v.table {
		return // the split is already there
	}
	split := container.NewHSplit(v.table, v.detail.CanvasObject())
	split.Offset = 0.64
	v.body.Objects = []fyne.CanvasObject{split}
	v.body.Refresh()
}

// sortBy is the header's tap: ascending, then descending, then list order.
func (v *View) sortBy(col int) {
	if col < 0 || col >= len(v.cols) {
		return
	}
	key := v.cols[col].key
	switch {
	case v.sortKey != key:
		v.sortKey, v.sortAsc = key, true
	case v.sortAsc:
		v.sortAsc = false
	default:
		v.sortKey, v.sortAsc = "", true
	}
	v.apply()
}

// SortBy sorts by the column with key ("" for list order).
func (v *View) SortBy(key string, ascending bool) {
	v.lazy.Fresh()
	v.sortKey, v.sortAsc = key, ascending
	v.apply()
}

func (v *View) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= len(v.visible) || id.Col < 0 || id.Col >= len(v.cols) {
		o.(*cell).set(cellContent{}) // the blank column past the last
		return
	}
	r := &v.rows.All[v.visible[id.Row]]
	c := v.cols[id.Col].content(words.Current(), r)
	c.selected = v.selected.Office == r.Office.ID && v.selected.Other == r.Duty.ID
	o.(*cell).set(c)
}

func (v *View) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	h.col = id.Col
	if id.Col < 0 || id.Col >= len(v.cols) {
		h.title, h.groupText, h.arrow = "", "", ""
		h.Refresh()
		return
	}
	c := v.cols[id.Col]
	h.title, h.group = c.title, c.group
	h.groupText = ""
	if id.Col == 0 || v.cols[id.Col-1].group != c.group {
		h.groupText = c.group.title()
	}
	h.arrow = ""
	if c.key == v.sortKey {
		h.arrow = "▼"
		if v.sortAsc {
			h.arrow = "▲"
		}
	}
	h.Refresh()
}

// TypedKey moves the selection with ↑/↓ (and a screenful with
// PageUp/PageDown), opens the detail with Enter and closes it with Esc. The
// window hands it the keys no widget took; the table hands it its own.
func (v *View) TypedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyUp:
		v.moveSelection(-1)
	case fyne.KeyDown:
		v.moveSelection(1)
	case fyne.KeyPageUp:
		v.moveSelection(-pageRows)
	case fyne.KeyPageDown:
		v.moveSelection(pageRows)
	case fyne.KeyReturn, fyne.KeyEnter:
		if v.selected == (model.PairKey{}) {
			v.moveSelection(0)
		}
		v.openDetail()
	case fyne.KeyEscape:
		if v.selected == (model.PairKey{}) {
			return false
		}
		v.CloseDetail()
	default:
		return false
	}
	return true
}

// pageRows is how far PageUp and PageDown move the selection.
const pageRows = 10

// moveSelection selects the row by rows below the selected one (above for
// a negative by; the first row when none is selected) and keeps the detail
// panel, when open, on it.
func (v *View) moveSelection(by int) {
	v.lazy.Fresh()
	if len(v.visible) == 0 {
		return
	}
	i := v.indexOf(v.selected)
	if i < 0 {
		i = 0
	} else {
		i = min(max(i+by, 0), len(v.visible)-1)
	}
	r := &v.rows.All[v.visible[i]]
	open := v.detailOpen()
	v.selected = model.PairKey{Office: r.Office.ID, Other: r.Duty.ID}
	v.selectCell(i)
	if open {
		v.openDetail()
	}
	v.userSelected(r)
}

// detailOpen reports whether the detail panel is beside the table.
func (v *View) detailOpen() bool {
	return len(v.body.Objects) == 1 && v.body.Objects[0] != v.table
}
