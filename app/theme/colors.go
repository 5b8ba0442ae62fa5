package theme

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/model"
)

// The severity palette. Hue carries meaning on screen; lightness alone must
// carry it in greyscale print and on a washed-out projector, so each step is
// clearly darker than the one below it (Rec. 601 luma ≈ 23 %, 43 %, 70 %, 85 %, 95 %).
var (
	sevCritical = rgb(0x7F, 0x1D, 0x1D) // deep red
	sevSerious  = rgb(0xD9, 0x48, 0x0F) // red-orange
	sevWarning  = rgb(0xF2, 0xB7, 0x05) // amber
	sevInfo     = rgb(0xC6, 0xDD, 0xF0) // pale blue
	sevNoneLt   = rgb(0xEE, 0xF6, 0xEA) // near-white green
	sevNoneDk   = rgb(0x2B, 0x36, 0x2B) // dark green-grey for the dark theme
	paleAmber   = rgb(0xFB, 0xE7, 0xA1) // first step of the gap ramp
	noDataLt    = rgb(0xD9, 0xD9, 0xD9) // no data: neutral grey, no hue
	noDataDk    = rgb(0x4A, 0x4A, 0x4A)
)

// SeverityColor is the fill of a cell whose worst finding has severity sev
// (0: no finding) in variant v.
func SeverityColor(sev model.Severity, v fyne.ThemeVariant) color.Color {
	switch sev {
	case model.SevCritical:
		return sevCritical
	case model.SevSerious:
		return sevSerious
	case model.SevWarning:
		return sevWarning
	case model.SevInfo:
		return sevInfo
	}
	if v == fynetheme.VariantDark {
		return sevNoneDk
	}
	return sevNoneLt
}

// SeverityTextColor is the text colour that reads on SeverityColor(sev, v).
func SeverityTextColor(sev model.Severity, v fyne.ThemeVariant) color.Color {
	return TextOn(SeverityColor(sev, v))
}

// SeveritySymbol marks a severity so it reads without colour.
func SeveritySymbol(sev model.Severity) string {
	switch sev {
	case model.SevCritical:
		return "▲▲"
	case model.SevSerious:
		return "▲"
	case model.SevWarning:
		return "△"
	case model.SevInfo:
		return "·"
	}
	return ""
}

// TextOn returns near-black or white, whichever contrasts more with c.
func TextOn(c color.Color) color.Color {
	if luma(c) > 0.55 {
		return rgb(0x1A, 0x1A, 0x1A)
	}
	return rgb(0xFF, 0xFF, 0xFF)
}

// GapSaturation is the gap ratio at which GapColor reaches the critical
// colour: half the weight left uncovered is as bad as it gets.
const GapSaturation = 0.5

// GapColor maps a gap ratio in [0, 1] (ΣG/ΣW: 0 balanced, 1 nothing covered)
// onto the severity ramp, so heat-map cells and matrix cells agree.
// Negative ratios (no data) give NoDataColor.
func GapColor(ratio float64, v fyne.ThemeVariant) color.Color {
	if ratio < 0 || math.IsNaN(ratio) {
		return NoDataColor(v)
	}
	// No blue step: blue mixed with amber turns muddy, and a ramp of one hue
	// family keeps its order in greyscale.
	stops := []color.NRGBA{sevNoneLt, paleAmber, sevWarning, sevSerious, sevCritical}
	x := math.Min(ratio/GapSaturation, 1) * float64(len(stops)-1)
	i := int(x)
	if i >= len(stops)-1 {
		return stops[len(stops)-1]
	}
	return mix(stops[i], stops[i+1], x-float64(i))
}

// NoDataColor fills a cell that has nothing to measure.
func NoDataColor(v fyne.ThemeVariant) color.Color {
	if v == fynetheme.VariantDark {
		return noDataDk
	}
	return noDataLt
}

// GapSeverity is the severity step GapColor shows for ratio, for legends
// and symbols: each step is a quarter of GapSaturation.
func GapSeverity(ratio float64) model.Severity {
	switch {
	case ratio >= GapSaturation*0.875:
		return model.SevCritical
	case ratio >= GapSaturation*0.625:
		return model.SevSerious
	case ratio >= GapSaturation*0.375:
		return model.SevWarning
	case ratio >= GapSaturation*0.125:
		return model.SevInfo
	}
	return 0
}

// CountColor maps a count of findings against the largest count shown onto
// the same ramp (0 → no finding colour).
func CountColor(n, max int, v fyne.ThemeVariant) color.Color {
	if n <= 0 || max <= 0 {
		return SeverityColor(0, v)
	}
	return GapColor(GapSaturation*(0.2+0.8*float64(n)/float64(max)), v)
}

// Mark is the model's holding mark, so the screen draws what the workbook
// and the printout draw.
type Mark = model.Mark

const (
	MarkNotNeeded = model.MarkNotNeeded
	MarkHeld      = model.MarkHeld
	MarkPartial   = model.MarkPartial
	MarkPaper     = model.MarkPaper
	MarkMissing   = model.MarkMissing
)

// Marks lists the marks in legend order.
var Marks = model.Marks

// MarkSymbol is the glyph for m; on screen a blank cell shows a faint dot.
func MarkSymbol(m Mark) string {
	if m == MarkNotNeeded {
		return "·"
	}
	return m.Symbol()
}

// MarkName names m in both languages.
func MarkName(m Mark) model.Msg { return m.Name() }

// MarkColor is the cell fill for m: green for held, the severity ramp for
// the rest, so a missing power looks as bad as a critical finding.
func MarkColor(m Mark, v fyne.ThemeVariant) color.Color {
	switch m {
	case MarkHeld:
		return rgb(0x2E, 0x8B, 0x57)
	case MarkPartial:
		return rgb(0x9C, 0xCC, 0x9C)
	case MarkPaper:
		return sevWarning
	case MarkMissing:
		return sevCritical
	}
	return SeverityColor(0, v)
}

func luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xFFFF
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xFF}
}
