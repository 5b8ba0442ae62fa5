package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// heatMode is what the heat map's columns are.
type heatMode int

const (
	heatByCategory heatMode = iota // cell = gap ratio of an office in a category
	heatByRule                     // cell = findings of a rule in an office
)

// heatmap shows offices × categories (or × rules); tapping a cell opens
// that office's matrix filtered to the column.
type heatmap struct {
	s      *session.Session
	mode   heatMode
	table  *widget.Table
	legend *fyne.Container
	root   fyne.CanvasObject
	// the grid being shown: rows[i] is an office (NilID for the total row)
	rows    []model.ID
	columns []string // category names, or rule codes
	maxRule int      // largest rule count, for the colour scale
	big     bool     // few rows: large cells and figures
	// contentHeight is the height of the header and every row, so the
	// legend can follow the last row instead of the foot of the window.
	contentHeight float32
	lazy          session.Lazy // redraws only while on screen
}

// bigRows is the most rows that still get large cells.
const bigRows = 16

// newHeatmap builds the heat map on s; onScreen says whether its tab is
// shown (nil: always).
func newHeatmap(s *session.Session, onScreen func() bool) *heatmap {
	h := &heatmap{s: s}
	h.lazy = session.Lazy{Refresh: h.refresh, OnScreen: onScreen}
	h.table = widget.NewTableWithHeaders(h.size, h.createCell, h.updateCell)
	h.table.CreateHeader = h.createCell
	h.table.UpdateHeader = h.updateHeader
	h.table.StickyColumnCount = 0
	h.table.OnSelected = h.selected
	byCategory := trf("heatmap.by_category", "ratio", words.M("term.gap_ratio"))
	mode := widget.NewRadioGroup([]string{byCategory, tr("heatmap.by_rule")}, nil)
	mode.Horizontal = true
	mode.Required = true
	mode.SetSelected(byCategory)
	mode.OnChanged = func(v string) {
		h.mode = heatByCategory
		if v == tr("heatmap.by_rule") {
			h.mode = heatByRule
		}
		h.refresh()
	}
	h.legend = container.NewVBox()
	top := container.NewHBox(widget.NewLabel(tr("heatmap.columns")), mode)
	h.root = container.NewBorder(top, nil, nil, nil, container.New(&gridThenLegend{h}, h.table, h.legend))
	s.OnChange(h.lazy.Changed)
	h.lazy.Changed()
	return h
}

func (h *heatmap) CanvasObject() fyne.CanvasObject { return h.root }

// Shown is told that the heat map has come on screen.
func (h *heatmap) Shown() { h.lazy.Show() }

func (h *heatmap) refresh() {
	p, r := h.s.Project(), h.s.Result()
	h.rows = h.rows[:0]
	for _, o := range p.OfficeList() {
		h.rows = append(h.rows, o.ID)
	}
	h.rows = append(h.rows, model.NilID)
	h.columns = h.columns[:0]
	if h.mode == heatByCategory {
		h.columns = append(h.columns, p.Categories()...)
	} else {
		h.maxRule = 0
		for _, c := range model.RuleCodes {
			h.columns = append(h.columns, string(c))
			for _, os := range r.Offices {
				h.maxRule = max(h.maxRule, os.ByRule[c])
			}
		}
	}
	h.columns = append(h.columns, "") // the office's total
	h.setColumnWidths()
	h.legend.Objects = h.legendItems()
	h.legend.Refresh()
	h.table.Refresh()
}

// setColumnWidths fits the columns to their headers and the header column
// to the longest office name, with room for a figure in every cell.
func (h *heatmap) setColumnWidths() {
	ts := theme.TextSize()
	pad := theme.Padding() * 4
	bold := fyne.TextStyle{Bold: true}
	// A district's few offices get big cells that read from the back of a
	// room; a prefecture's hundreds get compact ones.
	h.big = len(h.rows) <= bigRows
	cellW, cellH := ts*5, ts*2.6
	if h.big {
		cellW, cellH = ts*7.5, ts*4
	}
	for i := range h.columns {
		h.table.SetColumnWidth(i, max(cellW, fyne.MeasureText(h.columnTitle(i), ts, bold).Width+pad))
	}
	names := ts * 6
	for _, id := range h.rows {
		names = max(names, fyne.MeasureText(h.rowTitle(id), ts, bold).Width+pad)
	}
	h.table.SetColumnWidth(-1, names)
	h.table.SetRowHeight(-1, ts*2.4)
	for i := range h.rows {
		h.table.SetRowHeight(i, cellH)
	}
	h.contentHeight = ts*2.4 + float32(len(h.rows))*(cellH+theme.Padding()) + theme.Padding()
}

// gridThenLegend gives the heat map's table the height of its rows, or
// all there is when they need more (it scrolls then), and puts the legend
// right below: no empty grid between a district's few rows and the legend.
type gridThenLegend struct{ h *heatmap }

func (l *gridThenLegend) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	table, legend := objs[0], objs[1]
	legendH := legend.MinSize().Height
	tableH := min(l.h.contentHeight, size.Height-legendH-theme.Padding())
	table.Move(fyne.NewPos(0, 0))
	table.Resize(fyne.NewSize(size.Width, max(0, tableH)))
	legend.Move(fyne.NewPos(0, max(0, tableH)+theme.Padding()))
	legend.Resize(fyne.NewSize(size.Width, legendH))
}

func (l *gridThenLegend) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t, g := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(t.Width, g.Width), t.Height+g.Height+theme.Padding())
}

// columnTitle names column i: a category, a rule or the total.
func (h *heatmap) columnTitle(i int) string {
	switch c := h.columns[i]; {
	case c == "":
		return tr("heatmap.total")
	case h.mode == heatByRule:
		return ruleName(model.RuleCode(c))
	default:
		return c
	}
}

// rowTitle names a row: an office, or the total for NilID.
func (h *heatmap) rowTitle(office model.ID) string {
	if office == model.NilID {
		return tr("heatmap.total")
	}
	return h.s.OfficeName(office)
}

func (h *heatmap) size() (int, int) { return len(h.rows), len(h.columns) }

// heatCell is a coloured rectangle with a centred figure.
func (h *heatmap) createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	txt := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	txt.Alignment = fyne.TextAlignCenter
	return container.NewStack(bg, container.NewCenter(txt))
}

func cellParts(o fyne.CanvasObject) (*canvas.Rectangle, *canvas.Text) {
	c := o.(*fyne.Container)
	return c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
}

func (h *heatmap) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	bg, txt := cellParts(o)
	variant := apptheme.CurrentVariant()
	office, column := h.rows[id.Row], h.columns[id.Col]
	sum := h.summary(office, column)
	isTotal := office == model.NilID || column == ""
	txt.TextStyle.Bold = isTotal
	if h.mode == heatByCategory {
		// The printed heat map shows the same measure: palette.GapRatio.
		ratio := palette.GapRatio(sum)
		bg.FillColor = apptheme.GapColor(ratio, variant)
		txt.Text = "—"
		if ratio >= 0 && sum.Items > 0 {
			txt.Text = trf("heatmap.cell", "ratio", words.Pct(ratio))
		}
	} else {
		n := 0
		if sum != nil && column == "" {
			n = findingCount(sum)
		} else if sum != nil {
			n = sum.ByRule[model.RuleCode(column)]
		}
		txt.Text = fmt.Sprint(n)
		bg.FillColor = apptheme.CountColor(n, h.maxRule, variant)
		if isTotal {
			bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		}
	}
	txt.Color = apptheme.TextOn(bg.FillColor)
	txt.TextSize = theme.TextSize()
	if h.big {
		txt.TextSize = theme.TextSize() * 1.4
	}
	bg.Refresh()
	txt.Refresh()
}

// summary is the summary behind one cell: an office (NilID: all offices) in
// a category, or in total when the column is a rule or the total column.
func (h *heatmap) summary(office model.ID, column string) *model.Summary {
	r := h.s.Result()
	byCategory := h.mode == heatByCategory && column != ""
	if office == model.NilID {
		if byCategory {
			return r.ByCategory[column]
		}
		return &r.Total
	}
	os := r.Offices[office]
	switch {
	case os == nil:
		return nil
	case byCategory:
		return os.ByCategory[column]
	}
	return &os.Summary
}

func (h *heatmap) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	bg, txt := cellParts(o)
	bg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
	txt.Color = theme.Color(theme.ColorNameForeground)
	txt.TextStyle.Bold = true
	txt.TextSize = theme.TextSize()
	switch {
	case id.Row < 0 && id.Col >= 0:
		txt.Text = h.columnTitle(id.Col)
	case id.Col < 0 && id.Row >= 0:
		txt.Text = h.rowTitle(h.rows[id.Row])
	default:
		txt.Text = ""
	}
	bg.Refresh()
	txt.Refresh()
}

func (h *heatmap) selected(id widget.TableCellID) {
	h.table.UnselectAll()
	if id.Row < 0 || id.Col < 0 || id.Row >= len(h.rows) || id.Col >= len(h.columns) {
		return
	}
	req := session.MatrixRequest{Office: h.rows[id.Row]}
	if c := h.columns[id.Col]; c != "" {
		if h.mode == heatByRule {
			req.Rule = model.RuleCode(c)
		} else {
			req.Category = c
		}
	}
	h.s.ShowMatrixRequest(req)
}

// legend explains the colours and what the figures are.
func (h *heatmap) legendItems() []fyne.CanvasObject {
	variant := apptheme.CurrentVariant()
	items := container.NewHBox()
	if h.mode == heatByCategory {
		items.Add(widget.NewLabel(trf("heatmap.legend.gap", "ratio", words.M("term.gap_ratio"), "index", words.M("term.balance_index"))))
		for _, x := range []float64{0, 0.1, 0.2, 0.3, 0.4, palette.GapSaturation} {
			items.Add(swatch(apptheme.GapColor(x, variant), trf("heatmap.cell", "ratio", words.Pct(x))))
		}
	} else {
		items.Add(widget.NewLabel(tr("heatmap.legend.count")))
		for _, n := range []int{0, 1, max(h.maxRule/2, 2), max(h.maxRule, 3)} {
			items.Add(swatch(apptheme.CountColor(n, max(h.maxRule, 3), variant), fmt.Sprint(n)))
		}
	}
	hint := widget.NewLabel(tr("heatmap.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return []fyne.CanvasObject{items, hint}
}

// swatch is a coloured box with a figure in it, for legends.
func swatch(fill color.Color, label string) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = theme.InputRadiusSize()
	txt := canvas.NewText(label, apptheme.TextOn(fill))
	txt.TextStyle.Bold = true
	box := container.NewStack(bg, container.NewPadded(container.NewCenter(txt)))
	return container.New(&fixedWidth{w: theme.TextSize() * 4.5}, box)
}
