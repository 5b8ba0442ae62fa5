package model_test

import (
	"math/rand"
	"testing"

	"rpbmatrix/model"
)

// BenchmarkDecisionToBeforeAfter is the meeting view's whole path on 200
// offices × 1,000 duties (bar: < 100 ms): a decision on one office's item
// is recorded (the change applied to the project and to the baseline
// analysis), the plan brings its scenario up to date, and the office's and
// the district's before → after and the office's findings closed, still
// open and opened are read. Every tenth decision is for every office.
func BenchmarkDecisionToBeforeAfter(b *testing.B) {
	p := benchProject().Clone()
	base := model.NewAnalyzer(p)
	pl := model.NewPlan(base)
	offices, duties, auths := p.OfficeList(), p.DutyList(), p.AuthorityList()
	r := rand.New(rand.NewSource(1))
	i := 0
	measure(b, func() {
		o := offices[r.Intn(len(offices))]
		dec := &model.Decision{Meta: model.NewMeta("t"), Office: o.ID, Duty: duties[r.Intn(len(duties))].ID,
			Action: model.Actions[i%len(model.Actions)]}
		if i%10 == 9 {
			dec.Office = model.NilID
		}
		i++
		switch {
		case dec.Action.NeedsAuthority():
			dec.Authority = auths[r.Intn(len(auths))].ID
		case dec.Action == model.ActionAddResources:
			dec.StaffDelta, dec.FundsDelta = 1, 10
		}
		c := []model.Change{p.Put(dec)}
		p.Apply(c[0])
		base.Update(c)
		pl.Update(c)
		_ = pl.Office(o.ID)
		_ = pl.District()
		_, _, _ = pl.CompareOffice(o.ID)
	})
}

// BenchmarkNewPlan builds the scenario of the 200 × 1,000 project and
// analyses it: what opening the meeting view costs once.
func BenchmarkNewPlan(b *testing.B) {
	p := benchProject()
	base := model.NewAnalyzer(p)
	measure(b, func() { model.NewPlan(base) })
}
