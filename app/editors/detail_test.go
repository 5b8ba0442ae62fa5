package editors

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/wraplabel"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

func TestAssessmentFieldsValidateInPlaceAndCommitOnLeave(t *testing.T) {
	s, st, w := setup(t)
	p := s.Project()
	office := p.OfficeList()[0]
	duty := p.DutiesOf(office.ID)[0]
	d := NewDetailPanel(s, w)
	w.SetContent(d.CanvasObject())
	d.Show(office.ID, duty.ID)
	before := *p.Assessment(office.ID, duty.ID)
	staff := entryOf(t, d.assessment, "staff_held")
	audit := st.AuditCount()

	// Typing alone commits nothing: one transaction when the field is left.
	w.Canvas().Focus(staff)
	staff.SetText("")
	for _, r := range "7.5" {
		staff.TypedRune(r)
	}
	if st.AuditCount() != audit {
		t.Fatalf("a keystroke was committed")
	}
	w.Canvas().Unfocus()
	if got := p.Assessment(office.ID, duty.ID).StaffHeld; got != 7.5 {
		t.Fatalf("staff held after leaving the field = %v, want 7.5", got)
	}
	if st.AuditCount() != audit+1 {
		t.Fatalf("leaving the field wrote %d audit entries, want 1", st.AuditCount()-audit)
	}

	cases := []struct {
		field, text, wantMsg string
	}{
		{"staff_held", "-2", "不能为负数"},
		{"staff_held", "三", "不是有效的数字"},
		{"formalism_hours", "100000", "不能超过总工作量"},
		{"incidents", "1.5", "不是有效的数字"},
	}
	for _, c := range cases {
		t.Run(c.field+"="+c.text, func(t *testing.T) {
			n := st.AuditCount()
			edit(w, entryOf(t, d.assessment, c.field), c.text)
			if msg := msgOf(t, d.assessment, c.field); !strings.Contains(msg, c.wantMsg) {
				t.Errorf("message under %s = %q, want it to say %q", c.field, msg, c.wantMsg)
			}
			if st.AuditCount() != n {
				t.Errorf("invalid input was committed")
			}
		})
	}

	// A valid value clears the message; undo and redo go through the session.
	edit(w, staff, "2")
	if msg := msgOf(t, d.assessment, "staff_held"); msg != "" {
		t.Errorf("message stays after a valid value: %q", msg)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := p.Assessment(office.ID, duty.ID).StaffHeld; got != before.StaffHeld {
		t.Errorf("after two undos staff held = %v, want %v", got, before.StaffHeld)
	}
	if staff.Text != formatFloat(before.StaffHeld) {
		t.Errorf("field shows %q after undo, want %q", staff.Text, formatFloat(before.StaffHeld))
	}
}

func TestDetailPanelCreatesAssessmentOnFirstEdit(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	office := p.OfficeList()[0]
	duty := p.DutiesOf(office.ID)[0]
	if err := s.Commit("drop", p.Delete(p.Assessment(office.ID, duty.ID))); err != nil {
		t.Fatal(err)
	}
	d := NewDetailPanel(s, w)
	w.SetContent(d.CanvasObject())
	d.Show(office.ID, duty.ID)
	edit(w, entryOf(t, d.assessment, "hours"), "12")
	a := p.Assessment(office.ID, duty.ID)
	if a == nil || a.HoursPerMonth != 12 || a.Role != duty.Kind.ExpectedRole() {
		t.Fatalf("first edit stored %+v, want 12 hours and the list kind's default role", a)
	}
}

func TestDecisionsAddGrantDeleteUndo(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	office := p.OfficeList()[0]
	duty := p.DutiesOf(office.ID)[0]
	d := NewDetailPanel(s, w)
	d.confirm = yes
	w.SetContent(d.CanvasObject())
	d.Show(office.ID, duty.ID)
	n := len(d.decisions.rows)

	d.addDecision()
	if len(d.decisions.rows) != n+1 {
		t.Fatalf("%d decision cards after adding, want %d", len(d.decisions.rows), n+1)
	}
	card := d.decisions.rows[n]
	dec := func() *model.Decision { return p.Decisions[card.id] }
	if dec() == nil || dec().Action != model.ActionPending || dec().Office != office.ID {
		t.Fatalf("new decision = %+v, want pending for the office", dec())
	}

	shown := func(code string) bool { return card.form.fieldByCode(code).cell.Visible() }
	if shown("authority") || shown("staff_add") {
		t.Errorf("a pending decision shows the authority or staff fields")
	}

	// Grant without an authority is refused in place; naming one commits both.
	action := card.form.fieldByCode("action").widget.(*widget.Select)
	action.SetSelected(model.ActionGrant.Name().In(words.Current()))
	if !shown("authority") || shown("funds_add") {
		t.Errorf("a grant shows authority %v, funds %v; want only the authority", shown("authority"), shown("funds_add"))
	}
	if msg := msgOf(t, card.form, "authority"); !strings.Contains(msg, "未指定有效的权限") {
		t.Errorf("grant without authority: message %q", msg)
	}
	if dec().Action != model.ActionPending {
		t.Errorf("invalid grant was stored")
	}
	auth := p.AuthorityList()[0]
	card.form.fieldByCode("authority").widget.(*widget.Select).SetSelected(auth.Name)
	if dec().Action != model.ActionGrant || dec().Authority != auth.ID {
		t.Errorf("decision after naming the authority = %+v", dec())
	}
	every := card.form.fieldByCode("office").widget.(*widget.Check)
	every.SetChecked(true)
	if dec().Office != model.NilID {
		t.Errorf("'every office' did not clear the decision's office")
	}

	id := card.id
	del := findButton(t, card.object, "删除此处理意见")
	del.OnTapped()
	if p.Decisions[id] != nil {
		t.Fatalf("decision not deleted")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if p.Decisions[id] == nil || len(d.decisions.rows) != n+1 {
		t.Fatalf("undo did not bring the decision back into the panel")
	}
}

func TestScoreLine(t *testing.T) {
	setup(t)
	cases := []struct {
		sc   *model.Score
		want string
	}{
		{nil, ""},
		{&model.Score{Weight: 4, AuthorityCoverage: 0, ResourceCoverage: 0.8, Gap: 4}, "权重 W 4 · 权限覆盖 A 0% · 资源覆盖 S 80% · 缺口 G 4"},
		{&model.Score{Weight: 4.5, AuthorityCoverage: 0.5, ResourceCoverage: 1, Gap: 2.25}, "权重 W 4.5 · 权限覆盖 A 50% · 资源覆盖 S 100% · 缺口 G 2.3"},
	}
	for _, c := range cases {
		if got := scoreLine(c.sc); got != c.want {
			t.Errorf("scoreLine(%+v) = %q, want %q", c.sc, got, c.want)
		}
	}
}

// A duty that requires no authority says so, whichever duty was shown
// before it (the panel kept the last duty's holding rows, or showed nothing).
func TestDetailPanelDutyWithoutRequiredAuthorities(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	office := p.OfficeList()[0]
	var with, without *model.Duty
	for _, du := range p.DutiesOf(office.ID) {
		if len(du.Required) > 0 && with == nil {
			with = du
		}
		if len(du.Required) == 0 && without == nil {
			without = du
		}
	}
	if with == nil || without == nil {
		t.Fatal("the demo office needs duties with and without required authorities")
	}
	d := NewDetailPanel(s, w)
	w.SetContent(d.CanvasObject())
	for _, du := range []*model.Duty{without, with, without} {
		d.Show(office.ID, du.ID)
		texts := ""
		for _, o := range d.holdings.box.Objects {
			if l, ok := o.(*widget.Label); ok {
				texts += l.Text
			}
		}
		noneShown := strings.Contains(texts, words.T("editors.detail.no_required"))
		if len(du.Required) == 0 && (!noneShown || len(d.holdings.box.Objects) != 1) {
			t.Errorf("%s requires nothing: panel shows %d objects %q", du.Title(), len(d.holdings.box.Objects), texts)
		}
		if len(du.Required) > 0 && (noneShown || len(d.holdings.rows) != len(du.Required)) {
			t.Errorf("%s requires %d: panel has %d holding rows", du.Title(), len(du.Required), len(d.holdings.rows))
		}
	}
}

// The de facto choice of a holding is as wide as its longest option in
// either language, so "Cannot exercise" is not cut to "Cannot exe…".
func TestHoldingLevelSelectFitsLongestOption(t *testing.T) {
	s, _, w := setup(t)
	t.Cleanup(func() { words.Use(words.Zh) })
	for _, lng := range []string{"zh", "en"} {
		words.Use(lng)
		p := s.Project()
		office := p.OfficeList()[0]
		r := newHoldingRow(s, w, office.ID, p.AuthorityList()[0].ID)
		w.SetContent(r.object)
		w.Resize(fyne.NewSize(900, 300))
		for _, o := range r.deFacto.Options {
			th := r.deFacto.Theme()
			need := fyne.MeasureText(o, th.Size(fynetheme.SizeNameText), fyne.TextStyle{}).Width +
				th.Size(fynetheme.SizeNameInlineIcon) + 2*th.Size(fynetheme.SizeNameInnerPadding)
			if r.deFacto.Size().Width < need {
				t.Errorf("%s: select %v wide, option %q needs %v", lng, r.deFacto.Size().Width, o, need)
			}
		}
	}
}

// The panel shows each finding of the pair with its rule's name and its
// reason, worded when shown, in the session's language.
func TestDetailPanelWordsFindings(t *testing.T) {
	s, _, w := setup(t)
	p, r := s.Project(), s.Result()
	var office, duty model.ID
	var fs []model.Finding
	for _, o := range p.OfficeList() {
		for _, d := range p.DutiesOf(o.ID) {
			if fs = r.FindingsFor(o.ID, d.ID); len(fs) > 1 {
				office, duty = o.ID, d.ID
				break
			}
		}
		if office != model.NilID {
			break
		}
	}
	if office == model.NilID {
		t.Fatal("no demo item with two findings")
	}
	t.Cleanup(func() { words.Use(words.Zh) })
	for _, lang := range words.Languages {
		t.Run(lang, func(t *testing.T) {
			words.Use(lang)
			d := NewDetailPanel(s, w)
			d.Show(office, duty)
			shown := labelTexts(d.findings)
			for _, f := range fs {
				reason := r.Reason(f).In(lang)
				if reason == "" || !slices.Contains(shown, reason) {
					t.Errorf("%s: reason %q not among %q", f.Rule, reason, shown)
				}
				if name := ruleName(f.Rule, lang); name == string(f.Rule) || !slices.Contains(shown, name) {
					t.Errorf("%s: rule name %q not shown", f.Rule, name)
				}
			}
		})
	}
}

// labelTexts lists the texts of the labels under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *wraplabel.Label:
		out = append(out, x.Source()) // its Text holds the line breaks
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labelTexts(c)...)
		}
	}
	return out
}
