package sheet

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// matrixRow is one duty of an office's matrix, in export form.
type matrixRow struct {
	duty     *model.Duty
	a        *model.Assessment // nil when not assessed
	score    *model.Score      // nil when the analysis has none
	marks    []model.Mark      // one per column authority
	findings []model.Finding
	worst    model.Severity
}

// officeMatrix is one office's duties against the authorities they need.
type officeMatrix struct {
	office *model.Office
	auths  []*model.Authority // every authority any of the office's duties requires, in catalogue order
	rows   []matrixRow
}

func buildMatrix(p *model.Project, res *model.Result, o *model.Office) *officeMatrix {
	duties := p.DutiesOf(o.ID)
	need := map[model.ID]bool{}
	for _, d := range duties {
		for _, a := range d.Required {
			need[a] = true
		}
	}
	m := &officeMatrix{office: o}
	for _, a := range p.AuthorityList() {
		if need[a.ID] {
			m.auths = append(m.auths, a)
		}
	}
	byDuty := map[model.ID][]model.Finding{}
	for _, f := range res.FindingsOfOffice(o.ID) { // worst first
		if f.Duty != model.NilID {
			byDuty[f.Duty] = append(byDuty[f.Duty], f)
		}
	}
	// One backing array for every row's marks: a district has a million rows.
	marks := make([]model.Mark, len(duties)*len(m.auths))
	m.rows = make([]matrixRow, 0, len(duties))
	for i, d := range duties {
		r := matrixRow{duty: d, a: p.Assessment(o.ID, d.ID), score: res.Scores[model.PairKey{Office: o.ID, Other: d.ID}],
			findings: byDuty[d.ID], marks: marks[i*len(m.auths) : (i+1)*len(m.auths)]}
		for j, a := range m.auths {
			r.marks[j] = model.MarkNotNeeded
			if slices.Contains(d.Required, a.ID) {
				r.marks[j] = model.MarkOf(p.Holding(o.ID, a.ID))
			}
		}
		for _, f := range r.findings {
			r.worst = max(r.worst, f.Severity)
		}
		if r.score != nil {
			r.worst = max(r.worst, r.score.Worst)
		}
		m.rows = append(m.rows, r)
	}
	return m
}

// selectOffices returns the offices to export: all, or the one named.
func selectOffices(p *model.Project, name string) ([]*model.Office, error) {
	if name == "" {
		return p.OfficeList(), nil
	}
	if o := p.OfficeByName(name); o != nil {
		return []*model.Office{o}, nil
	}
	var names []string
	for _, o := range p.OfficeList() {
		names = append(names, o.Name)
	}
	return nil, &FileError{Problem: words.M("sheet.error.no_office", "office", name, "offices", names)}
}

// column is one header of the exported matrix: its words, and the field it
// reads back as when the export is imported (FieldNone: not imported).
type column struct {
	name  words.Msg
	field Field
}

// Columns shared by the xlsx and CSV matrices, in order. The authority
// columns come between the responsibility and resource groups; the CSV
// starts with the office.
var (
	officeColumn = column{words.M("sheet.column.office"), FieldOffice}
	leadColumns  = []column{{words.M("sheet.column.seq"), FieldSeq}, {words.M("sheet.column.kind"), FieldKind},
		{words.M("sheet.column.category"), FieldCategory}, {words.M("sheet.column.duty"), FieldName}}
	respColumns = []words.Msg{words.M("sheet.column.role"), words.M("term.weight"), words.M("sheet.column.accountability")}
	resColumns  = []words.Msg{words.M("term.authority_coverage"),
		words.M("sheet.column.staff_needed"), words.M("sheet.column.staff_held"),
		words.M("sheet.column.funds_needed"), words.M("sheet.column.funds_held"),
		words.M("sheet.column.systems"), words.M("term.resource_coverage")}
	tailColumns = []words.Msg{words.M("sheet.column.burden"), words.M("sheet.column.findings"), words.M("term.gap")}

	// importableColumns are the exported headers the importer reads back.
	importableColumns = append([]column{officeColumn}, leadColumns...)
)

// The cells of a row are typed so the xlsx gets numbers it can sort and
// sum: float64 for quantities, ratio for coverages (shown as percent),
// nil for blank, string for text. CSV formats them with text().
type ratio float64

func (r *matrixRow) leadCells(lang string) []any {
	d := r.duty
	var seq any
	if d.Seq > 0 {
		seq = float64(d.Seq)
	}
	return []any{seq, d.Kind.Name().In(lang), d.Category, d.Title()}
}

func (r *matrixRow) respCells(lang string) []any {
	var w any
	if r.score != nil {
		w = r.score.Weight
	}
	if r.a == nil {
		return []any{words.Say(lang, "sheet.cell.unassessed"), w, nil}
	}
	var acc []string
	if r.a.Veto {
		acc = append(acc, words.Say(lang, "sheet.cell.accountability.veto"))
	}
	if r.a.Incidents > 0 {
		acc = append(acc, words.Say(lang, "sheet.cell.accountability.incidents", "n", r.a.Incidents))
	}
	if r.a.AssessedBy > 0 {
		acc = append(acc, words.Say(lang, "sheet.cell.accountability.assessed_by", "n", r.a.AssessedBy))
	}
	return []any{r.a.Role.Name().In(lang), w, strings.Join(acc, cellSep(lang))}
}

// cellSep separates the items listed in one cell.
func cellSep(lang string) string { return words.Say(lang, "sheet.cell.sep") }

func (r *matrixRow) resourceCells() []any {
	out := make([]any, 7)
	if r.score != nil {
		out[0] = ratio(r.score.AuthorityCoverage)
		out[6] = ratio(r.score.ResourceCoverage)
	}
	if a := r.a; a != nil {
		out[1], out[2], out[3], out[4] = a.StaffNeeded, a.StaffHeld, a.FundsNeeded, a.FundsHeld
		if a.SystemsNeeded > 0 || a.SystemsHeld > 0 {
			out[5] = strconv.Itoa(a.SystemsNeeded) + "/" + strconv.Itoa(a.SystemsHeld)
		}
	}
	return out
}

func (r *matrixRow) tailCells(lang string) []any {
	var burden any
	if a := r.a; a != nil && (a.HoursPerMonth > 0 || a.ReportsPerMonth > 0) {
		burden = words.Say(lang, "sheet.cell.burden", "hours", num(a.HoursPerMonth), "formalism", num(a.FormalismHours), "reports", a.ReportsPerMonth)
	}
	var names []string
	seen := map[model.RuleCode]bool{}
	for _, f := range r.findings { // worst first
		if !seen[f.Rule] {
			seen[f.Rule] = true
			names = append(names, f.Rule.Name().In(lang))
		}
	}
	var gap any
	if r.score != nil {
		gap = r.score.Gap
	}
	return []any{burden, strings.Join(names, cellSep(lang)), gap}
}

// text formats a typed cell for CSV.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return num(x)
	case ratio:
		return percent(float64(x))
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// num formats a quantity with at most two decimals and no trailing zeros.
func num(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

func percent(x float64) string { return strconv.Itoa(int(math.Round(x*100))) + "%" }

// markText is a mark's glyph beside a name: "● 行政检查", "× 缺失".
func markText(lang string, m model.Mark, name string) string {
	return words.Say(lang, "sheet.mark", "glyph", palette.Mark(m).Glyph, "name", name)
}

// markLegend lists every needed mark with the model's name for it.
func markLegend(lang string) []string {
	var out []string
	for _, m := range model.Marks {
		if m != model.MarkNotNeeded {
			out = append(out, markText(lang, m, m.Name().In(lang)))
		}
	}
	return out
}
