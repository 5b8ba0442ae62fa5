package sheet

import (
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// An Option changes what an export writes.
type Option func(*exportChoices)

// exportChoices are what the options choose.
type exportChoices struct {
	noData bool
}

// WithoutDataSheet leaves out the hidden data sheet, which carries every
// record of the workbook (names and notes included) for the lossless
// import back: for a workbook that goes upward and need not come back as
// a project. Its visible sheets still import as lists.
func WithoutDataSheet() Option { return func(c *exportChoices) { c.noData = true } }

func choicesOf(opts []Option) exportChoices {
	var c exportChoices
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WriteXLSX writes the matrix workbook in lang ("zh" or "en"): a summary
// sheet, one sheet per office (or only the office named), the findings,
// worst first (continued on further sheets past a sheet's rows), the
// decisions (处理意见清单), a legend, and a hidden data sheet from which
// the importer takes the project back whole (unless WithoutDataSheet).
// Every sheet is streamed and every row worded as it is written.
func WriteXLSX(w io.Writer, p *model.Project, res *model.Result, office, lang string, opts ...Option) error {
	offices, err := selectOffices(p, office)
	if err != nil {
		return err
	}
	x := newExport(w, p, res, lang, workbookMatrix, opts)
	defer x.wb.abort()
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
	if err := x.decisions(offices); err != nil {
		return err
	}
	if err := x.legend(); err != nil {
		return err
	}
	// The analysis is done with: let the collector have it (a third of the
	// memory at 1,000 offices) while the data sheet encodes every record.
	res, x.res = nil, nil
	if err := x.data(subsetOf(p, offices, office != "", true)); err != nil {
		return err
	}
	return x.wb.close()
}

// The kinds of workbook the exporter writes, named in the data sheet and
// the document properties.
const (
	workbookMatrix = "matrix" // summary, office matrices, findings, decisions, legend
	workbookLists  = "lists"  // the three published lists, decisions, findings by rule
)

type xlsxExport struct {
	wb   *workbook
	p    *model.Project
	res  *model.Result
	lang string
	st   *styles
	now  time.Time
	kind string
	exportChoices
}

func newExport(w io.Writer, p *model.Project, res *model.Result, lang, kind string, opts []Option) *xlsxExport {
	wb := newWorkbook(w, words.Say(lang, "sheet.font"))
	x := &xlsxExport{wb: wb, p: p, res: res, lang: lang, st: wb.st, now: time.Now(), kind: kind, exportChoices: choicesOf(opts)}
	info := &p.Info
	wb.props = docProps{
		title:       info.Name,
		subject:     x.say("sheet.props.subject." + kind),
		creator:     info.Author,
		company:     info.Organization,
		status:      info.Version,
		keywords:    x.say("sheet.props.keywords"),
		description: info.Region,
		category:    x.say("sheet.props.category"),
		created:     x.now,
		custom:      [][2]string{{dataFormat, kind}, {"rpbmatrix.schema", strconv.Itoa(model.SchemaVersion)}},
	}
	// The title block, for whoever files the workbook by its properties.
	for _, f := range [][2]string{{"rpbmatrix.organization", info.Organization}, {"rpbmatrix.marking", info.Marking},
		{"rpbmatrix.version", info.Version}, {"rpbmatrix.data_cutoff", info.DataCutoff}, {"rpbmatrix.doc_number", info.DocNumber}} {
		if f[1] != "" {
			wb.props.custom = append(wb.props.custom, f)
		}
	}
	return x
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

// rowWriter writes styled rows into one sheet.
type rowWriter struct {
	*sheetWriter
	st *styles
}

// newSheet starts a sheet whose pages carry the export's header and footer.
func (x *xlsxExport) newSheet(name string, l sheetLayout) (*rowWriter, error) {
	name = x.wb.sheetName(name, x.say("sheet.name.office"))
	if !l.hidden {
		l.header, l.footer = x.pageHeader(), x.pageFooter()
	}
	sw, err := x.wb.newSheet(name, l)
	if err != nil {
		return nil, err
	}
	return &rowWriter{sheetWriter: sw, st: x.st}, nil
}

// pageHeader is printed at the top of every page: who prepared it (or the
// project) on the left, the sheet in the middle, the marking and version
// (or the date of the export) on the right.
func (x *xlsxExport) pageHeader() string {
	info := &x.p.Info
	left := info.Organization
	switch {
	case left != "":
	case info.Region != "":
		left = x.say("sheet.print.project_region", "project", info.Name, "region", info.Region)
	default:
		left = info.Name
	}
	var right []string
	for _, s := range []string{info.Marking, info.Version} {
		if s != "" {
			right = append(right, s)
		}
	}
	if len(right) == 0 {
		right = append(right, x.exported())
	}
	return "&L" + headerText(left) + "&C&A&R" + headerText(strings.Join(right, x.say("sheet.particulars.sep")))
}

// pageFooter is printed at the foot of every page: the document number,
// the page of pages, the data cut-off date.
func (x *xlsxExport) pageFooter() string {
	info := &x.p.Info
	// The page codes go in after the text is escaped, which doubles every "&".
	pages := headerText(x.say("sheet.print.footer", "page", "\x01", "pages", "\x02"))
	out := "&C" + strings.NewReplacer("\x01", "&P", "\x02", "&N").Replace(pages)
	if info.DocNumber != "" {
		out = "&L" + headerText(info.DocNumber) + out
	}
	if info.DataCutoff != "" {
		out += "&R" + headerText(x.say("sheet.particulars.cutoff", "date", info.DataCutoff))
	}
	return out
}

// particulars are the facts of the title block printed under a sheet's
// title: who prepared it, the data cut-off, the document number, the export.
func (x *xlsxExport) particulars() string {
	info := &x.p.Info
	var parts []string
	if info.Organization != "" {
		parts = append(parts, x.say("sheet.particulars.organization", "organization", info.Organization))
	}
	if info.DataCutoff != "" {
		parts = append(parts, x.say("sheet.particulars.cutoff", "date", info.DataCutoff))
	}
	if info.DocNumber != "" {
		parts = append(parts, x.say("sheet.particulars.doc_number", "number", info.DocNumber))
	}
	return strings.Join(append(parts, x.exported()), x.say("sheet.particulars.sep"))
}

// exported says when the workbook was exported.
func (x *xlsxExport) exported() string {
	return x.say("sheet.print.date", "date", x.now.Format("2006-01-02"))
}

// cell makes a styled cell; strings are neutralised against formula
// injection, and cut to what a cell holds.
func (w *rowWriter) cell(kind cellKind, fill color.NRGBA, v any) xcell {
	c := xcell{style: w.st.get(kind, fill, false)}
	switch x := v.(type) {
	case string:
		if x != "" {
			c.kind, c.str = 's', clipCell(NeutraliseCell(x))
		}
	case ratio:
		c.kind, c.num = 'n', float64(x)
	case float64:
		c.kind, c.num = 'n', math.Round(x*100)/100 // at most two decimals, shown without trailing zeros
	case int:
		c.kind, c.num = 'n', float64(x)
	}
	return c
}

// clipCell cuts a text to the characters a cell holds.
func clipCell(s string) string {
	if len(s) <= maxCellText {
		return s
	}
	r := []rune(s)
	if len(r) <= maxCellText {
		return s
	}
	return string(r[:maxCellText-1]) + "…"
}

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
	return linesHeight(lines)
}

// textsHeight is rowHeight of a row of texts only.
func textsHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, s := range texts {
		if s != "" && i < len(widths) {
			lines = max(lines, wrappedLines(s, widths[i]))
		}
	}
	return linesHeight(lines)
}

// linesHeight is the height of a row of so many lines, at most twelve.
func linesHeight(lines int) float64 { return 14*float64(min(lines, 12)) + 2 }

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
	widths := []float64{6, 10, 11, 36, 8, 7, 16}
	for range m.auths {
		widths = append(widths, 5.5)
	}
	widths = append(widths, 9, 8, 8, 10, 10, 10, 9, 18, 24, 8)
	const headerRow = 4
	w, err := x.newSheet(m.office.Name, sheetLayout{widths: widths, freezeCols: lead, freezeRows: headerRow,
		titleRows: [2]int{3, headerRow}, columns: total})
	if err != nil {
		return err
	}
	w.filter(1, headerRow, total, headerRow+max(len(m.rows), 1))
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
	var row3 []xcell
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
			w.merge(col, 3, col+g.width-1, 3)
		}
		col += g.width
	}
	if err := w.put(18, row3...); err != nil {
		return err
	}

	// Row 4: column headers; the authorities' written top to bottom, as
	// Chinese is in a narrow column.
	var hdr []xcell
	add := func(kind cellKind, names ...string) {
		for _, h := range names {
			hdr = append(hdr, w.cell(kind, noFill, h))
		}
	}
	for _, c := range leadColumns {
		add(kindHeader, c.name.In(x.lang))
	}
	add(kindHeader, x.sayAll(respColumns)...)
	longest := 0
	for _, a := range m.auths {
		add(kindVertical, a.Name)
		longest = max(longest, utf8.RuneCountInString(a.Name))
	}
	add(kindHeader, x.sayAll(resColumns)...)
	add(kindHeader, x.sayAll(tailColumns)...)
	if err := w.put(min(max(72, 12.5*float64(longest)+8), 240), hdr...); err != nil {
		return err
	}

	cells := make([]xcell, 0, total)
	texts := make([]any, total)
	for _, r := range m.rows {
		cells = cells[:0]
		clear(texts)
		lc, rs, tc := r.leadCells(x.lang), r.respCells(x.lang), r.tailCells(x.lang)
		copy(texts, lc)
		copy(texts[lead:], rs)
		copy(texts[total-tail:], tc)
		for i, v := range lc {
			k := kindText
			switch i {
			case 0:
				k = kindInteger
			case 1:
				k = kindCentered
			}
			cells = append(cells, w.cell(k, noFill, v))
		}
		for i, v := range rs {
			k := []cellKind{kindCentered, kindNumber, kindText}[i]
			cells = append(cells, w.cell(k, noFill, v))
		}
		for _, mk := range r.marks {
			cells = append(cells, w.cell(kindCentered, markFill(mk), palette.Mark(mk).Glyph))
		}
		rc := r.resourceCells()
		for i, v := range rc {
			k := kindNumber
			switch i {
			case 0, 6:
				k = kindPercent
			case 5:
				k = kindCentered
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
	return nil
}
