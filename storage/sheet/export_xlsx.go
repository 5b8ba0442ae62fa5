package sheet

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// WriteXLSX writes the matrix workbook in lang ("zh" or "en"): a summary
// sheet, one sheet per office (or only the office named), a findings sheet,
// worst first, and a legend. Every sheet is streamed and every row worded
// as it is written, so a 1,000-duty office costs little memory.
func WriteXLSX(w io.Writer, p *model.Project, res *model.Result, office, lang string) error {
	offices, err := selectOffices(p, office)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxExport{f: f, p: p, res: res, lang: lang, st: newStyles(f), names: map[string]bool{}, now: time.Now()}
	if err := x.summary(offices); err != nil {
		return err
	}
	for _, o := range offices {
		if err := x.matrix(buildMatrix(p, res, o)); err != nil {
			return err
		}
	}
	if err := x.findings(offices); err != nil {
		return err
	}
	if err := x.legend(); err != nil {
		return err
	}
	if x.st.err != nil {
		return x.st.err
	}
	_, err = f.WriteTo(w)
	return err
}

type xlsxExport struct {
	f     *excelize.File
	p     *model.Project
	res   *model.Result
	lang  string
	st    *styles
	names map[string]bool
	now   time.Time
}

// say words a catalogue key in the export's language.
func (x *xlsxExport) say(key string, kv ...any) string { return words.Say(x.lang, key, kv...) }

// sayAll words messages in the export's language.
func (x *xlsxExport) sayAll(ms []words.Msg) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.In(x.lang)
	}
	return out
}

// rowWriter streams rows into one sheet, counting them.
type rowWriter struct {
	sw  *excelize.StreamWriter
	st  *styles
	row int // the last row written, from 1
}

// newSheet adds a sheet and returns a streaming writer for it. prepare
// sets what lives outside the rows (print layout, auto-filter): excelize
// keeps only what is set before the stream writer is made.
func (x *xlsxExport) newSheet(name string, prepare func(sheet string) error) (*rowWriter, string, error) {
	name = x.sheetName(name)
	// The new workbook's Sheet1 becomes the first sheet: deleting it later
	// would make excelize parse every streamed sheet back into memory.
	if len(x.names) == 1 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return nil, "", err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, "", err
	}
	if err := prepare(name); err != nil {
		return nil, "", err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, "", err
	}
	return &rowWriter{sw: sw, st: x.st}, name, nil
}

// sheetName makes name a legal, unique sheet name: no []:*?/\, at most 31 characters.
func (x *xlsxExport) sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.Trim(name, "'")
	if name == "" {
		name = x.say("sheet.name.office")
	}
	base := []rune(name)
	if len(base) > 31 {
		base = base[:31]
	}
	out := string(base)
	for i := 2; x.names[strings.ToLower(out)] || strings.EqualFold(out, "Sheet1"); i++ {
		suffix := fmt.Sprintf("(%d)", i)
		out = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	x.names[strings.ToLower(out)] = true
	return out
}

// cell makes a styled cell; strings are neutralised against formula injection.
func (w *rowWriter) cell(kind cellKind, fill color.NRGBA, v any) excelize.Cell {
	switch x := v.(type) {
	case string:
		v = NeutraliseCell(x)
		if x == "" {
			v = nil
		}
	case ratio:
		v = float64(x)
	case float64:
		v = math.Round(x*100) / 100 // at most two decimals, shown without trailing zeros
	}
	return excelize.Cell{StyleID: w.st.get(kind, fill, false), Value: v}
}

func (w *rowWriter) put(height float64, cells ...excelize.Cell) error {
	w.row++
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = c
	}
	axis, _ := excelize.CoordinatesToCellName(1, w.row)
	if height > 0 {
		return w.sw.SetRow(axis, vals, excelize.RowOpts{Height: height})
	}
	return w.sw.SetRow(axis, vals)
}

func (w *rowWriter) widths(ws ...float64) error {
	for i, x := range ws {
		if err := w.sw.SetColWidth(i+1, i+1, x); err != nil {
			return err
		}
	}
	return nil
}

func colName(c int) string { n, _ := excelize.ColumnNumberToName(c); return n }

func cellName(c, r int) string { n, _ := excelize.CoordinatesToCellName(c, r); return n }

// legendLine is the key to the marks and fills, in one line that spills
// across the empty cells to its right; the legend sheet shows the colours.
func (x *xlsxExport) legendLine() string {
	var sevs []string
	for _, s := range model.Severities {
		sevs = append(sevs, s.Name().In(x.lang))
	}
	return x.say("sheet.matrix.legend", "marks", markLegend(x.lang), "severities", sevs, "sheet", x.say("sheet.name.legend"))
}

// rowHeight estimates the height a row needs for its wrapped texts, so
// that programs which do not fit rows on opening (LibreOffice) show them whole.
func rowHeight(texts []any, widths []float64) float64 {
	lines := 1
	for i, v := range texts {
		s, ok := v.(string)
		if !ok || s == "" || i >= len(widths) {
			continue
		}
		lines = max(lines, wrappedLines(s, widths[i]))
	}
	return 14*float64(min(lines, 12)) + 2
}

// wrappedLines counts the lines s takes in a column width units wide
// (a CJK character is about two units, a Latin one about one).
func wrappedLines(s string, width float64) int {
	lines, used := 1, 0.0
	avail := max(width-1, 2)
	for _, r := range s {
		if r == '\n' {
			lines, used = lines+1, 0
			continue
		}
		w := 1.0
		if r >= 0x2E80 {
			w = 1.8
		}
		if used+w > avail {
			lines, used = lines+1, 0
		}
		used += w
	}
	return lines
}

// matrix writes one office's sheet: duty rows against 责, 权 and 利 columns.
func (x *xlsxExport) matrix(m *officeMatrix) error {
	nAuth := len(m.auths)
	lead, resp, res, tail := len(leadColumns), len(respColumns), len(resColumns), len(tailColumns)
	total := lead + resp + nAuth + res + tail
	last := 4 + max(len(m.rows), 1)
	w, _, err := x.newSheet(m.office.Name, func(sheet string) error {
		if err := x.f.AutoFilter(sheet, cellName(1, 4)+":"+cellName(total, last), nil); err != nil {
			return err
		}
		return setPrintLayout(x.f, sheet, total, 4)
	})
	if err != nil {
		return err
	}
	widths := []float64{6, 10, 11, 36, 8, 7, 16}
	for range m.auths {
		widths = append(widths, 5.5)
	}
	widths = append(widths, 9, 8, 8, 10, 10, 10, 9, 18, 24, 8)
	if err := w.widths(widths...); err != nil {
		return err
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: lead, YSplit: 4, TopLeftCell: cellName(lead+1, 5), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	title := x.say("sheet.matrix.title", "office", m.office.Name, "project", x.p.Info.Name, "date", x.now.Format("2006-01-02"))
	if err := w.put(24, w.cell(kindTitle, noFill, title)); err != nil {
		return err
	}
	if err := w.put(0, w.cell(kindNote, noFill, x.legendLine())); err != nil {
		return err
	}

	// Row 3: the groups 责 · 权 · 利, each merged over its columns. The
	// duty columns' group is blank: a word there would read as the header
	// of the duty column when the workbook is imported.
	groups := []struct {
		key   string
		width int
	}{{"", lead}, {"sheet.group.responsibility", resp}, {"sheet.group.authority", nAuth + 1},
		{"sheet.group.resources", res - 1}, {"sheet.group.burden", tail}}
	var row3 []excelize.Cell
	col := 1
	for _, g := range groups {
		for i := 0; i < g.width; i++ {
			v := ""
			if i == 0 && g.key != "" {
				v = x.say(g.key)
			}
			row3 = append(row3, w.cell(kindGroup, noFill, v))
		}
		if g.width > 1 {
			if err := w.sw.MergeCell(cellName(col, 3), cellName(col+g.width-1, 3)); err != nil {
				return err
			}
		}
		col += g.width
	}
	if err := w.put(18, row3...); err != nil {
		return err
	}

	// Row 4: column headers.
	var hdr []excelize.Cell
	add := func(names ...string) {
		for _, h := range names {
			hdr = append(hdr, w.cell(kindHeader, noFill, h))
		}
	}
	for _, c := range leadColumns {
		add(c.name.In(x.lang))
	}
	add(x.sayAll(respColumns)...)
	for _, a := range m.auths {
		add(a.Name)
	}
	add(x.sayAll(resColumns)...)
	add(x.sayAll(tailColumns)...)
	if err := w.put(72, hdr...); err != nil {
		return err
	}

	for _, r := range m.rows {
		cells := make([]excelize.Cell, 0, total)
		lc, rs, tc := r.leadCells(x.lang), r.respCells(x.lang), r.tailCells(x.lang)
		var texts []any
		texts = append(append(texts, lc...), rs...)
		for range m.auths {
			texts = append(texts, nil)
		}
		texts = append(texts, make([]any, res)...)
		texts = append(texts, tc...)
		for i, v := range lc {
			k := kindText
			if i < 2 {
				k = kindCentered
			}
			cells = append(cells, w.cell(k, noFill, v))
		}
		for i, v := range rs {
			k := []cellKind{kindCentered, kindNumber, kindText}[i]
			cells = append(cells, w.cell(k, noFill, v))
		}
		rc := r.resourceCells()
		for _, mk := range r.marks {
			cells = append(cells, w.cell(kindCentered, markFill(mk), palette.Mark(mk).Glyph))
		}
		cells = append(cells, w.cell(kindPercent, noFill, rc[0]))
		for i, v := range rc[1:] {
			k := kindNumber
			switch i {
			case 4:
				k = kindCentered
			case 5:
				k = kindPercent
			}
			cells = append(cells, w.cell(k, noFill, v))
		}
		sevFill := severityFill(r.worst)
		cells = append(cells, w.cell(kindText, noFill, tc[0]), w.cell(kindText, sevFill, tc[1]), w.cell(kindNumber, sevFill, tc[2]))
		if err := w.put(rowHeight(texts, widths), cells...); err != nil {
			return err
		}
	}
	if len(m.rows) == 0 {
		if err := w.put(0, w.cell(kindNote, noFill, x.say("sheet.matrix.empty"))); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}
