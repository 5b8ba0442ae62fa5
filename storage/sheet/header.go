package sheet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// HeaderSearchRows is how far down a sheet the header row is looked for;
// title, subtitle and "填报单位" rows sit above it.
const HeaderSearchRows = 30

// Mapping says which field each column feeds: Mapping[i] is column i (from 0).
// The wizard changes it; FieldNone ignores a column.
type Mapping []Field

// Has reports whether some column feeds f.
func (m Mapping) Has(f Field) bool { return m.Column(f) >= 0 }

// Column returns the first column feeding f, or -1.
func (m Mapping) Column(f Field) int {
	for i, x := range m {
		if x == f {
			return i
		}
	}
	return -1
}

// Clone returns a copy the caller may change.
func (m Mapping) Clone() Mapping { return append(Mapping(nil), m...) }

// Header is where a table's header was found.
type Header struct {
	Row       int     // index of the header row (from 0); the first of two when it has two levels
	DataStart int     // index of the first row below the header
	Mapping   Mapping // what each column feeds
	Score     int     // how header-like the row was (2 per exact synonym, 1 per partial)
}

// singleValued fields take the first matching column; the others may be
// fed by several columns, whose texts are joined.
var singleValued = map[Field]bool{FieldSeq: true, FieldName: true, FieldSubItem: true, FieldCategory: true, FieldSubCategory: true, FieldKind: true, FieldOffice: true}

// normalizeHeader folds full-width forms (NFKC) and Latin case, drops
// spaces and line breaks, required-field marks and a trailing colon, so
// that "事 项 名 称*", "事项名称（必填）", "事项\n名称" and "Duty Name" read as
// the synonyms they are.
func normalizeHeader(s string) string { return normalizeHeaderWith(s, recognise().headerSuffixes) }

func normalizeHeaderWith(s string, suffixes []string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '★' {
			return -1
		}
		return r
	}, s)
	for _, suffix := range suffixes {
		s = strings.TrimSuffix(s, strings.ReplaceAll(suffix, " ", ""))
	}
	return strings.TrimSuffix(s, ":")
}

// matchHeader returns the field a header cell names and whether the match is
// exact. A partial match is the longest synonym the cell contains, for cells
// short enough to be a header ("事项名称（主项）").
func matchHeader(cell string) (Field, bool) {
	n := normalizeHeader(cell)
	if n == "" {
		return FieldNone, false
	}
	v := recognise()
	if f, ok := v.synonyms[n]; ok {
		return f, true
	}
	if utf8.RuneCountInString(n) > 16 {
		return FieldNone, false
	}
	for _, syn := range v.partial { // longest first
		if len(syn.text) > 1 && strings.Contains(n, syn.text) {
			return syn.field, false
		}
	}
	return FieldNone, false
}

// mapRow maps one candidate header row and scores it.
func mapRow(row []string) (Mapping, int) {
	m := make(Mapping, len(row))
	exact := make([]bool, len(row))
	score := 0
	for i, c := range row {
		f, ok := matchHeader(c)
		m[i], exact[i] = f, ok
		switch {
		case f == FieldNone:
		case ok:
			score += 2
		default:
			score++
		}
	}
	// A single-valued field keeps its best column: the first exact match,
	// else the first partial one.
	for f := range singleValued {
		keep := -1
		for i, x := range m {
			if x == f && (keep < 0 || exact[i] && !exact[keep]) {
				keep = i
			}
		}
		for i, x := range m {
			if x == f && i != keep {
				m[i] = FieldNone
			}
		}
	}
	// A horizontally merged header cell repeats its text: only its first column feeds the field.
	for i := 1; i < len(row); i++ {
		if m[i] != FieldNone && row[i] == row[i-1] && m[i-1] == m[i] {
			m[i] = FieldNone
		}
	}
	return m, score
}

// DetectHeader finds the header row among the first HeaderSearchRows rows:
// the row that names the most known columns and names the duty column.
// A second header row below it (two-level headers such as 上级部门 over
// 部门名称/职责) adds the columns it names.
func DetectHeader(rows [][]string) (Header, bool) {
	best := Header{Row: -1}
	for i := 0; i < len(rows) && i < HeaderSearchRows; i++ {
		m, score := mapRow(rows[i])
		if !m.Has(FieldName) || score < 2 {
			continue
		}
		if score > best.Score {
			best = Header{Row: i, DataStart: i + 1, Mapping: m, Score: score}
		}
	}
	if best.Row < 0 {
		return best, false
	}
	if best.Row+1 < len(rows) {
		mergeSubHeader(&best, rows[best.Row], rows[best.Row+1])
	}
	return best, true
}

// mergeSubHeader treats the row below the header as a second header level
// when it names a field in a column whose top cell is blank or spans
// (repeats) the cell to its left, and the duty column is not filled with a
// value of its own.
func mergeSubHeader(h *Header, top, sub []string) {
	nameCol := h.Mapping.Column(FieldName)
	if nameCol < len(sub) && sub[nameCol] != "" && sub[nameCol] != top[nameCol] {
		return
	}
	added := false
	for i, c := range sub {
		f, exact := matchHeader(c)
		if !exact || f == FieldNone || (singleValued[f] && h.Mapping.Has(f)) {
			continue
		}
		for len(h.Mapping) <= i {
			h.Mapping = append(h.Mapping, FieldNone)
		}
		parentBlankOrSpanning := i >= len(top) || top[i] == "" || (i > 0 && top[i] == top[i-1]) || h.Mapping[i] == FieldNone ||
			(i+1 < len(top) && top[i] == top[i+1])
		if parentBlankOrSpanning {
			h.Mapping[i] = f
			added = true
		}
	}
	if added {
		h.DataStart = h.Row + 2
	}
}
