package model

import (
	"slices"
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
	negative := false
	for _, f := range []struct {
		code string
		v    float64
	}{
		{"population", float64(o.Population)},
		{"communities", float64(o.Communities)},
		{"establishment", float64(o.Establishment)},
		{"on_staff", float64(o.OnStaff)},
		{"auxiliary", float64(o.Auxiliary)},
		{"seconded_out", float64(o.SecondedOut)},
		{"seconded_in", float64(o.SecondedIn)},
		{"community_workers", float64(o.CommunityWorkers)},
		{"budget_wan", o.BudgetWan},
	} {
		if f.v < 0 {
			negative = true
			ps = append(ps, problem(KindOffice, o.Name, f.code, words.M("problem.office.negative",
				"office", o.Name, "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	// The people seconded out are among the office's own (on the
	// establishment or auxiliary): more cannot leave than there are.
	if own := o.OnStaff + o.Auxiliary; !negative && o.SecondedOut > own {
		ps = append(ps, problem(KindOffice, o.Name, "seconded_out", words.M("problem.office.seconded_out",
			"office", o.Name, "out", o.SecondedOut, "own", own)))
	}
	return ps
}

// badDate reports whether s is neither empty nor a date (YYYY-MM-DD).
func badDate(s string) bool {
	if s == "" {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err != nil
}

// dateProblem is the problem of a date field that holds no date.
func dateProblem(k EntityKind, entity, field, value string) Problem {
	return problem(k, entity, field, words.M("problem.date", "kind", k.Name(), "name", entity,
		"field", fieldName(field), "value", value))
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
		{"inspections", float64(a.InspectionsPerYear)},
		{"sign_offs", float64(a.SignOffs)},
		{"apps", float64(a.Apps)},
		{"work_groups", float64(a.WorkGroups)},
		{"duplicate_entry", float64(a.DuplicateEntry)},
		{"check_ins", float64(a.CheckIns)},
		{"staff_needed", a.StaffNeeded},
		{"staff_held", a.StaffHeld},
		{"funds_needed", a.FundsNeeded},
		{"funds_held", a.FundsHeld},
		{"funds_district", a.FundsDistrict},
		{"funds_transferred", a.FundsTransferred},
		{"funds_self", a.FundsSelf},
		{"systems_needed", float64(a.SystemsNeeded)},
		{"systems_held", float64(a.SystemsHeld)},
	} {
		if f.v < 0 {
			ps = append(ps, problem(KindAssessment, name(), f.code, words.M("problem.assessment.negative",
				"assessment", name(), "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	// FundsHeld is the total; the parts by source may leave some of it
	// unattributed, never exceed it (a rounding hair is allowed).
	if src := a.FundsSourced(); src > a.FundsHeld+1e-9*max(1, a.FundsHeld) && a.FundsHeld >= 0 {
		ps = append(ps, problem(KindAssessment, name(), "funds_held", words.M("problem.assessment.funds_sources",
			"assessment", name(), "sources", exact(src), "held", exact(a.FundsHeld))))
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
		if d.Meeting != NilID && p.Meetings[d.Meeting] == nil {
			ps = append(ps, problem(KindDecision, name, "meeting_id", words.M("problem.decision.unknown_meeting", "decision", name)))
		}
	}
	if !d.Action.Valid() {
		ps = append(ps, problem(KindDecision, name, "action", words.M("problem.decision.action", "decision", name)))
	}
	if d.Action.NeedsAuthority() && (d.Authority == NilID || (p != nil && p.Authorities[d.Authority] == nil)) {
		ps = append(ps, problem(KindDecision, name, "authority", words.M("problem.decision.no_authority",
			"decision", name, "action", d.Action.Name())))
	}
	if d.Action == ActionAddResources && d.StaffDelta == 0 && d.FundsDelta == 0 && d.SystemsDelta == 0 {
		ps = append(ps, problem(KindDecision, name, "staff_delta", words.M("problem.decision.no_change", "decision", name)))
	}
	if !d.Status.Valid() {
		ps = append(ps, problem(KindDecision, name, "status", words.M("problem.decision.status", "decision", name)))
	}
	if badDate(d.Deadline) {
		ps = append(ps, dateProblem(KindDecision, name, "deadline", d.Deadline))
	}
	return ps
}

// validate checks one meeting.
func (m *Meeting) validate(*Project) []Problem {
	var ps []Problem
	if strings.TrimSpace(m.Title) == "" && m.Date == "" {
		ps = append(ps, problem(KindMeeting, "", "title", words.M("problem.meeting.no_name")))
	}
	if badDate(m.Date) {
		ps = append(ps, dateProblem(KindMeeting, m.Name(), "date", m.Date))
	}
	return ps
}

// validate checks one proposal.
func (q *Proposal) validate(p *Project) []Problem {
	var ps []Problem
	if strings.TrimSpace(q.Name) == "" {
		ps = append(ps, problem(KindProposal, "", "name", words.M("problem.proposal.no_name", "department", q.Department)))
	}
	if strings.TrimSpace(q.Department) == "" {
		ps = append(ps, problem(KindProposal, q.Name, "department", words.M("problem.proposal.no_department", "proposal", q.Name)))
	}
	if !q.BasisLevel.Valid() {
		ps = append(ps, problem(KindProposal, q.Name, "basis_level", words.M("problem.proposal.basis_level", "proposal", q.Name)))
	}
	if !q.Admission.Valid() {
		ps = append(ps, problem(KindProposal, q.Name, "admission", words.M("problem.proposal.admission", "proposal", q.Name)))
	}
	for _, f := range []struct {
		code string
		v    float64
	}{
		{"staff_needed", q.StaffNeeded},
		{"staff_carried", q.StaffCarried},
		{"funds_needed", q.FundsNeeded},
		{"funds_carried", q.FundsCarried},
	} {
		if f.v < 0 {
			ps = append(ps, problem(KindProposal, q.Name, f.code, words.M("problem.proposal.negative",
				"proposal", q.Name, "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	if badDate(q.DecidedOn) {
		ps = append(ps, dateProblem(KindProposal, q.Name, "decided_on", q.DecidedOn))
	}
	if p == nil {
		return ps
	}
	for _, id := range q.Scope {
		if p.Offices[id] == nil {
			ps = append(ps, problem(KindProposal, q.Name, "scope", words.M("problem.proposal.unknown_office", "proposal", q.Name)))
			break
		}
	}
	for _, list := range []struct {
		code string
		ids  []ID
	}{{"required", q.Required}, {"granted", q.Granted}} {
		for _, id := range list.ids {
			if p.Authorities[id] == nil {
				ps = append(ps, problem(KindProposal, q.Name, list.code, words.M("problem.proposal.unknown_authority", "proposal", q.Name)))
				break
			}
		}
	}
	if q.Duty != NilID && p.Duties[q.Duty] == nil {
		ps = append(ps, problem(KindProposal, q.Name, "duty", words.M("problem.proposal.unknown_duty", "proposal", q.Name)))
	}
	return ps
}

// validate checks one off-list task.
func (t *OffListTask) validate(p *Project) []Problem {
	var ps []Problem
	if strings.TrimSpace(t.Name) == "" {
		ps = append(ps, problem(KindOffListTask, "", "name", words.M("problem.off_list.no_name")))
	}
	if p != nil && p.Offices[t.Office] == nil {
		ps = append(ps, problem(KindOffListTask, t.Name, "office", words.M("problem.off_list.unknown_office", "task", t.Name)))
	}
	for _, f := range []struct {
		code string
		v    float64
	}{{"times_per_year", float64(t.TimesPerYear)}, {"hours", t.HoursPerMonth}} {
		if f.v < 0 {
			ps = append(ps, problem(KindOffListTask, t.Name, f.code, words.M("problem.off_list.negative",
				"task", t.Name, "field", fieldName(f.code), "value", exact(f.v))))
		}
	}
	if badDate(t.Since) {
		ps = append(ps, dateProblem(KindOffListTask, t.Name, "since", t.Since))
	}
	return ps
}

// validate checks one incident.
func (i *Incident) validate(p *Project) []Problem {
	var ps []Problem
	name := ""
	if p != nil {
		name = assessmentName(p, &Assessment{Office: i.Office, Duty: i.Duty})
		if p.Offices[i.Office] == nil {
			ps = append(ps, problem(KindIncident, name, "office", words.M("problem.incident.unknown_office", "incident", name)))
		}
		if p.Duties[i.Duty] == nil {
			ps = append(ps, problem(KindIncident, name, "duty", words.M("problem.incident.unknown_duty", "incident", name)))
		}
	}
	if !i.Kind.Valid() {
		ps = append(ps, problem(KindIncident, name, "kind", words.M("problem.incident.kind", "incident", name)))
	}
	if !i.Cause.Valid() {
		ps = append(ps, problem(KindIncident, name, "cause", words.M("problem.incident.cause", "incident", name)))
	}
	if badDate(i.Date) {
		ps = append(ps, dateProblem(KindIncident, name, "date", i.Date))
	}
	return ps
}

// ValidateSettings checks thresholds are in range (settings.go).
func ValidateSettings(s *Settings) []Problem { return validateSettings(s) }

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
	for _, m := range p.MeetingList() {
		ps = append(ps, m.validate(p)...)
	}
	for _, d := range p.DecisionList() {
		ps = append(ps, d.validate(p)...)
	}
	for _, q := range p.ProposalList() {
		ps = append(ps, q.validate(p)...)
	}
	for _, t := range p.OffListTasks {
		ps = append(ps, t.validate(p)...)
	}
	for _, i := range p.Incidents {
		ps = append(ps, i.validate(p)...)
	}
	return ps
}

// ValidateChange checks the entity a change would store; a deletion stores
// nothing and has nothing to check.
//
// A duty's or proposal's scope that still names an office which is gone
// does not stop the save. A scope is no reference (Project.DeleteOffice
// takes the office out of every scope, but deleting the office alone, or a
// merge, may leave it), the office it names has no items, so the analysis
// reads the scope without it, and the scope picker cannot even show it for
// the user to take out: refusing, say, a new name for the duty would block
// the user for nothing. Validate still lists it, for tidying.
func ValidateChange(p *Project, c Change) []Problem {
	if v, ok := c.After.(validator); ok {
		return slices.DeleteFunc(v.validate(p), staleScope)
	}
	return nil
}

// staleScope reports a problem that a scope names an office that is gone.
func staleScope(pr Problem) bool {
	return pr.Msg.Key == "problem.duty.unknown_office" || pr.Msg.Key == "problem.proposal.unknown_office"
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
	if badDate(i.DataCutoff) {
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

// FieldName is the name of a field of an entity by its code (its JSON
// name), as problems, editors and exports name it.
func FieldName(code string) words.Msg { return fieldName(code) }
