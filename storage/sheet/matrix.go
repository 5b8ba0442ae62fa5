package sheet

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"rpbmatrix/model"
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
	for _, f := range res.Findings {
		if f.Office == o.ID && f.Duty != model.NilID {
			byDuty[f.Duty] = append(byDuty[f.Duty], f)
		}
	}
	for _, d := range duties {
		r := matrixRow{duty: d, a: p.Assessment(o.ID, d.ID), score: res.Scores[model.PairKey{Office: o.ID, Other: d.ID}],
			findings: byDuty[d.ID]}
		req := map[model.ID]bool{}
		for _, a := range d.Required {
			req[a] = true
		}
		for _, a := range m.auths {
			if req[a.ID] {
				r.marks = append(r.marks, model.MarkOf(p.Holding(o.ID, a.ID)))
			} else {
				r.marks = append(r.marks, model.MarkNotNeeded)
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
	return nil, &FileError{Msg: msgf("项目中没有名为「%s」的街道（乡镇）；现有：%s", "the project has no office named %q; it has: %s",
		name, strings.Join(names, "、"))}
}

// ruleName is a rule's display name, falling back to its code.
func ruleName(c model.RuleCode) model.Msg {
	if ri, ok := model.RuleByCode(c); ok && ri.Name.Zh != "" {
		return ri.Name
	}
	return model.Msg{Zh: string(c), En: string(c)}
}

// Columns shared by the xlsx and CSV matrices, in order. The authority
// columns come between the responsibility and resource groups.
var (
	leadColumns = []model.Msg{{Zh: "序号", En: "No."}, {Zh: "清单类型", En: "List"}, {Zh: "事项类别", En: "Category"},
		{Zh: "职责事项", En: "Duty"}}
	respColumns = []model.Msg{{Zh: "实际角色", En: "Actual role"}, {Zh: "责任权重", En: "Weight W"},
		{Zh: "问责情况", En: "Accountability"}}
	resColumns = []model.Msg{{Zh: "权限覆盖率", En: "Authority coverage A"},
		{Zh: "需要人力", En: "Staff needed"}, {Zh: "实有人力", En: "Staff held"},
		{Zh: "需要经费（万元）", En: "Funds needed (10k CNY)"}, {Zh: "实有经费（万元）", En: "Funds held (10k CNY)"},
		{Zh: "信息系统（需要/已有）", En: "Systems (needed/held)"}, {Zh: "资源覆盖率", En: "Resource coverage S"}}
	tailColumns = []model.Msg{{Zh: "负担（小时/月，其中留痕；报表次/月）", En: "Burden (h/month, of which formalism; reports/month)"},
		{Zh: "错配", En: "Findings"}, {Zh: "缺口", En: "Gap G"}}
)

// The cells of a row are typed so the xlsx gets numbers it can sort and
// sum: float64 for quantities, ratio for coverages (shown as percent),
// nil for blank, string for text. CSV formats them with text().
type ratio float64

func (r *matrixRow) leadCells() []any {
	d := r.duty
	var seq any
	if d.Seq > 0 {
		seq = float64(d.Seq)
	}
	return []any{seq, d.Kind.Name().Zh, d.Category, d.Title()}
}

func (r *matrixRow) respCells() []any {
	var w any
	if r.score != nil {
		w = r.score.Weight
	}
	if r.a == nil {
		return []any{"未评估", w, nil}
	}
	var acc []string
	if r.a.Veto {
		acc = append(acc, "一票否决")
	}
	if r.a.Incidents > 0 {
		acc = append(acc, "问责 "+strconv.Itoa(r.a.Incidents)+" 次")
	}
	if r.a.AssessedBy > 0 {
		acc = append(acc, strconv.Itoa(r.a.AssessedBy)+" 个部门考核")
	}
	return []any{r.a.Role.Name().Zh, w, strings.Join(acc, "；")}
}

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

func (r *matrixRow) tailCells() []any {
	var burden any
	if a := r.a; a != nil && (a.HoursPerMonth > 0 || a.ReportsPerMonth > 0) {
		burden = num(a.HoursPerMonth) + "（" + num(a.FormalismHours) + "）；" + strconv.Itoa(a.ReportsPerMonth)
	}
	var names []string
	seen := map[model.RuleCode]bool{}
	fs := append([]model.Finding(nil), r.findings...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	for _, f := range fs {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			names = append(names, ruleName(f.Rule).Zh)
		}
	}
	var gap any
	if r.score != nil {
		gap = r.score.Gap
	}
	return []any{burden, strings.Join(names, "；"), gap}
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
