package model_test

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// fixture builds small hand-made projects with known answers. IDs come from
// a counter so failures name the same entities on every run.
type fixture struct {
	p     *model.Project
	next  byte
	auths map[string]*model.Authority
}

func newFixture() *fixture {
	f := &fixture{p: model.NewProject("测试", "测试区", "t"), auths: map[string]*model.Authority{}}
	for _, a := range []struct {
		name string
		typ  model.AuthorityType
	}{{"行政处罚", model.AuthPenalty}, {"行政强制", model.AuthCoercion}, {"行政检查", model.AuthInspection}} {
		au := &model.Authority{Meta: f.meta(), Name: a.name, Type: a.typ}
		f.p.Authorities[au.ID] = au
		f.auths[a.name] = au
	}
	return f
}

func (f *fixture) meta() model.Meta {
	f.next++
	var id uuid.UUID
	id[15] = f.next
	t := time.Date(2026, 1, 1, 0, 0, int(f.next), 0, time.UTC)
	return model.Meta{ID: id, Created: t, Modified: t, Author: "t"}
}

func (f *fixture) office(name string, staffActual int) *model.Office {
	o := &model.Office{Meta: f.meta(), Name: name, Kind: model.OfficeStreet, OnStaff: staffActual}
	f.p.Offices[o.ID] = o
	return o
}

// duty adds a duty of kind requiring the named authorities.
func (f *fixture) duty(name string, kind model.ListKind, required ...string) *model.Duty {
	d := &model.Duty{Meta: f.meta(), Seq: int(f.next), Name: name, Category: "城市管理", Kind: kind}
	for _, r := range required {
		d.Required = append(d.Required, f.auths[r].ID)
	}
	f.p.Duties[d.ID] = d
	return d
}

// assess adds an assessment of d for o with the role the list kind implies, then edit.
func (f *fixture) assess(o *model.Office, d *model.Duty, edit func(a *model.Assessment)) *model.Assessment {
	a := &model.Assessment{Meta: f.meta(), Office: o.ID, Duty: d.ID, Role: model.RoleLead, HoursPerMonth: 40}
	if d.Kind != model.ListBasic {
		a.Role = model.RoleSupport
	}
	if edit != nil {
		edit(a)
	}
	f.p.Assessments[a.Key()] = a
	return a
}

func (f *fixture) hold(o *model.Office, auth string, deJure bool, level model.Level) {
	h := &model.Holding{Meta: f.meta(), Office: o.ID, Authority: f.auths[auth].ID, DeJure: deJure, DeFacto: level}
	f.p.Holdings[h.Key()] = h
}

// incident records that o was held accountable (kind) for d, for cause,
// with 容错 applied or not.
func (f *fixture) incident(o *model.Office, d *model.Duty, kind model.IncidentKind, cause model.IncidentCause, tolerance bool) *model.Incident {
	m := f.meta()
	i := &model.Incident{Meta: m, Office: o.ID, Duty: d.ID, Date: m.Created.Format("2006-01-02"), Kind: kind, Cause: cause, Tolerance: tolerance}
	f.p.Incidents[i.ID] = i
	return i
}

// offList adds an off-list task o performs.
func (f *fixture) offList(o *model.Office, name, by string, timesPerYear int, hours float64) *model.OffListTask {
	t := &model.OffListTask{Meta: f.meta(), Office: o.ID, Name: name, AssignedBy: by, TimesPerYear: timesPerYear, HoursPerMonth: hours}
	f.p.OffListTasks[t.ID] = t
	return t
}

// proposal adds an admission request for every office, then edit.
func (f *fixture) proposal(name, dept string, admission model.Admission, edit func(q *model.Proposal)) *model.Proposal {
	q := &model.Proposal{Meta: f.meta(), Name: name, Department: dept, Admission: admission}
	if edit != nil {
		edit(q)
	}
	f.p.Proposals[q.ID] = q
	return q
}

// auth is the ID of the fixture's authority of that name.
func (f *fixture) auth(name string) model.ID { return f.auths[name].ID }

// of returns the findings of rule in r.
func of(r *model.Result, rule model.RuleCode) []model.Finding {
	var out []model.Finding
	for _, x := range r.AllFindings() {
		if x.Rule == rule {
			out = append(out, x)
		}
	}
	return out
}

// ruleCase is one check of one rule on a one-office project: that it fires
// once with the severity and the reason given in both languages, or (sev 0)
// that it does not.
type ruleCase struct {
	name   string
	setup  func(f *fixture, o *model.Office)
	sev    model.Severity
	zh, en string
}

// runRuleCases runs each case on a fresh fixture with one street office.
func runRuleCases(t *testing.T, rule model.RuleCode, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture()
			o := f.office("东城街道", 0)
			tc.setup(f, o)
			r := model.Analyze(f.p)
			got := of(r, rule)
			if tc.sev == 0 {
				if len(got) > 0 {
					t.Fatalf("%s fired: %s", rule, r.Reason(got[0]).In(words.Zh))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%s fired %d times, want once: %v", rule, len(got), got)
			}
			if got[0].Severity != tc.sev || got[0].Office != o.ID {
				t.Errorf("severity %s, want %s", got[0].Severity, tc.sev)
			}
			checkReason(t, r, got[0], tc.zh, tc.en)
		})
	}
}

// checkReason checks f's reason word for word in both languages, with every
// argument its templates name supplied.
func checkReason(t *testing.T, r *model.Result, f model.Finding, zh, en string) {
	t.Helper()
	m := r.Reason(f)
	for _, lang := range words.Languages {
		if miss := words.Missing(lang, m); len(miss) > 0 {
			t.Errorf("%s reason lacks %v in %s", f.Rule, miss, lang)
		}
	}
	if got := m.In(words.Zh); got != zh {
		t.Errorf("Chinese reason\n got %q\nwant %q", got, zh)
	}
	if got := m.In(words.En); got != en {
		t.Errorf("English reason\n got %q\nwant %q", got, en)
	}
}
