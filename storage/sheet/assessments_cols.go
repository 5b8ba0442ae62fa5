package sheet

import (
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Assessment columns on a list (督查检查次数, 政务APP数量, 经费来源 … beside
// the duties of an office's list) fill that office's assessment of each
// duty, created or updated, whatever the duplicate policy did with the
// duty itself. The office is the row's 街道 column or the import's office.

// assessColumnsOf returns the assessment field of each column of a list
// table: the columns its header names as assessment fields and that feed
// no duty field (a column the wizard mapped to a duty field stays one).
func assessColumnsOf(s *Source) []assessField {
	if s.Skipped() {
		return nil
	}
	t, h := s.Table, &s.Header
	header := t.Rows[h.Row]
	var out []assessField
	for c, cell := range header {
		if c < len(h.Mapping) && h.Mapping[c] != FieldNone {
			continue
		}
		if f := assessFieldOf(cell); f != assessNone && !containsField(out, f) {
			for len(out) <= c {
				out = append(out, assessNone)
			}
			out[c] = f
		}
	}
	return out
}

// releaseAssessmentColumns gives back to the assessment the columns a
// duty field claims only by a part of their header ("经费来源" holds 来源,
// "一票否决依据" 依据): the whole header names an assessment field.
func releaseAssessmentColumns(header []string, m Mapping) {
	for c, cell := range header {
		if c >= len(m) || m[c] == FieldNone {
			continue
		}
		if _, exact := matchHeader(cell); !exact && assessFieldOf(cell) != assessNone {
			m[c] = FieldNone
		}
	}
}

// listAssessColumns are the assessment columns of a list table, worked out
// once per table.
func (pl *planner) listAssessColumns(s *Source) []assessField {
	ap := &pl.assess
	if ap.cols == nil {
		ap.cols = map[*Source][]assessField{}
	}
	cols, ok := ap.cols[s]
	if !ok {
		cols = assessColumnsOf(s)
		ap.cols[s] = cols
	}
	return cols
}

// addWithAssessment plans a list row (add) and then, when its table has
// assessment columns, the assessments the row fills.
func (pl *planner) addWithAssessment(s *Source, r *Record) {
	cols := pl.listAssessColumns(s)
	if len(cols) == 0 {
		pl.add(s, r)
		return
	}
	orderBefore, entriesBefore := len(pl.order), len(pl.report.Entries)
	pl.add(s, r)
	pl.assessListRow(s, r, cols, orderBefore, entriesBefore)
}

func (pl *planner) assessListRow(s *Source, r *Record, cols []assessField, orderBefore, entriesBefore int) {
	t := s.Table
	headerOf := func(col int) string { return t.Cell(s.Header.Row, col) }
	e := Entry{File: t.File, Sheet: t.Sheet, Row: r.Row, Duty: (&model.Duty{Name: r.Values[FieldName], SubItem: r.Values[FieldSubItem]}).Title()}
	problems := rowRejections{e: e, headerOf: headerOf}
	var ar assessRow
	readAssessRow(t.Rows[r.Row-1], cols, &ar, problems.add)
	if len(problems.list) > 0 {
		pl.report.Entries = append(pl.report.Entries, problems.list...)
		return
	}
	if ar.empty() {
		return
	}
	for _, x := range pl.report.Entries[entriesBefore:] {
		if x.Status == StatusRejected { // the duty is not planned: nothing to assess
			return
		}
	}
	d := pl.dutyOfRecord(r, orderBefore)
	if d == nil {
		return
	}
	names := officeNames(r.Values[FieldOffice], func(n string) bool { return pl.offices[n] != nil })
	if len(names) == 0 {
		// A list of every office (an exported matrix read as lists is one)
		// does not say whose assessment the columns are: one note.
		pl.noteSheetOnce(s, words.M("assessimport.sheet.no_office", "columns", assessColumnNames(s, cols)))
		return
	}
	var note words.Msg
	for _, n := range names {
		o := pl.offices[n]
		if o == nil {
			continue
		}
		out := pl.planAssessment(o, d, &ar, e, headerOf)
		switch {
		case out.status == StatusRejected:
			pl.report.Entries = append(pl.report.Entries, out.rejected...)
		case out.status == StatusSkipped && note.IsZero():
			note = out.reason
		}
	}
	if note.IsZero() || ar.state() == stateUnassessed {
		return // a row marked 未评估 says what it means: no note
	}
	// A list with no column saying whether its duties are assessed gets
	// one note for the sheet, not one for every duty.
	if !containsField(cols, assessRole) && !containsField(cols, assessAssessed) {
		pl.noteSheetOnce(s, words.M("assessimport.sheet.no_state", "role", assessRole.name(), "assessed", assessAssessed.name()))
		return
	}
	for i := len(pl.report.Entries) - 1; i >= entriesBefore; i-- {
		if x := &pl.report.Entries[i]; x.Row == r.Row && x.File == t.File && x.Sheet == t.Sheet {
			x.Reason = appendMsg(x.Reason, note)
			return
		}
	}
}

// dutyOfRecord is the duty a list row was planned into: a duty it created
// or updated (the last one planned, when add planned one), else the duty
// it duplicates, of the import or of the project — the duties add finds by
// the same keys.
func (pl *planner) dutyOfRecord(r *Record, orderBefore int) *model.Duty {
	if len(pl.order) > orderBefore {
		return pl.order[len(pl.order)-1].duty
	}
	d := &model.Duty{Name: r.Values[FieldName], SubItem: r.Values[FieldSubItem], Kind: r.Kind}
	for _, name := range officeNames(r.Values[FieldOffice], func(n string) bool { return pl.offices[n] != nil }) {
		if o := pl.offices[name]; o != nil {
			d.Scope = append(d.Scope, o.ID)
		}
	}
	key := dutyKey(d)
	if pd := pl.planned[key]; pd != nil {
		return pd.duty
	}
	if old := pl.existing[key]; old != nil {
		return old
	}
	d.Scope = nil
	return pl.existing[dutyKey(d)]
}

// noteSheetOnce adds a note on a whole table to the report, once.
func (pl *planner) noteSheetOnce(s *Source, m words.Msg) {
	ap := &pl.assess
	if ap.sheetNotes == nil {
		ap.sheetNotes = map[sheetNote]bool{}
	}
	if k := (sheetNote{s, m.Key}); !ap.sheetNotes[k] {
		ap.sheetNotes[k] = true
		pl.report.Entries = append(pl.report.Entries, Entry{File: s.Table.File, Sheet: s.Table.Sheet, Status: StatusSkipped, Reason: m})
	}
}

type sheetNote struct {
	s   *Source
	key string
}

// assessColumnNames lists a table's assessment columns ("F 督查检查次数、G 政务APP数量").
func assessColumnNames(s *Source, cols []assessField) []string {
	var labels []string
	for c, f := range cols {
		if f != assessNone {
			labels = append(labels, columnLabel(c, s.Table.Cell(s.Header.Row, c)))
		}
	}
	return labels
}
