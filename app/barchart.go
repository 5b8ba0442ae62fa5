package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one bar of a BarChart.
type Bar struct {
	Label  string      // what the bar counts, left of it
	Value  string      // the figure, right of it
	Amount float64     // bar length relative to the chart's largest Amount
	Fill   color.Color // bar colour
	OnTap  func()      // optional: tapping the row
}

// BarChart draws labelled horizontal bars: the figures are always written
// beside the bars, so the chart reads on paper and in greyscale too.
type BarChart struct {
	widget.BaseWidget
	Title string
	Bars  []Bar
	// Empty is shown instead of bars when there are none.
	Empty string
}

// NewBarChart returns a chart with a bold title.
func NewBarChart(title string, bars []Bar) *BarChart {
	c := &BarChart{Title: title, Bars: bars}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars replaces the bars and redraws.
func (c *BarChart) SetBars(bars []Bar) {
	c.Bars = bars
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c, box: container.NewVBox()}
	r.Refresh()
	return r
}

type barChartRenderer struct {
	chart *BarChart
	box   *fyne.Container
}

func (r *barChartRenderer) Layout(s fyne.Size)           { r.box.Resize(s) }
func (r *barChartRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *barChartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *barChartRenderer) Destroy()                     {}

func (r *barChartRenderer) Refresh() {
	c := r.chart
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{title}
	max := 0.0
	for _, b := range c.Bars {
		if b.Amount > max {
			max = b.Amount
		}
	}
	if len(c.Bars) == 0 && c.Empty != "" {
		objs = append(objs, widget.NewLabel(c.Empty))
	}
	rows := container.New(layout.NewFormLayout())
	for _, b := range c.Bars {
		frac := float32(0)
		if max > 0 {
			frac = float32(b.Amount / max)
		}
		label := widget.NewLabel(b.Label)
		value := widget.NewLabel(b.Value)
		rect := canvas.NewRectangle(b.Fill)
		rect.CornerRadius = theme.InputRadiusSize() / 2
		rect.StrokeColor = theme.Color(theme.ColorNameForeground)
		rect.StrokeWidth = 0.5
		if b.Amount <= 0 {
			rect.StrokeWidth = 0
		}
		bar := container.New(&proportionLayout{frac: frac}, rect)
		var row fyne.CanvasObject = container.NewBorder(nil, nil, nil, value, bar)
		if b.OnTap != nil {
			row = newTapArea(row, b.OnTap)
		}
		rows.Add(label)
		rows.Add(row)
	}
	objs = append(objs, rows)
	r.box.Objects = objs
	r.box.Refresh()
}

// proportionLayout gives its one child frac of the width, vertically centred
// at two thirds of the height, so bars in adjacent rows stay apart.
type proportionLayout struct{ frac float32 }

func (l *proportionLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	h := s.Height * 2 / 3
	w := s.Width * l.frac
	if l.frac > 0 && w < 2 {
		w = 2 // a non-zero count must show
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, (s.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (l *proportionLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(theme.TextSize()*6, theme.TextSize())
}
