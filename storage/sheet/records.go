package sheet

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"rpbmatrix/model"
)

// Uncategorised is the category given to a duty whose sheet names none.
const Uncategorised = "未分类"

// Record is one data row read through a mapping, with the list kind,
// category, office and sequence number resolved, before it meets the project.
type Record struct {
	Row    int                // spreadsheet row, from 1
	Values [fieldCount]string // the text of each field as it will be imported
	Cols   [fieldCount]int    // the column (from 0) each field was read from, -1 when resolved otherwise
	Kind   model.ListKind
	Seq    int
	Notes  []model.Msg // warnings: the row is imported, with this said about it
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

var footnotePrefixes = []string{"注:", "注1", "注2", "注3", "注①", "注一", "说明:", "备注:", "填表说明", "附注", "附:",
	"填报单位", "填表单位", "填表人", "填报人", "制表", "审核人", "审核:", "联系人", "联系电话", "填报日期", "填表日期", "单位(盖章)", "(盖章)"}

var (
	headingPrefix = regexp.MustCompile(`^[(（]?[一二三四五六七八九十百零〇]+[)）]?[、.．\s]*`)
	headingCount  = regexp.MustCompile(`[(（]\s*共?\s*\d+\s*[项条个]\s*[)）]\s*$`)
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
	n := norm.NFKC.String(first)
	if n == "注" || n == "说明" || n == "备注" {
		return rowFootnote, first
	}
	for _, p := range footnotePrefixes {
		if strings.HasPrefix(n, p) {
			return rowFootnote, first
		}
	}
	if sameRow(row, headerRow) {
		return rowHeaderRep, ""
	}
	if n == "合计" || n == "共计" || n == "总计" || strings.HasPrefix(n, "合计:") || strings.HasPrefix(n, "共计:") {
		return rowTotal, first
	}
	nameCol := h.Mapping.Column(FieldName)
	seqCol := h.Mapping.Column(FieldSeq)
	if len(distinct) == 1 {
		if firstCol == seqCol && nonEmpty == 1 {
			if _, ok := parseSeq(first); ok && !headingPrefix.MatchString(n) {
				return rowSeqOnly, ""
			}
		}
		// One text spread over the row by a horizontal merge, a numbered
		// heading ("一、党的建设"), or a lone text outside the duty column.
		numbered := headingPrefix.MatchString(n) && headingPrefix.FindString(n) != n
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
	s = norm.NFKC.String(s)
	s = headingPrefix.ReplaceAllString(s, "")
	s = headingCount.ReplaceAllString(s, "")
	return strings.TrimSpace(strings.TrimRight(s, ":："))
}

// oneLineFields lose manual line breaks; the long texts keep theirs.
var oneLineFields = map[Field]bool{FieldSeq: true, FieldName: true, FieldSubItem: true, FieldCategory: true, FieldKind: true,
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
	if s.Skipped() {
		return nil, nil
	}
	t, h := s.Table, &s.Header
	var recs []Record
	var entries []Entry
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
	entry := func(row int, col int, st Status, m model.Msg) Entry {
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
		if limit >= 0 && len(recs)+len(entries) >= limit {
			break
		}
		rowNo := h.DataStart + i + 1
		class, text := classifyRow(row, h, headerRow)
		switch class {
		case rowBlank:
			continue
		case rowFootnote:
			entries = append(entries, entry(rowNo, -1, StatusSkipped, msgf("注释/说明行，未导入：%s", "footnote row, not imported: %s", clip(text))))
			continue
		case rowHeaderRep:
			entries = append(entries, entry(rowNo, -1, StatusSkipped, msgf("重复的表头行", "repeated header row")))
			continue
		case rowSeqOnly:
			entries = append(entries, entry(rowNo, -1, StatusSkipped, msgf("只有序号的空行", "row with a number and nothing else")))
			continue
		case rowTotal:
			entries = append(entries, entry(rowNo, -1, StatusSkipped, msgf("合计行", "total row")))
			continue
		case rowHeading:
			ht := headingText(text)
			if k, ok := kindFromText(ht); ok {
				headingKind, headingCat = k, ""
				entries = append(entries, entry(rowNo, -1, StatusSkipped, model.Msg{Zh: "分组标题行：以下为" + k.Name().Zh + "事项", En: "heading row: " + k.Name().En + " items follow"}))
			} else {
				headingCat = ht
				entries = append(entries, entry(rowNo, -1, StatusSkipped, msgf("分类标题行：以下事项类别为「%s」", "heading row: category %q for the rows below", ht)))
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
			v := cleanText(row[col], oneLineFields[f])
			if v == "" {
				continue
			}
			if f == FieldName && t.Delimiter != 0 && strings.Contains(row[col], "\n") && strings.ContainsRune(row[col], t.Delimiter) {
				// A quote opened and never closed swallows the rows after it into one cell.
				e := entry(rowNo, col, StatusRejected, msgf("事项名称跨越多行且含有分隔符，可能是引号未闭合：%s",
					"the duty name spans lines and holds the delimiter; probably an unclosed quote: %s", clip(v)))
				reject = &e
				break
			}
			if f.textLimited() && len(v) > model.MaxText {
				e := entry(rowNo, col, StatusRejected, msgf("单元格过长（%d 字节，上限 %d），请拆分或精简后再导入",
					"cell too long (%d bytes, limit %d); shorten or split it", len(v), model.MaxText))
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
			entries = append(entries, *reject)
			continue
		}

		// A blank name under a sub-item continues the duty above it.
		if rec.Values[FieldName] == "" && rec.Values[FieldSubItem] != "" && lastName != "" {
			rec.Values[FieldName] = lastName
		}
		if rec.Values[FieldName] == "" {
			entries = append(entries, entry(rowNo, nameCol, StatusRejected, msgf("事项名称为空，但本行有其他内容", "the duty name is empty but the row has other content")))
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
			rec.Values[FieldCategory] = Uncategorised
			if catCol >= 0 {
				rec.Notes = append(rec.Notes, msgf("事项类别为空，记为「%s」", "no category, recorded as %q", Uncategorised))
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
				entries = append(entries, entry(rowNo, rec.Cols[FieldKind], StatusRejected, msgf(
					"无法识别清单类型「%s」（应为 基本履职 / 配合履职 / 上级部门收回）",
					"unknown list kind %q (expected 基本履职 / 配合履职 / 上级部门收回)", clip(kc))))
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
			entries = append(entries, entry(rowNo, -1, StatusRejected, msgf(
				"无法确定清单类型：工作表名、标题和「清单类型」列都没有说明，请指定清单类型（命令行 --kind）",
				"cannot tell the list kind: neither the sheet name, the title nor a 清单类型 column says; choose one (--kind on the command line)")))
			continue
		}
		rec.Values[FieldKind] = rec.Kind.Name().Zh

		if sv := rec.Values[FieldSeq]; sv != "" {
			if n, ok := parseSeq(sv); ok {
				rec.Seq = n
			} else {
				rec.Seq = lastSeq + 1
				rec.Notes = append(rec.Notes, msgf("序号「%s」不是整数，按行序记为 %d", "number %q is not a whole number; recorded as %d by row order",
					clip(sv), rec.Seq))
			}
		} else {
			rec.Seq = lastSeq + 1
		}
		lastSeq = rec.Seq
		rec.Values[FieldSeq] = strconv.Itoa(rec.Seq)
		recs = append(recs, rec)
	}
	return recs, entries
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
