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

// assessmentPreview is the preview of an assessment sheet's first n rows:
// the office and duty each names with the values it gives, or why it is
// skipped or rejected. Whether the office and duty exist is checked when
// planning, against the project.
func (s *Source) assessmentPreview(h *assessSheet, n int) []PreviewRow {
	t := s.Table
	var out []PreviewRow
	for i := h.row + 1; i < len(t.Rows) && len(out) < n; i++ {
		if blankRow(t.Rows[i]) {
			continue
		}
		p, e, problems := h.readRow(t, i)
		r := PreviewRow{Row: i + 1, Status: e.Status, Reason: e.Reason}
		switch {
		case len(problems) > 0:
			r.Status, r.Reason = StatusRejected, words.Msg{}
			for _, pr := range problems {
				r.Reason = appendMsg(r.Reason, pr.Reason)
			}
		case e.Status != StatusSkipped:
			r.Values[FieldOffice], r.Values[FieldName], r.Values[FieldSubItem] = p.office, p.name, p.sub
			if p.kind != 0 {
				r.Kind, r.Values[FieldKind] = p.kind, p.kind.Code()
			}
			var values []words.Msg
			for col, f := range h.fields { // in the sheet's order
				if f != assessNone && p.cells.cells[f].set && p.cells.cols[f] == col {
					values = append(values, words.M("assessimport.preview.value", "field", f.name(),
						"value", cleanText(t.Rows[i][col], true)))
				}
			}
			r.Reason = words.M("assessimport.preview.values", "values", values)
		}
		out = append(out, r)
	}
	return out
}
