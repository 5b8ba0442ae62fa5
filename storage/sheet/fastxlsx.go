package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model/words"
)

// The fast reader below reads cell texts straight from a workbook's XML
// with a byte scanner. encoding/xml, which excelize uses, spends most of a
// 50,000-row import in its tokenizer; the scanner is several times faster
// and lets the import beat LibreOffice's own conversion (see bench_test.go).
// Anything it does not understand makes it give up, and the workbook is
// read again through excelize, which is slower but complete.

var errFastUnsupported = errors.New("sheet: workbook needs the full reader")

// readWorkbookFast reads every sheet of the workbook in zr.
func readWorkbookFast(name string, zr *zip.Reader) ([]*Table, error) {
	b, err := openFastBook(name, zr, MaxUnzipSize)
	if err != nil {
		return nil, err
	}
	var tables []*Table
	for _, s := range b.sheets {
		t, err := b.table(s)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_no_sheets")}
	}
	return tables, nil
}

// fastBook is a workbook opened for the fast reader: its sheets, and the
// shared strings and date styles their cells refer to.
type fastBook struct {
	name    string
	files   map[string]*zip.File
	limit   int64 // the most bytes one part may unpack to
	sheets  []sheetRef
	targets map[string]string
	sst     []string
	dates   []bool
}

func openFastBook(name string, zr *zip.Reader, limit int64) (*fastBook, error) {
	b := &fastBook{name: name, files: map[string]*zip.File{}, limit: limit}
	for _, f := range zr.File {
		b.files[strings.ToLower(f.Name)] = f
	}
	wb, err := b.read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := b.read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	if b.sheets, err = parseWorkbookSheets(wb); err != nil {
		return nil, err
	}
	var sstPath, stylesPath string
	if b.targets, sstPath, stylesPath, err = parseWorkbookRels(rels); err != nil {
		return nil, err
	}
	if sstPath != "" {
		// Read as it unpacks, like the sheets: a million distinct texts
		// are a hundred megabytes of XML.
		sc, closeSST, err := b.scan(sstPath)
		if err != nil {
			return nil, err
		}
		b.sst, err = scanSharedStrings(sc)
		closeSST()
		if err == nil {
			err = sc.err
		}
		if err != nil {
			return nil, err
		}
	}
	if stylesPath != "" {
		data, err := b.read(stylesPath)
		if err != nil {
			return nil, err
		}
		if b.dates, err = parseDateStyles(data); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (b *fastBook) read(p string) ([]byte, error) {
	f := b.files[strings.ToLower(strings.TrimPrefix(p, "/"))]
	if f == nil {
		return nil, fmt.Errorf("%w: missing %s", errFastUnsupported, p)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, b.limit))
}

// scan opens part p to be read as it unpacks; call done when finished.
func (b *fastBook) scan(p string) (s *xmlScanner, done func(), err error) {
	f := b.files[strings.ToLower(strings.TrimPrefix(p, "/"))]
	if f == nil {
		return nil, nil, fmt.Errorf("%w: missing %s", errFastUnsupported, p)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	return &xmlScanner{r: io.LimitReader(rc, b.limit)}, func() { rc.Close() }, nil
}

// table reads one sheet.
func (b *fastBook) table(s sheetRef) (*Table, error) {
	target, ok := b.targets[s.rid]
	if !ok {
		return nil, fmt.Errorf("%w: sheet %q has no part", errFastUnsupported, s.name)
	}
	// The sheet is read as it unpacks, not unpacked into memory first.
	sc, done, err := b.scan(target)
	if err != nil {
		return nil, err
	}
	defer done()
	t := &Table{File: b.name, Sheet: s.name, Hidden: s.state == "hidden" || s.state == "veryHidden"}
	merges, err := scanSheet(sc, b.sst, b.dates, t)
	if err == nil {
		err = sc.err
	}
	if err != nil {
		return nil, err
	}
	trimTrailingBlankRows(t)
	if err := checkShape(b.name, s.name, t.Rows); err != nil {
		return nil, err
	}
	fillMergedRefs(t, merges)
	return t, nil
}

type sheetRef struct{ name, state, rid string }

func parseWorkbookSheets(b []byte) ([]sheetRef, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out []sheetRef
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		var s sheetRef
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				s.name = a.Value
			case a.Name.Local == "state":
				s.state = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				s.rid = a.Value
			}
		}
		out = append(out, s)
	}
}

// parseWorkbookRels maps relationship ids to part paths and finds the
// shared strings and styles parts.
func parseWorkbookRels(b []byte) (targets map[string]string, sst, styles string, err error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	targets = map[string]string{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return targets, sst, styles, nil
		}
		if err != nil {
			return nil, "", "", err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var id, target, typ, mode string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				target = a.Value
			case "Type":
				typ = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" {
			continue
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		targets[id] = target
		switch {
		case strings.HasSuffix(typ, "/sharedStrings"):
			sst = target
		case strings.HasSuffix(typ, "/styles"):
			styles = target
		}
	}
}

// parseDateStyles reports, per cell style index, whether its number format shows a date or time.
func parseDateStyles(b []byte) ([]bool, error) {
	var ss struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(b, &ss); err != nil {
		return nil, err
	}
	custom := map[int]bool{}
	for _, f := range ss.NumFmts {
		custom[f.ID] = isDateFormat(f.Code)
	}
	out := make([]bool, len(ss.Xfs))
	for i, x := range ss.Xfs {
		id := x.NumFmtID
		out[i] = (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || custom[id]
	}
	return out, nil
}

// isDateFormat reports whether a custom number format shows a date: it has
// y, m, d or h outside quotes and brackets (colours, conditions).
func isDateFormat(code string) bool {
	quoted, bracket := false, false
	for _, r := range strings.ToLower(code) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == 'y' || r == 'd' || r == 'h' || r == 'm' || r == '年' || r == '月' || r == '日':
			return true
		}
	}
	return false
}

// xmlScanner walks the tags of an XML document without building tokens.
// It reads the document from r a block at a time when r is set (a sheet of
// a million rows unpacks to over half a gigabyte); each block is new
// memory, so the names and texts it returned before stay valid.
type xmlScanner struct {
	b     []byte
	i     int
	r     io.Reader
	err   error // why reading r failed, if it did before its end
	block int   // bytes to read at a time; 0 means scanBlock
}

// scanBlock is how much more of the document the scanner reads at a time.
const scanBlock = 1 << 20

// more reads the next block after what is left from s.i on; false at the end.
func (s *xmlScanner) more() bool {
	if s.r == nil {
		return false
	}
	left, block := len(s.b)-s.i, s.block
	if block <= 0 {
		block = scanBlock
	}
	nb := make([]byte, left, left+block)
	copy(nb, s.b[s.i:])
	n, err := io.ReadFull(s.r, nb[left:cap(nb)])
	s.b, s.i = nb[:left+n], 0
	if err != nil {
		s.r = nil
		if err != io.EOF && err != io.ErrUnexpectedEOF {
			s.err = err
		}
	}
	return n > 0
}

// tag advances to the next tag and returns its local name (prefix
// dropped), its attribute bytes, and whether it closes (</x>) or is
// self-closing (<x/>). ok is false at the end.
func (s *xmlScanner) tag() (name, attrs []byte, closing, selfClosing, ok bool) {
	for {
		j := bytes.IndexByte(s.b[s.i:], '<')
		if j < 0 {
			s.i = len(s.b)
			if s.more() {
				continue
			}
			return nil, nil, false, false, false
		}
		s.i += j
		rest := s.b[s.i:]
		end := bytes.IndexByte(rest, '>')
		if end < 0 || len(rest) < 2 {
			if s.more() {
				continue
			}
			s.i = len(s.b)
			return nil, nil, false, false, false
		}
		if rest[1] == '?' || rest[1] == '!' {
			s.i += end + 1
			continue
		}
		inner := rest[1:end]
		s.i += end + 1
		if len(inner) > 0 && inner[0] == '/' {
			closing = true
			inner = inner[1:]
		}
		if n := len(inner); n > 0 && inner[n-1] == '/' {
			selfClosing = true
			inner = inner[:n-1]
		}
		k := bytes.IndexAny(inner, " \t\r\n")
		if k < 0 {
			name = inner
		} else {
			name, attrs = inner[:k], inner[k:]
		}
		if c := bytes.IndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		return name, attrs, closing, selfClosing, true
	}
}

// textUntil returns the raw text up to the next '<'.
func (s *xmlScanner) text() []byte {
	j := bytes.IndexByte(s.b[s.i:], '<')
	for j < 0 && s.more() {
		j = bytes.IndexByte(s.b[s.i:], '<')
	}
	if j < 0 {
		j = len(s.b) - s.i
	}
	t := s.b[s.i : s.i+j]
	s.i += j
	return t
}

// attr returns the value of attribute key in attrs (nil when absent).
func attr(attrs []byte, key string) []byte {
	for i := 0; ; {
		j := bytes.Index(attrs[i:], []byte(key+"="))
		if j < 0 {
			return nil
		}
		j += i
		if j == 0 || attrs[j-1] == ' ' || attrs[j-1] == '\t' || attrs[j-1] == '\n' || attrs[j-1] == '\r' {
			v := attrs[j+len(key)+1:]
			if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
				return nil
			}
			end := bytes.IndexByte(v[1:], v[0])
			if end < 0 {
				return nil
			}
			return v[1 : 1+end]
		}
		i = j + 1
	}
}

func parseSharedStrings(b []byte) ([]string, error) { return scanSharedStrings(&xmlScanner{b: b}) }

// scanSharedStrings is parseSharedStrings reading from s.
func scanSharedStrings(s *xmlScanner) ([]string, error) {
	var out []string
	var cur strings.Builder
	inSI, inT, inPhonetic := false, false, false
	for {
		name, _, closing, self, ok := s.tag()
		if !ok {
			return out, nil
		}
		switch string(name) {
		case "si":
			if closing {
				out = append(out, cur.String())
				inSI = false
			} else if self {
				out = append(out, "")
			} else {
				cur.Reset()
				inSI = true
			}
		case "rPh":
			inPhonetic = !closing && !self
		case "t":
			inT = !closing && !self
			if inT && inSI && !inPhonetic {
				cur.WriteString(unescapeXML(s.text()))
			}
		}
	}
}

// cellRun is one merged block, from 0: rows r1..r2, columns c1..c2.
type cellRun struct{ r1, c1, r2, c2 int }

// parseSheetData fills t.Rows from a worksheet's XML and returns its merged blocks.
func parseSheetData(b []byte, sst []string, dates []bool, t *Table) ([]cellRun, error) {
	return scanSheet(&xmlScanner{b: b}, sst, dates, t)
}

// scanSheet is parseSheetData reading from s.
func scanSheet(s *xmlScanner, sst []string, dates []bool, t *Table) ([]cellRun, error) {
	var merges []cellRun
	var row []string
	rowIdx, col := -1, 0
	var ctype, cstyle []byte
	inCell, inValue, inInline := false, false, false
	var value []byte
	var inline strings.Builder
	flushRow := func() error {
		if rowIdx < 0 {
			return nil
		}
		if rowIdx >= MaxRows {
			return &FileError{File: t.File, Problem: words.M("sheet.read.sheet_too_many_rows", "sheet", t.Sheet, "row", rowIdx+1, "limit", MaxRows, "memory", MaxRowsMemoryGB)}
		}
		for len(t.Rows) < rowIdx {
			t.Rows = append(t.Rows, nil)
		}
		if len(t.Rows) == rowIdx {
			t.Rows = append(t.Rows, row)
		} else {
			return fmt.Errorf("%w: rows out of order", errFastUnsupported)
		}
		row = nil
		return nil
	}
	for {
		name, attrs, closing, self, ok := s.tag()
		if !ok {
			break
		}
		switch string(name) {
		case "row":
			if closing {
				if err := flushRow(); err != nil {
					return nil, err
				}
				rowIdx = -1
				continue
			}
			r := len(t.Rows)
			if v := attr(attrs, "r"); v != nil {
				n, err := strconv.Atoi(string(v))
				if err != nil || n < 1 || n > excelize.TotalRows+1 {
					return nil, fmt.Errorf("%w: row number %q", errFastUnsupported, v)
				}
				if n > MaxRows { // refused here, naming the row, not by the full reader
					return nil, &FileError{File: t.File, Problem: words.M("sheet.read.sheet_too_many_rows", "sheet", t.Sheet, "row", n, "limit", MaxRows, "memory", MaxRowsMemoryGB)}
				}
				r = n - 1
			}
			rowIdx, col, row = r, 0, nil
			if self {
				if err := flushRow(); err != nil {
					return nil, err
				}
				rowIdx = -1
			}
		case "c":
			if closing {
				if err := setCell(&row, col, ctype, cstyle, value, inline.String(), sst, dates); err != nil {
					return nil, err
				}
				col++
				inCell = false
				continue
			}
			if rowIdx < 0 {
				return nil, fmt.Errorf("%w: cell outside a row", errFastUnsupported)
			}
			if ref := attr(attrs, "r"); ref != nil {
				c, _, err := excelize.CellNameToCoordinates(string(ref))
				if err != nil {
					return nil, fmt.Errorf("%w: cell %q", errFastUnsupported, ref)
				}
				col = c - 1
			}
			if col >= MaxCols*4 {
				return nil, fmt.Errorf("%w: column %d", errFastUnsupported, col)
			}
			ctype, cstyle, value = attr(attrs, "t"), attr(attrs, "s"), nil
			inline.Reset()
			if self {
				col++
				continue
			}
			inCell = true
		case "v":
			inValue = inCell && !closing && !self
			if inValue {
				value = s.text()
			}
		case "is":
			inInline = inCell && !closing && !self
		case "t":
			if inInline && !closing && !self {
				inline.WriteString(unescapeXML(s.text()))
			}
		case "mergeCell":
			ref := string(attr(attrs, "ref"))
			a, z, found := strings.Cut(ref, ":")
			if !found {
				continue
			}
			c1, r1, err1 := excelize.CellNameToCoordinates(a)
			c2, r2, err2 := excelize.CellNameToCoordinates(z)
			if err1 == nil && err2 == nil {
				merges = append(merges, cellRun{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
			}
		}
	}
	if rowIdx >= 0 {
		return nil, fmt.Errorf("%w: unterminated row", errFastUnsupported)
	}
	return merges, nil
}

func setCell(row *[]string, col int, ctype, cstyle, value []byte, inline string, sst []string, dates []bool) error {
	var v string
	switch string(ctype) {
	case "s":
		i, err := strconv.Atoi(string(value))
		if err != nil || i < 0 || i >= len(sst) {
			if len(value) == 0 {
				return nil
			}
			return fmt.Errorf("%w: shared string %q", errFastUnsupported, value)
		}
		v = sst[i]
	case "inlineStr":
		v = inline
	case "str", "e", "d":
		v = unescapeXML(value)
	case "b":
		switch string(value) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		}
	default: // a number
		v = string(value)
		if st, err := strconv.Atoi(string(cstyle)); err == nil && st >= 0 && st < len(dates) && dates[st] && v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("%w: number %q", errFastUnsupported, v)
			}
			tm, err := excelize.ExcelDateToTime(f, false)
			if err == nil {
				if f == float64(int64(f)) {
					v = tm.Format("2006-01-02")
				} else {
					v = tm.Format("2006-01-02 15:04")
				}
			}
		}
	}
	if v == "" {
		return nil
	}
	for len(*row) <= col {
		*row = append(*row, "")
	}
	(*row)[col] = v
	return nil
}

// fillMergedRefs copies each merged block's top-left text into every cell it covers.
func fillMergedRefs(t *Table, merges []cellRun) {
	for _, m := range merges {
		v := t.Cell(m.r1, m.c1)
		if v == "" {
			continue
		}
		r2, c2 := min(m.r2, len(t.Rows)-1), min(m.c2, MaxCols-1)
		for r := m.r1; r <= r2; r++ {
			row := t.Rows[r]
			if len(row) <= c2 {
				row = append(row, make([]string, c2+1-len(row))...)
			}
			for c := m.c1; c <= c2; c++ {
				row[c] = v
			}
			t.Rows[r] = row
		}
	}
}

// unescapeXML decodes the five entities, character references, and the
// _xHHHH_ escapes OOXML uses for control characters ("_x000D_" is CR).
func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.Index(b, []byte("_x")) < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		c := b[i]
		if c == '&' {
			end := bytes.IndexByte(b[i:], ';')
			if end > 0 && end < 12 {
				ent := string(b[i+1 : i+end])
				if r, ok := entityRune(ent); ok {
					out.WriteRune(r)
					i += end + 1
					continue
				}
			}
		}
		if c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16); err == nil {
				out.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		out.WriteByte(c)
		i++
	}
	return out.String()
}

func entityRune(ent string) (rune, bool) {
	switch ent {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
		n, err := strconv.ParseUint(ent[2:], 16, 32)
		return rune(n), err == nil
	}
	if strings.HasPrefix(ent, "#") {
		n, err := strconv.ParseUint(ent[1:], 10, 32)
		return rune(n), err == nil
	}
	return 0, false
}
