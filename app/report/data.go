package report

import (
	"fmt"
	"strconv"

	"rpbmatrix/model"
)

// fallbackRuleNames name the rules while the model has no description for one.
var fallbackRuleNames = map[model.RuleCode]model.Msg{
	model.RuleAuthorityGap: {Zh: "有责无权", En: "Duty without power"}, model.RulePaperPower: {Zh: "接不住", En: "Power on paper only"},
	model.RulePushedDown: {Zh: "责任下移", En: "Responsibility pushed down"}, model.RuleAccountabilityTrap: {Zh: "问责陷阱", En: "Accountability trap"},
	model.RuleUnfunded: {Zh: "费随事转缺失", En: "Funding does not follow the task"}, model.RuleUnderstaffed: {Zh: "小马拉大车", En: "Understaffed"},
	model.RuleFormalism: {Zh: "形式主义负担", En: "Formalism burden"}, model.RuleIdle: {Zh: "空转", En: "Idle"},
}

func ruleName(c model.RuleCode) model.Msg {
	if info, ok := model.RuleByCode(c); ok && info.Name.Zh != "" {
		return info.Name
	}
	if m, ok := fallbackRuleNames[c]; ok {
		return m
	}
	return model.Msg{Zh: string(c), En: string(c)}
}

// sevFill is the fill of a severity: muted hues whose lightness falls with
// severity, so the order survives greyscale printing; the label is always printed too.
var sevFill = map[model.Severity]rgb{
	model.SevCritical: {200, 135, 125},
	model.SevSerious:  {228, 178, 140},
	model.SevWarning:  {238, 214, 152},
	model.SevInfo:     {232, 238, 244},
}

// sevSymbols are the screen's severity marks (app/theme), so print and
// screen read alike even without colour.
var sevSymbols = map[model.Severity]string{model.SevCritical: "▲▲", model.SevSerious: "▲", model.SevWarning: "△", model.SevInfo: "·"}

// sevLabel is a severity's mark and name, e.g. "▲ 严重".
func (d *doc) sevLabel(s model.Severity) string {
	return sevSymbols[s] + " " + s.Name().In(d.opt.Lang)
}

func sevFillOf(s model.Severity) *rgb {
	if c, ok := sevFill[s]; ok {
		return &c
	}
	return nil
}

// officeFindings are the office's findings in the analysis order (worst first).
func officeFindings(r *model.Result, office model.ID) []model.Finding {
	var out []model.Finding
	for _, f := range r.Findings {
		if f.Office == office {
			out = append(out, f)
		}
	}
	return out
}

// officeSummary is never nil.
func officeSummary(r *model.Result, office model.ID) *model.OfficeSummary {
	if s, ok := r.Offices[office]; ok && s != nil {
		return s
	}
	return &model.OfficeSummary{Office: office, Summary: model.Summary{Balance: 1}}
}

// findingSubject names what a finding is about: the duty, the authority, or the office.
func (d *doc) findingSubject(f model.Finding) string {
	var s string
	if du, ok := d.p.Duties[f.Duty]; ok {
		s = du.Title()
	}
	if a, ok := d.p.Authorities[f.Authority]; ok {
		if s != "" {
			s += " — "
		}
		s += a.Name
	}
	if s == "" {
		s = d.label("officeWide")
	}
	return s
}

// categoryOf is the category a finding counts under.
func (d *doc) categoryOf(f model.Finding) string {
	if du, ok := d.p.Duties[f.Duty]; ok {
		return du.Category
	}
	return d.label("officeWide")
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmtFloat(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

func percent(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }

// trimNumber prints 1.5 as "1.5" and 2 as "2".
func trimNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
