package matrix

import (
	"cmp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// group is a column group of the matrix header.
type group int

const (
	groupItem     group = iota // office, duty, category
	groupDuty                  // 责
	groupPower                 // 权
	groupResource              // 利
	groupBurden                // 负担
	groupResult                // findings and gap
)

func (g group) title() string {
	switch g {
	case groupDuty:
		return words.T("matrix.group.duty")
	case groupPower:
		return words.T("matrix.group.power")
	case groupResource:
		return words.T("matrix.group.resource")
	case groupBurden:
		return words.T("matrix.group.burden")
	case groupResult:
		return words.T("matrix.group.result")
	}
	return words.T("matrix.group.item")
}

// cellContent is what one cell shows.
type cellContent struct {
	text     string
	sev      model.Severity // fill by severity (0: plain)
	mark     model.Mark     // fill by authority mark, for 权 cells
	isMark   bool
	align    fyne.TextAlign
	stripe   model.Severity // severity stripe on the leading edge (duty column)
	selected bool           // the cell is in the selected row
}

// column is one matrix column: how to title, draw and sort it.
type column struct {
	key     string // stable: names the remembered width and the sort
	group   group
	title   string
	width   float32
	content func(lng string, r *Row) cellContent
	compare func(a, b *Row) int
}

// num formats a quantity with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*10+0.5*sign(v)))/10, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func pair(need, held float64) string { return num(need) + " / " + num(held) }

// assessed returns the row's assessment or a zero one, so columns need no nil checks.
func assessed(r *Row) *model.Assessment {
	if r.Assessment != nil {
		return r.Assessment
	}
	return &zeroAssessment
}

var zeroAssessment model.Assessment

func weight(r *Row) float64 {
	if r.Score == nil {
		return 0
	}
	return r.Score.Weight
}

func gap(r *Row) float64 {
	if r.Score == nil {
		return 0
	}
	return r.Score.Gap
}

func coverage(r *Row) float64 {
	if r.Score == nil {
		return -1
	}
	return r.Score.AuthorityCoverage
}

func formalismShare(a *model.Assessment) float64 {
	if a.HoursPerMonth <= 0 {
		return 0
	}
	return a.FormalismHours / a.HoursPerMonth
}

// RuleName names a rule in lng, falling back to its code.
func RuleName(c model.RuleCode, lng string) string {
	if info, ok := model.RuleByCode(c); ok {
		if name := info.Name.In(lng); name != "" {
			return name
		}
	}
	return string(c)
}

func byFloat(f func(r *Row) float64) func(a, b *Row) int {
	return func(a, b *Row) int { return cmp.Compare(f(a), f(b)) }
}

func left(text string, sev model.Severity) cellContent {
	return cellContent{text: text, sev: sev, align: fyne.TextAlignLeading}
}

func centre(text string, sev model.Severity) cellContent {
	return cellContent{text: text, sev: sev, align: fyne.TextAlignCenter}
}

func right(text string, sev model.Severity) cellContent {
	return cellContent{text: text, sev: sev, align: fyne.TextAlignTrailing}
}

// columns returns the matrix columns for rows: the office column only when
// every office is shown, and one 权 column per required authority.
func columns(rows *Rows) []column {
	var cs []column
	if rows.Office == model.NilID {
		cs = append(cs, column{key: "office", group: groupItem, title: words.T("matrix.col.office"), width: 130,
			content: func(_ string, r *Row) cellContent { return left(r.Office.Name, 0) },
			compare: func(a, b *Row) int { return strings.Compare(a.Office.Name, b.Office.Name) }})
	}
	cs = append(cs,
		column{key: "duty", group: groupItem, title: words.T("matrix.col.duty"), width: 340,
			content: func(_ string, r *Row) cellContent {
				c := left(dutyLabel(r.Duty), 0)
				c.stripe = r.Worst()
				return c
			},
			compare: func(a, b *Row) int { return cmp.Compare(a.order, b.order) }},
		column{key: "category", group: groupItem, title: words.T("matrix.col.category"), width: 100,
			content: func(_ string, r *Row) cellContent { return left(r.Duty.Category, 0) },
			compare: func(a, b *Row) int { return strings.Compare(a.Duty.Category, b.Duty.Category) }},
		column{key: "kind", group: groupDuty, title: words.T("matrix.col.kind"), width: 110,
			content: func(l string, r *Row) cellContent {
				return left(r.Duty.Kind.Name().In(l), r.SeverityOf(model.RulePushedDown))
			},
			compare: func(a, b *Row) int { return cmp.Compare(a.Duty.Kind, b.Duty.Kind) }},
		column{key: "role", group: groupDuty, title: words.T("matrix.col.role"), width: 80,
			content: func(l string, r *Row) cellContent {
				if r.Assessment == nil {
					return left(words.T("matrix.cell.unassessed"), 0)
				}
				var sev model.Severity
				if r.Assessment.Role == model.RoleLead {
					sev = r.SeverityOf(model.RulePushedDown) // acting as lead on a list that says otherwise
				}
				return left(r.Assessment.Role.Name().In(l), sev)
			},
			compare: func(a, b *Row) int { return cmp.Compare(assessed(a).Role, assessed(b).Role) }},
		column{key: "weight", group: groupDuty, title: words.T("matrix.col.weight"), width: 56,
			content: func(_ string, r *Row) cellContent {
				if r.Score == nil {
					return right("", 0)
				}
				return right(num(r.Score.Weight), 0)
			},
			compare: byFloat(weight)},
		column{key: "veto", group: groupDuty, title: words.T("matrix.col.veto"), width: 64,
			content: func(_ string, r *Row) cellContent {
				if assessed(r).Veto {
					return centre("✓", r.SeverityOf(model.RuleAccountabilityTrap, model.RulePushedDown))
				}
				return centre("", 0)
			},
			compare: func(a, b *Row) int { return cmp.Compare(b2i(assessed(a).Veto), b2i(assessed(b).Veto)) }},
		column{key: "incidents", group: groupDuty, title: words.T("matrix.col.incidents"), width: 64,
			content: func(_ string, r *Row) cellContent {
				return exposureCell(r, assessed(r).Incidents, rows.Settings.IncidentThreshold)
			},
			compare: func(a, b *Row) int { return cmp.Compare(assessed(a).Incidents, assessed(b).Incidents) }},
		column{key: "assessed_by", group: groupDuty, title: words.T("matrix.col.assessed_by"), width: 64,
			content: func(_ string, r *Row) cellContent {
				return exposureCell(r, assessed(r).AssessedBy, rows.Settings.AssessedByThreshold)
			},
			compare: func(a, b *Row) int { return cmp.Compare(assessed(a).AssessedBy, assessed(b).AssessedBy) }},
	)
	for i, a := range rows.Authorities {
		i := i
		cs = append(cs, column{key: authKeyPrefix + a.ID.String(), group: groupPower, title: a.Name, width: 88,
			content: func(_ string, r *Row) cellContent {
				m := rows.Mark(r, i)
				if m == model.MarkNotNeeded {
					return centre("", 0) // blank, so the required powers stand out
				}
				return cellContent{text: theme.MarkSymbol(m), mark: m, isMark: true, align: fyne.TextAlignCenter}
			},
			compare: func(a, b *Row) int { return cmp.Compare(markRank(rows.Mark(a, i)), markRank(rows.Mark(b, i))) }})
	}
	cs = append(cs,
		column{key: "coverage", group: groupPower, title: words.T("matrix.col.coverage"), width: 72,
			content: func(_ string, r *Row) cellContent {
				if r.Score == nil || len(r.Duty.Required) == 0 {
					return right("", 0)
				}
				return right(strconv.Itoa(int(r.Score.AuthorityCoverage*100+0.5))+"%",
					r.SeverityOf(model.RuleAuthorityGap, model.RulePaperPower, model.RuleAccountabilityTrap))
			},
			compare: byFloat(coverage)},
		column{key: "staff", group: groupResource, title: words.T("matrix.col.staff"), width: 100,
			content: func(_ string, r *Row) cellContent {
				a := assessed(r)
				if a.StaffNeeded == 0 && a.StaffHeld == 0 {
					return right("", 0)
				}
				return right(pair(a.StaffNeeded, a.StaffHeld), r.SeverityOf(model.RuleUnderstaffed))
			},
			compare: byFloat(func(r *Row) float64 { a := assessed(r); return a.StaffNeeded - a.StaffHeld })},
		column{key: "funds", group: groupResource, title: words.T("matrix.col.funds"), width: 120,
			content: func(_ string, r *Row) cellContent {
				a := assessed(r)
				if a.FundsNeeded == 0 && a.FundsHeld == 0 {
					return right("", 0)
				}
				return right(pair(a.FundsNeeded, a.FundsHeld), r.SeverityOf(model.RuleUnfunded))
			},
			compare: byFloat(func(r *Row) float64 { a := assessed(r); return a.FundsNeeded - a.FundsHeld })},
		column{key: "systems", group: groupResource, title: words.T("matrix.col.systems"), width: 84,
			content: func(_ string, r *Row) cellContent {
				a := assessed(r)
				if a.SystemsNeeded == 0 && a.SystemsHeld == 0 {
					return right("", 0)
				}
				var sev model.Severity
				if a.SystemsHeld < a.SystemsNeeded {
					sev = model.SevInfo // no rule covers systems yet; a shortfall is worth a glance
				}
				return right(strconv.Itoa(a.SystemsNeeded)+" / "+strconv.Itoa(a.SystemsHeld), sev)
			},
			compare: func(a, b *Row) int {
				return cmp.Compare(assessed(a).SystemsNeeded-assessed(a).SystemsHeld, assessed(b).SystemsNeeded-assessed(b).SystemsHeld)
			}},
		column{key: "hours", group: groupBurden, title: words.T("matrix.col.hours"), width: 84,
			content: func(_ string, r *Row) cellContent {
				if r.Assessment == nil {
					return right("", 0)
				}
				return right(num(r.Assessment.HoursPerMonth), r.SeverityOf(model.RuleIdle))
			},
			compare: byFloat(func(r *Row) float64 { return assessed(r).HoursPerMonth })},
		column{key: "formalism", group: groupBurden, title: words.T("matrix.col.formalism"), width: 84,
			content: func(_ string, r *Row) cellContent {
				a := assessed(r)
				if a.HoursPerMonth <= 0 {
					return right("", 0)
				}
				return right(strconv.Itoa(int(formalismShare(a)*100+0.5))+"%", r.SeverityOf(model.RuleFormalism))
			},
			compare: byFloat(func(r *Row) float64 { return formalismShare(assessed(r)) })},
		column{key: "reports", group: groupBurden, title: words.T("matrix.col.reports"), width: 72,
			content: func(_ string, r *Row) cellContent {
				return right(intOrBlank(assessed(r).ReportsPerMonth), r.SeverityOf(model.RuleFormalism))
			},
			compare: func(a, b *Row) int { return cmp.Compare(assessed(a).ReportsPerMonth, assessed(b).ReportsPerMonth) }},
		column{key: "findings", group: groupResult, title: words.T("matrix.col.findings"), width: 170,
			content: func(l string, r *Row) cellContent {
				if r.Worst() == 0 {
					return left("", 0)
				}
				return left(theme.SeveritySymbol(r.Worst())+" "+strconv.Itoa(r.FindingCount())+" · "+RuleName(r.WorstRule(), l), r.Worst())
			},
			compare: func(a, b *Row) int {
				if c := cmp.Compare(a.Worst(), b.Worst()); c != 0 {
					return c
				}
				return cmp.Compare(a.FindingCount(), b.FindingCount())
			}},
		column{key: "decision", group: groupResult, title: words.T("matrix.col.decision"), width: 120,
			content: func(l string, r *Row) cellContent {
				if r.Decision == nil {
					return left("", 0)
				}
				text := r.Decision.Action.Name().In(l)
				if r.Decisions > 1 {
					text += " (" + strconv.Itoa(r.Decisions) + ")"
				}
				return left(text, 0)
			},
			compare: func(a, b *Row) int { return cmp.Compare(decisionRank(a), decisionRank(b)) }},
		column{key: "gap", group: groupResult, title: words.T("matrix.col.gap"), width: 64,
			content: func(_ string, r *Row) cellContent {
				if r.Score == nil {
					return right("", 0)
				}
				return right(num(r.Score.Gap), gapSeverity(r.Score))
			},
			compare: byFloat(gap)},
	)
	return cs
}

// gapSeverity colours a gap by its share of the duty's weight, on the same
// scale as the heat map.
func gapSeverity(s *model.Score) model.Severity {
	if s.Weight <= 0 {
		return 0
	}
	return palette.GapSeverity(s.Gap / s.Weight)
}

// markRank orders marks from best held to missing, blank last in ascending order.
func markRank(m model.Mark) int {
	switch m {
	case model.MarkHeld:
		return 1
	case model.MarkPartial:
		return 2
	case model.MarkPaper:
		return 3
	case model.MarkMissing:
		return 4
	}
	return 0
}

func dutyLabel(d *model.Duty) string {
	if d.Seq > 0 {
		return strconv.Itoa(d.Seq) + ". " + d.Title()
	}
	return d.Title()
}

func intOrBlank(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// decisionRank sorts rows without a decision first, then by action.
func decisionRank(r *Row) int {
	if r.Decision == nil {
		return -1
	}
	return int(r.Decision.Action)
}

// exposureCell draws an accountability count (incidents, assessing
// departments): coloured by ACCOUNTABILITY_TRAP when it reaches the
// threshold that rule uses, and by PUSHED_DOWN when it is above zero (being
// assessed or held accountable on a duty the list does not give the office).
func exposureCell(r *Row, n, threshold int) cellContent {
	var sev model.Severity
	if n > 0 {
		sev = r.SeverityOf(model.RulePushedDown)
	}
	if threshold > 0 && n >= threshold {
		sev = max(sev, r.SeverityOf(model.RuleAccountabilityTrap))
	}
	return right(intOrBlank(n), sev)
}
