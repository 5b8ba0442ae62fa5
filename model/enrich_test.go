package model_test

import (
	"fmt"
	"math/rand"

	"rpbmatrix/model"
)

// The random entities below are what the incremental tests put into a
// generated project between analyses; synth.Generate makes the same kinds
// at realistic rates (model/synth/registers.go).

func enrichAssessment(r *rand.Rand, a *model.Assessment) {
	a.InspectionsPerYear, a.SignOffs, a.CheckIns = r.Intn(7), r.Intn(3), r.Intn(40)
	a.Apps, a.WorkGroups, a.DuplicateEntry = r.Intn(4), r.Intn(5), r.Intn(3)
	if a.Veto && r.Intn(2) == 0 {
		a.VetoBasis = "regulation art. 10"
	}
	if a.FundsHeld > 0 {
		a.FundsDistrict = a.FundsHeld * r.Float64() * 0.5
		a.FundsTransferred = []float64{0, a.FundsHeld * 0.3}[r.Intn(2)]
		a.FundsSelf = max(0, a.FundsHeld-a.FundsDistrict-a.FundsTransferred) * r.Float64()
	}
}

func randomIncident(r *rand.Rand, office, duty model.ID) *model.Incident {
	return &model.Incident{Meta: model.NewMeta("t"), Office: office, Duty: duty,
		Date: fmt.Sprintf("2025-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28)), Kind: model.IncidentKinds[r.Intn(len(model.IncidentKinds))],
		Cause: model.IncidentCauses[r.Intn(len(model.IncidentCauses))], Tolerance: r.Intn(3) == 0}
}

func randomOffListTask(r *rand.Rand, office model.ID, i int) *model.OffListTask {
	return &model.OffListTask{Meta: model.NewMeta("t"), Office: office, Name: fmt.Sprintf("off-list %d", i),
		AssignedBy: []string{"", "dept A", "dept B"}[r.Intn(3)], TimesPerYear: r.Intn(25), HoursPerMonth: float64(r.Intn(50))}
}

func randomProposal(r *rand.Rand, offices []*model.Office, auths []*model.Authority, i int) *model.Proposal {
	q := &model.Proposal{Meta: model.NewMeta("t"), Department: []string{"", "dept A", "dept B"}[r.Intn(3)],
		Name: fmt.Sprintf("proposal %d", i), Admission: model.Admissions[r.Intn(len(model.Admissions))],
		StaffNeeded: float64(r.Intn(3)), StaffCarried: float64(r.Intn(3)),
		FundsNeeded: float64(r.Intn(20)), FundsCarried: float64(r.Intn(20))}
	if r.Intn(2) == 0 {
		for _, o := range offices {
			if r.Intn(2) == 0 {
				q.Scope = append(q.Scope, o.ID)
			}
		}
	}
	for range r.Intn(3) {
		q.Required = append(q.Required, auths[r.Intn(len(auths))].ID)
	}
	if len(q.Required) > 0 && r.Intn(2) == 0 {
		q.Granted = q.Required[:1]
	}
	return q
}
