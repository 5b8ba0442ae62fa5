package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	apptheme "rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// worstCount is how many items the overview lists as the worst.
const worstCount = 10

// overview shows the state of the selected office, or of the whole project:
// the balance index, findings by severity, rule, category and list kind, and
// the worst items.
type overview struct {
	s    *session.Session
	root *fyne.Container
	lazy session.Lazy // redraws only while on screen
}

// newOverview builds the overview on s; onScreen says whether its tab is
// shown (nil: always).
func newOverview(s *session.Session, onScreen func() bool) *overview {
	v := &overview{s: s, root: container.NewStack()}
	v.lazy = session.Lazy{Refresh: v.refresh, OnScreen: onScreen}
	s.OnChange(v.lazy.Changed)
	s.OnOfficeSelect(func(model.ID) { v.lazy.Changed() })
	v.lazy.Changed()
	return v
}

func (v *overview) CanvasObject() fyne.CanvasObject { return v.root }

// Shown is told that the overview has come on screen.
func (v *overview) Shown() { v.lazy.Show() }

// scope returns the summaries the overview shows for the selected office.
func (v *overview) scope() (total *model.Summary, byCat map[string]*model.Summary, byKind map[model.ListKind]*model.Summary) {
	r := v.s.Result()
	if id := v.s.Office(); id != model.NilID {
		if os := r.Offices[id]; os != nil {
			return &os.Summary, os.ByCategory, os.ByKind
		}
		return &model.Summary{}, nil, nil
	}
	return &r.Total, r.ByCategory, r.ByKind
}

func (v *overview) refresh() {
	total, byCat, byKind := v.scope()
	variant := apptheme.CurrentVariant()

	// The worst items come before the breakdowns: in a meeting they are
	// what the room goes through next.
	findings := container.NewGridWithColumns(2, card(v.severityChart(total, variant)), card(v.ruleChart(total, variant)))
	breakdown := container.NewGridWithColumns(2, card(v.categoryChart(byCat, variant)), card(v.kindChart(byKind, variant)))
	body := container.NewVBox(v.header(total, variant), findings, card(v.worstList(variant)), breakdown)
	v.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	v.root.Refresh()
}

// header is the office name, the balance index in large type and the totals.
func (v *overview) header(total *model.Summary, variant fyne.ThemeVariant) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(v.s.OfficeName(v.s.Office()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText

	ratio := palette.GapRatio(total)
	fill := apptheme.GapColor(ratio, variant)
	index := canvas.NewText(words.Index(total.Balance).String(), apptheme.TextOn(fill))
	index.TextStyle = fyne.TextStyle{Bold: true}
	index.TextSize = theme.TextSize() * 3.2
	if total.Items == 0 {
		index.Text = "—"
	}
	swatch := canvas.NewRectangle(fill)
	swatch.CornerRadius = theme.InputRadiusSize() * 2
	big := container.NewStack(swatch, container.NewPadded(container.NewCenter(index)))

	severe := total.BySeverity[model.SevCritical] + total.BySeverity[model.SevSerious]
	figures := container.New(layout.NewGridLayoutWithColumns(5),
		figure(tr("overview.items"), fmt.Sprint(total.Items)),
		figure(tr("overview.weight"), fmt.Sprintf("%.1f", total.Weight)),
		figure(tr("overview.gap"), fmt.Sprintf("%.1f", total.Gap)),
		figure(tr("overview.findings"), fmt.Sprint(findingCount(total))),
		figure(tr("overview.severe"), fmt.Sprint(severe)),
	)
	caption := widget.NewLabel(trf("overview.balance.explain", "index", words.M("term.balance_index")))
	caption.Wrapping = fyne.TextWrapWord
	indexTitle := widget.NewLabelWithStyle(tr("term.balance_index"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	left := container.NewVBox(indexTitle, big)
	right := container.NewVBox(name, figures, caption)
	return card(container.NewBorder(nil, nil, left, nil, right))
}

// figure is one big number with its caption above.
func figure(caption, value string) fyne.CanvasObject {
	c := widget.NewLabel(caption)
	c.Truncation = fyne.TextTruncateEllipsis
	n := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	n.SizeName = theme.SizeNameSubHeadingText
	n.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(c, n)
}

func (v *overview) severityChart(total *model.Summary, variant fyne.ThemeVariant) fyne.CanvasObject {
	var bars []Bar
	for _, sev := range model.Severities {
		n := total.BySeverity[sev]
		bars = append(bars, Bar{
			Label:  apptheme.SeveritySymbol(sev) + " " + msg(sev.Name()),
			Value:  fmt.Sprint(n),
			Amount: float64(n),
			Fill:   apptheme.SeverityColor(sev, variant),
		})
	}
	return NewBarChart(tr("overview.by_severity"), bars)
}

func (v *overview) ruleChart(total *model.Summary, variant fyne.ThemeVariant) fyne.CanvasObject {
	max := 0
	for _, n := range total.ByRule {
		if n > max {
			max = n
		}
	}
	var bars []Bar
	for _, c := range model.RuleCodes {
		n := total.ByRule[c]
		code := c
		bars = append(bars, Bar{
			Label:  ruleName(c),
			Value:  fmt.Sprint(n),
			Amount: float64(n),
			Fill:   apptheme.CountColor(n, max, variant),
			OnTap:  func() { v.s.ShowMatrixRequest(session.MatrixRequest{Office: v.s.Office(), Rule: code}) },
		})
	}
	return NewBarChart(tr("overview.by_rule"), bars)
}

func (v *overview) categoryChart(byCat map[string]*model.Summary, variant fyne.ThemeVariant) fyne.CanvasObject {
	var bars []Bar
	for _, cat := range v.s.Project().Categories() {
		sum := byCat[cat]
		if sum == nil {
			continue
		}
		n := findingCount(sum)
		category := cat
		bars = append(bars, Bar{
			Label:  cat,
			Value:  trf("overview.count_balance", "N", n, "Index", words.Index(sum.Balance)),
			Amount: float64(n),
			Fill:   apptheme.GapColor(palette.GapRatio(sum), variant),
			OnTap:  func() { v.s.ShowMatrix(v.s.Office(), category, model.NilID) },
		})
	}
	c := NewBarChart(trf("overview.by_category", "index", words.M("term.balance_index")), bars)
	c.Empty = tr("overview.none")
	return c
}

func (v *overview) kindChart(byKind map[model.ListKind]*model.Summary, variant fyne.ThemeVariant) fyne.CanvasObject {
	var bars []Bar
	for _, k := range model.ListKinds {
		sum := byKind[k]
		if sum == nil {
			continue
		}
		n := findingCount(sum)
		bars = append(bars, Bar{
			Label:  msg(k.Name()),
			Value:  trf("overview.count_balance", "N", n, "Index", words.Index(sum.Balance)),
			Amount: float64(n),
			Fill:   apptheme.GapColor(palette.GapRatio(sum), variant),
		})
	}
	c := NewBarChart(trf("overview.by_kind", "index", words.M("term.balance_index")), bars)
	c.Empty = tr("overview.none")
	return c
}

// worstList is the items with the largest gaps; tapping one opens it in the matrix.
func (v *overview) worstList(variant fyne.ThemeVariant) fyne.CanvasObject {
	p, r := v.s.Project(), v.s.Result()
	title := widget.NewLabelWithStyle(tr("overview.worst"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox(title)
	worst := r.Worst(v.s.Office(), worstCount)
	if len(worst) == 0 {
		rows.Add(widget.NewLabel(tr("overview.worst.none")))
	}
	for i, sc := range worst {
		d, o := p.Duties[sc.Duty], p.Offices[sc.Office]
		if d == nil || o == nil {
			continue
		}
		fill := apptheme.SeverityColor(sc.Worst, variant)
		badge := canvas.NewRectangle(fill)
		badge.CornerRadius = theme.InputRadiusSize()
		symbol := canvas.NewText(apptheme.SeveritySymbol(sc.Worst), apptheme.TextOn(fill))
		symbol.Alignment = fyne.TextAlignCenter
		symbol.TextStyle.Bold = true
		mark := container.NewStack(badge, container.NewCenter(symbol))
		rank := widget.NewLabelWithStyle(fmt.Sprintf("%d", i+1), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		title := widget.NewLabel(d.Title())
		title.Truncation = fyne.TextTruncateEllipsis
		where := d.Category
		if v.s.Office() == model.NilID {
			where = o.Name + " · " + d.Category
		}
		detail := widget.NewLabel(trf("overview.worst.detail", "Where", where, "Gap", fmt.Sprintf("%.1f", sc.Gap),
			"Weight", fmt.Sprintf("%.0f", sc.Weight), "Findings", len(r.FindingsFor(sc.Office, sc.Duty))))
		left := container.NewHBox(rank, container.New(&fixedWidth{w: theme.TextSize() * 3}, mark))
		row := container.NewBorder(nil, nil, left, detail, title)
		office, duty := sc.Office, sc.Duty
		rows.Add(newTapArea(row, func() { v.s.ShowMatrix(office, d.Category, duty) }))
	}
	return rows
}
