package model_test

import (
	"fmt"
	"runtime"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// BenchmarkAnalysisBytesPerPair measures what a full analysis keeps in
// memory per office × duty pair, the figure behind model.MaxPairs: the
// heap live after Analyze less the heap live before, over the pairs. A
// synthetic project has every pair assessed; a bare one (an imported list,
// nothing assessed yet) has none. Run with:
//
//	go test -run '^$' -bench AnalysisBytesPerPair -benchtime 1x ./model/
func BenchmarkAnalysisBytesPerPair(b *testing.B) {
	for _, c := range []struct {
		name            string
		offices, duties int
		project         func(no, nd int) *model.Project
	}{
		{"assessed/200x1000", 200, 1000, synthProject},
		{"assessed/1000x1000", 1000, 1000, synthProject},
		{"bare/1000x1000", 1000, 1000, bareProject},
		{"bare/100x10000", 100, 10000, bareProject},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := c.project(c.offices, c.duties)
			var r *model.Result
			for b.Loop() {
				r = nil
				before := liveHeap()
				r = model.Analyze(p)
				after := liveHeap()
				b.ReportMetric(float64(after-before)/float64(c.offices*c.duties), "B/pair")
			}
			runtime.KeepAlive(r)
		})
	}
}

func synthProject(no, nd int) *model.Project { return synth.Generate(no, nd, 1) }

// bareProject is offices and duties only, every duty in every office's
// list, as an import of a long list makes it.
func bareProject(no, nd int) *model.Project {
	p := model.NewProject("p", "r", "a")
	for i := range no {
		o := &model.Office{Name: fmt.Sprint("o", i)}
		o.ID = model.NewID()
		p.Offices[o.ID] = o
	}
	for i := range nd {
		d := &model.Duty{Name: fmt.Sprint("d", i), Category: fmt.Sprint("c", i%20)}
		d.ID = model.NewID()
		p.Duties[d.ID] = d
	}
	return p
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
