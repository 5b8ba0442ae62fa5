//go:build ci

package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// decisionsOn lists the decisions on (office, duty), those for every office included.
func decisionsOn(p *model.Project, office, duty model.ID) []*model.Decision {
	var out []*model.Decision
	for _, d := range p.DecisionList() {
		if d.Duty == duty && (d.Office == office || d.Office == model.NilID) {
			out = append(out, d)
		}
	}
	return out
}

// actionSelects are the decision forms' action choices the panel shows.
func actionSelects(v *View) []*widget.Select {
	first := model.Actions[0].Name().In(words.Current())
	var out []*widget.Select
	for _, o := range findAll(v.detail.CanvasObject(), func(o fyne.CanvasObject) bool {
		sel, ok := o.(*widget.Select)
		return ok && sel.Visible() && len(sel.Options) == len(model.Actions) && sel.Options[0] == first
	}) {
		out = append(out, o.(*widget.Select))
	}
	return out
}

// buttonWith is the visible button whose text is text.
func buttonWith(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	bs := findAll(root, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == text
	})
	if len(bs) == 0 {
		t.Fatalf("no button %q", text)
	}
	return bs[0].(*widget.Button)
}

// Issue 10's blocker: after selecting a duty with a decision (A) and then a
// duty without one (B), the detail panel showed A's decision under B, and
// editing it there changed A's stored decision. Through the real widget
// path: tap A's row, tap B's row, add and edit B's decision in the panel's
// own form, and check that A's decision is as it was.
func TestDetailPanelEditsOnlyTheSelectedDutysDecision(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	p := s.Project()
	var a *model.Decision
	for _, d := range p.DecisionList() {
		if d.Office != model.NilID {
			a = d
			break
		}
	}
	if a == nil {
		t.Fatal("the demo has no decision for one office")
	}
	s.SetOffice(a.Office)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1600, 900))

	rowA := rowIndex(v, a.Office, a.Duty)
	if rowA < 0 {
		t.Fatal("A is not listed")
	}
	var b *model.Duty
	for _, r := range v.Rows() {
		if len(decisionsOn(p, a.Office, r.Duty.ID)) == 0 {
			b = r.Duty
			break
		}
	}
	if b == nil {
		t.Fatal("every duty of the office has a decision")
	}
	before := *a.Clone().(*model.Decision)

	v.tableSelected(widget.TableCellID{Row: rowA, Col: 1})
	if len(actionSelects(v)) == 0 {
		t.Fatal("A's decision is not shown")
	}
	v.tableSelected(widget.TableCellID{Row: rowIndex(v, a.Office, b.ID), Col: 1})
	if _, duty := v.detail.Shown(); duty != b.ID {
		t.Fatalf("panel shows %v, want B %v", duty, b.ID)
	}
	if n := len(actionSelects(v)); n != 0 {
		t.Fatalf("B has no decision, the panel shows %d", n)
	}
	test.Tap(buttonWith(t, v.detail.CanvasObject(), words.T("editors.decision.add")))
	decs := decisionsOn(p, a.Office, b.ID)
	if len(decs) != 1 {
		t.Fatalf("B has %d decisions after Add, want 1", len(decs))
	}
	sels := actionSelects(v)
	if len(sels) != 1 {
		t.Fatalf("the panel shows %d decisions for B, want 1", len(sels))
	}
	sels[0].SetSelectedIndex(0) // model.Actions[0], keep

	if got := p.Decisions[a.ID]; got == nil || got.Action != before.Action || got.Note != before.Note || got.Duty != before.Duty {
		t.Errorf("A's decision changed: before %+v, after %+v", before, got)
	}
	if got := decisionsOn(p, a.Office, b.ID)[0]; got.Action != model.ActionKeep {
		t.Errorf("B's decision action %v, want keep", got.Action)
	}
}
