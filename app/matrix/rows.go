// Package matrix is the duty × (responsibility, authority, resources) matrix
// of one street office or of every office: one row per (office, duty), the
// 责/权/利 column groups, burden, findings and gap, coloured by severity.
package matrix

import (
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

// Row is one (office, duty) of the matrix with everything a cell shows,
// computed once per change so that drawing a cell only formats numbers.
type Row struct {
	Office     *model.Office
	Duty       *model.Duty
	Assessment *model.Assessment // nil when the pair has not been assessed
	Score      *model.Score      // nil when the analysis has not scored it
	Findings   []model.Finding   // worst first
	// Auth holds one mark per authority column (Rows.Authorities); MarkNotNeeded when the duty does not require it.
	Auth []model.Mark
	// RuleSeverity is the worst severity per rule (index as model.RuleCodes), 0 when it did not fire.
	RuleSeverity [8]model.Severity
	Worst        model.Severity  // worst finding, 0 when none
	WorstRule    model.RuleCode  // rule of the worst finding
	Decisions    int             // working-group decisions on it (this office's and every office's)
	Decision     *model.Decision // the latest of them, nil when none
	order        int             // position in list order, the default sort
	// The lower-case text the search box matches, shared by every row of
	// the same duty (and office) so a rebuild does not copy it 10,000 times.
	searchDuty, searchOffice string
}

// SeverityOf returns the worst severity of the given rules on the row.
func (r *Row) SeverityOf(rules ...model.RuleCode) model.Severity {
	var s model.Severity
	for _, c := range rules {
		if i, ok := ruleIndex[c]; ok && r.RuleSeverity[i] > s {
			s = r.RuleSeverity[i]
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

	findings := map[model.PairKey][]model.Finding{}
	if res != nil {
		for _, f := range res.FindingsOfOffice(office) { // worst first, so each slice is too
			if f.Duty == model.NilID || (office != model.NilID && f.Office != office) {
				continue
			}
			k := model.PairKey{Office: f.Office, Other: f.Duty}
			findings[k] = append(findings[k], f)
		}
	}

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
	out := &Rows{Office: office, Settings: p.Settings}
	if res != nil {
		out.Settings = res.Settings
	}
	col := map[model.ID]int{}
	for _, a := range p.AuthorityList() {
		if needed[a.ID] {
			col[a.ID] = len(out.Authorities)
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
	nAuth := len(out.Authorities)
	out.All = make([]Row, 0, len(offices)*len(duties))
	// One backing array for every row's authority marks: one allocation, not one per row.
	states := make([]model.Mark, 0, len(offices)*len(duties)*nAuth)
	for _, o := range offices {
		officeText := strings.ToLower(o.Name)
		for di, d := range duties {
			if !d.AppliesTo(o.ID) {
				continue
			}
			k := model.PairKey{Office: o.ID, Other: d.ID}
			r := Row{Office: o, Duty: d, Assessment: p.Assessments[k], Findings: findings[k], order: len(out.All)}
			if res != nil {
				r.Score = res.Scores[k]
			}
			start := len(states)
			states = states[:start+nAuth]
			r.Auth = states[start : start+nAuth : start+nAuth]
			for _, a := range d.Required {
				if c, ok := col[a]; ok {
					r.Auth[c] = model.MarkOf(p.Holdings[model.PairKey{Office: o.ID, Other: a}])
				}
			}
			for _, f := range r.Findings {
				if i, ok := ruleIndex[f.Rule]; ok && f.Severity > r.RuleSeverity[i] {
					r.RuleSeverity[i] = f.Severity
				}
				if f.Severity > r.Worst {
					r.Worst, r.WorstRule = f.Severity, f.Rule
				}
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
