package editors

import (
	"fyne.io/fyne/v2"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The entity forms shared by the detail panel and the catalogue editors.

type (
	dutyForm       = form[model.Duty, *model.Duty]
	assessmentForm = form[model.Assessment, *model.Assessment]
	officeForm     = form[model.Office, *model.Office]
	authorityForm  = form[model.Authority, *model.Authority]
	holdingForm    = form[model.Holding, *model.Holding]
	decisionForm   = form[model.Decision, *model.Decision]
)

func names[T interface{ Name() words.Msg }](xs []T, lng string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.Name().In(lng)
	}
	return out
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func pick[T any](xs []T, i int, fallback T) T {
	if i < 0 || i >= len(xs) {
		return fallback
	}
	return xs[i]
}

// newDutyForm edits a duty's catalogue facts (not its required authorities or scope).
func newDutyForm(s *session.Session, win fyne.Window, current func() *model.Duty) *dutyForm {
	f := newForm(s, win, words.T("editors.action.edit_duty"), current)
	f.integer("seq", words.T("editors.duty.seq"), func(d *model.Duty) *int { return &d.Seq })
	f.text("name", words.T("editors.duty.name"), false, func(d *model.Duty) *string { return &d.Name })
	f.text("sub_item", words.T("editors.duty.sub_item"), false, func(d *model.Duty) *string { return &d.SubItem })
	f.text("category", words.T("editors.duty.category"), false, func(d *model.Duty) *string { return &d.Category })
	f.text("sub_category", fieldLabel("sub_category"), false, func(d *model.Duty) *string { return &d.SubCategory })
	f.choice("kind", words.T("editors.duty.kind"), names(model.ListKinds, words.Current()),
		func(d *model.Duty) int { return indexOf(model.ListKinds, d.Kind) },
		func(d *model.Duty, i int) { d.Kind = pick(model.ListKinds, i, d.Kind) })
	f.text("legal_basis", words.T("editors.duty.legal_basis"), true, func(d *model.Duty) *string { return &d.LegalBasis })
	f.text("source", words.T("editors.duty.source"), false, func(d *model.Duty) *string { return &d.Source })
	f.text("lead_dept", words.T("editors.duty.lead_dept"), false, func(d *model.Duty) *string { return &d.LeadDept })
	f.text("support_depts", words.T("editors.duty.support_depts"), false, func(d *model.Duty) *string { return &d.SupportDepts })
	f.text("higher_dept_duty", words.T("editors.duty.higher_dept_duty"), true, func(d *model.Duty) *string { return &d.HigherDeptDuty })
	f.text("office_duty", words.T("editors.duty.office_duty"), true, func(d *model.Duty) *string { return &d.OfficeDuty })
	f.text("receiving_dept", words.T("editors.duty.receiving_dept"), false, func(d *model.Duty) *string { return &d.ReceivingDept })
	f.text("working_method", words.T("editors.duty.working_method"), false, func(d *model.Duty) *string { return &d.WorkingMethod })
	f.text("notes", words.T("editors.notes"), true, func(d *model.Duty) *string { return &d.Notes })
	return f
}

// newAssessmentForm edits the facts of one (office, duty).
func newAssessmentForm(s *session.Session, win fyne.Window, current func() *model.Assessment) *assessmentForm {
	f := newForm(s, win, words.T("editors.action.edit_assessment"), current)
	f.choice("role", words.T("editors.assessment.role"), names(model.Roles, words.Current()),
		func(a *model.Assessment) int { return indexOf(model.Roles, a.Role) },
		func(a *model.Assessment, i int) { a.Role = pick(model.Roles, i, a.Role) })
	f.check("veto", words.T("editors.assessment.veto"), words.T("editors.assessment.veto_yes"), func(a *model.Assessment) *bool { return &a.Veto })
	f.text("veto_basis", fieldLabel("veto_basis"), false, func(a *model.Assessment) *string { return &a.VetoBasis })
	f.integer("incidents", words.T("editors.assessment.incidents"), func(a *model.Assessment) *int { return &a.Incidents })
	f.integer("assessed_by", words.T("editors.assessment.assessed_by"), func(a *model.Assessment) *int { return &a.AssessedBy })
	f.number("hours", words.T("editors.assessment.hours"), func(a *model.Assessment) *float64 { return &a.HoursPerMonth })
	f.number("formalism_hours", words.T("editors.assessment.formalism_hours"), func(a *model.Assessment) *float64 { return &a.FormalismHours })
	f.integer("reports", words.T("editors.assessment.reports"), func(a *model.Assessment) *int { return &a.ReportsPerMonth })
	f.integer("inspections", fieldLabel("inspections"), func(a *model.Assessment) *int { return &a.InspectionsPerYear })
	f.integer("sign_offs", fieldLabel("sign_offs"), func(a *model.Assessment) *int { return &a.SignOffs })
	f.integer("apps", fieldLabel("apps"), func(a *model.Assessment) *int { return &a.Apps })
	f.integer("work_groups", fieldLabel("work_groups"), func(a *model.Assessment) *int { return &a.WorkGroups })
	f.integer("duplicate_entry", fieldLabel("duplicate_entry"), func(a *model.Assessment) *int { return &a.DuplicateEntry })
	f.integer("check_ins", fieldLabel("check_ins"), func(a *model.Assessment) *int { return &a.CheckIns })
	f.number("staff_needed", words.T("editors.assessment.staff_needed"), func(a *model.Assessment) *float64 { return &a.StaffNeeded })
	f.number("staff_held", words.T("editors.assessment.staff_held"), func(a *model.Assessment) *float64 { return &a.StaffHeld })
	f.number("funds_needed", words.T("editors.assessment.funds_needed"), func(a *model.Assessment) *float64 { return &a.FundsNeeded })
	f.number("funds_held", words.T("editors.assessment.funds_held"), func(a *model.Assessment) *float64 { return &a.FundsHeld })
	f.number("funds_district", words.T("editors.assessment.funds_district"), func(a *model.Assessment) *float64 { return &a.FundsDistrict })
	f.number("funds_transferred", words.T("editors.assessment.funds_transferred"), func(a *model.Assessment) *float64 { return &a.FundsTransferred })
	f.number("funds_self", words.T("editors.assessment.funds_self"), func(a *model.Assessment) *float64 { return &a.FundsSelf })
	f.integer("systems_needed", words.T("editors.assessment.systems_needed"), func(a *model.Assessment) *int { return &a.SystemsNeeded })
	f.integer("systems_held", words.T("editors.assessment.systems_held"), func(a *model.Assessment) *int { return &a.SystemsHeld })
	f.text("notes", words.T("editors.notes"), true, func(a *model.Assessment) *string { return &a.Notes })
	return f
}

// newOfficeForm edits an office.
func newOfficeForm(s *session.Session, win fyne.Window, current func() *model.Office) *officeForm {
	kinds := []model.OfficeKind{model.OfficeStreet, model.OfficeTownship}
	f := newForm(s, win, words.T("editors.action.edit_office"), current)
	f.text("name", words.T("editors.office.name"), false, func(o *model.Office) *string { return &o.Name })
	f.choice("kind", words.T("editors.office.kind"), names(kinds, words.Current()),
		func(o *model.Office) int { return indexOf(kinds, o.Kind) },
		func(o *model.Office, i int) { o.Kind = pick(kinds, i, o.Kind) })
	f.text("description", words.T("editors.office.description"), true, func(o *model.Office) *string { return &o.Description })
	f.integer("population", words.T("editors.office.population"), func(o *model.Office) *int { return &o.Population })
	f.integer("communities", words.T("editors.office.communities"), func(o *model.Office) *int { return &o.Communities })
	f.integer("establishment", words.T("editors.office.establishment"), func(o *model.Office) *int { return &o.Establishment })
	f.integer("on_staff", fieldLabel("on_staff"), func(o *model.Office) *int { return &o.OnStaff })
	f.integer("auxiliary", fieldLabel("auxiliary"), func(o *model.Office) *int { return &o.Auxiliary })
	f.integer("seconded_out", fieldLabel("seconded_out"), func(o *model.Office) *int { return &o.SecondedOut })
	f.integer("seconded_in", fieldLabel("seconded_in"), func(o *model.Office) *int { return &o.SecondedIn })
	f.integer("community_workers", fieldLabel("community_workers"), func(o *model.Office) *int { return &o.CommunityWorkers })
	f.number("budget_wan", words.T("editors.office.budget_wan"), func(o *model.Office) *float64 { return &o.BudgetWan })
	f.text("notes", words.T("editors.notes"), true, func(o *model.Office) *string { return &o.Notes })
	return f
}

// newAuthorityForm edits an authority of the catalogue.
func newAuthorityForm(s *session.Session, win fyne.Window, current func() *model.Authority) *authorityForm {
	f := newForm(s, win, words.T("editors.action.edit_authority"), current)
	f.text("name", words.T("editors.authority.name"), false, func(a *model.Authority) *string { return &a.Name })
	f.choice("type", words.T("editors.authority.type"), names(model.AuthorityTypes, words.Current()),
		func(a *model.Authority) int { return indexOf(model.AuthorityTypes, a.Type) },
		func(a *model.Authority, i int) { a.Type = pick(model.AuthorityTypes, i, a.Type) })
	f.text("legal_basis", words.T("editors.authority.legal_basis"), true, func(a *model.Authority) *string { return &a.LegalBasis })
	f.text("notes", words.T("editors.notes"), true, func(a *model.Authority) *string { return &a.Notes })
	return f
}

// fieldLabel is a field's name as validation and exports name it (the
// model's catalogue), so a form, a problem and a workbook column agree.
func fieldLabel(code string) string { return model.FieldName(code).In(words.Current()) }
