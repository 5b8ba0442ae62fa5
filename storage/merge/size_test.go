package merge

import (
	"errors"
	"testing"

	"rpbmatrix/model"
)

// A copy whose new duties would make ours too large to analyse is refused
// by Changes, before anything is applied; at the limit it merges.
func TestChangesRefusePastPairLimit(t *testing.T) {
	for _, tc := range []struct {
		limit   int
		refused bool
	}{{6, false}, {5, true}} {
		f := newFixture() // 2 offices × 2 duties
		ours, base, theirs := f.handOut()
		d := &model.Duty{Meta: model.NewMeta("乙"), Name: "新增事项", Category: "城市管理", Kind: model.ListBasic, Scope: []model.ID{f.east}}
		put(t, theirs, d) // 2 × 3 = 6 pairs
		plan := Compute(Input{Base: base, Ours: ours, Theirs: theirs, Offices: []model.ID{f.east}})
		restore := model.SetPairLimit(tc.limit)
		cs, err := plan.Changes()
		restore()
		var tooLarge *model.SizeError
		if got := errors.As(err, &tooLarge); got != tc.refused {
			t.Errorf("limit %d: Changes() = %d changes, %v; refused want %v", tc.limit, len(cs), err, tc.refused)
		}
		if tc.refused && (tooLarge.Offices != 2 || tooLarge.Duties != 3) {
			t.Errorf("limit %d: refused %d × %d, want 2 × 3", tc.limit, tooLarge.Offices, tooLarge.Duties)
		}
	}
}
