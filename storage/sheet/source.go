package sheet

import (
	"strings"

	"rpbmatrix/model"
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
	// header found); empty Zh when it is imported.
	Skip model.Msg
}

// Skipped reports whether the table is left out.
func (s *Source) Skipped() bool { return s.Skip.Zh != "" }

// instructionWords mark sheets that explain the form rather than hold a list.
var instructionWords = []string{"说明", "填表", "填报要求", "目录", "封面", "使用指南", "readme", "instruction", "字典", "下拉"}

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
	lower := strings.ToLower(t.Sheet)
	if t.Hidden {
		s.Skip = msgf("隐藏的工作表，未导入", "hidden sheet, not imported")
		return s
	}
	h, ok := DetectHeader(t.Rows)
	for _, w := range instructionWords {
		if strings.Contains(lower, w) && (!ok || h.Score < 6) {
			s.Skip = msgf("说明页，未导入", "instruction sheet, not imported")
			return s
		}
	}
	if !ok {
		if len(t.Rows) == 0 {
			s.Skip = msgf("空白工作表", "empty sheet")
		} else {
			s.Skip = msgf("前 %d 行中没有找到表头（应有「事项名称」「职责事项」等列名），未导入",
				"no header row in the first %d rows (a column such as 事项名称 or 职责事项 is needed), not imported", HeaderSearchRows)
		}
		return s
	}
	s.Header = h
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
