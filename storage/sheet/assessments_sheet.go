package sheet

import (
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// An assessment sheet (履职评估表) gives one office's assessment of one duty
// a row: the office, the duty (by name, with its sub-item or list kind when
// the name alone is ambiguous, or by its number when there is no name
// column), then assessment columns. It is recognised by such a header with
// at least two assessment columns (one when the sheet's name says it holds
// assessments), and no column only a list has (category, basis,
// departments …): a list with assessment columns is a list, whose
// assessment columns fill the assessments of its office
// (assessments_cols.go). Offices and duties must exist, in the project or
// in the same import; a row naming another is rejected.

// assessSheet is a recognised assessment sheet's header.
type assessSheet struct {
	row                              int
	office, name, subItem, kind, seq int // columns, -1 when absent
	fields                           []assessField
}

// listOnly are the duty fields only a list has: a header naming one is a list.
var listOnly = map[Field]bool{FieldCategory: true, FieldSubCategory: true, FieldLegalBasis: true, FieldLeadDept: true,
	FieldSupportDepts: true, FieldHigherDeptDuty: true, FieldOfficeDuty: true, FieldReceivingDept: true,
	FieldWorkingMethod: true, FieldSource: true}

// assessmentTable returns the header of an assessment sheet, or nil.
func assessmentTable(s *Source) *assessSheet {
	t := s.Table
	if t.Hidden || isDataSheet(t.Sheet) || s.Skip.Key == "sheet.skip.user" {
		return nil
	}
	need := 2
	for _, w := range assessHeaderWords().sheetWords {
		if strings.Contains(fold(t.Sheet), w) {
			need = 1
		}
	}
	for i := 0; i < len(t.Rows) && i < HeaderSearchRows; i++ {
		if h := assessSheetHeader(t.Rows[i], need); h != nil {
			h.row = i
			return h
		}
	}
	return nil
}

func assessSheetHeader(row []string, need int) *assessSheet {
	h := &assessSheet{office: -1, name: -1, subItem: -1, kind: -1, seq: -1, fields: make([]assessField, len(row))}
	cols := map[Field]*int{FieldOffice: &h.office, FieldName: &h.name, FieldSubItem: &h.subItem, FieldKind: &h.kind, FieldSeq: &h.seq}
	n := 0
	for c, cell := range row {
		if f := assessFieldOf(cell); f != assessNone {
			if !containsField(h.fields, f) {
				h.fields[c] = f
				n++
			}
			continue
		}
		f, exact := matchHeader(cell)
		if !exact {
			continue
		}
		if listOnly[f] {
			return nil
		}
		if p := cols[f]; p != nil && *p < 0 {
			*p = c
		}
	}
	if h.office < 0 || h.name < 0 && h.seq < 0 || n < need {
		return nil
	}
	return h
}

func containsField(fs []assessField, f assessField) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// pendingAssessRow is a row of an assessment sheet, its cells read and
// checked, waiting for every duty of the import to be planned.
type pendingAssessRow struct {
	e                 Entry // its entry, added to the report once it is planned
	office, name, sub string
	kind              model.ListKind
	seq               int
	cells             assessRow
	headerOf          func(col int) string
}

// addAssessmentSheet plans the rows of an assessment sheet.
func (pl *planner) addAssessmentSheet(s *Source, h *assessSheet) {
	t := s.Table
	pl.assess.dutyIndex = nil // indexed afresh with the duties planned so far
	pl.report.trimmed = len(pl.report.Entries)
	for i := h.row + 1; i < len(t.Rows); i++ {
		if blankRow(t.Rows[i]) {
			continue
		}
		p, e, problems := h.readRow(t, i)
		switch {
		case len(problems) > 0:
			pl.report.Entries = append(pl.report.Entries, problems...)
		case e.Status == StatusSkipped:
			pl.report.Entries = append(pl.report.Entries, e)
		case pl.resolveAssessRow(&p, &e, false):
			// Most rows name what the project holds: planned now, they keep
			// nothing; the others wait for the duties the whole import plans.
		default:
			p.e = e
			pl.assess.pending = append(pl.assess.pending, p)
		}
		pl.report.trim() // a long sheet's report lists some rows and counts the rest
		if pl.consume {
			t.Rows[i] = nil
		}
	}
}

// readRow reads row i (from 0) of an assessment sheet: the row to plan and
// its entry, or its entry skipped (a footnote, a total, a row giving
// nothing), or its rejections.
func (h *assessSheet) readRow(t *Table, i int) (pendingAssessRow, Entry, []Entry) {
	row := t.Rows[i]
	headerOf := func(col int) string { return t.Cell(h.row, col) }
	cell := func(col int) string {
		if col < 0 || col >= len(row) {
			return ""
		}
		return cleanText(row[col], true)
	}
	office, name := cell(h.office), cell(h.name)
	e := Entry{File: t.File, Sheet: t.Sheet, Row: i + 1, Duty: name, Status: StatusImported}
	first := ""
	for _, c := range row {
		if first = fold(cleanText(c, true)); first != "" {
			break
		}
	}
	skip := func(m words.Msg) (pendingAssessRow, Entry, []Entry) {
		e.Status, e.Reason = StatusSkipped, m
		return pendingAssessRow{}, e, nil
	}
	if v := recognise(); containsString(v.footnoteWords, first) || hasPrefixIn(first, v.footnotePrefixes) {
		e.Duty = ""
		return skip(words.M("sheet.row.footnote", "text", clip(first)))
	} else if containsString(v.totalWords, first) || hasPrefixIn(first, v.totalPrefixes) {
		e.Duty = ""
		return skip(words.M("sheet.row.total"))
	}
	p := pendingAssessRow{office: office, name: name, sub: cell(h.subItem), headerOf: headerOf}
	problems := rowRejections{e: e, headerOf: headerOf}
	reject := problems.add
	if k := cell(h.kind); k != "" {
		if p.kind, _ = kindFromText(k); p.kind == 0 {
			reject(h.kind, words.M("sheet.row.unknown_kind", "text", clip(k), "basic", model.ListBasic.Name(),
				"supporting", model.ListSupporting.Name(), "returned", model.ListReturned.Name()))
		}
	}
	if name == "" {
		if n, ok := parseSeq(cell(h.seq)); ok && h.name < 0 {
			p.seq = n
			e.Duty = cell(h.seq)
		} else {
			col := h.name
			if col < 0 {
				col = h.seq
			}
			reject(col, words.M("assessimport.row.no_duty", "field", FieldName.Name()))
		}
	}
	if office == "" {
		reject(h.office, words.M("sheet.staffing.row.no_office", "field", FieldOffice.Name()))
	}
	readAssessRow(row, h.fields, &p.cells, reject)
	if len(problems.list) > 0 {
		return p, e, problems.list
	}
	if p.cells.empty() {
		return skip(words.M("sheet.row.seq_only"))
	}
	return p, e, nil
}

// readAssessRow reads a row's assessment cells through the columns' fields,
// calling reject for each cell that cannot be read.
func readAssessRow(row []string, fields []assessField, into *assessRow, reject func(col int, m words.Msg)) {
	for f := range into.cols {
		into.cols[f] = -1
	}
	for col, f := range fields {
		if f == assessNone || col >= len(row) {
			continue
		}
		c, bad := readAssessCell(f, row[col])
		if !bad.IsZero() {
			reject(col, bad)
			continue
		}
		if c.set {
			into.cells[f], into.cols[f] = c, col
		}
	}
}

// resolvePendingAssessments plans the rows that waited, against every
// office and duty of the project and the import.
func (pl *planner) resolvePendingAssessments() {
	ap := &pl.assess
	if len(ap.pending) == 0 {
		return
	}
	pl.indexDutiesForAssessments()
	for i := range ap.pending {
		p := &ap.pending[i]
		pl.resolveAssessRow(p, &p.e, true)
	}
}

// resolveAssessRow finds the office and duty a row of an assessment sheet
// names and plans its assessment, adding its entry e to the report. A row
// whose office or duty is not found, or is ambiguous, is rejected when
// final; otherwise it returns false and waits.
func (pl *planner) resolveAssessRow(p *pendingAssessRow, e *Entry, final bool) bool {
	ap := &pl.assess
	if ap.dutyIndex == nil {
		pl.indexDutiesForAssessments()
	}
	done := func(st Status, reason words.Msg, more []Entry) bool {
		e.Status, e.Reason = st, reason
		pl.report.Entries = append(pl.report.Entries, *e)
		pl.report.Entries = append(pl.report.Entries, more...)
		return true
	}
	o := pl.offices[p.office]
	if o == nil {
		o = ap.officeFold[fold(p.office)]
	}
	if o == nil {
		return final && done(StatusRejected, words.M("assessimport.row.unknown_office", "office", p.office), nil)
	}
	var cands []*model.Duty
	if p.name != "" {
		cands = ap.dutyIndex[foldKey(p.name)+"\x00"+foldKey(p.sub)]
	} else {
		cands = ap.seqIndex[p.seq]
	}
	var found *model.Duty
	n := 0
	for _, d := range cands {
		if d.AppliesTo(o.ID) && (p.kind == 0 || d.Kind == p.kind) {
			found, n = d, n+1
		}
	}
	switch {
	case n == 0:
		return final && done(StatusRejected, words.M("assessimport.row.unknown_duty", "office", o.Name, "duty", e.Duty), nil)
	case n > 1:
		return final && done(StatusRejected, words.M("assessimport.row.ambiguous_duty", "office", o.Name, "duty", e.Duty, "n", n), nil)
	}
	e.Duty = found.Title()
	out := pl.planAssessment(o, found, &p.cells, *e, p.headerOf)
	if out.status == StatusRejected {
		*e = out.rejected[0]
		return done(StatusRejected, e.Reason, out.rejected[1:])
	}
	return done(out.status, out.reason, nil)
}

// indexDutiesForAssessments indexes the duties an assessment sheet may
// name: the project's, as this import leaves them, and the new ones.
func (pl *planner) indexDutiesForAssessments() {
	ap := &pl.assess
	ap.dutyIndex, ap.seqIndex, ap.officeFold = map[string][]*model.Duty{}, map[int][]*model.Duty{}, map[string]*model.Office{}
	planned := map[model.ID]*model.Duty{}
	for _, pd := range pl.order {
		planned[pd.duty.ID] = pd.duty
	}
	add := func(d *model.Duty) {
		k := foldKey(d.Name) + "\x00" + foldKey(d.SubItem)
		ap.dutyIndex[k] = append(ap.dutyIndex[k], d)
		ap.seqIndex[d.Seq] = append(ap.seqIndex[d.Seq], d)
	}
	for id, d := range pl.p.Duties {
		if planned[id] == nil {
			add(d)
		}
	}
	for _, d := range planned {
		add(d)
	}
	for name, o := range pl.offices {
		ap.officeFold[fold(name)] = o
	}
}
