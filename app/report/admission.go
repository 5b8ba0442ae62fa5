package report

import (
	"cmp"
	"slices"

	"github.com/signintech/gopdf"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The admission section (准入): the requests of departments to hand offices
// a new task, with what the task needs and what comes with it (人财物随事转)
// and the admission decision, and the off-list tasks (清单外事项) offices
// actually perform, each with the findings on it (ADMISSION_UNFUNDED,
// OFF_LIST_BURDEN) named by the request or task.

// officeAdmission prints the requests that concern the office and its
// off-list tasks, each with its findings on this office.
func (d *doc) officeAdmission(n int, o *model.Office) {
	d.newPage(d.officeRunning(o))
	caption := d.sectionTitle(n, words.Say(d.lang, "report.admission.title"))
	d.heading(caption, head1)
	var props []*model.Proposal
	for _, q := range d.p.ProposalList() {
		if q.AppliesTo(o.ID) {
			props = append(props, q)
		}
	}
	onOffice := func(fs []model.Finding) []model.Finding {
		var out []model.Finding
		for _, f := range fs {
			if f.Office == o.ID {
				out = append(out, f)
			}
		}
		return out
	}
	d.heading(words.Say(d.lang, "report.admission.proposals"), head2)
	if len(props) == 0 {
		d.paragraph(words.Say(d.lang, "report.admission.no_proposals"), body)
	} else {
		d.proposalTable(caption, props, false)
		var fs []model.Finding
		for _, q := range props {
			fs = append(fs, onOffice(d.r.FindingsOfEntry(q.ID))...)
		}
		d.entryFindings(caption, fs)
	}
	d.heading(words.Say(d.lang, "report.admission.off_list"), head2)
	tasks := d.p.OffListTasksOf(o.ID)
	if len(tasks) == 0 {
		d.paragraph(words.Say(d.lang, "report.admission.no_off_list"), body)
		return
	}
	d.offListTable(caption, tasks)
	var fs []model.Finding
	for _, t := range tasks {
		fs = append(fs, onOffice(d.r.FindingsOfEntry(t.ID))...)
	}
	d.entryFindings(caption, fs)
}

// districtAdmission prints the whole register of requests and, per office,
// how many off-list tasks it performs, their hours and the findings on them.
// tail is the room the last row keeps below it (signedIf).
func (d *doc) districtAdmission(n int, offices []*model.Office, tail float64) {
	caption := d.sectionTitle(n, words.Say(d.lang, "report.admission.title"))
	d.heading(caption, head1)
	d.heading(words.Say(d.lang, "report.admission.proposals"), head2)
	if props := d.p.ProposalList(); len(props) == 0 {
		d.paragraph(words.Say(d.lang, "report.admission.no_proposals"), body)
	} else {
		d.proposalTable(caption, props, true)
	}
	d.heading(words.Say(d.lang, "report.admission.off_list_by_office"), head2)
	w := d.width()
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.office"), width: w * 0.22, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.off_list_tasks"), width: w * 0.12, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.hours_month"), width: w * 0.12, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.findings"), width: w * 0.12, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.assigned_by"), width: w * 0.42, align: gopdf.Left},
	}, body.sized(8.5))
	t.caption = caption
	var with []*model.Office
	for _, o := range offices {
		if len(d.p.OffListTasksOf(o.ID)) > 0 {
			with = append(with, o)
		}
	}
	for i, o := range with {
		tasks := d.p.OffListTasksOf(o.ID)
		var hours float64
		var by []string
		for _, x := range tasks {
			hours += x.HoursPerMonth
			if x.AssignedBy != "" && !slices.Contains(by, x.AssignedBy) {
				by = append(by, x.AssignedBy)
			}
		}
		if i == len(with)-1 {
			t.last(tail)
		}
		t.row([]cell{{text: o.Name}, {text: itoa(len(tasks))}, {text: words.Num(hours)},
			{text: itoa(officeSummary(d.r, o.ID).ByRule[model.RuleOffListBurden])}, {text: words.Say(d.lang, "report.list", "items", by)}})
	}
	if len(with) == 0 {
		d.paragraph(words.Say(d.lang, "report.admission.no_off_list"), body)
	}
}

// proposalTable lists requests: department, task, basis and its level,
// the offices (withOffices), staff, funds and authorities needed vs
// carried, the admission decision with its reason and date, and the rules
// that found something on it.
func (d *doc) proposalTable(caption string, props []*model.Proposal, withOffices bool) {
	w := d.width()
	cols := []column{
		{title: words.Say(d.lang, "report.col.seq"), width: 24, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.department"), width: w * 0.09, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.task"), width: w * 0.12, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.basis"), width: w * 0.12, align: gopdf.Left},
	}
	if withOffices {
		cols = append(cols, column{title: words.Say(d.lang, "report.col.offices"), width: w * 0.08, align: gopdf.Left})
	}
	cols = append(cols,
		column{title: words.Say(d.lang, "report.col.staff_needed_carried"), width: w * 0.07, align: gopdf.Center},
		column{title: words.Say(d.lang, "report.col.funds_needed_carried"), width: w * 0.07, align: gopdf.Center},
		column{title: words.Say(d.lang, "report.col.authorities_needed_carried"), width: w * 0.10, align: gopdf.Left},
		column{title: words.Say(d.lang, "report.col.admission"), width: w * 0.06, align: gopdf.Center},
		column{title: words.Say(d.lang, "report.col.admission_reason"), width: w * 0.10, align: gopdf.Left},
		column{title: words.Say(d.lang, "report.col.date"), width: w * 0.07, align: gopdf.Center},
	)
	rest := w
	for _, c := range cols {
		rest -= c.width
	}
	cols = append(cols, column{title: words.Say(d.lang, "report.col.mismatch"), width: rest, align: gopdf.Left})
	t := newTable(d, cols, body.sized(7.5))
	t.caption = caption
	for i, q := range props {
		basis := q.Basis
		if basis == "" {
			basis = "—"
		}
		if q.BasisLevel != 0 {
			basis = words.Say(d.lang, "report.admission.basis", "basis", basis, "level", q.BasisLevel.Name())
		}
		row := []cell{{text: itoa(i + 1)}, {text: q.Department}, {text: q.Name}, {text: basis}}
		if withOffices {
			row = append(row, cell{text: d.scopeNames(q.Scope)})
		}
		var rules []string
		for _, f := range d.r.FindingsOfEntry(q.ID) {
			if name := d.ruleName(f.Rule); !slices.Contains(rules, name) {
				rules = append(rules, name)
			}
		}
		mismatch := words.Say(d.lang, "report.decisions.no_mismatch")
		if len(rules) > 0 {
			mismatch = words.Say(d.lang, "report.list", "items", rules)
		}
		row = append(row,
			cell{text: words.Say(d.lang, "report.admission.needed_carried", "needed", q.StaffNeeded, "carried", q.StaffCarried)},
			cell{text: words.Say(d.lang, "report.admission.needed_carried", "needed", q.FundsNeeded, "carried", q.FundsCarried)},
			cell{text: d.authoritiesNeeded(q)},
			cell{text: q.Admission.Name().In(d.lang), bold: true},
			cell{text: q.Reason},
			cell{text: q.DecidedOn},
			cell{text: mismatch},
		)
		t.row(row)
	}
}

// authoritiesNeeded says how many authorities the task needs and how many
// come with it, and names those that do not.
func (d *doc) authoritiesNeeded(q *model.Proposal) string {
	var missing []string
	for _, id := range q.MissingAuthorities() {
		if a := d.p.Authorities[id]; a != nil {
			missing = append(missing, a.Name)
		}
	}
	if len(missing) == 0 {
		return words.Say(d.lang, "report.admission.authorities", "needed", len(q.Required), "carried", len(q.Granted))
	}
	return words.Say(d.lang, "report.admission.authorities_missing", "needed", len(q.Required), "carried", len(q.Granted), "missing", missing)
}

// scopeNames names the offices a request goes to; every office when none is named.
func (d *doc) scopeNames(scope []model.ID) string {
	if len(scope) == 0 {
		return words.Say(d.lang, "report.decisions.every_office")
	}
	var names []string
	for _, id := range scope {
		if o := d.p.Offices[id]; o != nil {
			names = append(names, o.Name)
		}
	}
	return words.Say(d.lang, "report.list", "items", names)
}

// offListTable lists an office's off-list tasks: who assigned each, how
// often, the hours it takes and since when.
func (d *doc) offListTable(caption string, tasks []*model.OffListTask) {
	w := d.width()
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.seq"), width: 24, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.task"), width: w * 0.30, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.assigned_by"), width: w * 0.18, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.times_year"), width: w * 0.10, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.hours_month"), width: w * 0.10, align: gopdf.Right},
		{title: words.Say(d.lang, "report.col.since"), width: w * 0.10, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.remark"), width: w*0.22 - 24, align: gopdf.Left},
	}, body.sized(8.5))
	t.caption = caption
	for i, x := range tasks {
		t.row([]cell{{text: itoa(i + 1)}, {text: x.Name}, {text: x.AssignedBy}, {text: itoa(x.TimesPerYear)},
			{text: words.Num(x.HoursPerMonth)}, {text: x.Since}, {text: x.Notes}})
	}
}

// entryFindings lists findings on requests or off-list tasks, each named by
// its request or task, with its reason.
func (d *doc) entryFindings(caption string, fs []model.Finding) {
	if len(fs) == 0 {
		return
	}
	// Worst first, across the requests or tasks.
	slices.SortStableFunc(fs, func(a, b model.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	d.y += 6
	w := d.width()
	st := body.sized(8.5)
	sevW, ruleW := d.findingColumns(st)
	t := newTable(d, []column{
		{title: words.Say(d.lang, "report.col.severity"), width: sevW, align: gopdf.Center},
		{title: words.Say(d.lang, "report.col.rule"), width: ruleW, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.subject"), width: w * 0.25, align: gopdf.Left},
		{title: words.Say(d.lang, "report.col.reason"), width: w - sevW - ruleW - w*0.25, align: gopdf.Left},
	}, st)
	t.caption = caption
	for _, f := range fs {
		t.row([]cell{{text: d.sevLabel(f.Severity), fill: sevFill(f.Severity), bold: f.Severity >= model.SevSerious},
			{text: d.ruleName(f.Rule)}, {text: d.findingSubject(f)}, {text: d.reason(d.r, f)}})
	}
}

// admissionSentence says, for the narrative, how many admission requests
// concern the offices and how many of them lack the people, money or
// authority the task needs, and how many off-list tasks the offices carry
// and their hours; zero when there are none.
func (d *doc) admissionSentence(offices []*model.Office) words.Msg {
	in := map[model.ID]bool{}
	for _, o := range offices {
		in[o.ID] = true
	}
	requests, unfunded := 0, 0
	for _, q := range d.p.ProposalList() {
		applies := false
		for _, o := range offices {
			applies = applies || q.AppliesTo(o.ID)
		}
		if !applies {
			continue
		}
		requests++
		for _, f := range d.r.FindingsOfEntry(q.ID) {
			if f.Rule == model.RuleAdmissionUnfunded && in[f.Office] {
				unfunded++
				break
			}
		}
	}
	tasks, hours := 0, 0.0
	for _, o := range offices {
		for _, x := range d.p.OffListTasksOf(o.ID) {
			tasks, hours = tasks+1, hours+x.HoursPerMonth
		}
	}
	if requests == 0 && tasks == 0 {
		return words.Msg{}
	}
	return words.M("report.narrative.admission", "requests", requests, "unfunded", unfunded, "tasks", tasks, "hours", hours)
}
