package sheet

import (
	"strconv"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Source is one table prepared for import: where its header is, how its
// columns map to fields and which list it holds. The wizard may change
// Header.Mapping, Header.DataStart and Kind before planning.
type Source struct {
	Table  *Table
	Header Header
	// Kind is the list kind named by the sheet or its title rows; 0 when
	// neither names one (a 清单类型 column or Options.Kind then decides).
	Kind model.ListKind
	// Skip says why the whole table is left out (an instruction sheet, no
	// header found); zero when it is imported.
	Skip words.Msg
}

// Skipped reports whether the table is left out.
func (s *Source) Skipped() bool { return !s.Skip.IsZero() }

// SetSkipped leaves the table out because the user said so, or takes it
// back in; a table without a header takes its first row as the header.
func (s *Source) SetSkipped(skip bool) {
	switch {
	case skip:
		s.Skip = words.M("sheet.skip.user")
	case s.Header.Mapping == nil:
		s.SetHeaderRow(0)
	default:
		s.Skip = words.Msg{}
	}
}

// Prepare finds the header and list kind of every table.
func Prepare(tables []*Table) []*Source {
	out := make([]*Source, 0, len(tables))
	for _, t := range tables {
		out = append(out, prepare(t))
	}
	return out
}

func prepare(t *Table) *Source {
	s := &Source{Table: t}
	name := fold(t.Sheet)
	if isDataSheet(t.Sheet) {
		s.Skip = words.M("sheet.skip.data")
		return s
	}
	if t.Hidden {
		s.Skip = words.M("sheet.skip.hidden")
		return s
	}
	h, ok := DetectHeader(t.Rows)
	for _, w := range recognise().instructionSheets {
		if strings.Contains(name, w) && (!ok || h.Score < 6) {
			s.Skip = words.M("sheet.skip.instructions")
			return s
		}
	}
	// The summary, findings, by-rule and legend sheets of an exported
	// workbook are analysis, not lists: a workbook exported here imports as
	// its office or list sheets. A list published under such a name has a
	// number column.
	if containsString(recognise().analysisSheets, continued(name)) && !h.Mapping.Has(FieldSeq) {
		s.Skip = words.M("sheet.skip.analysis")
		return s
	}
	// A 处理意见清单 names duties but lists what was decided about them.
	if ok && isDecisionHeader(t.Rows[h.Row]) {
		s.Skip = words.M("sheet.skip.decisions")
		return s
	}
	if !ok {
		if len(t.Rows) == 0 {
			s.Skip = words.M("sheet.skip.empty")
		} else {
			s.Skip = words.M("sheet.skip.no_header", "rows", HeaderSearchRows)
		}
		return s
	}
	s.Header = h
	releaseAssessmentColumns(t.Rows[h.Row], s.Header.Mapping)
	if k, ok := sheetKind(t.Sheet); ok {
		s.Kind = k
	} else {
		for _, row := range t.Rows[:h.Row] {
			if k, ok := titleKind(row); ok {
				s.Kind = k
				break
			}
		}
	}
	return s
}

// titleKind recognises a list kind named in a title row above the header.
func titleKind(row []string) (model.ListKind, bool) {
	for _, c := range row {
		if c != "" {
			if k, ok := kindFromText(c); ok {
				return k, true
			}
		}
	}
	return 0, false
}

// continued is a sheet name without the "(2)" the exporter adds to a
// sheet continued past a sheet's rows.
func continued(name string) string {
	if i := strings.LastIndexByte(name, '('); i > 0 && strings.HasSuffix(name, ")") {
		if _, err := strconv.Atoi(name[i+1 : len(name)-1]); err == nil {
			return name[:i]
		}
	}
	return name
}

// isDecisionHeader reports whether a header row has a column of decisions (处理意见).
func isDecisionHeader(row []string) bool {
	for _, c := range row {
		if containsString(recognise().decisionHeaders, normalizeHeader(c)) {
			return true
		}
	}
	return false
}
