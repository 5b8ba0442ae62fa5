package theme

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
)

// The colours and glyphs below are model/palette's, which the workbook and
// the printed report read too; this file only adapts them to Fyne: the dark
// variant's fills for "nothing found" and "no data", and color.Color.

// SeverityColor is the fill of a cell whose worst finding has severity sev
// (0: no finding) in variant v.
func SeverityColor(sev model.Severity, v fyne.ThemeVariant) color.Color {
	if sev == 0 && v == fynetheme.VariantDark {
		return palette.NoneDark
	}
	return palette.Severity(sev).Fill
}

// SeverityTextColor is the text colour that reads on SeverityColor(sev, v).
func SeverityTextColor(sev model.Severity, v fyne.ThemeVariant) color.Color {
	return TextOn(SeverityColor(sev, v))
}

// SeveritySymbol marks a severity so it reads without colour.
func SeveritySymbol(sev model.Severity) string { return palette.Severity(sev).Glyph }

// TextOn returns near-black or white, whichever contrasts more with c.
func TextOn(c color.Color) color.Color { return palette.TextOn(c) }

// GapColor is the heat-map fill of a gap ratio (palette.GapRatio: ΣG/ΣW,
// 0 balanced, 1 nothing covered) on the palette's gap ramp, so heat-map
// cells and matrix cells agree. Negative ratios (no data) give NoDataColor.
func GapColor(ratio float64, v fyne.ThemeVariant) color.Color {
	if ratio < 0 || math.IsNaN(ratio) {
		return NoDataColor(v)
	}
	return palette.Gap(ratio)
}

// NoDataColor fills a cell that has nothing to measure.
func NoDataColor(v fyne.ThemeVariant) color.Color {
	if v == fynetheme.VariantDark {
		return palette.NoDataDark
	}
	return palette.NoData
}

// CountColor maps a count of findings against the largest count shown onto
// the gap ramp (0 → the no-finding colour).
func CountColor(n, max int, v fyne.ThemeVariant) color.Color {
	if n <= 0 || max <= 0 {
		return SeverityColor(0, v)
	}
	return GapColor(palette.GapSaturation*(0.2+0.8*float64(n)/float64(max)), v)
}

// MarkSymbol is the glyph of a holding mark (blank when not needed).
func MarkSymbol(m model.Mark) string { return palette.Mark(m).Glyph }

// MarkColor is the cell fill for m: green for held, the severity ramp for
// the rest, so a missing power looks as bad as a critical finding.
func MarkColor(m model.Mark, v fyne.ThemeVariant) color.Color {
	if m == model.MarkNotNeeded {
		return SeverityColor(0, v)
	}
	return palette.Mark(m).Fill
}
