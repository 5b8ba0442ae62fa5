package sheet

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// noCategory is the category given to a duty whose sheet names none, in
// the current language: it is written into the project, as the audit
// action of every edit is.
func noCategory() string { return words.T("sheet.category.none") }

// Record is one data row read through a mapping, with the list kind,
// category, office and sequence number resolved, before it meets the project.
type Record struct {
	Row    int                // spreadsheet row, from 1
	Values [fieldCount]string // the text of each field as it will be imported
	Cols   [fieldCount]int    // the column (from 0) each field was read from, -1 when resolved otherwise
	Kind   model.ListKind
	Seq    int
	Notes  []words.Msg // warnings: the row is imported, with this said about it
}

// Value returns the text a field will be imported with.
func (r *Record) Value(f Field) string { return r.Values[f] }

// rowClass is what a row below the header is.
type rowClass int

const (
	rowData rowClass = iota
	rowBlank
	rowFootnote  // 注：…, 说明：…, 填表人 …
	rowHeading   // 一、党的建设（12项） — sets the category or list kind of the rows below
	rowHeaderRep // the header repeated (printed page breaks)
	rowSeqOnly   // a pre-numbered template row with nothing else in it
	rowTotal     // 合计 / 共计
)

func classifyRow(row []string, h *Header, headerRow []string) (rowClass, string) {
	first, firstCol, distinct, nonEmpty := "", -1, map[string]bool{}, 0
	for i, c := range row {
		c = cleanText(c, true)
		if c == "" {
			continue
		}
		if firstCol < 0 {
			first, firstCol = c, i
		}
		distinct[c] = true
		nonEmpty++
	}
	if nonEmpty == 0 {
		return rowBlank, ""
	}
	v := recognise()
	n := fold(first)
	if containsString(v.footnoteWords, n) || hasPrefixIn(n, v.footnotePrefixes) {
		return rowFootnote, first
	}
	if sameRow(row, headerRow) {
		return rowHeaderRep, ""
	}
	if containsString(v.totalWords, n) || hasPrefixIn(n, v.totalPrefixes) {
		return rowTotal, first
	}
	nameCol := h.Mapping.Column(FieldName)
	seqCol := h.Mapping.Column(FieldSeq)
	if len(distinct) == 1 {
		if firstCol == seqCol && nonEmpty == 1 {
			if _, ok := parseSeq(first); ok && !v.headingPrefix.MatchString(n) {
				return rowSeqOnly, ""
			}
		}
		// One text spread over the row by a horizontal merge, a numbered
		// heading ("一、党的建设"), or a lone text outside the duty column.
		numbered := v.headingPrefix.MatchString(n) && v.headingPrefix.FindString(n) != n
		leading := firstCol != nameCol && (firstCol == 0 || firstCol == seqCol || firstCol == h.Mapping.Column(FieldCategory))
		if nonEmpty >= 2 || numbered || leading {
			return rowHeading, first
		}
	}
	return rowData, ""
}

func sameRow(a, b []string) bool {
	na := 0
	for i, c := range a {
		if i >= len(b) {
			if !isBlank(c) {
				return false
			}
			continue
		}
		if normalizeHeader(c) != normalizeHeader(b[i]) {
			return false
		}
		if !isBlank(c) {
			na++
		}
	}
	return na >= 2
}

// headingText strips a heading's numbering and item count: "一、党的建设（12项）" → 党的建设.
func headingText(s string) string {
	v := recognise()
	s = norm.NFKC.String(s)
	s = v.headingPrefix.ReplaceAllString(s, "")
	s = v.headingCount.ReplaceAllString(s, "")
	return strings.TrimSpace(strings.TrimRight(s, ":："))
}

// oneLineFields lose manual line breaks; the long texts keep theirs.
var oneLineFields = map[Field]bool{FieldSeq: true, FieldName: true, FieldSubItem: true, FieldCategory: true, FieldSubCategory: true, FieldKind: true,
	FieldLeadDept: true, FieldSupportDepts: true, FieldReceivingDept: true, FieldOffice: true}

// fillsDown reports whether a blank cell in col continues the value above:
// the column has blanks, starts with a value, and no value comes back after
// a different one — the shape of a grouped column whose cells were unmerged.
func fillsDown(rows [][]string, col, nameCol int) bool {
	if col < 0 {
		return false
	}
	seen := map[string]bool{}
	last, blanks, started := "", 0, false
	for _, r := range rows {
		if nameCol >= 0 && (nameCol >= len(r) || isBlank(r[nameCol])) {
			continue
		}
		v := ""
		if col < len(r) {
			v = cleanText(r[col], true)
		}
		switch {
		case v == "" && !started:
			return false
		case v == "":
			blanks++
		case v != last && seen[v]:
			return false
		default:
			seen[v], last, started = true, v, true
		}
	}
	return blanks > 0
}

// Records reads a prepared table's data rows through its mapping. It
// returns the rows to import and the report entries of rows skipped
// (blank, footnotes, headings) or rejected (bad cells); rows are never
// dropped without an entry, except blank ones.
func (s *Source) Records(opts Options) ([]Record, []Entry) {
	return s.records(opts, -1)
}

// records reads at most limit data rows (limit < 0: all).
func (s *Source) records(opts Options, limit int) ([]Record, []Entry) {
	var recs []Record
	var entries []Entry
	s.scan(opts, limit, func(r *Record) { recs = append(recs, *r) }, func(e Entry) { entries = append(entries, e) })
	return recs, entries
}

// scan reads at most limit data rows (limit < 0: all), row by row: each
// row to import goes to record (the Record is the caller's only during
// the call), each row skipped or rejected to entry. An import plans each
// row as it is read, so that no list of a million records is ever held.
func (s *Source) scan(opts Options, limit int, record func(*Record), skipped func(Entry)) {
	if s.Skipped() {
		return
	}
	t, h := s.Table, &s.Header
	n := 0
	skip := func(e Entry) { n++; skipped(e) }
	nameCol := h.Mapping.Column(FieldName)
	catCol := h.Mapping.Column(FieldCategory)
	officeCol := h.Mapping.Column(FieldOffice)
	var data [][]string
	if h.DataStart < len(t.Rows) {
		data = t.Rows[h.DataStart:]
	}
	catFills := fillsDown(data, catCol, nameCol)
	officeFills := fillsDown(data, officeCol, nameCol)
	headerRow := t.Rows[h.Row]
	uncategorised := noCategory()
	entry := func(row int, col int, st Status, m words.Msg) Entry {
		e := Entry{File: t.File, Sheet: t.Sheet, Row: row, Status: st, Reason: m}
		if col >= 0 {
			e.Column = columnLabel(col, t.Cell(h.Row, col))
		}
		return e
	}
	var lastCat, lastOffice, lastName, headingCat string
	headingKind := model.ListKind(0)
	lastSeq := 0
	for i, row := range data {
		if limit >= 0 && n >= limit {
			break
		}
		rowNo := h.DataStart + i + 1
		class, text := classifyRow(row, h, headerRow)
		switch class {
		case rowBlank:
			continue
		case rowFootnote:
			skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.footnote", "text", clip(text))))
			continue
		case rowHeaderRep:
			skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.header_repeated")))
			continue
		case rowSeqOnly:
			skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.seq_only")))
			continue
		case rowTotal:
			skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.total")))
			continue
		case rowHeading:
			ht := headingText(text)
			if k, ok := kindFromText(ht); ok {
				headingKind, headingCat = k, ""
				skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.heading_kind", "kind", k.Name())))
			} else {
				headingCat = ht
				skip(entry(rowNo, -1, StatusSkipped, words.M("sheet.row.heading_category", "category", ht)))
			}
			lastCat = ""
			continue
		}

		rec := Record{Row: rowNo}
		for f := range rec.Cols {
			rec.Cols[f] = -1
		}
		var reject *Entry
		for col, f := range h.Mapping {
			if f == FieldNone || col >= len(row) {
				continue
			}
			v := unneutralise(cleanText(row[col], oneLineFields[f]))
			if v == "" {
				continue
			}
			if f == FieldName && t.Delimiter != 0 && strings.Contains(row[col], "\n") && strings.ContainsRune(row[col], t.Delimiter) {
				// A quote opened and never closed swallows the rows after it into one cell.
				e := entry(rowNo, col, StatusRejected, words.M("sheet.row.unclosed_quote", "field", FieldName.Name(), "text", clip(v)))
				reject = &e
				break
			}
			if f.textLimited() && len(v) > model.MaxText {
				e := entry(rowNo, col, StatusRejected, words.M("sheet.row.cell_too_long", "size", len(v), "limit", model.MaxText))
				reject = &e
				break
			}
			if rec.Values[f] == "" {
				rec.Values[f], rec.Cols[f] = v, col
			} else if !singleValued[f] {
				rec.Values[f] += "；" + v
			}
		}
		if reject != nil {
			skip(*reject)
			continue
		}

		// A blank name under a sub-item continues the duty above it.
		if rec.Values[FieldName] == "" && rec.Values[FieldSubItem] != "" && lastName != "" {
			rec.Values[FieldName] = lastName
		}
		if rec.Values[FieldName] == "" {
			skip(entry(rowNo, nameCol, StatusRejected, words.M("sheet.row.name_empty", "field", FieldName.Name())))
			continue
		}
		lastName = rec.Values[FieldName]

		switch c := rec.Values[FieldCategory]; {
		case c != "":
			lastCat = c
		case catFills && lastCat != "":
			rec.Values[FieldCategory] = lastCat
		case headingCat != "":
			rec.Values[FieldCategory] = headingCat
		default:
			rec.Values[FieldCategory] = uncategorised
			if catCol >= 0 {
				rec.Notes = append(rec.Notes, words.M("sheet.row.no_category", "field", FieldCategory.Name(), "category", uncategorised))
			}
		}

		switch o := rec.Values[FieldOffice]; {
		case o != "":
			lastOffice = o
		case officeFills && lastOffice != "":
			rec.Values[FieldOffice] = lastOffice
		default:
			rec.Values[FieldOffice] = strings.TrimSpace(opts.Office)
		}

		if kc := rec.Values[FieldKind]; kc != "" {
			k, ok := kindFromText(kc)
			if !ok {
				skip(entry(rowNo, rec.Cols[FieldKind], StatusRejected, words.M("sheet.row.unknown_kind", "text", clip(kc),
					"basic", model.ListBasic.Name(), "supporting", model.ListSupporting.Name(),
					"returned", model.ListReturned.Name())))
				continue
			}
			rec.Kind = k
		} else if headingKind != 0 {
			rec.Kind = headingKind
		} else if s.Kind != 0 {
			rec.Kind = s.Kind
		} else if opts.Kind != 0 {
			rec.Kind = opts.Kind
		} else {
			skip(entry(rowNo, -1, StatusRejected, words.M("sheet.row.no_kind", "column", FieldKind.Name())))
			continue
		}
		rec.Values[FieldKind] = rec.Kind.Code()

		if sv := rec.Values[FieldSeq]; sv != "" {
			if n, ok := parseSeq(sv); ok {
				rec.Seq = n
			} else {
				rec.Seq = lastSeq + 1
				rec.Notes = append(rec.Notes, words.M("sheet.row.seq_not_whole", "text", clip(sv), "seq", rec.Seq))
			}
		} else {
			rec.Seq = lastSeq + 1
		}
		lastSeq = rec.Seq
		rec.Values[FieldSeq] = strconv.Itoa(rec.Seq)
		n++
		record(&rec)
	}
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
