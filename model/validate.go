package model

import (
	"strconv"
	"strings"
	"time"

	"rpbmatrix/model/words"
)

// Problem is one validation failure, naming the entity and field.
type Problem struct {
	Kind   EntityKind `json:"kind"`
	Entity string     `json:"entity"` // the entity's name as the user knows it
	Field  string     `json:"field"`  // the field's code, e.g. "staff_held"
	Msg    words.Msg  `json:"msg"`    // worded where it is shown
}

// Error words the problem in the current UI language.
func (p Problem) Error() string { return p.Msg.In(words.Current()) }

func problem(k EntityKind, entity, field string, msg words.Msg) Problem {
	return Problem{Kind: k, Entity: entity, Field: field, Msg: msg}
}

// exact writes a value as entered, every digit kept: a problem names the
// value to fix, which rounding could hide (1.04 is not "1").
func exact(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// MaxText is the longest text a field may hold (a long legal basis fits easily).
const MaxText = 4000

// validate checks one office.
func (o *Office) validate(*Project) []Problem {
	var ps []Problem
	if strings.TrimSpace(o.Name) == "" {
		ps = append(ps, problem(KindOffice, "", "name", words.M("problem.office.no_name")))
	}
	if !o.Kind.Valid() {
		ps = append(ps, problem(KindOffice, o.Name, "kind", words.M("problem.office.kind", "office", o.Name)))
	}
	for _, f := range []struct {
		code string
		v    float64
	}{
		{"population", float64(o.Population)},
		{"communities", float64(o.Communities)},
		{"establishment", float64(o.Establishment)},
		{"staff_actual", float64(o.StaffActual)},
		{"budget_wan", o.BudgetWan},
	} {
		if f.v < 0 {
			ps = append(ps, problem(KindOffice, o.Name, f.code, words.M("problem.office.negative",
				"office", o.Name, "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	return ps
}

// fieldName is the name of a field by its code (problem.field.<code>).
func fieldName(code string) words.Msg { return words.M("problem.field." + code) }

// settingName is the name of an analysis setting by its code (its JSON
// name): setting.<code>, the one name the settings dialog shows too.
func settingName(code string) words.Msg { return words.M("setting." + code) }

// ValidateDuty checks one duty against the project's offices and authorities.
func ValidateDuty(p *Project, d *Duty) []Problem {
	var ps []Problem
	if strings.TrimSpace(d.Name) == "" {
		ps = append(ps, problem(KindDuty, "", "name", words.M("problem.duty.no_name", "seq", d.Seq)))
	}
	if len(d.Name) > MaxText {
		ps = append(ps, problem(KindDuty, d.Name[:60], "name", words.M("problem.duty.name_too_long", "bytes", len(d.Name), "limit", MaxText)))
	}
	if strings.TrimSpace(d.Category) == "" {
		ps = append(ps, problem(KindDuty, d.Name, "category", words.M("problem.duty.no_category", "duty", d.Name)))
	}
	if !d.Kind.Valid() {
		ps = append(ps, problem(KindDuty, d.Name, "kind", words.M("problem.duty.kind", "duty", d.Name)))
	}
	if d.Seq < 0 {
		ps = append(ps, problem(KindDuty, d.Name, "seq", words.M("problem.duty.seq", "duty", d.Name)))
	}
	for _, id := range d.Scope {
		if p != nil && p.Offices[id] == nil {
			ps = append(ps, problem(KindDuty, d.Name, "scope", words.M("problem.duty.unknown_office", "duty", d.Name)))
			break
		}
	}
	seen := map[ID]bool{}
	for _, id := range d.Required {
		if p != nil && p.Authorities[id] == nil {
			ps = append(ps, problem(KindDuty, d.Name, "required", words.M("problem.duty.unknown_authority", "duty", d.Name)))
			break
		}
		if seen[id] {
			ps = append(ps, problem(KindDuty, d.Name, "required", words.M("problem.duty.authority_twice", "duty", d.Name)))
			break
		}
		seen[id] = true
	}
	return ps
}

// validate checks one authority.
func (a *Authority) validate(*Project) []Problem {
	var ps []Problem
	if strings.TrimSpace(a.Name) == "" {
		ps = append(ps, problem(KindAuthority, "", "name", words.M("problem.authority.no_name")))
	}
	if !a.Type.Valid() {
		ps = append(ps, problem(KindAuthority, a.Name, "type", words.M("problem.authority.type", "authority", a.Name, "type", string(a.Type))))
	}
	return ps
}

// validate checks one holding.
func (h *Holding) validate(p *Project) []Problem {
	var ps []Problem
	if p != nil && p.Offices[h.Office] == nil {
		name := holdingName(p, h)
		ps = append(ps, problem(KindHolding, name, "office", words.M("problem.holding.unknown_office", "holding", name)))
	}
	if p != nil && p.Authorities[h.Authority] == nil {
		name := holdingName(p, h)
		ps = append(ps, problem(KindHolding, name, "authority", words.M("problem.holding.unknown_authority", "holding", name)))
	}
	if !h.DeFacto.Valid() {
		name := holdingName(p, h)
		ps = append(ps, problem(KindHolding, name, "de_facto", words.M("problem.holding.level", "holding", name)))
	}
	return ps
}

// validate checks one assessment.
func (a *Assessment) validate(p *Project) []Problem {
	var ps []Problem
	// The name is built only for a problem: a large project has hundreds of
	// thousands of assessments, nearly all valid.
	var named string
	name := func() string {
		if named == "" {
			named = assessmentName(p, a)
		}
		return named
	}
	if p != nil && p.Offices[a.Office] == nil {
		ps = append(ps, problem(KindAssessment, name(), "office", words.M("problem.assessment.unknown_office", "assessment", name())))
	}
	if p != nil && p.Duties[a.Duty] == nil {
		ps = append(ps, problem(KindAssessment, name(), "duty", words.M("problem.assessment.unknown_duty", "assessment", name())))
	}
	if !a.Role.Valid() {
		ps = append(ps, problem(KindAssessment, name(), "role", words.M("problem.assessment.role", "assessment", name())))
	}
	for _, f := range []struct {
		code string
		v    float64
	}{
		{"assessed_by", float64(a.AssessedBy)},
		{"incidents", float64(a.Incidents)},
		{"hours", a.HoursPerMonth},
		{"formalism_hours", a.FormalismHours},
		{"reports", float64(a.ReportsPerMonth)},
		{"staff_needed", a.StaffNeeded},
		{"staff_held", a.StaffHeld},
		{"funds_needed", a.FundsNeeded},
		{"funds_held", a.FundsHeld},
		{"systems_needed", float64(a.SystemsNeeded)},
		{"systems_held", float64(a.SystemsHeld)},
	} {
		if f.v < 0 {
			ps = append(ps, problem(KindAssessment, name(), f.code, words.M("problem.assessment.negative",
				"assessment", name(), "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	if a.FormalismHours > a.HoursPerMonth && a.FormalismHours >= 0 && a.HoursPerMonth >= 0 {
		ps = append(ps, problem(KindAssessment, name(), "formalism_hours", words.M("problem.assessment.formalism_over_hours",
			"assessment", name(), "formalism", exact(a.FormalismHours), "hours", exact(a.HoursPerMonth))))
	}
	return ps
}

// validate checks one decision.
func (d *Decision) validate(p *Project) []Problem {
	var ps []Problem
	name := ""
	if p != nil {
		if du := p.Duties[d.Duty]; du != nil {
			name = du.Name
		} else {
			ps = append(ps, problem(KindDecision, "", "duty", words.M("problem.decision.unknown_duty")))
		}
		if d.Office != NilID && p.Offices[d.Office] == nil {
			ps = append(ps, problem(KindDecision, name, "office", words.M("problem.decision.unknown_office", "decision", name)))
		}
	}
	if !d.Action.Valid() {
		ps = append(ps, problem(KindDecision, name, "action", words.M("problem.decision.action", "decision", name)))
	}
	if d.Action == ActionGrant && (d.Authority == NilID || (p != nil && p.Authorities[d.Authority] == nil)) {
		ps = append(ps, problem(KindDecision, name, "authority", words.M("problem.decision.grant_nothing", "decision", name)))
	}
	if d.Action == ActionAddResources {
		if d.StaffAdd < 0 || d.FundsAdd < 0 {
			ps = append(ps, problem(KindDecision, name, "staff_add", words.M("problem.decision.negative_resources", "decision", name)))
		} else if d.StaffAdd == 0 && d.FundsAdd == 0 {
			ps = append(ps, problem(KindDecision, name, "staff_add", words.M("problem.decision.add_nothing", "decision", name)))
		}
	}
	return ps
}

// ValidateSettings checks thresholds are in range.
func ValidateSettings(s *Settings) []Problem {
	var ps []Problem
	share := func(code string, v float64) {
		if v < 0 || v > 1 {
			ps = append(ps, problem(KindSettings, "", code, words.M("problem.settings.share", "setting", settingName(code), "value", exact(v))))
		}
	}
	share("coverage_threshold", s.CoverageThreshold)
	share("formalism_share", s.FormalismShare)
	share("staff_tolerance", s.StaffTolerance)
	share("funds_tolerance", s.FundsTolerance)
	share("partial_credit", s.PartialCredit)
	share("shortfall_warning", s.ShortfallWarning)
	share("shortfall_serious", s.ShortfallSerious)
	for _, f := range []struct {
		code string
		v    int
	}{
		{"incident_threshold", s.IncidentThreshold},
		{"report_threshold", s.ReportThreshold},
		{"assessed_by_threshold", s.AssessedByThreshold},
	} {
		if f.v < 1 {
			ps = append(ps, problem(KindSettings, "", f.code, words.M("problem.settings.at_least_one", "setting", settingName(f.code), "value", f.v)))
		}
	}
	return ps
}

// Validate checks the whole project.
func Validate(p *Project) []Problem {
	ps := ValidateSettings(&p.Settings)
	for _, o := range p.OfficeList() {
		ps = append(ps, o.validate(p)...)
	}
	for _, d := range p.DutyList() {
		ps = append(ps, d.validate(p)...)
	}
	for _, a := range p.AuthorityList() {
		ps = append(ps, a.validate(p)...)
	}
	for _, h := range p.Holdings {
		ps = append(ps, h.validate(p)...)
	}
	for _, a := range p.Assessments {
		ps = append(ps, a.validate(p)...)
	}
	for _, d := range p.DecisionList() {
		ps = append(ps, d.validate(p)...)
	}
	return ps
}

// ValidateChange checks the entity a change would store; a deletion stores
// nothing and has nothing to check.
func ValidateChange(p *Project, c Change) []Problem {
	if v, ok := c.After.(validator); ok {
		return v.validate(p)
	}
	return nil
}

// validator is an entity that checks itself against the project it would be
// stored in (p may be nil: then references are not checked). Every Entity
// is one; TestEveryKindValidates holds them to it.
type validator interface {
	validate(p *Project) []Problem
}

func (s *Settings) validate(*Project) []Problem { return ValidateSettings(s) }
func (d *Duty) validate(p *Project) []Problem   { return ValidateDuty(p, d) }

// validate takes any name, region, author and title block, except a data
// cut-off date that is not a date (YYYY-MM-DD).
func (i *Info) validate(*Project) []Problem {
	if _, err := time.Parse(time.DateOnly, i.DataCutoff); i.DataCutoff != "" && err != nil {
		return []Problem{problem(KindInfo, i.Name, "data_cutoff", words.M("problem.info.data_cutoff", "value", i.DataCutoff))}
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
