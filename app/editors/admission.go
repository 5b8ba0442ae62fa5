package editors

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// AdmissionView is the admission register (准入): the departments'
// requests to give the offices a new task, each with its basis, what it
// needs and what comes with it (人财物随事转), the admission decision, and
// the findings the analysis makes on it; above the list, the requests
// counted by decision.
type AdmissionView struct {
	*listEditor[model.Proposal, *model.Proposal]

	counts   *widget.Label
	filter   *widget.Select // every request, or those of one decision
	scope    *scopePicker   // the offices the task would go to
	required *idChecks      // authorities the task needs
	granted  *idChecks      // authorities handed down with it
	findings *fyne.Container
	loading  bool
}

// proposalForm edits a request's own facts.
type proposalForm = form[model.Proposal, *model.Proposal]

// NewAdmissionView builds the register; it refreshes itself after every
// change while on screen.
func NewAdmissionView(s *session.Session, win fyne.Window) *AdmissionView {
	v := &AdmissionView{}
	v.listEditor = newListEditor(s, win, listed[model.Proposal, *model.Proposal]{
		list: v.shown,
		get:  func(p *model.Project, id model.ID) *model.Proposal { return p.Proposals[id] },
		describe: func(s *session.Session, _ *model.Project, q *model.Proposal) (string, string) {
			return q.Name, words.T("admissions.subtitle", "Department", q.Department,
				"Admission", q.Admission.Name().In(words.Current()), "Findings", len(s.Result().FindingsOfEntry(q.ID)))
		},
		create: func(s *session.Session) *model.Proposal {
			return &model.Proposal{Meta: model.NewMeta(s.Author), Department: words.T("admissions.new_department"),
				Name: words.T("admissions.new_name"), Admission: model.AdmissionPending}
		},
		cascade: func(p *model.Project, id model.ID) []model.Change { return []model.Change{p.Delete(p.Proposals[id])} },
		question: func(_ *model.Project, q *model.Proposal, _ map[model.EntityKind]int) string {
			return words.T("admissions.delete_confirm", "Name", q.Name)
		},
	}, newProposalForm)
	v.onShow = v.showLinks
	v.reveal = func() { v.filter.SetSelectedIndex(0) }

	v.counts = wrapped("")
	v.filter = widget.NewSelect(nil, func(string) {
		if !v.loading {
			v.Refresh()
		}
	})
	v.loading = true
	v.filter.SetOptions(append([]string{words.T("admissions.filter_all")}, names(model.Admissions, words.Current())...))
	v.filter.SetSelectedIndex(0)
	v.loading = false

	v.scope = newScopePicker(func() { v.linksChanged(words.T("editors.action.edit_scope")) })
	v.required = newIDChecks(false, func() { v.linksChanged(words.T("admissions.action.edit_authorities")) })
	v.granted = newIDChecks(false, func() { v.linksChanged(words.T("admissions.action.edit_authorities")) })
	v.findings = container.NewVBox()

	above := container.NewVBox(v.counts, v.filter)
	v.lay(above, container.NewVBox(
		section(words.T("admissions.findings")), v.findings,
		section(words.T("admissions.facts")), v.form.object(),
		section(words.T("admissions.scope")), container.NewVBox(v.scope.objects()...),
		section(words.T("admissions.required")), v.required.group,
		section(words.T("admissions.granted")), v.granted.group,
	), 0.34)
	v.lazy.Refresh = v.Refresh
	v.listen()
	return v
}

// newProposalForm edits a request: who asks, for what, on what basis,
// with what, and what was decided.
func newProposalForm(s *session.Session, win fyne.Window, current func() *model.Proposal) *proposalForm {
	f := newForm(s, win, words.T("editors.action.edit_proposal"), current)
	f.text("department", words.T("admissions.department"), false, func(q *model.Proposal) *string { return &q.Department })
	f.text("name", words.T("admissions.name"), false, func(q *model.Proposal) *string { return &q.Name })
	f.text("description", words.T("admissions.description"), true, func(q *model.Proposal) *string { return &q.Description })
	f.text("basis", fieldLabel("basis"), true, func(q *model.Proposal) *string { return &q.Basis })
	f.choice("basis_level", fieldLabel("basis_level"), names(model.BasisLevels, words.Current()),
		func(q *model.Proposal) int { return indexOf(model.BasisLevels, q.BasisLevel) },
		func(q *model.Proposal, i int) { q.BasisLevel = pick(model.BasisLevels, i, q.BasisLevel) })
	f.number("staff_needed", words.T("editors.assessment.staff_needed"), func(q *model.Proposal) *float64 { return &q.StaffNeeded })
	f.number("staff_carried", words.T("admissions.staff_carried"), func(q *model.Proposal) *float64 { return &q.StaffCarried })
	f.number("funds_needed", words.T("editors.assessment.funds_needed"), func(q *model.Proposal) *float64 { return &q.FundsNeeded })
	f.number("funds_carried", words.T("admissions.funds_carried"), func(q *model.Proposal) *float64 { return &q.FundsCarried })
	f.choice("admission", fieldLabel("admission"), names(model.Admissions, words.Current()),
		func(q *model.Proposal) int { return indexOf(model.Admissions, q.Admission) },
		func(q *model.Proposal, i int) { q.Admission = pick(model.Admissions, i, q.Admission) })
	f.text("reason", fieldLabel("reason"), true, func(q *model.Proposal) *string { return &q.Reason })
	f.text("decided_on", fieldLabel("decided_on"), false, func(q *model.Proposal) *string { return &q.DecidedOn }).
		SetPlaceHolder(words.T("editors.date_hint"))
	f.text("decided_by", fieldLabel("decided_by"), false, func(q *model.Proposal) *string { return &q.DecidedBy })
	f.text("notes", words.T("editors.notes"), true, func(q *model.Proposal) *string { return &q.Notes })
	return f
}

// Refresh counts the requests by decision, lists those the filter keeps
// and shows the selected one.
func (v *AdmissionView) Refresh() {
	v.counts.SetText(admissionCounts(v.s.Project(), v.s.Result(), words.Current()))
	v.listEditor.Refresh()
}

// shown lists the requests of the decision chosen in the filter (all by default).
func (v *AdmissionView) shown(p *model.Project) []*model.Proposal {
	all := p.ProposalList()
	i := v.filter.SelectedIndex()
	if i <= 0 || i > len(model.Admissions) {
		return all
	}
	want := model.Admissions[i-1]
	return slices.DeleteFunc(all, func(q *model.Proposal) bool { return q.Admission != want })
}

// admissionCounts is the register's tally: requests by decision and the
// findings on them.
func admissionCounts(p *model.Project, r *model.Result, lng string) string {
	by := map[model.Admission]int{}
	for _, q := range p.Proposals {
		by[q.Admission]++
	}
	findings := 0 // the district's count of every rule on admission requests
	for _, info := range model.Rules() {
		if slices.Contains(info.Scopes, model.ScopeProposal) {
			findings += r.Total.ByRule[info.Code]
		}
	}
	var parts []string
	for _, a := range model.Admissions {
		parts = append(parts, words.Say(lng, "admissions.count_of", "Admission", a.Name().In(lng), "N", by[a]))
	}
	return words.Say(lng, "admissions.counts", "Total", len(p.Proposals), "ByDecision", parts, "Findings", findings)
}

// showLinks shows the selected request's findings, scope and authorities.
func (v *AdmissionView) showLinks(q *model.Proposal) {
	p := v.s.Project()
	v.loading = true
	defer func() { v.loading = false }()
	v.scope.show(p, q.Scope)
	auths := authorityOptions(p, words.Current())
	v.required.set(auths, q.Required)
	v.granted.set(auths, q.Granted)
	v.showFindings(q)
}

// showFindings lists the findings on the request, office by office.
func (v *AdmissionView) showFindings(q *model.Proposal) {
	r := v.s.Result()
	fs := r.FindingsOfEntry(q.ID)
	objs := make([]fyne.CanvasObject, 0, len(fs)+1)
	if len(fs) == 0 {
		objs = append(objs, wrapped(words.T("admissions.no_findings")))
	}
	for _, f := range fs {
		objs = append(objs, wrapped(v.s.OfficeName(f.Office)), findingRow(r, f, words.Current()))
	}
	v.findings.Objects = objs
	v.findings.Refresh()
}

// linksChanged stores the scope and the authorities as ticked.
func (v *AdmissionView) linksChanged(action string) {
	if v.loading {
		return
	}
	q := v.current()
	if q == nil {
		return
	}
	scope, ok := v.scope.chosen()
	if !ok {
		return
	}
	q.Scope = scope
	q.Required, q.Granted = v.required.selected(), v.granted.selected()
	q.Touch(v.s.Author)
	if err := v.s.Commit(action, v.s.Project().Put(q)); err != nil {
		v.scope.say(errorText(err))
	}
}
