package sheet

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// A staffing sheet (人员编制情况) gives each office's approved establishment
// and the people it really has (核定编制, 实有在编, 编外/协管, 借调出, 下沉入,
// 社区工作者), one office a row. It is recognised by a header naming the
// office and at least two staffing columns (one when the sheet's name says
// it is a staffing sheet); its rows update the offices, creating those the
// project lacks, in the same all-or-nothing plan as the duties.

type staffField int

const (
	staffNone staffField = iota
	staffOffice
	staffEstablishment
	staffOnStaff
	staffAuxiliary
	staffSecondedOut
	staffSecondedIn
	staffCommunityWorkers
	staffFieldCount
)

var staffCodes = [staffFieldCount]string{
	staffNone: "none", staffOffice: "office", staffEstablishment: "establishment", staffOnStaff: "on_staff",
	staffAuxiliary: "auxiliary", staffSecondedOut: "seconded_out", staffSecondedIn: "seconded_in",
	staffCommunityWorkers: "community_workers",
}

func (f staffField) code() string    { return staffCodes[f] }
func (f staffField) name() words.Msg { return words.M("sheet.staffing.field." + f.code()) }

// count is the office's field the column feeds.
func (f staffField) count(o *model.Office) *int {
	switch f {
	case staffEstablishment:
		return &o.Establishment
	case staffOnStaff:
		return &o.OnStaff
	case staffAuxiliary:
		return &o.Auxiliary
	case staffSecondedOut:
		return &o.SecondedOut
	case staffSecondedIn:
		return &o.SecondedIn
	case staffCommunityWorkers:
		return &o.CommunityWorkers
	}
	return nil
}

// staffWords is the staffing sheet's recognition vocabulary.
var staffWords = sync.OnceValue(func() *sideVocab[staffField] {
	var fields []staffField
	for f := staffOffice; f < staffFieldCount; f++ {
		fields = append(fields, f)
	}
	return loadSideVocab("staffing", fields)
})

// staffingTable returns the header row and mapping of a staffing table, or -1.
func staffingTable(s *Source) (int, []staffField) {
	t := s.Table
	if t.Hidden || isDataSheet(t.Sheet) || s.Skip.Key == "sheet.skip.user" {
		return -1, nil
	}
	sv := staffWords()
	need := 2
	for _, w := range sv.sheetWords {
		if strings.Contains(fold(t.Sheet), w) {
			need = 1
		}
	}
	for i := 0; i < len(t.Rows) && i < HeaderSearchRows; i++ {
		m := make([]staffField, len(t.Rows[i]))
		seen := map[staffField]bool{}
		counts := 0
		for c, cell := range t.Rows[i] {
			if f := sv.field(cell); f != staffNone && !seen[f] {
				m[c], seen[f] = f, true
				if f != staffOffice {
					counts++
				}
			}
		}
		if seen[staffOffice] && counts >= need {
			return i, m
		}
	}
	return -1, nil
}

// addStaffing plans the rows of a staffing table.
func (pl *planner) addStaffing(s *Source, headerRow int, m []staffField) {
	t := s.Table
	for i := headerRow + 1; i < len(t.Rows); i++ {
		if row := t.Rows[i]; !blankRow(row) {
			pl.addStaffRow(s, i+1, row, headerRow, m)
		}
	}
}

func (pl *planner) addStaffRow(s *Source, rowNo int, row []string, headerRow int, m []staffField) {
	t := s.Table
	e := Entry{File: t.File, Sheet: t.Sheet, Row: rowNo, Status: StatusUpdated}
	var name string
	officeCol := -1
	values := map[staffField]int{}
	var problems []Entry
	for col, f := range m {
		if f == staffNone || col >= len(row) {
			continue
		}
		v := strings.TrimSpace(row[col])
		if f == staffOffice {
			name, officeCol = oneLine(v), col
			continue
		}
		if v == "" {
			continue
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil || x < 0 || x != math.Trunc(x) || x > 1e6 {
			re := e
			re.Status, re.Reason = StatusRejected, words.M("sheet.staffing.row.bad_count", "field", f.name(), "value", v)
			re.Column = columnLabel(col, t.Cell(headerRow, col))
			problems = append(problems, re)
			continue
		}
		values[f] = int(x)
	}
	if name == "" || containsString(recognise().totalWords, fold(name)) || hasPrefixIn(fold(name), recognise().totalPrefixes) {
		if name == "" && len(values) > 0 || name == "" && len(problems) > 0 {
			re := e
			re.Status, re.Reason = StatusRejected, words.M("sheet.staffing.row.no_office", "field", staffOffice.name())
			if officeCol >= 0 {
				re.Column = columnLabel(officeCol, t.Cell(headerRow, officeCol))
			}
			problems = append(problems, re)
		} else if name != "" {
			return // a total row
		}
	}
	for i := range problems {
		problems[i].Duty = name
	}
	if len(problems) > 0 || name == "" {
		pl.report.Entries = append(pl.report.Entries, problems...)
		return
	}
	o := pl.staffed[name]
	if o == nil {
		o = pl.office(name)
		if !slices.Contains(pl.newOffs, o) { // the project's office: change a copy
			o = o.Clone().(*model.Office)
			o.Touch(pl.opts.Author)
			pl.staffedOrder = append(pl.staffedOrder, o)
		} else {
			e.Status = StatusImported
		}
		pl.staffed[name] = o
	}
	for f, n := range values {
		*f.count(o) = n
	}
	e.Duty = name
	e.Reason = words.M("sheet.staffing.row.staffing", "office", name)
	pl.report.Entries = append(pl.report.Entries, e)
}
