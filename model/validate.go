package model

import (
	"fmt"
	"strings"
)

// Problem is one validation failure, naming the entity and field.
type Problem struct {
	Kind   EntityKind `json:"kind"`
	Entity string     `json:"entity"` // the entity's name as the user knows it
	Field  string     `json:"field"`  // the field's code, e.g. "staff_held"
	Msg    Msg        `json:"msg"`
}

func (p Problem) Error() string { return p.Msg.In("zh") }

func problem(k EntityKind, entity, field string, zh, en string, args ...any) Problem {
	return Problem{Kind: k, Entity: entity, Field: field, Msg: Msg{fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...)}}
}

// MaxText is the longest text a field may hold (a long legal basis fits easily).
const MaxText = 4000

// ValidateOffice checks one office.
func ValidateOffice(o *Office) []Problem {
	var ps []Problem
	if strings.TrimSpace(o.Name) == "" {
		ps = append(ps, problem(KindOffice, "", "name", "街道（乡镇）名称不能为空", "office name must not be empty"))
	}
	if !o.Kind.Valid() {
		ps = append(ps, problem(KindOffice, o.Name, "kind", "街道（乡镇）「%s」的类型无效", "office %q: invalid kind", o.Name))
	}
	for _, f := range []struct {
		code, zh, en string
		v            float64
	}{
		{"population", "常住人口", "population", float64(o.Population)},
		{"communities", "社区（村）数", "communities", float64(o.Communities)},
		{"establishment", "核定编制", "establishment", float64(o.Establishment)},
		{"staff_actual", "实有人员", "actual staff", float64(o.StaffActual)},
		{"budget_wan", "年度经费", "annual budget", o.BudgetWan},
	} {
		if f.v < 0 {
			ps = append(ps, problem(KindOffice, o.Name, f.code, "街道（乡镇）「%s」的%s不能为负数（%g）", "office %q: %s must not be negative (%g)", o.Name, f.zh, f.v))
			ps[len(ps)-1].Msg.En = fmt.Sprintf("office %q: %s must not be negative (%g)", o.Name, f.en, f.v)
		}
	}
	return ps
}

// ValidateDuty checks one duty against the project's offices and authorities.
func ValidateDuty(p *Project, d *Duty) []Problem {
	var ps []Problem
	if strings.TrimSpace(d.Name) == "" {
		ps = append(ps, problem(KindDuty, "", "name", "职责事项名称不能为空（序号 %d）", "duty name must not be empty (no. %d)", d.Seq))
	}
	if len(d.Name) > MaxText {
		ps = append(ps, problem(KindDuty, d.Name[:60], "name", "职责事项名称过长（%d 字节，上限 %d）", "duty name too long (%d bytes, limit %d)", len(d.Name), MaxText))
	}
	if strings.TrimSpace(d.Category) == "" {
		ps = append(ps, problem(KindDuty, d.Name, "category", "职责事项「%s」缺少事项类别", "duty %q has no category", d.Name))
	}
	if !d.Kind.Valid() {
		ps = append(ps, problem(KindDuty, d.Name, "kind", "职责事项「%s」的清单类型无效", "duty %q: invalid list kind", d.Name))
	}
	if d.Seq < 0 {
		ps = append(ps, problem(KindDuty, d.Name, "seq", "职责事项「%s」的序号不能为负数", "duty %q: sequence number must not be negative", d.Name))
	}
	for _, id := range d.Scope {
		if p != nil && p.Offices[id] == nil {
			ps = append(ps, problem(KindDuty, d.Name, "scope", "职责事项「%s」的适用范围含有不存在的街道", "duty %q: scope names an unknown office", d.Name))
			break
		}
	}
	seen := map[ID]bool{}
	for _, id := range d.Required {
		if p != nil && p.Authorities[id] == nil {
			ps = append(ps, problem(KindDuty, d.Name, "required", "职责事项「%s」所需权限含有不存在的权限", "duty %q: requires an unknown authority", d.Name))
			break
		}
		if seen[id] {
			ps = append(ps, problem(KindDuty, d.Name, "required", "职责事项「%s」所需权限重复", "duty %q: an authority is required twice", d.Name))
			break
		}
		seen[id] = true
	}
	return ps
}

// ValidateAuthority checks one authority.
func ValidateAuthority(a *Authority) []Problem {
	var ps []Problem
	if strings.TrimSpace(a.Name) == "" {
		ps = append(ps, problem(KindAuthority, "", "name", "权限名称不能为空", "authority name must not be empty"))
	}
	if !a.Type.Valid() {
		ps = append(ps, problem(KindAuthority, a.Name, "type", "权限「%s」的类型无效（%q）", "authority %q: invalid type (%q)", a.Name, string(a.Type)))
	}
	return ps
}

// ValidateHolding checks one holding.
func ValidateHolding(p *Project, h *Holding) []Problem {
	var ps []Problem
	name := holdingName(p, h)
	if p != nil && p.Offices[h.Office] == nil {
		ps = append(ps, problem(KindHolding, name, "office", "权限持有「%s」指向不存在的街道", "holding %q: unknown office", name))
	}
	if p != nil && p.Authorities[h.Authority] == nil {
		ps = append(ps, problem(KindHolding, name, "authority", "权限持有「%s」指向不存在的权限", "holding %q: unknown authority", name))
	}
	if !h.DeFacto.Valid() {
		ps = append(ps, problem(KindHolding, name, "de_facto", "权限持有「%s」的实际行使程度无效", "holding %q: invalid de facto level", name))
	}
	return ps
}

// ValidateAssessment checks one assessment.
func ValidateAssessment(p *Project, a *Assessment) []Problem {
	var ps []Problem
	name := assessmentName(p, a)
	if p != nil && p.Offices[a.Office] == nil {
		ps = append(ps, problem(KindAssessment, name, "office", "履职评估「%s」指向不存在的街道", "assessment %q: unknown office", name))
	}
	if p != nil && p.Duties[a.Duty] == nil {
		ps = append(ps, problem(KindAssessment, name, "duty", "履职评估「%s」指向不存在的职责事项", "assessment %q: unknown duty", name))
	}
	if !a.Role.Valid() {
		ps = append(ps, problem(KindAssessment, name, "role", "履职评估「%s」的实际角色无效", "assessment %q: invalid role", name))
	}
	for _, f := range []struct {
		code, zh, en string
		v            float64
	}{
		{"assessed_by", "考核部门数", "assessing departments", float64(a.AssessedBy)},
		{"incidents", "问责次数", "accountability incidents", float64(a.Incidents)},
		{"hours", "工作量（小时/月）", "hours per month", a.HoursPerMonth},
		{"formalism_hours", "填报留痕小时", "formalism hours", a.FormalismHours},
		{"reports", "报表次数", "reports per month", float64(a.ReportsPerMonth)},
		{"staff_needed", "需要人力", "staff needed", a.StaffNeeded},
		{"staff_held", "实有人力", "staff held", a.StaffHeld},
		{"funds_needed", "需要经费", "funds needed", a.FundsNeeded},
		{"funds_held", "实有经费", "funds held", a.FundsHeld},
		{"systems_needed", "需要信息系统", "systems needed", float64(a.SystemsNeeded)},
		{"systems_held", "已有信息系统", "systems held", float64(a.SystemsHeld)},
	} {
		if f.v < 0 {
			ps = append(ps, Problem{Kind: KindAssessment, Entity: name, Field: f.code, Msg: Msg{
				fmt.Sprintf("履职评估「%s」的%s不能为负数（%g）", name, f.zh, f.v),
				fmt.Sprintf("assessment %q: %s must not be negative (%g)", name, f.en, f.v)}})
		}
	}
	if a.FormalismHours > a.HoursPerMonth && a.FormalismHours >= 0 && a.HoursPerMonth >= 0 {
		ps = append(ps, problem(KindAssessment, name, "formalism_hours",
			"履职评估「%s」的填报留痕小时（%g）不能超过总工作量（%g）", "assessment %q: formalism hours (%g) exceed total hours (%g)",
			name, a.FormalismHours, a.HoursPerMonth))
	}
	return ps
}

// ValidateDecision checks one decision.
func ValidateDecision(p *Project, d *Decision) []Problem {
	var ps []Problem
	name := ""
	if p != nil {
		if du := p.Duties[d.Duty]; du != nil {
			name = du.Name
		} else {
			ps = append(ps, problem(KindDecision, "", "duty", "处理意见指向不存在的职责事项", "decision names an unknown duty"))
		}
		if d.Office != NilID && p.Offices[d.Office] == nil {
			ps = append(ps, problem(KindDecision, name, "office", "处理意见「%s」指向不存在的街道", "decision %q: unknown office", name))
		}
	}
	if !d.Action.Valid() {
		ps = append(ps, problem(KindDecision, name, "action", "处理意见「%s」的处理方式无效", "decision %q: invalid action", name))
	}
	if d.Action == ActionGrant && (d.Authority == NilID || (p != nil && p.Authorities[d.Authority] == nil)) {
		ps = append(ps, problem(KindDecision, name, "authority", "处理意见「%s」为赋予权限，但未指定有效的权限", "decision %q grants an authority but names none", name))
	}
	if d.Action == ActionAddResources {
		if d.StaffAdd < 0 || d.FundsAdd < 0 {
			ps = append(ps, problem(KindDecision, name, "staff_add", "处理意见「%s」增加的资源不能为负数", "decision %q: added resources must not be negative", name))
		} else if d.StaffAdd == 0 && d.FundsAdd == 0 {
			ps = append(ps, problem(KindDecision, name, "staff_add", "处理意见「%s」为增加资源，但人力和经费均为 0", "decision %q adds resources but adds neither staff nor funds", name))
		}
	}
	return ps
}

// ValidateSettings checks thresholds are in range.
func ValidateSettings(s *Settings) []Problem {
	var ps []Problem
	share := func(code, zh, en string, v float64) {
		if v < 0 || v > 1 {
			ps = append(ps, problem(KindSettings, "", code, "设置「%s」应在 0 到 1 之间（%g）", "setting %q must be between 0 and 1 (%g)", zh, v))
			ps[len(ps)-1].Msg.En = fmt.Sprintf("setting %q must be between 0 and 1 (%g)", en, v)
		}
	}
	share("coverage_threshold", "权限覆盖率阈值", "coverage threshold", s.CoverageThreshold)
	share("formalism_share", "形式主义工时占比", "formalism share", s.FormalismShare)
	share("staff_tolerance", "人力容差", "staff tolerance", s.StaffTolerance)
	share("funds_tolerance", "经费容差", "funds tolerance", s.FundsTolerance)
	share("partial_credit", "部分行使折算", "partial credit", s.PartialCredit)
	share("shortfall_warning", "缺口「一般」阈值", "warning shortfall", s.ShortfallWarning)
	share("shortfall_serious", "缺口「严重」阈值", "serious shortfall", s.ShortfallSerious)
	if s.IncidentThreshold < 1 {
		ps = append(ps, problem(KindSettings, "", "incident_threshold", "问责次数阈值至少为 1（%d）", "incident threshold must be at least 1 (%d)", s.IncidentThreshold))
	}
	if s.ReportThreshold < 1 {
		ps = append(ps, problem(KindSettings, "", "report_threshold", "报表次数阈值至少为 1（%d）", "report threshold must be at least 1 (%d)", s.ReportThreshold))
	}
	if s.AssessedByThreshold < 1 {
		ps = append(ps, problem(KindSettings, "", "assessed_by_threshold", "多头考核阈值至少为 1（%d）", "assessed-by threshold must be at least 1 (%d)", s.AssessedByThreshold))
	}
	return ps
}

// Validate checks the whole project.
func Validate(p *Project) []Problem {
	ps := ValidateSettings(&p.Settings)
	for _, o := range p.OfficeList() {
		ps = append(ps, ValidateOffice(o)...)
	}
	for _, d := range p.DutyList() {
		ps = append(ps, ValidateDuty(p, d)...)
	}
	for _, a := range p.AuthorityList() {
		ps = append(ps, ValidateAuthority(a)...)
	}
	for _, h := range p.Holdings {
		ps = append(ps, ValidateHolding(p, h)...)
	}
	for _, a := range p.Assessments {
		ps = append(ps, ValidateAssessment(p, a)...)
	}
	for _, d := range p.DecisionList() {
		ps = append(ps, ValidateDecision(p, d)...)
	}
	return ps
}

// ValidateChange checks the entity a change would store.
func ValidateChange(p *Project, c Change) []Problem {
	switch v := c.After.(type) {
	case *Settings:
		return ValidateSettings(v)
	case *Office:
		return ValidateOffice(v)
	case *Duty:
		return ValidateDuty(p, v)
	case *Authority:
		return ValidateAuthority(v)
	case *Holding:
		return ValidateHolding(p, v)
	case *Assessment:
		return ValidateAssessment(p, v)
	case *Decision:
		return ValidateDecision(p, v)
	}
	return nil
}

func holdingName(p *Project, h *Holding) string {
	if p == nil {
		return ""
	}
	o, a := "?", "?"
	if x := p.Offices[h.Office]; x != nil {
		o = x.Name
	}
	if x := p.Authorities[h.Authority]; x != nil {
		a = x.Name
	}
	return o + " / " + a
}

func assessmentName(p *Project, a *Assessment) string {
	if p == nil {
		return ""
	}
	o, d := "?", "?"
	if x := p.Offices[a.Office]; x != nil {
		o = x.Name
	}
	if x := p.Duties[a.Duty]; x != nil {
		d = x.Name
	}
	return o + " / " + d
}
