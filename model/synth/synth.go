// Package synth generates synthetic projects of any size with plausible
// values, for scale tests, benchmarks and `rpbmatrix gen`. The same seed
// always gives the same project (IDs included).
package synth

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"time"

	"github.com/google/uuid"

	"rpbmatrix/model"
)

// epoch is the fixed creation time of generated entities, so output is reproducible.
var epoch = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// vocabulary is the Chinese of generated projects: names of offices,
// duties, departments and authorities, and the patterns that combine them.
// It is data, like the demo project's tables, so it lives in a JSON file.
//
//go:embed vocabulary.json
var vocabularyJSON []byte

var vocabulary = func() (v struct {
	ProjectName    string              `json:"project_name"`
	Region         string              `json:"region"`
	StreetSuffix   string              `json:"street_suffix"`
	TownshipSuffix string              `json:"township_suffix"`
	OfficeStems    []string            `json:"office_stems"`
	DutyVerbs      []string            `json:"duty_verbs"`
	DutyObjects    map[string][]string `json:"duty_objects"`
	DutyName       string              `json:"duty_name"`
	LegalBasis     string              `json:"legal_basis"`
	ReturnedMethod string              `json:"returned_method"`
	Departments    []string            `json:"departments"`
	Authorities    []struct {
		Name string              `json:"name"`
		Type model.AuthorityType `json:"type"`
	} `json:"authorities"`
	Meeting      string   `json:"meeting"`
	OffListTasks []string `json:"off_list_tasks"`
	Proposals    []string `json:"proposals"`
	VetoBasis    string   `json:"veto_basis"`
}) {
	if err := json.Unmarshal(vocabularyJSON, &v); err != nil {
		panic("synth: vocabulary.json: " + err.Error())
	}
	return v
}()

// Generate returns a project with the given number of offices and duties.
// Every duty applies to every office, so there are offices×duties assessments.
func Generate(offices, duties int, seed int64) *model.Project {
	r := rand.New(rand.NewSource(seed))
	newID := func() model.ID {
		var b [16]byte
		r.Read(b[:])
		id, _ := uuid.FromBytes(b[:])
		id[6] = (id[6] & 0x0f) | 0x40 // version 4
		id[8] = (id[8] & 0x3f) | 0x80 // RFC 4122 variant
		return id
	}
	meta := func() model.Meta { return model.Meta{ID: newID(), Created: epoch, Modified: epoch, Author: "gen"} }

	p := model.NewProject(fmt.Sprintf(vocabulary.ProjectName, offices, duties), vocabulary.Region, "gen")
	p.Info.ID = newID()
	p.Info.Created, p.Info.Modified = epoch, epoch

	var auths []*model.Authority
	for _, a := range vocabulary.Authorities {
		au := &model.Authority{Meta: meta(), Name: a.Name, Type: a.Type}
		p.Authorities[au.ID] = au
		auths = append(auths, au)
	}

	var offs []*model.Office
	for i := 0; i < offices; i++ {
		kind := model.OfficeStreet
		suffix := vocabulary.StreetSuffix
		if r.Float64() < 0.3 {
			kind, suffix = model.OfficeTownship, vocabulary.TownshipSuffix
		}
		stems := vocabulary.OfficeStems
		name := stems[i%len(stems)] + suffix
		if i >= len(stems) {
			name = fmt.Sprintf("%s%d%s", stems[i%len(stems)], i/len(stems)+1, suffix)
		}
		staff := 60 + r.Intn(61)
		o := &model.Office{Meta: meta(), Name: name, Kind: kind,
			Population: 30000 + r.Intn(120000), Communities: 8 + r.Intn(25),
			Establishment: staff - 10 - r.Intn(20),
			BudgetWan:     math.Round(2000 + r.Float64()*6000)}
		o.OnStaff, o.Auxiliary = model.SplitStaffActual(staff, o.Establishment)
		p.Offices[o.ID] = o
		offs = append(offs, o)
	}

	cats := model.Categories
	var ds []*model.Duty
	for i := 0; i < duties; i++ {
		cat := cats[r.Intn(len(cats))]
		objs := vocabulary.DutyObjects[cat]
		kind := model.ListBasic
		switch x := r.Float64(); {
		case x > 0.9:
			kind = model.ListReturned
		case x > 0.55:
			kind = model.ListSupporting
		}
		d := &model.Duty{Meta: meta(), Seq: i + 1, Category: cat, Kind: kind,
			Name:     fmt.Sprintf(vocabulary.DutyName, pick(r, vocabulary.DutyVerbs), pick(r, objs), i+1),
			LeadDept: pick(r, vocabulary.Departments), LegalBasis: fmt.Sprintf(vocabulary.LegalBasis, 1+r.Intn(60))}
		if kind == model.ListReturned {
			d.ReceivingDept, d.WorkingMethod = d.LeadDept, vocabulary.ReturnedMethod
		}
		for n := r.Intn(4); n > 0; n-- {
			a := auths[r.Intn(len(auths))].ID
			if !contains(d.Required, a) {
				d.Required = append(d.Required, a)
			}
		}
		p.Duties[d.ID] = d
		ds = append(ds, d)
	}

	for _, o := range offs {
		for _, a := range auths {
			x := r.Float64()
			if x < 0.35 {
				continue // not held at all
			}
			h := &model.Holding{Meta: meta(), Office: o.ID, Authority: a.ID, DeJure: true, DeFacto: model.LevelFull}
			switch {
			case x < 0.5:
				h.DeFacto = model.LevelNone
			case x < 0.65:
				h.DeFacto = model.LevelPartial
			}
			p.Holdings[h.Key()] = h
		}
		for _, d := range ds {
			a := &model.Assessment{Meta: meta(), Office: o.ID, Duty: d.ID, Role: model.RoleSupport}
			if d.Kind == model.ListBasic || r.Float64() < 0.15 {
				a.Role = model.RoleLead
			}
			if d.Kind == model.ListReturned && r.Float64() < 0.7 {
				a.Role = model.RoleNone
			}
			a.AssessedBy = r.Intn(4)
			a.Veto = r.Float64() < 0.04
			a.Incidents = poisson(r, 0.3)
			if r.Float64() > 0.05 {
				a.HoursPerMonth = math.Round(4 + r.ExpFloat64()*30)
				a.FormalismHours = math.Round(a.HoursPerMonth * r.Float64() * 0.5)
				a.ReportsPerMonth = r.Intn(12)
			}
			a.StaffNeeded = round1(a.HoursPerMonth / 160 * (1 + r.Float64()))
			a.StaffHeld = round1(a.StaffNeeded * (0.5 + r.Float64()*0.7))
			a.FundsNeeded = round1(r.ExpFloat64() * 15)
			a.FundsHeld = round1(a.FundsNeeded * (0.4 + r.Float64()*0.8))
			if r.Float64() < 0.3 {
				a.SystemsNeeded = 1 + r.Intn(3)
				a.SystemsHeld = r.Intn(a.SystemsNeeded + 1)
			}
			p.Assessments[a.Key()] = a
		}
	}

	// A few working-group decisions, as a real project would have after a first meeting.
	meeting := &model.Meeting{Meta: meta(), Title: vocabulary.Meeting}
	p.Meetings[meeting.ID] = meeting
	actions := []model.Action{model.ActionKeep, model.ActionToSupporting, model.ActionReturn, model.ActionCancel,
		model.ActionGrant, model.ActionAddResources, model.ActionPending}
	for i := 0; i < len(offs) && i < 50; i++ {
		d := ds[r.Intn(len(ds))]
		dec := &model.Decision{Meta: meta(), Office: offs[i].ID, Duty: d.ID, Action: actions[i%len(actions)],
			Meeting: meeting.ID}
		switch dec.Action {
		case model.ActionGrant:
			dec.Authority = auths[r.Intn(len(auths))].ID
		case model.ActionAddResources:
			dec.StaffDelta, dec.FundsDelta = 1, 10
		}
		p.Decisions[dec.ID] = dec
	}
	addRegisters(p, offs, ds, auths, seed)
	return p
}

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

func contains(ids []model.ID, id model.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// poisson draws a small count with mean lambda.
func poisson(r *rand.Rand, lambda float64) int {
	l, k, prod := math.Exp(-lambda), 0, r.Float64()
	for prod > l {
		k++
		prod *= r.Float64()
	}
	return k
}
