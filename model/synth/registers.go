package synth

import (
	"fmt"
	"math"
	"math/rand"

	"github.com/google/uuid"

	"rpbmatrix/model"
)

// addRegisters adds what issue 12 brought beside the lists, at the rates a
// real district shows: office staffing (编制 and 实有, 借调, 下沉, 社区工作者),
// burden indicators, veto bases and fund sources on the assessments,
// incident records (about one in four without 容错 for lack of authority or
// resources), off-list tasks and admission requests in every state. It
// draws from its own random stream, so the entities Generate made before
// it keep their values and IDs for a seed.
func addRegisters(p *model.Project, offs []*model.Office, ds []*model.Duty, auths []*model.Authority, seed int64) {
	r := rand.New(rand.NewSource(seed ^ 0x5eed12))
	newID := func() model.ID {
		var b [16]byte
		r.Read(b[:])
		id, _ := uuid.FromBytes(b[:])
		id[6] = (id[6] & 0x0f) | 0x40
		id[8] = (id[8] & 0x3f) | 0x80
		return id
	}
	meta := func() model.Meta { return model.Meta{ID: newID(), Created: epoch, Modified: epoch, Author: "gen"} }
	date := func() string { return fmt.Sprintf("2025-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28)) }

	for _, o := range offs {
		staffing(r, o)
		for _, d := range ds {
			a := p.Assessment(o.ID, d.ID)
			if a == nil {
				continue
			}
			burden(r, a)
			sources(r, a, d)
			// The incident count becomes records: kind, cause, 容错.
			for range a.Incidents {
				inc := &model.Incident{Meta: meta(), Office: o.ID, Duty: d.ID, Date: date(),
					Kind: model.IncidentKinds[r.Intn(len(model.IncidentKinds))], Cause: model.IncidentCauses[r.Intn(len(model.IncidentCauses))],
					Tolerance: r.Float64() < 0.3}
				p.Incidents[inc.ID] = inc
			}
		}
		// Off-list tasks: most offices have a few, some none.
		for range r.Intn(5) {
			t := &model.OffListTask{Meta: meta(), Office: o.ID, Name: pick(r, vocabulary.OffListTasks),
				AssignedBy: pick(r, vocabulary.Departments), TimesPerYear: []int{1, 2, 4, 12, 52}[r.Intn(5)],
				HoursPerMonth: math.Round(r.ExpFloat64() * 15), Since: date()}
			p.OffListTasks[t.ID] = t
		}
	}

	// Admission requests: about one per three offices, at least a few.
	for i := range max(4, len(offs)/3) {
		q := &model.Proposal{Meta: meta(), Department: pick(r, vocabulary.Departments), Name: pick(r, vocabulary.Proposals),
			BasisLevel: model.BasisLevels[r.Intn(len(model.BasisLevels))], Admission: model.Admissions[i%len(model.Admissions)],
			StaffNeeded: float64(r.Intn(4)), FundsNeeded: float64(5 * r.Intn(8)), DecidedOn: date()}
		if q.BasisLevel != model.BasisUnstated {
			q.Basis = fmt.Sprintf(vocabulary.VetoBasis, 1+r.Intn(60))
		}
		if r.Float64() < 0.5 { // the resources follow the task
			q.StaffCarried, q.FundsCarried = q.StaffNeeded, q.FundsNeeded
		}
		if r.Float64() < 0.3 {
			q.Required = []model.ID{auths[r.Intn(len(auths))].ID}
		}
		if r.Float64() < 0.5 && len(offs) > 1 {
			for _, o := range offs {
				if r.Float64() < 0.5 {
					q.Scope = append(q.Scope, o.ID)
				}
			}
		}
		p.Proposals[q.ID] = q
	}
}

// staffing sets an office's people by status from its approved
// establishment and the staff Generate gave it.
func staffing(r *rand.Rand, o *model.Office) {
	o.SecondedOut, o.SecondedIn = r.Intn(7), r.Intn(6)
	o.CommunityWorkers = o.Communities * (4 + r.Intn(5))
}

// burden sets the burden indicators: mostly below the default thresholds,
// a few above.
func burden(r *rand.Rand, a *model.Assessment) {
	if a.HoursPerMonth == 0 {
		return
	}
	a.InspectionsPerYear = min(a.AssessedBy*2, r.Intn(7))
	a.SignOffs = poisson(r, 0.4)
	a.Apps, a.WorkGroups, a.DuplicateEntry = poisson(r, 1), poisson(r, 1.5), poisson(r, 0.5)
	if r.Float64() < 0.3 {
		a.CheckIns = r.Intn(45)
	}
	if a.Veto && r.Float64() < 0.7 {
		a.VetoBasis = fmt.Sprintf(vocabulary.VetoBasis, 1+r.Intn(60))
	}
}

// sources says where the money held comes from: supporting items' money
// is mostly transferred by the lead department (or not at all), the rest
// from the district budget, a little raised by the office.
func sources(r *rand.Rand, a *model.Assessment, d *model.Duty) {
	if a.FundsHeld == 0 {
		return
	}
	if r.Float64() < 0.2 {
		a.FundsSelf = round1(a.FundsHeld * 0.2)
	}
	rest := round1(a.FundsHeld - a.FundsSelf)
	if d.Kind == model.ListSupporting && r.Float64() < 0.7 {
		a.FundsTransferred = rest
	} else {
		a.FundsDistrict = rest
	}
	a.FundsSelf = a.FundsHeld - rest // the sources add up to what is held
}
