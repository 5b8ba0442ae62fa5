package matrix

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"rpbmatrix/app/theme"
)

// A cell asked to show the content it already shows redraws when the theme
// changed in between (presentation size, dark mode): the table re-uses
// parked cells whose content did not change.
func TestCellRedrawsSameContentAfterThemeChange(t *testing.T) {
	a := newTestApp(t)
	c := newCell()
	content := cellContent{text: "新区街道"}
	c.set(content)
	r := test.WidgetRenderer(c).(*cellRenderer)
	before := r.text.TextSize

	a.Settings().SetTheme(theme.New(theme.VariantLight, 1.5))
	c.set(content)
	if want := before * 1.5; r.text.TextSize != want {
		t.Errorf("after the scale changed to 1.5: text size %v, want %v", r.text.TextSize, want)
	}
	a.Settings().SetTheme(theme.New(theme.VariantDark, 1.5))
	c.set(content)
	dark := r.text.Color
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1.5))
	c.set(content)
	if r.text.Color == dark {
		t.Errorf("after dark → light the text colour stayed %v", dark)
	}
}
