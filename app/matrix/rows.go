// Package matrix is the duty × (responsibility, authority, resources) matrix
// of one street office or of every office: one row per (office, duty), the
// 责/权/利 column groups, burden, findings and gap, coloured by severity.
package matrix

import (
	"slices"
	"strconv"
	"strings"

	"rpbmatrix/model"
)

// ruleIndex maps a rule to its position in model.RuleCodes, for per-rule arrays.
var ruleIndex = func() map[model.RuleCode]int {
	m := make(map[model.RuleCode]int, len(model.RuleCodes))
	for i, c := range model.RuleCodes {
		m[c] = i
	}
	return m
}()

// Row is one (office, duty) of the matrix. What every row needs to be
// filtered and sorted in list order is read when the rows are built; its
// findings are asked of the analysis only when the row is drawn, or a
// filter or sort needs them, so the matrix of every office (200,000 rows)
// does not read the project's half million findings to show thirty rows.
type Row struct {
	Office     *model.Office
	Duty       *model.Duty
	Assessment *model.Assessment // nil when the pair has not been assessed
	Score      *model.Score      // nil when the analysis has not scored it
	Decisions  int               // working-group decisions on it (this office's and every office's)
	Decision   *model.Decision   // the latest of them, nil when none
	order      int               // position in list order, the default sort
	// The lower-case text the search box matches, shared by every row of
	// the same duty (and office) so a rebuild does not copy it 10,000 times.
	searchDuty, searchOffice string

	res   *model.Result
	found *rowFindings // nil until first asked for
}

// rowFindings is what a row's findings say, read once.
type rowFindings struct {
	list      []model.Finding  // worst first
	severity  []model.Severity // worst per rule, as model.RuleCodes; 0 when it did not fire
	worstRule model.RuleCode
}

// findings reads the row's findings from the analysis on first use.
func (r *Row) findings() *rowFindings {
	if r.found != nil {
		return r.found
	}
	f := &rowFindings{severity: make([]model.Severity, len(model.RuleCodes))}
	if r.res != nil {
		f.list = r.res.FindingsFor(r.Office.ID, r.Duty.ID)
	}
	for _, x := range f.list {
		if i, ok := ruleIndex[x.Rule]; ok && x.Severity > f.severity[i] {
			f.severity[i] = x.Severity
		}
	}
	if len(f.list) > 0 {
		f.worstRule = f.list[0].Rule
	}
	r.found = f
	return f
}

// Findings are the row's findings, worst first.
func (r *Row) Findings() []model.Finding { return r.findings().list }

// FindingCount is how many findings the row has.
func (r *Row) FindingCount() int {
	if r.Worst() == 0 {
		return 0
	}
	return len(r.findings().list)
}

// Worst is the severity of the row's worst finding, 0 when none.
func (r *Row) Worst() model.Severity {
	if r.Score == nil {
		return 0
	}
	return r.Score.Worst
}

// WorstRule is the rule of the row's worst finding, "" when none.
func (r *Row) WorstRule() model.RuleCode {
	if r.Worst() == 0 {
		return ""
	}
	return r.findings().worstRule
}

// SeverityOf returns the worst severity of the given rules on the row.
func (r *Row) SeverityOf(rules ...model.RuleCode) model.Severity {
	if r.Worst() == 0 {
		return 0
	}
	f := r.findings()
	var s model.Severity
	for _, c := range rules {
		if i, ok := ruleIndex[c]; ok && f.severity[i] > s {
			s = f.severity[i]
		}
	}
	return s
}

// Rows is the matrix content for one selection of offices.
type Rows struct {
	Office      model.ID // NilID: every office
	All         []Row
	Authorities []*model.Authority // the 权 columns: every authority a listed duty requires
	Categories  []string           // categories present, in the project's order
	Settings    model.Settings     // thresholds the analysis used, to colour exactly the cells that tripped them

	p *model.Project // for the holdings the 权 cells show
}

// Mark is how the row's office holds the authority of 权 column col;
// MarkNotNeeded when the row's duty does not require it.
func (rows *Rows) Mark(r *Row, col int) model.Mark {
	a := rows.Authorities[col].ID
	if !slices.Contains(r.Duty.Required, a) {
		return model.MarkNotNeeded
	}
	return model.MarkOf(rows.p.Holding(r.Office.ID, a))
}

// Build computes the rows of office's matrix (NilID: every office) from the
// project and its analysis. Rows come in list order: office name, then list
// kind, sequence number and name.
func Build(p *model.Project, res *model.Result, office model.ID) *Rows {
	var offices []*model.Office
	if office == model.NilID {
		offices = p.OfficeList()
	} else if o := p.Offices[office]; o != nil {
		offices = []*model.Office{o}
	}
	duties := p.DutyList()

	// Authority columns: every authority some listed duty requires, in catalogue order.
	needed := map[model.ID]bool{}
	usedCats := map[string]bool{}
	for _, d := range duties {
		for _, o := range offices {
			if d.AppliesTo(o.ID) {
				for _, a := range d.Required {
					needed[a] = true
				}
				usedCats[d.Category] = true
				break
			}
		}
	}
	out := &Rows{Office: office, Settings: p.Settings, p: p}
	if res != nil {
		out.Settings = res.Settings
	}
	for _, a := range p.AuthorityList() {
		if needed[a.ID] {
			out.Authorities = append(out.Authorities, a)
		}
	}
	for _, c := range p.Categories() {
		if usedCats[c] {
			out.Categories = append(out.Categories, c)
		}
	}

	// Decisions by (office, duty); NilID as office means every office.
	decisions := map[model.PairKey][]*model.Decision{}
	for _, d := range p.DecisionList() { // oldest first, so the last is the latest
		k := model.PairKey{Office: d.Office, Other: d.Duty}
		decisions[k] = append(decisions[k], d)
	}
	dutyText := make([]string, len(duties))
	for i, d := range duties {
		dutyText[i] = dutySearchText(d)
	}
	out.All = make([]Row, 0, len(offices)*len(duties))
	for _, o := range offices {
		officeText := strings.ToLower(o.Name)
		for di, d := range duties {
			if !d.AppliesTo(o.ID) {
				continue
			}
			k := model.PairKey{Office: o.ID, Other: d.ID}
			r := Row{Office: o, Duty: d, Assessment: p.Assessments[k], order: len(out.All), res: res}
			if res != nil {
				r.Score = res.Scores[k]
			}
			r.searchDuty, r.searchOffice = dutyText[di], officeText
			own, all := decisions[k], decisions[model.PairKey{Other: d.ID}]
			r.Decisions = len(own) + len(all)
			r.Decision = latest(own, all)
			out.All = append(out.All, r)
		}
	}
	return out
}

// dutySearchText is what the search box looks in for a duty: number, name,
// sub-item, category, departments, legal basis and notes.
func dutySearchText(d *model.Duty) string {
	return strings.ToLower(strings.Join([]string{strconv.Itoa(d.Seq) + ".", d.Name, d.SubItem, d.Category,
		d.LeadDept, d.SupportDepts, d.LegalBasis, d.Notes}, "\n"))
}

// latest returns the most recently created of two oldest-first lists' decisions.
func latest(a, b []*model.Decision) *model.Decision {
	var out *model.Decision
	for _, list := range [][]*model.Decision{a, b} {
		if len(list) > 0 {
			if d := list[len(list)-1]; out == nil || d.Created.After(out.Created) {
				out = d
			}
		}
	}
	return out
}
