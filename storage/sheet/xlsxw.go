package sheet

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// The exporter writes workbooks with its own streaming writer rather than
// excelize's StreamWriter: excelize keeps every streamed sheet in memory
// (up to 16 MB each) until the whole file is saved, so a workbook of 1,000
// office sheets took gigabytes. Here each sheet goes into the zip as its
// rows are made and only the styles, the sheet names and the merged
// ranges wait for the end: memory does not grow with the rows.

// sheetRowLimit is the most rows the exporter puts in one sheet: the
// importer's limit (MaxRows), a little under Excel's 1,048,576, so that
// every workbook exported can be read back. A test lowers it to see a
// long list continue on another sheet.
var sheetRowLimit = MaxRows

// excelRows is the number of rows a worksheet has.
const excelRows = 1_048_576

// maxCellText is the most characters a cell may hold.
const maxCellText = 32_767

// workbook streams an xlsx file into a zip archive.
type workbook struct {
	zip    *zipPipe
	st     *styles
	sheets []*sheetInfo
	names  map[string]bool
	props  docProps
	open   *sheetWriter
}

// sheetInfo is what the workbook part must say about a sheet once it is written.
type sheetInfo struct {
	name      string
	hidden    bool
	titleRows [2]int // the first and last row repeated on every printed page; 0 for none
	filter    string // the auto-filter range, "" for none
}

// docProps are the document properties (File › Properties).
type docProps struct {
	title, subject, creator, keywords, description, category string
	company, status                                          string // app.xml's Company, core's contentStatus
	created                                                  time.Time
	custom                                                   [][2]string // name, text
}

// sheetLayout is what a sheet says before its rows: column widths, frozen
// panes and the print setup.
type sheetLayout struct {
	widths                 []float64
	freezeCols, freezeRows int
	// titleRows are the first and last of the rows (from 1) repeated at
	// the top of every printed page: the header; {0, 0} for none.
	titleRows [2]int
	// columns decides the paper: A3 for a wide sheet, else A4; always
	// landscape and one page wide.
	columns int
	// header and footer are the printed page header and footer in Excel's
	// header codes (&P page, &N pages, &A sheet); "" for none.
	header, footer string
	hidden         bool // a data sheet for the importer: no print setup
}

// newWorkbook starts a workbook written to w. Call close to finish it,
// and abort (deferred) to let go of it on an error.
func newWorkbook(w io.Writer, font string) *workbook {
	return &workbook{zip: newZipPipe(w), st: newStyles(font), names: map[string]bool{}}
}

// abort stops the compressing goroutine of a workbook not closed; the
// output is then incomplete.
func (wb *workbook) abort() { wb.zip.stop() }

// zipPipe writes the zip archive on a goroutine of its own, so that one
// core deflates a sheet's rows while the other makes the next ones.
type zipPipe struct {
	zw     *zip.Writer
	jobs   chan pipeJob
	free   chan []byte
	done   chan struct{}
	failed atomic.Bool // the worker met an error; err says which once done
	err    error       // the worker's; read only after done
	closed bool
}

// pipeJob starts a part (create) or adds bytes to the current one.
type pipeJob struct {
	create string
	data   []byte
}

func newZipPipe(w io.Writer) *zipPipe {
	zw := zip.NewWriter(w)
	// The fastest deflate level: the XML compresses well even so, and the
	// default level took a third of the export's time. One compressor
	// serves every part in turn (a new one is a megabyte of tables).
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	p := &zipPipe{zw: zw, jobs: make(chan pipeJob, 4), free: make(chan []byte, 6), done: make(chan struct{})}
	go p.run()
	return p
}

func (p *zipPipe) run() {
	defer close(p.done)
	var part io.Writer
	for j := range p.jobs {
		if p.err == nil {
			if j.create != "" {
				part, p.err = p.zw.Create(j.create)
			} else {
				_, p.err = part.Write(j.data)
			}
			if p.err != nil {
				p.failed.Store(true)
			}
		}
		if j.data != nil {
			select {
			case p.free <- j.data[:0]:
			default:
			}
		}
	}
}

// create starts the next part of the archive.
func (p *zipPipe) create(name string) error {
	if p.failed.Load() {
		return p.stop()
	}
	p.jobs <- pipeJob{create: name}
	return nil
}

// write hands b to the worker and returns an empty buffer to fill next.
func (p *zipPipe) write(b []byte) ([]byte, error) {
	if p.failed.Load() {
		return b[:0], p.stop()
	}
	p.jobs <- pipeJob{data: b}
	select {
	case nb := <-p.free:
		return nb, nil
	default:
		return make([]byte, 0, max(cap(b), flushAt+flushAt/4)), nil
	}
}

// stop waits for the worker to finish what it was given and returns its error.
func (p *zipPipe) stop() error {
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
	<-p.done
	return p.err
}

// close finishes the archive.
func (p *zipPipe) close() error {
	if err := p.stop(); err != nil {
		return err
	}
	return p.zw.Close()
}

// sheetName makes name a legal sheet name not used yet: no []:*?/\, no
// apostrophe at either end, at most 31 characters; a repeat gets "(2)".
func (wb *workbook) sheetName(name, fallback string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.Trim(name, "'")
	if name == "" {
		name = fallback
	}
	base := []rune(name)
	if len(base) > 31 {
		base = base[:31]
	}
	out := string(base)
	for i := 2; wb.names[strings.ToLower(out)]; i++ {
		suffix := "(" + strconv.Itoa(i) + ")"
		out = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	wb.names[strings.ToLower(out)] = true
	return out
}

// newSheet closes the sheet being written and starts the next one.
// name must come from sheetName.
func (wb *workbook) newSheet(name string, l sheetLayout) (*sheetWriter, error) {
	if err := wb.closeSheet(); err != nil {
		return nil, err
	}
	info := &sheetInfo{name: name, hidden: l.hidden, titleRows: l.titleRows}
	wb.sheets = append(wb.sheets, info)
	if err := wb.zip.create("xl/worksheets/sheet" + strconv.Itoa(len(wb.sheets)) + ".xml"); err != nil {
		return nil, err
	}
	sw := &sheetWriter{wb: wb, info: info, layout: l, buf: make([]byte, 0, flushAt+flushAt/4)}
	sw.begin()
	wb.open = sw
	return sw, nil
}

func (wb *workbook) closeSheet() error {
	if wb.open == nil {
		return nil
	}
	sw := wb.open
	wb.open = nil
	return sw.end()
}

// close writes the parts that list the sheets and styles, then the zip directory.
func (wb *workbook) close() error {
	if err := wb.closeSheet(); err != nil {
		return err
	}
	if len(wb.sheets) == 0 {
		return errors.New("sheet: a workbook needs a sheet")
	}
	parts := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", wb.contentTypes()},
		{"_rels/.rels", []byte(xmlHead + `<Relationships xmlns="` + nsPackageRels + `">` +
			`<Relationship Id="rId1" Type="` + nsOfficeRels + `/officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + nsOfficeRels + `/extended-properties" Target="docProps/app.xml"/>` +
			`<Relationship Id="rId4" Type="` + nsOfficeRels + `/custom-properties" Target="docProps/custom.xml"/>` +
			`</Relationships>`)},
		{"docProps/core.xml", wb.coreProps()},
		{"docProps/app.xml", wb.appProps()},
		{"docProps/custom.xml", wb.customProps()},
		{"xl/workbook.xml", wb.workbookXML()},
		{"xl/_rels/workbook.xml.rels", wb.workbookRels()},
		{"xl/styles.xml", wb.st.xml()},
		{"xl/theme/theme1.xml", []byte(themeXML)},
	}
	for _, p := range parts {
		if err := wb.zip.create(p.name); err != nil {
			return err
		}
		if _, err := wb.zip.write(p.body); err != nil {
			return err
		}
	}
	return wb.zip.close()
}

const (
	xmlHead       = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain        = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsOfficeRels  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsVT          = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
)

func (wb *workbook) contentTypes() []byte {
	b := []byte(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`)
	for i := range wb.sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`...)
	}
	return append(b, `</Types>`...)
}

func (wb *workbook) workbookXML() []byte {
	b := []byte(xmlHead + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsOfficeRels + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		b = append(b, `<sheet name="`...)
		b = appendEscaped(b, s.name)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		if s.hidden {
			b = append(b, `" state="hidden`...)
		}
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `</sheets>`...)
	var names []byte
	for i, s := range wb.sheets {
		quoted := "'" + strings.ReplaceAll(s.name, "'", "''") + "'!"
		if s.filter != "" {
			names = append(names, `<definedName name="_xlnm._FilterDatabase" localSheetId="`...)
			names = strconv.AppendInt(names, int64(i), 10)
			names = append(names, `" hidden="1">`...)
			names = appendEscaped(names, quoted+absRange(s.filter))
			names = append(names, `</definedName>`...)
		}
		if s.titleRows[0] > 0 {
			names = append(names, `<definedName name="_xlnm.Print_Titles" localSheetId="`...)
			names = strconv.AppendInt(names, int64(i), 10)
			names = append(names, `">`...)
			names = appendEscaped(names, quoted+"$"+strconv.Itoa(s.titleRows[0])+":$"+strconv.Itoa(max(s.titleRows[0], s.titleRows[1])))
			names = append(names, `</definedName>`...)
		}
	}
	if len(names) > 0 {
		b = append(b, `<definedNames>`...)
		b = append(b, names...)
		b = append(b, `</definedNames>`...)
	}
	return append(b, `</workbook>`...)
}

// absRange makes "A4:Z9" "$A$4:$Z$9".
func absRange(ref string) string {
	var out strings.Builder
	for i, part := range strings.Split(ref, ":") {
		if i > 0 {
			out.WriteByte(':')
		}
		j := strings.IndexFunc(part, func(r rune) bool { return r >= '0' && r <= '9' })
		if j < 0 {
			j = len(part)
		}
		out.WriteString("$" + part[:j] + "$" + part[j:])
	}
	return out.String()
}

func (wb *workbook) workbookRels() []byte {
	b := []byte(xmlHead + `<Relationships xmlns="` + nsPackageRels + `">`)
	n := len(wb.sheets)
	for i := range wb.sheets {
		b = append(b, `<Relationship Id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" Type="`+nsOfficeRels+`/worksheet" Target="worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml"/>`...)
	}
	b = append(b, `<Relationship Id="rId`...)
	b = strconv.AppendInt(b, int64(n+1), 10)
	b = append(b, `" Type="`+nsOfficeRels+`/styles" Target="styles.xml"/><Relationship Id="rId`...)
	b = strconv.AppendInt(b, int64(n+2), 10)
	b = append(b, `" Type="`+nsOfficeRels+`/theme" Target="theme/theme1.xml"/>`...)
	return append(b, `</Relationships>`...)
}

func (wb *workbook) coreProps() []byte {
	p := &wb.props
	b := []byte(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(tag, v string) {
		if v == "" {
			return
		}
		b = append(b, '<')
		b = append(b, tag...)
		b = append(b, '>')
		b = appendEscaped(b, v)
		b = append(b, "</"...)
		b = append(b, tag...)
		b = append(b, '>')
	}
	elem("dc:title", p.title)
	elem("dc:subject", p.subject)
	elem("dc:creator", p.creator)
	elem("cp:keywords", p.keywords)
	elem("dc:description", p.description)
	elem("cp:category", p.category)
	elem("cp:contentStatus", p.status)
	if !p.created.IsZero() {
		t := p.created.UTC().Format(time.RFC3339)
		b = append(b, `<dcterms:created xsi:type="dcterms:W3CDTF">`+t+`</dcterms:created>`+
			`<dcterms:modified xsi:type="dcterms:W3CDTF">`+t+`</dcterms:modified>`...)
	}
	return append(b, `</cp:coreProperties>`...)
}

func (wb *workbook) appProps() []byte {
	b := []byte(xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
		` xmlns:vt="` + nsVT + `"><Application>RPB Matrix</Application>`)
	if wb.props.company != "" {
		b = append(b, `<Company>`...)
		b = appendEscaped(b, wb.props.company)
		b = append(b, `</Company>`...)
	}
	return append(b, `</Properties>`...)
}

func (wb *workbook) customProps() []byte {
	b := []byte(xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="` + nsVT + `">`)
	for i, kv := range wb.props.custom {
		b = append(b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="`...)
		b = strconv.AppendInt(b, int64(i+2), 10)
		b = append(b, `" name="`...)
		b = appendEscaped(b, kv[0])
		b = append(b, `"><vt:lpwstr>`...)
		b = appendEscaped(b, kv[1])
		b = append(b, `</vt:lpwstr></property>`...)
	}
	return append(b, `</Properties>`...)
}

// xcell is one cell to write: a number, a text or nothing, in a style.
type xcell struct {
	style int
	kind  byte // 0 blank, 'n' number, 's' text
	num   float64
	str   string
}

// sheetWriter writes one worksheet's rows as they come.
type sheetWriter struct {
	wb     *workbook
	info   *sheetInfo
	layout sheetLayout
	buf    []byte
	row    int // the last row written, from 1
	merges []string
	err    error
}

// flushAt is how much XML a sheet gathers before passing it to the zip.
const flushAt = 1 << 16

func (w *sheetWriter) begin() {
	l := &w.layout
	b := append(w.buf, xmlHead+`<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsOfficeRels+`">`...)
	if !l.hidden {
		b = append(b, `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`...)
	}
	b = append(b, `<sheetViews><sheetView workbookViewId="0"`...)
	if len(w.wb.sheets) == 1 {
		b = append(b, ` tabSelected="1"`...)
	}
	if l.freezeCols > 0 || l.freezeRows > 0 {
		pane := "bottomRight"
		switch {
		case l.freezeCols == 0:
			pane = "bottomLeft"
		case l.freezeRows == 0:
			pane = "topRight"
		}
		b = append(b, `><pane`...)
		if l.freezeCols > 0 {
			b = append(b, ` xSplit="`...)
			b = strconv.AppendInt(b, int64(l.freezeCols), 10)
			b = append(b, '"')
		}
		if l.freezeRows > 0 {
			b = append(b, ` ySplit="`...)
			b = strconv.AppendInt(b, int64(l.freezeRows), 10)
			b = append(b, '"')
		}
		b = append(b, ` topLeftCell="`...)
		b = appendRef(b, l.freezeCols+1, l.freezeRows+1)
		b = append(b, `" activePane="`+pane+`" state="frozen"/><selection pane="`+pane+`"/></sheetView>`...)
	} else {
		b = append(b, `/>`...)
	}
	b = append(b, `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`...)
	if len(l.widths) > 0 {
		b = append(b, `<cols>`...)
		for i, wd := range l.widths {
			b = append(b, `<col min="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" max="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" width="`...)
			b = strconv.AppendFloat(b, wd, 'f', -1, 64)
			b = append(b, `" customWidth="1"/>`...)
		}
		b = append(b, `</cols>`...)
	}
	w.buf = append(b, `<sheetData>`...)
}

// put writes the next row; height 0 leaves it to the program that opens it.
func (w *sheetWriter) put(height float64, cells ...xcell) error {
	if w.err != nil {
		return w.err
	}
	if w.row >= excelRows {
		w.err = errors.New("sheet: more rows than a worksheet holds")
		return w.err
	}
	w.row++
	b := append(w.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(w.row), 10)
	if height > 0 {
		b = append(b, `" ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1`...)
	}
	b = append(b, `">`...)
	for i := range cells {
		c := &cells[i]
		if c.kind == 0 && c.style == 0 {
			continue
		}
		b = append(b, `<c r="`...)
		b = appendRef(b, i+1, w.row)
		b = append(b, '"')
		if c.style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.style), 10)
			b = append(b, '"')
		}
		switch c.kind {
		case 'n':
			b = append(b, `><v>`...)
			b = appendNumber(b, c.num)
			b = append(b, `</v></c>`...)
		case 's':
			b = append(b, ` t="inlineStr"><is><t`...)
			if needsPreserve(c.str) {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			b = appendCellText(b, c.str)
			b = append(b, `</t></is></c>`...)
		default:
			b = append(b, `/>`...)
		}
	}
	w.buf = append(b, `</row>`...)
	if len(w.buf) >= flushAt {
		return w.flush()
	}
	return nil
}

// rows is the number of rows written.
func (w *sheetWriter) rows() int { return w.row }

// full reports whether a list continued over sheets should go on in the next one.
func (w *sheetWriter) full() bool { return w.row >= sheetRowLimit }

// merge merges the cells from (c1, r1) to (c2, r2), from 1.
func (w *sheetWriter) merge(c1, r1, c2, r2 int) {
	w.merges = append(w.merges, cellName(c1, r1)+":"+cellName(c2, r2))
}

// filter puts an auto-filter on the range.
func (w *sheetWriter) filter(c1, r1, c2, r2 int) {
	w.info.filter = cellName(c1, r1) + ":" + cellName(c2, r2)
}

func (w *sheetWriter) flush() error {
	if w.err != nil {
		return w.err
	}
	w.buf, w.err = w.wb.zip.write(w.buf)
	return w.err
}

// end writes what follows the rows: the filter, the merged ranges and the print setup.
func (w *sheetWriter) end() error {
	if w.err != nil {
		return w.err
	}
	l := &w.layout
	b := append(w.buf, `</sheetData>`...)
	if w.info.filter != "" {
		b = append(b, `<autoFilter ref="`+w.info.filter+`"/>`...)
	}
	if len(w.merges) > 0 {
		b = append(b, `<mergeCells count="`...)
		b = strconv.AppendInt(b, int64(len(w.merges)), 10)
		b = append(b, `">`...)
		for _, m := range w.merges {
			b = append(b, `<mergeCell ref="`+m+`"/>`...)
		}
		b = append(b, `</mergeCells>`...)
	}
	if !l.hidden {
		paper := "9" // A4
		if l.columns > 24 {
			paper = "8" // A3
		}
		b = append(b, `<printOptions horizontalCentered="1"/>`+
			`<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`+
			`<pageSetup paperSize="`+paper+`" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`...)
		if l.header != "" || l.footer != "" {
			b = append(b, `<headerFooter>`...)
			if l.header != "" {
				b = append(b, `<oddHeader>`...)
				b = appendEscaped(b, l.header)
				b = append(b, `</oddHeader>`...)
			}
			if l.footer != "" {
				b = append(b, `<oddFooter>`...)
				b = appendEscaped(b, l.footer)
				b = append(b, `</oddFooter>`...)
			}
			b = append(b, `</headerFooter>`...)
		}
	}
	w.buf = append(b, `</worksheet>`...)
	return w.flush()
}

// appendRef appends a cell reference such as "AB12".
func appendRef(b []byte, col, row int) []byte {
	b = appendColumn(b, col)
	return strconv.AppendInt(b, int64(row), 10)
}

func appendColumn(b []byte, col int) []byte {
	var tmp [4]byte
	i := len(tmp)
	for col > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// cellName is a cell reference such as "AB12" (column and row from 1).
func cellName(col, row int) string { return string(appendRef(nil, col, row)) }

// colName is a column's letters (from 1).
func colName(col int) string { return string(appendColumn(nil, col)) }

// appendNumber writes a number as the shortest decimal that reads back the
// same; an infinity or NaN, which a cell cannot hold, as 0.
func appendNumber(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	first, last := s[0], s[len(s)-1]
	return first == ' ' || first == '\t' || first == '\n' || first == '\r' ||
		last == ' ' || last == '\t' || last == '\n' || last == '\r'
}

// appendEscaped appends s escaped for XML text and attribute values.
// Characters XML cannot hold become U+FFFD.
func appendEscaped(b []byte, s string) []byte { return appendXML(b, s, true) }

// appendXML appends s escaped for XML; quotes only when quoted is true
// (an attribute value), as a text holds them as they are.
func appendXML(b []byte, s string, quoted bool) []byte {
	if plainXML(s, quoted) {
		return append(b, s...)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"' && quoted:
				b = append(b, "&quot;"...)
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				b = append(b, "\uFFFD"...)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// plainXML reports whether s goes into XML as it is: valid UTF-8 with
// nothing to escape. Most texts are, and are copied whole.
func plainXML(s string, quoted bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&' || c == '<' || c == '>' || c == '"' && quoted:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF): // U+FFFE, U+FFFF
			return false
		}
	}
	return utf8.ValidString(s)
}

// appendCellText appends a cell's text: escaped for XML, control
// characters as OOXML's _xHHHH_ escapes (so a text keeps them), and a
// text that looks like such an escape with its underscore escaped, so that
// every reader gives back exactly the text written.
func appendCellText(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			b = appendXML(b, s[start:i], false)
			b = append(b, "_x00"...)
			b = append(b, "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15], '_')
			start = i + 1
		case c == '_' && looksEscaped(s[i:]):
			b = appendXML(b, s[start:i], false)
			b = append(b, "_x005F_"...)
			start = i + 1
		}
	}
	return appendXML(b, s[start:], false)
}

// looksEscaped reports whether s starts with _xHHHH_.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// headerText escapes a text for a page header or footer, where & starts a code.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// themeXML is the smallest complete Office theme. Excel does without one,
// but some readers (excelize among them) resolve every colour through it.
const themeXML = xmlHead + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>` +
	`<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>` +
	`<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>` +
	`<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>` +
	`<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
	`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
	`<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
	`<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
	`<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
	`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`
