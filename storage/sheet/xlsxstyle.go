package sheet

import (
	"image/color"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
)

// cellKind is the shape of a cell's content, which decides alignment and number format.
type cellKind int

const (
	kindText     cellKind = iota // wrapped, left, top
	kindCentered                 // short text, centred
	kindNumber                   // right, as written (cell rounds to two decimals)
	kindIndex                    // right, two decimals, as the balance index is shown on screen and in print
	kindPercent                  // right, 0%
	kindHeader                   // bold, wrapped, centred, header fill
	kindGroup                    // bold, centred, group fill
	kindTitle                    // large bold, no border
	kindNote                     // small grey, no border
)

type styleKey struct {
	kind cellKind
	fill color.NRGBA // the zero colour (transparent): no fill
	bold bool
}

// styles creates each combination of kind and fill once.
type styles struct {
	f     *excelize.File
	cache map[styleKey]int
	err   error
}

func newStyles(f *excelize.File) *styles { return &styles{f: f, cache: map[styleKey]int{}} }

func (s *styles) get(kind cellKind, fill color.NRGBA, bold bool) int {
	k := styleKey{kind, fill, bold}
	if id, ok := s.cache[k]; ok {
		return id
	}
	grid := palette.Hex(palette.Grid)
	st := &excelize.Style{Font: &excelize.Font{Size: 10, Bold: bold, Color: palette.Hex(palette.DarkText)}}
	border := []excelize.Border{{Type: "left", Color: grid, Style: 1}, {Type: "right", Color: grid, Style: 1},
		{Type: "top", Color: grid, Style: 1}, {Type: "bottom", Color: grid, Style: 1}}
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
	case kindIndex:
		st.Border = border
		st.Alignment = &excelize.Alignment{Horizontal: "right", Vertical: "top"}
		st.NumFmt = 2 // 0.00
	case kindPercent:
		st.Border = border
		st.Alignment = &excelize.Alignment{Horizontal: "right", Vertical: "top"}
		st.NumFmt = 9
	case kindHeader:
		st.Border = border
		st.Font.Bold = true
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
		if fill == noFill {
			fill = palette.Header
		}
	case kindGroup:
		st.Border = border
		st.Font.Bold, st.Font.Size = true, 11
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center"}
		if fill == noFill {
			fill = palette.Group
		}
	case kindTitle:
		st.Font.Bold, st.Font.Size = true, 14
	case kindNote:
		st.Font.Size = 9
	}
	if fill != noFill {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette.Hex(fill)}}
		st.Font.Color = palette.Hex(palette.TextOn(fill))
	}
	id, err := s.f.NewStyle(st)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.cache[k] = id
	return id
}

// noFill leaves a cell unfilled.
var noFill color.NRGBA

// severityFill is the fill of a severity; none for no finding, as on paper.
func severityFill(s model.Severity) color.NRGBA {
	if s == 0 {
		return noFill
	}
	return palette.Severity(s).Fill
}

// markFill is the fill of a holding mark; none for a cell not needed.
func markFill(m model.Mark) color.NRGBA {
	if m == model.MarkNotNeeded {
		return noFill
	}
	return palette.Mark(m).Fill
}
