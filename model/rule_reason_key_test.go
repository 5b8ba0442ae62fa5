package model_test

import (
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// Findings with equal reason inputs share one wording (pairReasonKey); on
// projects where every rule fires many times over, each shared reason must
// read exactly as the finding's own wording.
func TestMemoisedReasons(t *testing.T) {
	for _, tc := range []struct {
		name            string
		offices, duties int
		seed            int64
	}{
		{"small", 5, 40, 1},
		{"medium", 40, 300, 2},
		{"other seed", 40, 300, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := model.Analyze(synth.Generate(tc.offices, tc.duties, tc.seed))
			want := model.DirectReasons(r)
			if len(want) != len(r.Findings) {
				t.Fatalf("%d findings worded directly, %d listed", len(want), len(r.Findings))
			}
			shared := map[string]int{}
			for i, f := range r.Findings {
				if f.Reason != want[i] {
					t.Fatalf("finding %d (%s): listed %q, worded directly %q", i, f.Rule, f.Reason, want[i])
				}
				shared[f.Reason.Zh]++
			}
			if len(shared) == len(r.Findings) {
				t.Fatal("no two findings share a reason: the test does not exercise sharing")
			}
		})
	}
}
