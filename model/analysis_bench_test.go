package model_test

import (
	"math/rand"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

// The bars (issue 9): one duty edit re-analysed in under 1 ms on a project
// of 200 offices × 1,000 duties. Run with:
//
//	go test -run '^$' -bench . -benchtime 20x -cpu 1 ./model/
//
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

// BenchmarkAnalyze200x1000 is a full analysis: every rule on every item,
// scores and summaries.
func BenchmarkAnalyze200x1000(b *testing.B) {
	p := benchProject()
	var r *model.Result
	measure(b, func() { r = model.Analyze(p) })
	b.ReportMetric(float64(r.FindingCount()), "findings")
}

// BenchmarkDutyEdit edits one duty's required authorities, applies the
// change to the project and re-analyses: the duty's cell in all 200
// offices and the authority cells involved are recomputed.
func BenchmarkDutyEdit(b *testing.B) {
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

// BenchmarkAssessmentEdit edits one assessment (its funds held) and re-analyses.
func BenchmarkAssessmentEdit(b *testing.B) {
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

// BenchmarkHoldingEdit changes how far one office exercises one authority:
// every duty of the office requiring it is recomputed.
func BenchmarkHoldingEdit(b *testing.B) {
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

// BenchmarkFindingsOfOffice lists one office's findings, worst first, and
// words the first screenful of reasons, as the GUI does on switching office.
func BenchmarkFindingsOfOffice(b *testing.B) {
	p := benchProject()
	r := model.Analyze(p)
	offices := p.OfficeList()
	i, n := 0, 0
	measure(b, func() {
		fs := r.FindingsOfOffice(offices[i%len(offices)].ID)
		i++
		for _, f := range fs[:min(len(fs), 40)] {
			_ = r.Reason(f).In(words.Zh)
		}
		n = len(fs)
	})
	b.ReportMetric(float64(n), "findings")
}

// BenchmarkAllFindingsWorded lists every finding of the project, worst
// first, and words each reason, as the findings command prints them.
func BenchmarkAllFindingsWorded(b *testing.B) {
	p := benchProject()
	r := model.Analyze(p)
	n := 0
	measure(b, func() {
		fs := r.AllFindings()
		for _, f := range fs {
			_ = r.Reason(f).In(words.Zh)
		}
		n = len(fs)
	})
	b.ReportMetric(float64(n), "findings")
}
