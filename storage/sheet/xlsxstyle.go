package sheet

import (
	"image/color"
	"strconv"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
)

// cellKind is the shape of a cell's content, which decides alignment and number format.
type cellKind int

const (
	kindText     cellKind = iota // wrapped, left, top
	kindCentered                 // short text, centred
	kindNumber                   // a quantity, right: General, so 3 shows "3" and 2.5 "2.5"
	kindInteger                  // a count, right, format "0"
	kindIndex                    // right, two decimals, as the balance index is shown on screen and in print
	kindPercent                  // right, 0%
	kindHeader                   // bold, wrapped, centred, header fill
	kindVertical                 // a header written top to bottom, one character under the other (Chinese vertical text)
	kindGroup                    // bold, centred, group fill
	kindTitle                    // large bold, no border
	kindNote                     // small grey, no border
)

// Built-in number formats (ECMA-376 §18.8.30).
const (
	numFmtGeneral = 0 // General
	numFmtInteger = 1 // 0
	numFmtIndex   = 2 // 0.00
	numFmtPercent = 9 // 0%
)

type styleKey struct {
	kind cellKind
	fill color.NRGBA // the zero colour (transparent): no fill
	bold bool
}

type fontSpec struct {
	size  int
	bold  bool
	color string
}

type xfSpec struct {
	numFmt, font, fill, border int
	align                      string // the <alignment> element, "" for none
}

// styles gives each combination of kind and fill a cell format, once,
// and writes them all as the workbook's styles part.
type styles struct {
	font  string
	fonts []fontSpec
	fills []color.NRGBA // after the two fills every workbook starts with
	xfs   []xfSpec
	cache map[styleKey]int
}

func newStyles(font string) *styles {
	s := &styles{font: font, cache: map[styleKey]int{}}
	s.fonts = []fontSpec{{size: 10, color: palette.Hex(palette.DarkText)}}
	s.xfs = []xfSpec{{}}
	return s
}

func (s *styles) fontID(f fontSpec) int {
	for i, x := range s.fonts {
		if x == f {
			return i
		}
	}
	s.fonts = append(s.fonts, f)
	return len(s.fonts) - 1
}

func (s *styles) fillID(c color.NRGBA) int {
	if c == noFill {
		return 0
	}
	for i, x := range s.fills {
		if x == c {
			return i + 2
		}
	}
	s.fills = append(s.fills, c)
	return len(s.fills) + 1
}

// get returns the cell format of kind on fill.
func (s *styles) get(kind cellKind, fill color.NRGBA, bold bool) int {
	k := styleKey{kind, fill, bold}
	if id, ok := s.cache[k]; ok {
		return id
	}
	font := fontSpec{size: 10, bold: bold, color: palette.Hex(palette.DarkText)}
	x := xfSpec{border: 1}
	switch kind {
	case kindText:
		x.align = `<alignment vertical="top" wrapText="1"/>`
	case kindCentered:
		x.align = `<alignment horizontal="center" vertical="center" wrapText="1"/>`
	case kindNumber:
		x.align = `<alignment horizontal="right" vertical="top"/>`
	case kindInteger:
		x.numFmt = numFmtInteger
		x.align = `<alignment horizontal="right" vertical="top"/>`
	case kindIndex:
		x.numFmt = numFmtIndex
		x.align = `<alignment horizontal="right" vertical="top"/>`
	case kindPercent:
		x.numFmt = numFmtPercent
		x.align = `<alignment horizontal="right" vertical="top"/>`
	case kindHeader, kindVertical:
		font.bold = true
		x.align = `<alignment horizontal="center" vertical="center" wrapText="1"/>`
		if kind == kindVertical {
			x.align = `<alignment horizontal="center" vertical="center" textRotation="255" wrapText="1"/>`
		}
		if fill == noFill {
			fill = palette.Header
		}
	case kindGroup:
		font.bold, font.size = true, 11
		x.align = `<alignment horizontal="center" vertical="center"/>`
		if fill == noFill {
			fill = palette.Group
		}
	case kindTitle:
		font.bold, font.size = true, 14
		x.border = 0
	case kindNote:
		font.size = 9
		x.border = 0
	}
	if fill != noFill {
		font.color = palette.Hex(palette.TextOn(fill))
	}
	x.font = s.fontID(font)
	x.fill = s.fillID(fill)
	s.xfs = append(s.xfs, x)
	id := len(s.xfs) - 1
	s.cache[k] = id
	return id
}

func (s *styles) xml() []byte {
	grid := "FF" + palette.Hex(palette.Grid)
	b := []byte(xmlHead + `<styleSheet xmlns="` + nsMain + `"><fonts count="`)
	b = strconv.AppendInt(b, int64(len(s.fonts)), 10)
	b = append(b, `">`...)
	for _, f := range s.fonts {
		b = append(b, `<font>`...)
		if f.bold {
			b = append(b, `<b/>`...)
		}
		b = append(b, `<sz val="`...)
		b = strconv.AppendInt(b, int64(f.size), 10)
		b = append(b, `"/><color rgb="FF`+f.color+`"/><name val="`...)
		b = appendEscaped(b, s.font)
		b = append(b, `"/><family val="2"/><charset val="134"/></font>`...)
	}
	b = append(b, `</fonts><fills count="`...)
	b = strconv.AppendInt(b, int64(len(s.fills)+2), 10)
	b = append(b, `"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`...)
	for _, c := range s.fills {
		b = append(b, `<fill><patternFill patternType="solid"><fgColor rgb="FF`+palette.Hex(c)+`"/><bgColor indexed="64"/></patternFill></fill>`...)
	}
	b = append(b, `</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>`+
		`<border><left style="thin"><color rgb="`+grid+`"/></left><right style="thin"><color rgb="`+grid+`"/></right>`+
		`<top style="thin"><color rgb="`+grid+`"/></top><bottom style="thin"><color rgb="`+grid+`"/></bottom><diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="`...)
	b = strconv.AppendInt(b, int64(len(s.xfs)), 10)
	b = append(b, `">`...)
	for _, x := range s.xfs {
		b = append(b, `<xf numFmtId="`...)
		b = strconv.AppendInt(b, int64(x.numFmt), 10)
		b = append(b, `" fontId="`...)
		b = strconv.AppendInt(b, int64(x.font), 10)
		b = append(b, `" fillId="`...)
		b = strconv.AppendInt(b, int64(x.fill), 10)
		b = append(b, `" borderId="`...)
		b = strconv.AppendInt(b, int64(x.border), 10)
		b = append(b, `" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"`...)
		if x.align == "" {
			b = append(b, `/>`...)
			continue
		}
		b = append(b, ` applyAlignment="1">`+x.align+`</xf>`...)
	}
	return append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`...)
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
