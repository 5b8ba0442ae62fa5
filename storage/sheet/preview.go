package sheet

import (
	"sort"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// PreviewRow is one row of a table as the import will treat it: its field
// values for a row that will be imported, or why it is skipped or rejected.
type PreviewRow struct {
	Row    int // spreadsheet row, from 1
	Status Status
	Values [fieldCount]string // by Field; empty unless Status is StatusImported
	Kind   model.ListKind     // the list kind the row is imported into
	Reason words.Msg
}

// Value returns the text of field f as it will be imported; the list kind
// is its code ("basic").
func (r *PreviewRow) Value(f Field) string { return r.Values[f] }

// Text returns field f as the preview shows it in lang: the list kind by
// its name, every other field as Value.
func (r *PreviewRow) Text(f Field, lang string) string {
	if f == FieldKind && r.Kind != 0 {
		return r.Kind.Name().In(lang)
	}
	return r.Values[f]
}

// Preview returns the first n rows below the header as they will be
// imported with opts and the source's current mapping. Duplicates are not
// looked for here: that needs the project, and happens when planning.
func (s *Source) Preview(opts Options, n int) []PreviewRow {
	if h := assessmentTable(s); h != nil {
		return s.assessmentPreview(h, n)
	}
	recs, entries := s.records(opts, n)
	out := make([]PreviewRow, 0, len(recs)+len(entries))
	for _, r := range recs {
		out = append(out, PreviewRow{Row: r.Row, Status: StatusImported, Values: r.Values, Kind: r.Kind, Reason: joinNotes(r.Notes)})
	}
	for _, e := range entries {
		out = append(out, PreviewRow{Row: e.Row, Status: e.Status, Reason: e.Reason})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Row < out[j].Row })
	return out
}

// HeaderCells returns the header texts of a prepared table, one per column
// of its widest row, for the wizard's mapping row.
func (s *Source) HeaderCells() []string {
	t := s.Table
	w := t.Width()
	out := make([]string, w)
	if s.Skipped() {
		return out
	}
	for c := 0; c < w; c++ {
		out[c] = cleanText(t.Cell(s.Header.Row, c), true)
		if s.Header.DataStart == s.Header.Row+2 {
			if sub := cleanText(t.Cell(s.Header.Row+1, c), true); sub != "" && sub != out[c] {
				out[c] = out[c] + " / " + sub
			}
		}
	}
	return out
}

// SetField makes column col feed f. A single-valued field (name, category,
// kind, office, number, sub-item) moves: the column that fed it is cleared.
func (s *Source) SetField(col int, f Field) {
	for len(s.Header.Mapping) <= col {
		s.Header.Mapping = append(s.Header.Mapping, FieldNone)
	}
	if singleValued[f] {
		for i, x := range s.Header.Mapping {
			if x == f {
				s.Header.Mapping[i] = FieldNone
			}
		}
	}
	s.Header.Mapping[col] = f
}

// SetHeaderRow makes row (from 0) the header, mapping its columns afresh,
// and takes the table into the import if it was skipped for want of a header.
func (s *Source) SetHeaderRow(row int) {
	if row < 0 || row >= len(s.Table.Rows) {
		return
	}
	m, score := mapRow(s.Table.Rows[row])
	releaseAssessmentColumns(s.Table.Rows[row], m)
	s.Header = Header{Row: row, DataStart: row + 1, Mapping: m, Score: score}
	s.Skip = words.Msg{}
}
