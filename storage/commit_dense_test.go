package storage

import (
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
)

// TestLargeCommitFillsPages: a commit of many new records fills the pages
// it writes as a new file does, where bbolt would fill them to half.
func TestLargeCommitFillsPages(t *testing.T) {
	for _, tc := range []struct {
		duties  int
		atLeast float64 // the duties' leaf pages in use
	}{
		{denseFrom - 1, 0},
		{3 * denseFrom, 0.8},
	} {
		t.Run(fmt.Sprint(tc.duties), func(t *testing.T) {
			s := mustOpen(t, mustCreate(t, handMade()), Options{NoSync: true})
			defer s.Close()
			changes := make([]model.Change, tc.duties)
			for i := range changes {
				d := &model.Duty{Meta: model.NewMeta("t"), Name: fmt.Sprintf("事项%d", i), Category: "城市管理", Kind: model.ListBasic,
					LegalBasis: "《中华人民共和国某某法》第十二条、《某省街道办事处条例》第二十条"}
				changes[i] = model.Change{Kind: model.KindDuty, After: d}
			}
			if err := s.Commit("import", changes...); err != nil {
				t.Fatal(err)
			}
			var st bolt.BucketStats
			if err := s.db.View(func(tx *bolt.Tx) error {
				st = tx.Bucket(bucketDuties).Stats()
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if used := float64(st.LeafInuse) / float64(st.LeafAlloc); used < tc.atLeast {
				t.Fatalf("leaf pages %.0f%% in use, want at least %.0f%%", 100*used, 100*tc.atLeast)
			}
			s.Close()
			if _, err := Check(s.path); err != nil {
				t.Fatal(err)
			}
		})
	}
}
