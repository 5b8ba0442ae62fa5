package theme

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
)

// The palette must read in greyscale: each worse severity is darker.
func TestSeverityLumaFallsWithSeverity(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{fynetheme.VariantLight} {
		prev := 2.0
		for _, sev := range []model.Severity{0, model.SevInfo, model.SevWarning, model.SevSerious, model.SevCritical} {
			l := palette.Luma(SeverityColor(sev, v))
			if prev-l < 0.1 {
				t.Errorf("severity %v: luma %.2f not clearly darker than the step below (%.2f)", sev, l, prev)
			}
			prev = l
		}
	}
}

func TestTextOnContrasts(t *testing.T) {
	for _, sev := range []model.Severity{0, model.SevInfo, model.SevWarning, model.SevSerious, model.SevCritical} {
		for _, v := range []fyne.ThemeVariant{fynetheme.VariantLight, fynetheme.VariantDark} {
			bg, fg := palette.Luma(SeverityColor(sev, v)), palette.Luma(SeverityTextColor(sev, v))
			if d := bg - fg; d < 0.4 && d > -0.4 {
				t.Errorf("severity %v variant %v: text luma %.2f on %.2f", sev, v, fg, bg)
			}
		}
	}
}

func TestGapColorEnds(t *testing.T) {
	cases := []struct {
		ratio float64
		want  model.Severity
	}{{0, 0}, {palette.GapSaturation, model.SevCritical}, {1, model.SevCritical}}
	for _, c := range cases {
		if got, want := GapColor(c.ratio, fynetheme.VariantLight), SeverityColor(c.want, fynetheme.VariantLight); got != want {
			t.Errorf("GapColor(%v) = %v, want %v", c.ratio, got, want)
		}
	}
	if a, b := palette.Luma(GapColor(0.2, fynetheme.VariantLight)), palette.Luma(GapColor(0.4, fynetheme.VariantLight)); a <= b {
		t.Errorf("a larger gap must be darker: 0.2→%.2f 0.4→%.2f", a, b)
	}
}

func TestNextScale(t *testing.T) {
	cases := []struct {
		from float32
		dir  int
		want float32
	}{
		{1, 1, 1.15}, {1, -1, 0.9}, {0.9, -1, 0.9}, {2.5, 1, 2.5}, {1.3, 0, 1}, {1.2, 1, 1.3}, {1.2, -1, 1.15},
	}
	for _, c := range cases {
		if got := NextScale(c.from, c.dir); got != c.want {
			t.Errorf("NextScale(%v, %d) = %v, want %v", c.from, c.dir, got, c.want)
		}
	}
}

func TestFontsAndSizes(t *testing.T) {
	test.NewTempApp(t)
	th := New(VariantLight, 1.5)
	if th.Font(fyne.TextStyle{}) != RegularFont() || th.Font(fyne.TextStyle{Bold: true}) != BoldFont() ||
		th.Font(fyne.TextStyle{Italic: true}) != RegularFont() {
		t.Error("regular, bold and italic text must use the embedded Noto Sans SC")
	}
	if got := th.Size(fynetheme.SizeNameText); got != 15*1.5 {
		t.Errorf("text size at 1.5× = %v", got)
	}
	fyne.CurrentApp().Settings().SetTheme(New(VariantDark, 1))
	if CurrentVariant() != fynetheme.VariantDark {
		t.Error("CurrentVariant must follow a forced dark theme")
	}
	if th.Color(fynetheme.ColorNameBackground, fynetheme.VariantDark) != fynetheme.DefaultTheme().Color(fynetheme.ColorNameBackground, fynetheme.VariantLight) {
		t.Error("a forced light theme must ignore the system's dark variant")
	}
}

func TestMarksDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range model.Marks {
		s := MarkSymbol(m)
		if seen[s] {
			t.Errorf("symbol %q used twice", s)
		}
		seen[s] = true
	}
}
