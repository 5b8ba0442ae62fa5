//go:build ci

package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
)

// The decision and gap filters, through the bar's selects, and sorting by
// the decision column.
func TestDecisionAndGapFilters(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	s.SetOffice(model.NilID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1600, 900))
	total := len(v.Rows())

	cases := []struct {
		name string
		set  func()
		keep func(r *Row) bool
		some bool
	}{
		{"has decision", func() { v.bar.decision.SetSelectedIndex(1) }, func(r *Row) bool { return r.Decision != nil }, true},
		{"no decision", func() { v.bar.decision.SetSelectedIndex(2) }, func(r *Row) bool { return r.Decision == nil }, true},
		{"pending", func() { v.bar.decision.SetSelectedIndex(3) }, func(r *Row) bool {
			return r.Decision != nil && (r.Decision.Action == model.ActionPending || r.Decision.Status == model.DecisionOpen)
		}, true},
		{"has gap", func() { v.bar.decision.SetSelectedIndex(0); v.bar.gap.SetSelectedIndex(1) }, func(r *Row) bool { return r.Score != nil && r.Score.Gap > 0 }, true},
	}
	for _, c := range cases {
		c.set()
		rows := v.Rows()
		if c.some && (len(rows) == 0 || len(rows) == total) {
			t.Errorf("%s: %d of %d rows", c.name, len(rows), total)
		}
		for _, r := range rows {
			if !c.keep(r) {
				t.Errorf("%s let through %s", c.name, r.Duty.Name)
				break
			}
		}
	}
	v.bar.gap.SetSelectedIndex(0)
	v.SortBy("decision", false)
	if rows := v.Rows(); rows[0].Decision == nil {
		t.Error("sorting by decision, descending, does not put decisions first")
	}
}

// The toggle shows only the authority columns the shown rows' duties
// require, and every one again when off.
func TestNeededAuthorityColumnsOnly(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	s.SetOffice(s.Project().OfficeList()[0].ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1600, 900))
	auths := func() int {
		n := 0
		for _, c := range v.cols {
			if len(c.key) > len(authKeyPrefix) && c.key[:len(authKeyPrefix)] == authKeyPrefix {
				n++
			}
		}
		return n
	}
	all := auths()
	v.bar.category.SetSelectedIndex(1)
	test.Tap(v.needed)
	need := map[model.ID]bool{}
	for _, r := range v.Rows() {
		for _, a := range r.Duty.Required {
			need[a] = true
		}
	}
	if got := auths(); got != len(need) || got >= all {
		t.Errorf("%d authority columns with the toggle on, want %d (of %d)", got, len(need), all)
	}
	test.Tap(v.needed)
	if got := auths(); got != all {
		t.Errorf("%d authority columns with the toggle off, want %d", got, all)
	}
}
