package sheet

import (
	"io"
	"strings"

	"rpbmatrix/model"
)

// WriteListsXLSX writes the workbook that goes up to the district in the
// published form: the three lists of one office (or of the whole
// catalogue) — 基本履职事项清单, 配合履职事项清单, 上级部门收回事项清单 —
// then the 处理意见清单, the findings counted by rule for every office,
// and the data sheet, which holds the offices, authorities, duties and
// decisions (not the assessments or holdings: the lists do not show them),
// unless WithoutDataSheet. The lists import back as the same duties.
func WriteListsXLSX(w io.Writer, p *model.Project, res *model.Result, office, lang string, opts ...Option) error {
	offices, err := selectOffices(p, office)
	if err != nil {
		return err
	}
	x := newExport(w, p, res, lang, workbookLists, opts)
	defer x.wb.abort()
	var duties []*model.Duty
	scope := p.Info.Name
	if p.Info.Region != "" {
		scope = x.say("sheet.lists.scope_region", "region", p.Info.Region)
	}
	if office != "" {
		duties = p.DutiesOf(offices[0].ID)
		scope = offices[0].Name
	} else {
		duties = p.DutyList()
	}
	for _, k := range model.ListKinds {
		var ds []*model.Duty
		for _, d := range duties {
			if d.Kind == k {
				ds = append(ds, d)
			}
		}
		if err := x.list(k, ds, scope, office == ""); err != nil {
			return err
		}
	}
	if err := x.decisions(offices); err != nil {
		return err
	}
	if err := x.byRule(offices); err != nil {
		return err
	}
	if err := x.data(subsetOf(p, offices, office != "", false)); err != nil {
		return err
	}
	return x.wb.close()
}

// listColumn is one column of a published list.
type listColumn struct {
	field  Field
	header string // catalogue key of its header
	width  float64
}

// listBase are the columns of each list as published; the notes column
// comes last. Fields the published form has no column for are added
// before it when some duty of the list has them, so that nothing is lost.
var listBase = map[model.ListKind][]listColumn{
	model.ListBasic: {{FieldSeq, "sheet.field.seq", 6}, {FieldName, "sheet.field.name", 30}, {FieldCategory, "sheet.field.category", 12},
		{FieldLegalBasis, "sheet.field.legal_basis", 40}, {FieldLeadDept, "sheet.field.lead_dept", 16}, {FieldSupportDepts, "sheet.field.support_depts", 20}},
	model.ListSupporting: {{FieldSeq, "sheet.field.seq", 6}, {FieldName, "sheet.field.name", 30}, {FieldCategory, "sheet.field.category", 12},
		{FieldLeadDept, "sheet.lists.col.higher_dept", 16}, {FieldHigherDeptDuty, "sheet.field.higher_dept_duty", 32}, {FieldOfficeDuty, "sheet.lists.col.office_duty", 32}},
	model.ListReturned: {{FieldSeq, "sheet.field.seq", 6}, {FieldName, "sheet.field.name", 30}, {FieldCategory, "sheet.field.category", 12},
		{FieldReceivingDept, "sheet.field.receiving_dept", 16}, {FieldWorkingMethod, "sheet.field.working_method", 28}},
}

// listExtras are the fields a list may need beyond its published columns, with their widths.
var listExtras = []listColumn{{FieldSubItem, "sheet.field.sub_item", 16}, {FieldLegalBasis, "sheet.field.legal_basis", 40},
	{FieldLeadDept, "sheet.field.lead_dept", 16}, {FieldSupportDepts, "sheet.field.support_depts", 20},
	{FieldHigherDeptDuty, "sheet.field.higher_dept_duty", 32}, {FieldOfficeDuty, "sheet.field.office_duty", 32},
	{FieldReceivingDept, "sheet.field.receiving_dept", 16}, {FieldWorkingMethod, "sheet.field.working_method", 28}}

// listColumns are the columns of one list of ds: the published ones, the
// extras some duty fills, the offices a duty is limited to when the list
// is the whole catalogue's and some duty is, and the notes.
func listColumns(kind model.ListKind, ds []*model.Duty, wholeCatalogue bool) []listColumn {
	cols := append([]listColumn(nil), listBase[kind]...)
	has := func(f Field) bool {
		for _, c := range cols {
			if c.field == f {
				return true
			}
		}
		return false
	}
	for _, e := range listExtras {
		if has(e.field) {
			continue
		}
		for _, d := range ds {
			if dutyField(d, e.field) != "" {
				if e.field == FieldSubItem { // beside the name it belongs to
					cols = append(cols[:2], append([]listColumn{e}, cols[2:]...)...)
				} else {
					cols = append(cols, e)
				}
				break
			}
		}
	}
	if wholeCatalogue {
		for _, d := range ds {
			if len(d.Scope) > 0 {
				cols = append(cols, listColumn{FieldOffice, "sheet.lists.col.scope", 20})
				break
			}
		}
	}
	return append(cols, listColumn{FieldNotes, "sheet.field.notes", 16})
}

// dutyField is the text of one of a duty's list fields.
func dutyField(d *model.Duty, f Field) string {
	switch f {
	case FieldName:
		return d.Name
	case FieldSubItem:
		return d.SubItem
	case FieldCategory:
		return d.Category
	case FieldLegalBasis:
		return d.LegalBasis
	case FieldLeadDept:
		return d.LeadDept
	case FieldSupportDepts:
		return d.SupportDepts
	case FieldHigherDeptDuty:
		return d.HigherDeptDuty
	case FieldOfficeDuty:
		return d.OfficeDuty
	case FieldReceivingDept:
		return d.ReceivingDept
	case FieldWorkingMethod:
		return d.WorkingMethod
	case FieldNotes:
		return d.Notes
	}
	return ""
}

// list writes one of the three lists: a title naming the list and whose
// it is, a line of particulars, the header, the duties with runs of one
// category merged as published lists merge them, and a closing note.
func (x *xlsxExport) list(kind model.ListKind, ds []*model.Duty, scope string, wholeCatalogue bool) error {
	cols := listColumns(kind, ds, wholeCatalogue)
	var widths []float64
	var hdr []string
	catCol := -1
	for i, c := range cols {
		widths = append(widths, c.width)
		hdr = append(hdr, x.say(c.header))
		if c.field == FieldCategory {
			catCol = i
		}
	}
	listName := x.say("sheet.lists.name." + kind.Code())
	const headerRow = 3
	w, err := x.newSheet(listName, sheetLayout{widths: widths, freezeCols: 2, freezeRows: headerRow,
		titleRows: [2]int{headerRow, headerRow}, columns: len(cols)})
	if err != nil {
		return err
	}
	if err := w.put(26, w.cell(kindTitle, noFill, x.say("sheet.lists.title", "scope", scope, "list", listName))); err != nil {
		return err
	}
	w.merge(1, 1, len(cols), 1)
	if err := w.put(0, w.cell(kindNote, noFill, x.particulars())); err != nil {
		return err
	}
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	cells := make([]xcell, len(cols))
	texts := make([]any, len(cols))
	runStart, runCat := 0, ""
	endRun := func() {
		if catCol >= 0 && runStart > 0 && w.rows() > runStart {
			w.merge(catCol+1, runStart, catCol+1, w.rows())
		}
	}
	for _, d := range ds {
		for i, c := range cols {
			var v any
			k := kindText
			switch c.field {
			case FieldSeq:
				k = kindInteger
				if d.Seq > 0 {
					v = d.Seq
				}
			case FieldCategory:
				k = kindCentered
				v = d.Category
			case FieldOffice:
				v = x.scopeText(d)
			default:
				v = dutyField(d, c.field)
			}
			cells[i], texts[i] = w.cell(k, noFill, v), v
		}
		if d.Category != runCat || runStart == 0 {
			endRun()
			runStart, runCat = w.rows()+1, d.Category
		}
		if err := w.put(rowHeight(texts, widths), cells...); err != nil {
			return err
		}
	}
	endRun()
	note := x.say("sheet.lists.count", "n", len(ds))
	if len(ds) == 0 {
		note = x.say("sheet.lists.none")
	}
	if err := w.put(0, w.cell(kindNote, noFill, note)); err != nil {
		return err
	}
	if len(ds) > 0 {
		w.filter(1, headerRow, len(cols), headerRow+len(ds))
	}
	return nil
}

// scopeText names the offices a duty is limited to, or says it applies to all.
func (x *xlsxExport) scopeText(d *model.Duty) string {
	if len(d.Scope) == 0 {
		return x.say("sheet.lists.all_offices")
	}
	names := make([]string, 0, len(d.Scope))
	for _, id := range d.Scope {
		if o := x.p.Offices[id]; o != nil {
			names = append(names, o.Name)
		} else {
			names = append(names, id.String())
		}
	}
	return strings.Join(names, x.say("sheet.lists.office_sep"))
}

// officeNames reads a scope cell: the offices named, or none for every
// office. A name the project has is taken whole, else the cell is split
// at the separators the lists use.
func officeNames(cell string, known func(string) bool) []string {
	cell = strings.TrimSpace(cell)
	if cell == "" || containsString(recognise().allOffices, fold(cell)) {
		return nil
	}
	if known(cell) {
		return []string{cell}
	}
	parts := []string{cell}
	for _, sep := range recognise().officeSeps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !containsString(out, p) {
			out = append(out, p)
		}
	}
	return out
}
