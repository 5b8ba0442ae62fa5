// Package palette is the one table of colours and glyphs for severities,
// holding marks and the gap ramp, read alike by the screen (app/theme), the
// workbook (storage/sheet) and the printed report (app/report). Their names
// are the model's (Severity.Name, Mark.Name), worded by model/words.
//
// Hue carries meaning on screen; lightness alone must carry it in greyscale
// print and on a washed-out projector, so each step is clearly darker than
// the one below it (Rec. 601 luma ≈ 23 %, 43 %, 70 %, 85 %, 95 %). Paper
// gets muted fills of the same order, lighter so that black text and toner
// stay legible; a glyph is always printed beside the colour.
package palette

import (
	"fmt"
	"image/color"
	"math"

	"rpbmatrix/model"
)

// Swatch is how one severity or mark looks in every medium.
type Swatch struct {
	Fill  color.NRGBA // screen and workbook fill
	Print color.NRGBA // printed fill (PDF)
	Glyph string      // reads without colour
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 0xFF} }

var (
	critical = rgb(0x7F, 0x1D, 0x1D) // deep red
	serious  = rgb(0xD9, 0x48, 0x0F) // red-orange
	warning  = rgb(0xF2, 0xB7, 0x05) // amber
	info     = rgb(0xC6, 0xDD, 0xF0) // pale blue
	none     = rgb(0xEE, 0xF6, 0xEA) // near-white green
	amber    = rgb(0xFB, 0xE7, 0xA1) // first step of the gap ramp

	// NoneDark is the no-finding fill of the dark theme.
	NoneDark = rgb(0x2B, 0x36, 0x2B)
	// NoData fills a cell with nothing to measure: neutral grey, no hue.
	NoData     = rgb(0xD9, 0xD9, 0xD9)
	NoDataDark = rgb(0x4A, 0x4A, 0x4A)
	// Header and Group fill table headers and group rows in print and workbook.
	Header = rgb(0xD9, 0xE2, 0xEC)
	Group  = rgb(0xBC, 0xCC, 0xDC)
	// Grid is the colour of table rules.
	Grid = rgb(0xA6, 0xA6, 0xA6)
	// DarkText and LightText are the text colours TextOn chooses from.
	DarkText  = rgb(0x1A, 0x1A, 0x1A)
	LightText = rgb(0xFF, 0xFF, 0xFF)
)

// severities is indexed by model.Severity; 0 is "no finding".
var severities = [...]Swatch{
	0:                 {none, rgb(0xFF, 0xFF, 0xFF), ""},
	model.SevInfo:     {info, rgb(232, 238, 244), "·"},
	model.SevWarning:  {warning, rgb(238, 214, 152), "△"},
	model.SevSerious:  {serious, rgb(228, 178, 140), "▲"},
	model.SevCritical: {critical, rgb(200, 135, 125), "▲▲"},
}

// Severity is the swatch of a severity (0: no finding).
func Severity(s model.Severity) Swatch {
	if int(s) < 0 || int(s) >= len(severities) {
		return severities[0]
	}
	return severities[s]
}

// marks is indexed by model.Mark. A blank (not needed) cell shows a faint
// dot on screen and nothing on paper.
var marks = [...]Swatch{
	model.MarkNotNeeded: {none, rgb(0xFF, 0xFF, 0xFF), ""},
	model.MarkHeld:      {rgb(0x2E, 0x8B, 0x57), rgb(0xB5, 0xD8, 0xC2), "●"},
	model.MarkPartial:   {rgb(0x9C, 0xCC, 0x9C), rgb(0xD6, 0xEA, 0xD6), "◐"},
	model.MarkPaper:     {warning, rgb(238, 214, 152), "○"},
	model.MarkMissing:   {critical, rgb(200, 135, 125), "×"},
}

// Mark is the swatch of a holding mark.
func Mark(m model.Mark) Swatch {
	if int(m) < 0 || int(m) >= len(marks) {
		return marks[model.MarkNotNeeded]
	}
	return marks[m]
}

// GapSaturation is the gap ratio (ΣG/ΣW) at which the gap ramp reaches the
// critical colour: half the weight left uncovered is as bad as it gets.
const GapSaturation = 0.5

// GapSeverity is the step of the gap ramp a gap ratio falls on, for colours,
// glyphs and legends: each step is a quarter of GapSaturation.
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

// GapRatio is what a heat-map cell shows, on screen and on paper alike: the
// share of the responsibility weight left uncovered, ΣG/ΣW; −1 when there
// is no weight to measure.
func GapRatio(s *model.Summary) float64 {
	if s == nil || s.Weight <= 0 {
		return -1
	}
	return s.Gap / s.Weight
}

// Gap maps a gap ratio in [0,1] onto a continuous ramp from the no-finding
// fill through amber to critical, so heat-map cells and matrix cells agree;
// a negative ratio (no data) gives NoData. No blue step: blue mixed with
// amber turns muddy, and a ramp of one hue family keeps its order in grey.
func Gap(ratio float64) color.NRGBA {
	if ratio < 0 || math.IsNaN(ratio) {
		return NoData
	}
	stops := []color.NRGBA{none, amber, warning, serious, critical}
	x := math.Min(ratio/GapSaturation, 1) * float64(len(stops)-1)
	i := int(x)
	if i >= len(stops)-1 {
		return stops[len(stops)-1]
	}
	return mix(stops[i], stops[i+1], x-float64(i))
}

// GapPrint is the printed fill for a gap ratio: the muted fill of its step.
func GapPrint(ratio float64) color.NRGBA {
	if ratio < 0 || math.IsNaN(ratio) {
		return NoData
	}
	return Severity(GapSeverity(ratio)).Print
}

// TextOn returns DarkText or LightText, whichever reads better on c.
func TextOn(c color.Color) color.NRGBA {
	if Luma(c) > 0.55 {
		return DarkText
	}
	return LightText
}

// Luma is the Rec. 601 lightness of c in [0,1]: what greyscale print keeps.
func Luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xFFFF
}

// Hex writes c as RRGGBB, as spreadsheets want it.
func Hex(c color.NRGBA) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xFF}
}
