package sheet

import "rpbmatrix/model/words"

// AssessmentNote says what the import wizard's preview does not show: the
// assessment columns of a table (on a list, filling the office's
// assessments), or that the table is an assessment sheet. Zero when it has
// none.
func (s *Source) AssessmentNote() words.Msg {
	if h := assessmentTable(s); h != nil {
		var labels []string
		for c, f := range h.fields {
			if f != assessNone {
				labels = append(labels, columnLabel(c, s.Table.Cell(h.row, c)))
			}
		}
		return words.M("assessimport.preview.sheet", "columns", labels)
	}
	cols := assessColumnsOf(s)
	if labels := assessColumnNames(s, cols); len(labels) > 0 {
		return words.M("assessimport.preview.columns", "columns", labels)
	}
	return words.Msg{}
}

// AssessmentColumn names the assessment field column col feeds
// ("履职评估：督查检查次数（次/年）"), or is zero when it feeds none, for
// the wizard's column selector, which offers duty fields only.
func (s *Source) AssessmentColumn(col int) words.Msg {
	var fields []assessField
	if h := assessmentTable(s); h != nil {
		fields = h.fields
	} else {
		fields = assessColumnsOf(s)
	}
	if col < 0 || col >= len(fields) || fields[col] == assessNone {
		return words.Msg{}
	}
	return words.M("assessimport.preview.column", "field", fields[col].name())
}
