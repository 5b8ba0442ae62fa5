//go:build ci

package meeting

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// The room goes through the items worst first, moves with the keyboard,
// records a decision in the form and sees its effect at once.
func TestRecordDecisionShowsEffect(t *testing.T) {
	s, v := openDemo(t)
	items := v.Items()
	if len(items) < 2 {
		t.Fatalf("%d items to discuss", len(items))
	}
	first := v.Current()
	if first != items[0] {
		t.Fatalf("shows %v, want the worst item %v", first, items[0])
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if v.Current() != items[1] {
		t.Fatalf("PageDown: %v, want %v", v.Current(), items[1])
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if v.Current() != first {
		t.Fatal("← did not go back")
	}

	// Filter to one office: every item is that office's.
	v.office.SetSelectedIndex(1)
	office := v.offices[0]
	for _, it := range v.Items() {
		if it.Office != office {
			t.Fatalf("office filter let through %v", it)
		}
	}
	item := v.Current()
	before := v.effect.office.Text

	// Cancel the duty, by the form's own widgets.
	v.form.action.SetSelectedIndex(indexOf(model.Actions, model.ActionCancel))
	v.form.unit.SetText("")
	test.Type(v.form.unit, "unit")
	v.form.deadline.SetText("2026-12-31")
	test.Tap(v.form.record)
	if v.form.msg.Visible() {
		t.Fatalf("refused: %s", v.form.msg.Text)
	}
	dec := decisionOf(s.Project(), item)
	if dec == nil || dec.Action != model.ActionCancel || dec.ResponsibleUnit != "unit" || dec.Deadline != "2026-12-31" || dec.RecordedBy != "tester" {
		t.Fatalf("stored %+v", dec)
	}
	if v.Current() != item {
		t.Fatal("recording moved the meeting off the item")
	}
	after := v.effect.office.Text
	if after == before {
		t.Errorf("the effect did not change: %q", after)
	}
	if closed, _, _ := s.Plan().CompareOffice(office); len(closed) == 0 {
		t.Error("cancelling the duty closed nothing")
	} else if len(v.effect.closed.Objects) == 0 {
		t.Error("the closed findings are not listed")
	}

	// Recording again edits the same decision, not a new one.
	n := len(s.Project().Decisions)
	v.form.action.SetSelectedIndex(indexOf(model.Actions, model.ActionKeep))
	test.Tap(v.form.record)
	if len(s.Project().Decisions) != n || decisionOf(s.Project(), item).Action != model.ActionKeep {
		t.Error("recording again did not edit the item's own decision")
	}
	// Undo brings the plan back.
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := decisionOf(s.Project(), item).Action; got != model.ActionCancel {
		t.Errorf("after undo the decision is %v", got)
	}
	if v.effect.office.Text != after {
		t.Errorf("after undo the effect reads %q, want %q", v.effect.office.Text, after)
	}

	// The decisions list shows it and filters by status.
	v.tabs.SelectIndex(1)
	found := false
	for _, d := range v.decisions.shown {
		found = found || d.ID == dec.ID
	}
	if !found {
		t.Error("the decisions list lacks the recorded decision")
	}
	v.decisions.status.SetSelectedIndex(2) // done
	for _, d := range v.decisions.shown {
		if d.Status != model.DecisionDone {
			t.Errorf("status filter let through %v", d.Status)
		}
	}
}

// The meeting view's text is large enough for the back of a room: at the
// presentation scale 1.5 body text is at least 28 px.
func TestRoomTextSize(t *testing.T) {
	_, v := openDemo(t)
	_ = v
	th := theme.New(theme.VariantLight, 1.5)
	test.NewTempApp(t).Settings().SetTheme(th)
	if got := (roomTheme{}).Size("text"); got < 28 {
		t.Errorf("body text %v px at scale 1.5", got)
	}
	if !strings.Contains(v.position.Text, "/") {
		t.Errorf("position %q", v.position.Text)
	}
}

// BenchmarkRecordDecision measures the whole path on 200 × 1,000: a decision
// recorded through the form, committed to the file, the plan brought up to
// date and the before → after panel redrawn (bar: 100 ms).
func BenchmarkRecordDecision(b *testing.B) {
	s, v := open(b, synth.Generate(200, 1000, 1))
	s.Plan() // the plan is made when the view first comes on screen
	v.office.SetSelectedIndex(1)
	item := v.Current()
	if item == (model.PairKey{}) {
		b.Fatal("nothing to discuss")
	}
	actions := []model.Action{model.ActionCancel, model.ActionKeep}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		v.form.action.SetSelectedIndex(indexOf(model.Actions, actions[i%2]))
		text := v.effect.office.Text
		test.Tap(v.form.record)
		if v.effect.office.Text == text && i > 2 {
			b.Fatal("the panel did not change")
		}
	}
}
