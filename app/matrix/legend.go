package matrix

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// newLegend explains every colour and symbol the matrix uses. It stays
// below the table so the meaning is on screen whatever is scrolled.
func newLegend() *fyne.Container {
	c := container.New(&flowLayout{})
	fillLegend(c, "zh")
	return c
}

// fillLegend (re)builds the legend's swatches in lng.
func fillLegend(c *fyne.Container, lng string) {
	v := theme.CurrentVariant()
	objs := []fyne.CanvasObject{boldLabel(words.T("matrix.legend.power"))}
	for _, m := range model.Marks {
		objs = append(objs, container.NewHBox(swatch(theme.MarkSymbol(m), theme.MarkColor(m, v)), widget.NewLabel(m.Name().In(lng))))
	}
	objs = append(objs, boldLabel(words.T("matrix.legend.severity")))
	for i := len(model.Severities) - 1; i >= 0; i-- {
		s := model.Severities[i]
		objs = append(objs, container.NewHBox(swatch(theme.SeveritySymbol(s), theme.SeverityColor(s, v)), widget.NewLabel(s.Name().In(lng))))
	}
	c.Objects = objs
	c.Refresh()
}

func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// swatch is a coloured square carrying the symbol, as in the cells.
func swatch(symbol string, fill color.Color) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.SetMinSize(fyne.NewSize(30, 26))
	t := canvas.NewText(symbol, theme.TextOn(fill))
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	return container.NewStack(bg, container.NewCenter(t))
}
