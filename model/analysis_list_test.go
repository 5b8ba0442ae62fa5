package model_test

import (
	"math/rand"
	"slices"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// The list after an edit is merged from the list before into new arrays:
// every list the Analyzer has published stays as it was, so a caller may
// keep one (the GUI compares before and after), and the merged list equals
// a fresh analysis's list.
func TestPublishedListsStayUnchanged(t *testing.T) {
	p := synth.Generate(6, 60, 3)
	an := model.NewAnalyzer(p)
	r := rand.New(rand.NewSource(3))
	var held, copies [][]model.Finding
	for step := range 30 {
		cur := an.Result().Findings
		held, copies = append(held, cur), append(copies, slices.Clone(cur))
		changes, what := randomEdit(r, p)
		for _, c := range changes {
			p.Apply(c)
		}
		an.Update(changes)
		if got, want := an.Result().Findings, model.Analyze(p).Findings; !slices.Equal(got, want) {
			t.Fatalf("step %d (%s): merged list of %d differs from a fresh one of %d", step, what, len(got), len(want))
		}
		for i := range held {
			if !slices.Equal(held[i], copies[i]) {
				t.Fatalf("step %d (%s): the list published at step %d changed under its holder", step, what, i)
			}
		}
	}
}
