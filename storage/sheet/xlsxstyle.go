package sheet

import (
	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
)

// The palette of the screen (app/theme): lightness alone carries the
// meaning in greyscale print, hue on screen.
var (
	severityFill = map[model.Severity]string{model.SevCritical: "7F1D1D", model.SevSerious: "D9480F",
		model.SevWarning: "F2B705", model.SevInfo: "C6DDF0"}
	markFill = map[model.Mark]string{model.MarkHeld: "2E8B57", model.MarkPartial: "9CCC9C", model.MarkPaper: "F2B705", model.MarkMissing: "7F1D1D"}
)

const (
	headerFill = "D9E2EC"
	groupFill  = "BCCCDC"
	noneFill   = "EEF6EA" // no finding: near-white green
	darkText   = "1A1A1A"
	lightText  = "FFFFFF"
	gridColour = "A6A6A6"
)

// textOn returns the text colour that reads on fill.
func textOn(fill string) string {
	switch fill {
	case "7F1D1D", "D9480F", "2E8B57":
		return lightText
	}
	return darkText
}

// cellKind is the shape of a cell's content, which decides alignment and number format.
type cellKind int

const (
	kindText     cellKind = iota // wrapped, left, top
	kindCentered                 // short text, centred
	kindNumber                   // right, up to two decimals
	kindPercent                  // right, 0%
	kindHeader                   // bold, wrapped, centred, header fill
	kindGroup                    // bold, centred, group fill
	kindTitle                    // large bold, no border
	kindNote                     // small grey, no border
)

type styleKey struct {
	kind cellKind
	fill string
	bold bool
}

// styles creates each combination of kind and fill once.
type styles struct {
	f     *excelize.File
	cache map[styleKey]int
	err   error
}

func newStyles(f *excelize.File) *styles { return &styles{f: f, cache: map[styleKey]int{}} }

func (s *styles) get(kind cellKind, fill string, bold bool) int {
	k := styleKey{kind, fill, bold}
	if id, ok := s.cache[k]; ok {
		return id
	}
	st := &excelize.Style{Font: &excelize.Font{Size: 10, Bold: bold, Color: darkText}}
	border := []excelize.Border{{Type: "left", Color: gridColour, Style: 1}, {Type: "right", Color: gridColour, Style: 1},
		{Type: "top", Color: gridColour, Style: 1}, {Type: "bottom", Color: gridColour, Style: 1}}
	switch kind {
	case kindText:
		st.Border = border
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	case kindCentered:
		st.Border = border
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case kindNumber:
		st.Border = border
		st.Alignment = &excelize.Alignment{Horizontal: "right", Vertical: "top"}
		f := "0.##"
		st.CustomNumFmt = &f
	case kindPercent:
		st.Border = border
		st.Alignment = &excelize.Alignment{Horizontal: "right", Vertical: "top"}
		st.NumFmt = 9
	case kindHeader:
		st.Border = border
		st.Font.Bold = true
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
		if fill == "" {
			fill = headerFill
		}
	case kindGroup:
		st.Border = border
		st.Font.Bold, st.Font.Size = true, 11
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center"}
		if fill == "" {
			fill = groupFill
		}
	case kindTitle:
		st.Font.Bold, st.Font.Size = true, 14
	case kindNote:
		st.Font.Size, st.Font.Color = 9, "595959"
	}
	if fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		st.Font.Color = textOn(fill)
	}
	id, err := s.f.NewStyle(st)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.cache[k] = id
	return id
}

// gapSeverity maps a gap ratio (ΣG/ΣW) onto the severity ramp the screen uses.
func gapSeverity(ratio float64) model.Severity {
	switch {
	case ratio >= 0.45:
		return model.SevCritical
	case ratio >= 0.3:
		return model.SevSerious
	case ratio >= 0.15:
		return model.SevWarning
	case ratio > 0.02:
		return model.SevInfo
	}
	return 0
}

// fillOf is the fill of a severity, "" for none.
func fillOf(s model.Severity) string { return severityFill[s] }
