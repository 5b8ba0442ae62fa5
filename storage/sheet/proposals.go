package sheet

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// A proposals sheet (准入申请) lists departments' requests to hand offices a
// new task. It is recognised by its sheet name or by a header naming the
// requesting department, the task and something only a request has (its
// decision, basis level, staff or funds); its rows become model.Proposal
// records in the same all-or-nothing plan as the duties.

// proposalField is the proposal field a column feeds.
type proposalField int

const (
	propNone proposalField = iota
	propDepartment
	propName
	propDescription
	propBasis
	propBasisLevel
	propScope
	propStaffNeeded
	propStaffCarried
	propFundsNeeded
	propFundsCarried
	propAdmission
	propReason
	propDecidedOn
	propDecidedBy
	propNotes
	propFieldCount
)

// proposalCodes name the fields in catalogue keys
// (sheet.proposal.field.<code>, sheet.proposal.header.<code>.synonyms).
var proposalCodes = [propFieldCount]string{
	propNone: "none", propDepartment: "department", propName: "name", propDescription: "description",
	propBasis: "basis", propBasisLevel: "basis_level", propScope: "scope", propStaffNeeded: "staff_needed",
	propStaffCarried: "staff_carried", propFundsNeeded: "funds_needed", propFundsCarried: "funds_carried",
	propAdmission: "admission", propReason: "reason", propDecidedOn: "decided_on", propDecidedBy: "decided_by",
	propNotes: "notes",
}

func (f proposalField) code() string    { return proposalCodes[f] }
func (f proposalField) name() words.Msg { return words.M("sheet.proposal.field." + f.code()) }
func (f proposalField) numeric() bool   { return f >= propStaffNeeded && f <= propFundsCarried }
func (f proposalField) onlyInProposal() bool {
	return f == propBasisLevel || f == propAdmission || f.numeric() || f == propDecidedOn || f == propDecidedBy
}

// proposalWords is the proposals sheet's recognition vocabulary.
var proposalWords = sync.OnceValue(func() *sideVocab[proposalField] {
	var fields []proposalField
	for f := propDepartment; f < propFieldCount; f++ {
		fields = append(fields, f)
	}
	return loadSideVocab("proposal", fields)
})

// mapProposalRow maps a candidate header row; a field keeps its first column.
func mapProposalRow(row []string) []proposalField {
	pv := proposalWords()
	m := make([]proposalField, len(row))
	seen := map[proposalField]bool{}
	for i, c := range row {
		if f := pv.field(c); f != propNone && !seen[f] {
			m[i], seen[f] = f, true
		}
	}
	return m
}

// proposalHeader finds a proposals table's header row: the first row naming
// the task and the department. byName says the sheet's name already marks
// it as a proposals sheet; otherwise the row must also name a column only a
// request has. It returns -1 when the table is not a proposals table.
func proposalHeader(t *Table, byName bool) (int, []proposalField) {
	for i := 0; i < len(t.Rows) && i < HeaderSearchRows; i++ {
		m := mapProposalRow(t.Rows[i])
		var name, dept, only bool
		for _, f := range m {
			name = name || f == propName
			dept = dept || f == propDepartment
			only = only || f.onlyInProposal()
		}
		if name && dept && (byName || only) {
			return i, m
		}
	}
	return -1, nil
}

// isProposalSheetName reports whether a sheet's name marks it as a proposals sheet.
func isProposalSheetName(sheet string) bool {
	n := fold(sheet)
	for _, w := range proposalWords().sheetWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// proposalTable returns the header row and mapping of a proposals table, or -1.
func proposalTable(s *Source) (int, []proposalField) {
	t := s.Table
	if t.Hidden || isDataSheet(t.Sheet) || s.Skip.Key == "sheet.skip.user" {
		return -1, nil
	}
	return proposalHeader(t, isProposalSheetName(t.Sheet))
}

// addProposals plans the rows of a proposals table.
func (pl *planner) addProposals(s *Source, headerRow int, m []proposalField) {
	t := s.Table
	for i := headerRow + 1; i < len(t.Rows); i++ {
		row := t.Rows[i]
		if blankRow(row) {
			continue
		}
		pl.addProposal(s, i+1, row, headerRow, m)
	}
}

func (pl *planner) addProposal(s *Source, rowNo int, row []string, headerRow int, m []proposalField) {
	t := s.Table
	q := &model.Proposal{Meta: model.NewMeta(pl.opts.Author)}
	e := Entry{File: t.File, Sheet: t.Sheet, Row: rowNo, Status: StatusImported}
	var problems []Entry
	reject := func(col int, msg words.Msg) {
		re := e
		re.Status, re.Reason = StatusRejected, msg
		if col >= 0 {
			re.Column = columnLabel(col, t.Cell(headerRow, col))
		}
		problems = append(problems, re)
	}
	cols := map[proposalField]int{}
	var scopeCell string
	for col, f := range m {
		if f == propNone || col >= len(row) {
			continue
		}
		cols[f] = col
		v := strings.TrimSpace(row[col])
		if v == "" {
			continue
		}
		if len(v) > model.MaxText {
			reject(col, words.M("sheet.proposal.row.too_long", "field", f.name(), "max", model.MaxText))
			continue
		}
		switch f {
		case propDepartment:
			q.Department = oneLine(v)
		case propName:
			q.Name = oneLine(v)
		case propDescription:
			q.Description = v
		case propBasis:
			q.Basis = v
		case propBasisLevel:
			l, ok := model.ParseBasisLevel(v)
			if !ok {
				reject(col, words.M("sheet.proposal.row.bad_basis_level", "field", f.name(), "value", v))
			}
			q.BasisLevel = l
		case propScope:
			scopeCell = v
		case propStaffNeeded, propStaffCarried, propFundsNeeded, propFundsCarried:
			x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
			if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) {
				reject(col, words.M("sheet.proposal.row.bad_number", "field", f.name(), "value", v))
				continue
			}
			*map[proposalField]*float64{propStaffNeeded: &q.StaffNeeded, propStaffCarried: &q.StaffCarried,
				propFundsNeeded: &q.FundsNeeded, propFundsCarried: &q.FundsCarried}[f] = x
		case propAdmission:
			a, ok := model.ParseAdmission(v)
			if !ok {
				reject(col, words.M("sheet.proposal.row.bad_admission", "field", f.name(), "value", v))
			}
			q.Admission = a
		case propReason:
			q.Reason = v
		case propDecidedOn:
			d, ok := parseDate(v)
			if !ok {
				reject(col, words.M("sheet.proposal.row.bad_date", "field", f.name(), "value", v))
			}
			q.DecidedOn = d
		case propDecidedBy:
			q.DecidedBy = oneLine(v)
		case propNotes:
			q.Notes = v
		}
	}
	e.Duty = q.Name
	colOf := func(f proposalField) int {
		if c, ok := cols[f]; ok {
			return c
		}
		return -1
	}
	if q.Name == "" {
		reject(colOf(propName), words.M("sheet.proposal.row.missing", "field", propName.name()))
	}
	if q.Department == "" {
		reject(colOf(propDepartment), words.M("sheet.proposal.row.missing", "field", propDepartment.name()))
	}
	for i := range problems {
		problems[i].Duty = q.Name
	}
	if len(problems) > 0 {
		pl.report.Entries = append(pl.report.Entries, problems...)
		return
	}
	for _, name := range officeNames(scopeCell, func(n string) bool { return pl.offices[n] != nil }) {
		q.Scope = append(q.Scope, pl.office(name).ID)
	}
	key := foldKey(q.Department) + "\x00" + foldKey(q.Name)
	if prev := pl.plannedProps[key]; prev != nil && pl.opts.OnDuplicate != PolicyAdd {
		e.Status, e.Reason = StatusSkipped, words.M("sheet.row.duplicate_skipped", "where", prev.where)
		pl.report.Entries = append(pl.report.Entries, e)
		return
	}
	if old := pl.existingProps[key]; old != nil {
		switch pl.opts.OnDuplicate {
		case PolicySkip:
			e.Status, e.Reason = StatusSkipped, words.M("sheet.proposal.row.exists_skipped", "name", old.Name)
			pl.report.Entries = append(pl.report.Entries, e)
			return
		case PolicyUpdate:
			// The row replaces the request's fields; its identity, the
			// authorities and the duty it became stay.
			q.Meta = old.Meta
			q.Required, q.Granted, q.Duty = old.Required, old.Granted, old.Duty
			q.Touch(pl.opts.Author)
			e.Status, e.Reason = StatusUpdated, words.M("sheet.proposal.row.exists_updated", "name", old.Name)
		}
	}
	where := (&Entry{File: t.File, Sheet: t.Sheet, Row: rowNo}).Place()
	pl.plannedProps[key] = &plannedProposal{q: q, where: where}
	pl.props = append(pl.props, q)
	pl.report.Entries = append(pl.report.Entries, e)
}

type plannedProposal struct {
	q     *model.Proposal
	where words.Msg
}

// oneLine joins a cell's lines with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseDate reads a decision date written as 2026-03-05, 2026/3/5,
// 2026.3.5, "2026年3月5日" or an Excel day number, as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil && n > 20000 && n < 80000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format(time.DateOnly), true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if len(parts) != 3 {
		return "", false
	}
	y, e1 := strconv.Atoi(parts[0])
	mo, e2 := strconv.Atoi(parts[1])
	d, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || y < 1900 || y > 2200 {
		return "", false
	}
	tm := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if tm.Month() != time.Month(mo) || tm.Day() != d {
		return "", false
	}
	return tm.Format(time.DateOnly), true
}
