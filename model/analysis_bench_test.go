package model_test

import (
	"math/rand"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// The bars (DESIGN §6): a full analysis of 200 offices × 1,000 duties in
// under 100 ms on one core, and re-analysis after one edit in under 1 ms.
// Run with: go test -run '^$' -bench Analy -benchtime 5x -cpu 1 ./model/
// Each reports cpu-ms/op, the process CPU time per operation, because wall
// time on a shared machine includes waiting for the CPU.

// measure runs op b.N times and reports CPU milliseconds per op.
func measure(b *testing.B, op func()) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		op()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

var benchProject = func() func() *model.Project {
	var p *model.Project
	return func() *model.Project {
		if p == nil {
			p = synth.Generate(200, 1000, 1)
		}
		return p
	}
}()

func BenchmarkAnalyzeFull(b *testing.B) {
	p := benchProject()
	var r *model.Result
	measure(b, func() { r = model.Analyze(p) })
	b.ReportMetric(float64(len(r.Findings)), "findings")
}

// BenchmarkAnalyzerUpdate edits one assessment per iteration (alternating
// its funds held) and re-analyses incrementally.
func BenchmarkAnalyzerUpdate(b *testing.B) {
	p := benchProject().Clone()
	an := model.NewAnalyzer(p)
	var keys []model.PairKey
	for k := range p.Assessments {
		keys = append(keys, k)
		if len(keys) == 1000 {
			break
		}
	}
	r := rand.New(rand.NewSource(1))
	measure(b, func() {
		a := *p.Assessments[keys[r.Intn(len(keys))]]
		a.FundsHeld = a.FundsNeeded * r.Float64()
		c := p.Put(&a)
		p.Apply(c)
		an.Update([]model.Change{c})
	})
}

// BenchmarkAnalyzerUpdateAndList adds refreshing the full worst-first list,
// as the GUI's session does after each edit. The list is worded once before
// timing starts, as it is when the session opens a project.
func BenchmarkAnalyzerUpdateAndList(b *testing.B) {
	p := benchProject().Clone()
	an := model.NewAnalyzer(p)
	_ = an.Result()
	var keys []model.PairKey
	for k := range p.Assessments {
		keys = append(keys, k)
		if len(keys) == 1000 {
			break
		}
	}
	r := rand.New(rand.NewSource(1))
	measure(b, func() {
		a := *p.Assessments[keys[r.Intn(len(keys))]]
		a.FundsHeld = a.FundsNeeded * r.Float64()
		c := p.Put(&a)
		p.Apply(c)
		an.Update([]model.Change{c})
		_ = an.Result()
	})
}

// BenchmarkAnalyzerNew is the analysis proper (as NewAnalyzer and Summarize
// run it): every rule, score and summary, with findings detected and counted
// but not yet worded as a list.
func BenchmarkAnalyzerNew(b *testing.B) {
	p := benchProject()
	measure(b, func() { model.NewAnalyzer(p) })
}

// BenchmarkAnalyzerUpdateDuty edits one duty's required authorities: its
// cell in all 200 offices and the authority cells involved are recomputed.
func BenchmarkAnalyzerUpdateDuty(b *testing.B) {
	p := benchProject().Clone()
	an := model.NewAnalyzer(p)
	duties, auths := p.DutyList(), p.AuthorityList()
	r := rand.New(rand.NewSource(1))
	measure(b, func() {
		d := *duties[r.Intn(len(duties))]
		d.Required = []model.ID{auths[r.Intn(len(auths))].ID}
		c := p.Put(&d)
		p.Apply(c)
		an.Update([]model.Change{c})
	})
}

// BenchmarkAnalyzerUpdateHolding changes how far one office exercises one
// authority: every duty of the office requiring it is recomputed.
func BenchmarkAnalyzerUpdateHolding(b *testing.B) {
	p := benchProject().Clone()
	an := model.NewAnalyzer(p)
	var hs []model.PairKey
	for k := range p.Holdings {
		hs = append(hs, k)
	}
	r := rand.New(rand.NewSource(1))
	measure(b, func() {
		h := *p.Holdings[hs[r.Intn(len(hs))]]
		h.DeFacto = model.Levels[r.Intn(3)]
		c := p.Put(&h)
		p.Apply(c)
		an.Update([]model.Change{c})
	})
}
