package model_test

import (
	"math/rand"
	"slices"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// The list after an edit is merged into the arrays of the list before last
// (Analyzer.Result). The list published just before stays as it was, so a
// caller can compare the list before an edit with the one after; and the
// reused arrays hold exactly a fresh analysis's list.
func TestListBeforeEditSurvivesOneMore(t *testing.T) {
	p := synth.Generate(6, 60, 3)
	an := model.NewAnalyzer(p)
	r := rand.New(rand.NewSource(3))
	prev := an.Result().Findings
	for step := range 30 {
		kept := slices.Clone(prev)
		changes, what := randomEdit(r, p)
		for _, c := range changes {
			p.Apply(c)
		}
		an.Update(changes)
		cur := an.Result().Findings
		if !slices.Equal(prev, kept) {
			t.Fatalf("step %d (%s): the list before the edit changed under its holder", step, what)
		}
		if want := model.Analyze(p).Findings; !slices.Equal(cur, want) {
			t.Fatalf("step %d (%s): merged list of %d differs from a fresh one of %d", step, what, len(cur), len(want))
		}
		prev = cur
	}
}
