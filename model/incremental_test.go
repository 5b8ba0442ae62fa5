package model_test

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

// TestIncrementalEqualsFull applies random edit sequences to a generated
// project and checks after every step that the incrementally updated
// analysis equals a fresh full analysis, finding for finding.
func TestIncrementalEqualsFull(t *testing.T) {
	for seed := int64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			p := synth.Generate(5, 40, seed)
			an := model.NewAnalyzer(p)
			r := rand.New(rand.NewSource(seed))
			for step := 0; step < 120; step++ {
				changes, what := randomEdit(r, p)
				for _, c := range changes {
					p.Apply(c)
				}
				an.Update(changes)
				if step%3 == 0 || step > 110 {
					if diff := compareResults(an.Result(), model.Analyze(p)); diff != "" {
						t.Fatalf("step %d (%s): incremental differs from full: %s", step, what, diff)
					}
				}
			}
		})
	}
}

// TestIncrementalKeepsResult checks that Update keeps the same *Result,
// current on return.
func TestIncrementalKeepsResult(t *testing.T) {
	p := synth.Generate(3, 20, 9)
	an := model.NewAnalyzer(p)
	r0 := an.Result()
	a := *p.Assessment(p.OfficeList()[0].ID, p.DutyList()[0].ID)
	a.FundsHeld, a.FundsNeeded = 0, 50
	a.FundsDistrict, a.FundsTransferred, a.FundsSelf = 0, 0, 0
	c := p.Put(&a)
	p.Apply(c)
	if r := an.Update([]model.Change{c}); r != r0 {
		t.Fatalf("Update returned %p, want %p", r, r0)
	}
	got := r0.FindingsFor(a.Office, a.Duty)
	i := slices.IndexFunc(got, func(f model.Finding) bool { return f.Rule == model.RuleUnfunded })
	if i < 0 {
		t.Fatalf("after funds fell to 0, findings on the item are %v", got)
	}
	if want := "需要经费 50 万元/年，实有 0 万元，缺口 50 万元（100%，容差 10%）"; !strings.HasPrefix(r0.Reason(got[i]).In(words.Zh), want) {
		t.Fatalf("reason %q", r0.Reason(got[i]).In(words.Zh))
	}
}

func randomEdit(r *rand.Rand, p *model.Project) ([]model.Change, string) {
	offices, duties, auths := p.OfficeList(), p.DutyList(), p.AuthorityList()
	o := offices[r.Intn(len(offices))]
	d := duties[r.Intn(len(duties))]
	au := auths[r.Intn(len(auths))]
	if r.Intn(5) == 0 {
		return randomRegisterEdit(r, p, o, d)
	}
	switch x := r.Intn(100); {
	case x < 35: // edit, create or delete an assessment
		a := p.Assessment(o.ID, d.ID)
		if a == nil {
			return []model.Change{p.Put(&model.Assessment{Meta: model.NewMeta("t"), Office: o.ID, Duty: d.ID,
				Role: model.Roles[r.Intn(3)], HoursPerMonth: float64(r.Intn(3) * 10), StaffNeeded: 1})}, "create assessment"
		}
		if r.Intn(8) == 0 {
			return []model.Change{p.Delete(a)}, "delete assessment"
		}
		n := *a
		n.Role = model.Roles[r.Intn(3)]
		n.Veto = r.Intn(5) == 0
		n.Incidents = r.Intn(4)
		n.AssessedBy = r.Intn(5)
		n.HoursPerMonth = float64(r.Intn(3) * 20)
		n.FormalismHours = n.HoursPerMonth * r.Float64() * 0.6
		n.ReportsPerMonth = r.Intn(12)
		n.StaffNeeded, n.StaffHeld = float64(r.Intn(4)), float64(r.Intn(4))
		n.FundsNeeded, n.FundsHeld = float64(r.Intn(20)), float64(r.Intn(20))
		n.SystemsNeeded, n.SystemsHeld = r.Intn(3), r.Intn(3)
		enrichAssessment(r, &n)
		return []model.Change{p.Put(&n)}, "edit assessment"
	case x < 55: // edit, create or delete a holding
		h := p.Holding(o.ID, au.ID)
		if h != nil && r.Intn(4) == 0 {
			return []model.Change{p.Delete(h)}, "delete holding"
		}
		n := model.Holding{Meta: model.NewMeta("t"), Office: o.ID, Authority: au.ID}
		if h != nil {
			n = *h
		}
		n.DeJure = r.Intn(3) > 0
		n.DeFacto = model.Levels[r.Intn(3)]
		return []model.Change{p.Put(&n)}, "put holding"
	case x < 72: // edit a duty: kind, category, requirements, scope, order
		n := *d
		n.Required = slices.Clone(d.Required)
		n.Scope = slices.Clone(d.Scope)
		switch r.Intn(6) {
		case 0:
			n.Kind = model.ListKinds[r.Intn(3)]
		case 1:
			n.Category = []string{"平安建设", "民生保障", "新领域"}[r.Intn(3)]
		case 2:
			if !slices.Contains(n.Required, au.ID) {
				n.Required = append(n.Required, au.ID)
			} else {
				n.Required = slices.DeleteFunc(n.Required, func(id model.ID) bool { return id == au.ID })
			}
		case 3:
			if len(n.Scope) == 0 {
				n.Scope = []model.ID{o.ID}
			} else {
				n.Scope = nil
			}
		case 4:
			n.Seq = r.Intn(100)
		case 5:
			n.Name += "（改）"
		}
		return []model.Change{p.Put(&n)}, "edit duty"
	case x < 78: // edit an office
		n := *o
		switch r.Intn(4) {
		case 3:
			n.Auxiliary, n.SecondedOut, n.SecondedIn = r.Intn(20), r.Intn(5), r.Intn(5)
		case 0:
			n.OnStaff = r.Intn(3) * 200
		case 1:
			n.Name = "改" + n.Name
		default:
			n.Kind = model.OfficeStreet + model.OfficeTownship - n.Kind
		}
		return []model.Change{p.Put(&n)}, "edit office"
	case x < 81: // rename an authority
		n := *au
		n.Name += "（新）"
		return []model.Change{p.Put(&n)}, "rename authority"
	case x < 85: // a decision changes nothing in the baseline
		return []model.Change{p.Put(&model.Decision{Meta: model.NewMeta("t"), Office: o.ID, Duty: d.ID, Action: model.ActionCancel})}, "decision"
	case x < 88:
		s := p.Settings
		s.CoverageThreshold = []float64{0.3, 0.5, 0.8}[r.Intn(3)]
		s.ReportThreshold = 4 + r.Intn(6)
		return []model.Change{p.Put(&s)}, "settings"
	case x < 92:
		nd := &model.Duty{Meta: model.NewMeta("t"), Name: "新增事项", Category: "综合保障", Kind: model.ListBasic,
			Required: []model.ID{au.ID}}
		return []model.Change{p.Put(nd)}, "create duty"
	case x < 95:
		if len(duties) > 10 {
			return p.DeleteDuty(d.ID), "delete duty"
		}
	case x < 97:
		if len(auths) > 5 {
			return p.DeleteAuthority(au.ID), "delete authority"
		}
	default:
		if len(offices) > 2 {
			return p.DeleteOffice(o.ID), "delete office"
		}
	}
	n := *o
	n.Notes += "。"
	return []model.Change{p.Put(&n)}, "edit office notes"
}

// randomRegisterEdit creates, edits or deletes an incident record, an
// admission request or an off-list task (issue 12's kinds).
func randomRegisterEdit(r *rand.Rand, p *model.Project, o *model.Office, d *model.Duty) ([]model.Change, string) {
	pick := func(n int) int { return r.Intn(max(1, n)) }
	switch r.Intn(3) {
	case 0:
		var incs []*model.Incident
		for _, i := range p.Incidents {
			incs = append(incs, i)
		}
		slices.SortFunc(incs, func(a, b *model.Incident) int { return strings.Compare(a.ID.String(), b.ID.String()) })
		switch {
		case len(incs) == 0 || r.Intn(3) == 0:
			return []model.Change{p.Put(randomIncident(r, o.ID, d.ID))}, "create incident"
		case r.Intn(4) == 0:
			return []model.Change{p.Delete(incs[pick(len(incs))])}, "delete incident"
		}
		n := *incs[pick(len(incs))]
		n.Tolerance, n.Cause = !n.Tolerance, model.IncidentCauses[r.Intn(3)]
		if r.Intn(3) == 0 {
			n.Office, n.Duty = o.ID, d.ID // moved to another pair
		}
		return []model.Change{p.Put(&n)}, "edit incident"
	case 1:
		qs := p.ProposalList()
		switch {
		case len(qs) == 0 || r.Intn(4) == 0:
			return []model.Change{p.Put(randomProposal(r, p.OfficeList(), p.AuthorityList(), r.Intn(100)))}, "create proposal"
		case r.Intn(5) == 0:
			return []model.Change{p.Delete(qs[pick(len(qs))])}, "delete proposal"
		}
		n := *qs[pick(len(qs))]
		n.Admission = model.Admissions[r.Intn(len(model.Admissions))]
		n.StaffCarried, n.FundsCarried = float64(r.Intn(3)), float64(r.Intn(20))
		n.Name += "+"
		return []model.Change{p.Put(&n)}, "edit proposal"
	}
	ts := p.OffListTasksOf(o.ID)
	switch {
	case len(ts) == 0 || r.Intn(3) == 0:
		return []model.Change{p.Put(randomOffListTask(r, o.ID, r.Intn(100)))}, "create off-list task"
	case r.Intn(4) == 0:
		return []model.Change{p.Delete(ts[pick(len(ts))])}, "delete off-list task"
	}
	n := *ts[pick(len(ts))]
	n.HoursPerMonth, n.TimesPerYear = float64(r.Intn(50)), r.Intn(25)
	return []model.Change{p.Put(&n)}, "edit off-list task"
}

// compareResults describes the first difference between two analyses:
// their findings, worst first, with their reasons in both languages, and
// their scores and summaries.
func compareResults(got, want *model.Result) string {
	gf, wf := got.AllFindings(), want.AllFindings()
	if len(gf) != len(wf) || got.FindingCount() != want.FindingCount() {
		return fmt.Sprintf("%d findings (count %d), want %d (count %d)", len(gf), got.FindingCount(), len(wf), want.FindingCount())
	}
	for i := range gf {
		if gf[i] != wf[i] {
			return fmt.Sprintf("finding %d: %+v, want %+v", i, gf[i], wf[i])
		}
		for _, lang := range words.Languages {
			if g, w := got.Reason(gf[i]).In(lang), want.Reason(wf[i]).In(lang); g != w {
				return fmt.Sprintf("finding %d (%s): reason %q, want %q", i, gf[i].Rule, g, w)
			}
		}
	}
	if len(got.Scores) != len(want.Scores) {
		return fmt.Sprintf("%d scores, want %d", len(got.Scores), len(want.Scores))
	}
	for k, s := range want.Scores {
		if g := got.Scores[k]; g == nil || *g != *s {
			return fmt.Sprintf("score %v: %+v, want %+v", k, g, s)
		}
	}
	if !reflect.DeepEqual(got.Total, want.Total) {
		return fmt.Sprintf("total %+v, want %+v", got.Total, want.Total)
	}
	if !reflect.DeepEqual(got.ByCategory, want.ByCategory) || !reflect.DeepEqual(got.ByKind, want.ByKind) {
		return "category or kind summaries differ"
	}
	if !reflect.DeepEqual(got.Offices, want.Offices) {
		for id, o := range want.Offices {
			if !reflect.DeepEqual(got.Offices[id], o) {
				return fmt.Sprintf("office %v: %+v, want %+v", id, got.Offices[id], o)
			}
		}
		return "office summaries differ"
	}
	if got.Settings != want.Settings {
		return "settings differ"
	}
	return ""
}
