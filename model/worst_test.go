package model_test

import (
	"slices"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// Worst(office, n) keeps only n candidates in a heap; it must give the first
// n of the full worst-first order (Worst with n ≤ 0), ties included.
func TestWorstIsThePrefixOfTheFullOrder(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		p := synth.Generate(6, 80, seed)
		r := model.Analyze(p)
		offices := []model.ID{model.NilID}
		for _, o := range p.OfficeList()[:3] {
			offices = append(offices, o.ID)
		}
		for _, office := range offices {
			all := r.Worst(office, 0)
			if len(all) < 20 {
				t.Fatalf("seed %d: only %d scores with a gap: the test does not exercise the heap", seed, len(all))
			}
			for _, n := range []int{1, 2, 7, 10, len(all) - 1, len(all), len(all) + 5} {
				got := r.Worst(office, n)
				want := all[:min(n, len(all))]
				if !slices.Equal(got, want) {
					t.Fatalf("seed %d office %v n %d: Worst differs from the full order's prefix", seed, office, n)
				}
			}
		}
	}
}
