package editors

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

func TestOfficesAddRenameDeleteUndo(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	v := NewOfficesView(s, w)
	v.confirm = yes
	w.SetContent(v.CanvasObject())
	n := len(p.Offices)

	v.Add()
	if len(p.Offices) != n+1 {
		t.Fatalf("%d offices after Add, want %d", len(p.Offices), n+1)
	}
	added := v.list.selected
	if p.Offices[added] == nil || p.Offices[added].Name != "新街道" {
		t.Fatalf("the new office is not selected: %v", p.Offices[added])
	}
	edit(w, entryOf(t, v.form, "name"), "  ")
	if msg := msgOf(t, v.form, "name"); !strings.Contains(msg, "名称不能为空") {
		t.Errorf("empty name: message %q", msg)
	}
	edit(w, entryOf(t, v.form, "name"), "滨江街道")
	edit(w, entryOf(t, v.form, "population"), "52000")
	if o := p.Offices[added]; o.Name != "滨江街道" || o.Population != 52000 {
		t.Errorf("office after editing = %+v", o)
	}

	// Deleting an office of the demo takes its holdings and assessments with it.
	victim := p.OfficeList()[0]
	v.Select(victim.ID)
	holdings := countOf(p.Holdings, func(h *model.Holding) bool { return h.Office == victim.ID })
	if holdings == 0 {
		t.Fatalf("demo office %s holds nothing; the cascade would go untested", victim.Name)
	}
	var asked string
	v.confirm = func(_, msg string, ok func()) { asked = msg; ok() }
	test.Tap(findButton(t, v.CanvasObject(), "删除街道（乡镇）"))
	if !strings.Contains(asked, victim.Name) || !strings.Contains(asked, "权限持有") {
		t.Errorf("confirmation %q does not name the office and what goes with it", asked)
	}
	if p.Offices[victim.ID] != nil || countOf(p.Holdings, func(h *model.Holding) bool { return h.Office == victim.ID }) != 0 {
		t.Fatalf("office or its holdings still there after delete")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if p.Offices[victim.ID] == nil || countOf(p.Holdings, func(h *model.Holding) bool { return h.Office == victim.ID }) != holdings {
		t.Fatalf("undo did not restore the office with its %d holdings", holdings)
	}
	if !slices.Contains(v.list.ids, victim.ID) {
		t.Errorf("restored office not listed")
	}
}

func countOf[K comparable, V any](m map[K]V, keep func(V) bool) int {
	n := 0
	for _, v := range m {
		if keep(v) {
			n++
		}
	}
	return n
}

func TestCatalogueSearchDuplicateRequiredScopeDelete(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	v := NewCatalogueView(s, w)
	v.confirm = yes
	w.SetContent(v.CanvasObject())
	all := len(v.list.ids)

	test.Type(v.search, "燃气")
	if len(v.list.ids) == 0 || len(v.list.ids) >= all {
		t.Fatalf("search 燃气 lists %d of %d duties", len(v.list.ids), all)
	}
	for _, id := range v.list.ids {
		if d := p.Duties[id]; !strings.Contains(d.Name+d.LegalBasis+d.LeadDept+d.Category+d.SubCategory+d.SubItem, "燃气") {
			t.Errorf("search 燃气 lists %s", d.Name)
		}
	}
	orig := p.Duties[v.list.ids[0]]
	v.Select(orig.ID)

	v.Duplicate()
	dup := p.Duties[v.list.selected]
	if dup == nil || dup.ID == orig.ID || dup.Name != orig.Name+"（副本）" || !slices.Equal(dup.Required, orig.Required) {
		t.Fatalf("duplicate = %+v", dup)
	}

	// Required authorities: tick one more.
	var extra string
	for i, id := range v.required.ids {
		if !slices.Contains(dup.Required, id) {
			extra = v.required.group.Options[i]
			break
		}
	}
	v.required.group.SetSelected(append(slices.Clone(v.required.group.Selected), extra))
	if dup = p.Duties[dup.ID]; len(dup.Required) != len(orig.Required)+1 {
		t.Errorf("required after ticking %s: %d, want %d", extra, len(dup.Required), len(orig.Required)+1)
	}

	// Scope: chosen offices, but none ticked yet, is not committed.
	v.scope.allScope.SetSelected(v.scope.allScope.Options[1])
	if !v.scope.msg.Visible() || len(p.Duties[dup.ID].Scope) != 0 {
		t.Errorf("choosing 'chosen offices' with none ticked: message shown %v, scope %v", v.scope.msg.Visible(), p.Duties[dup.ID].Scope)
	}
	first := p.OfficeList()[0]
	v.scope.scope.group.SetSelected([]string{first.Name})
	if sc := p.Duties[dup.ID].Scope; len(sc) != 1 || sc[0] != first.ID {
		t.Errorf("scope after ticking %s = %v", first.Name, sc)
	}

	// The catalogue form validates in place too.
	edit(w, entryOf(t, v.form, "category"), "")
	if msg := msgOf(t, v.form, "category"); !strings.Contains(msg, "缺少事项类别") {
		t.Errorf("empty category: message %q", msg)
	}

	v.Delete()
	if p.Duties[dup.ID] != nil {
		t.Fatalf("duplicate not deleted")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if p.Duties[dup.ID] == nil {
		t.Fatalf("undo did not restore the deleted duty")
	}
}

func TestCatalogueDeleteTakesAssessments(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	v := NewCatalogueView(s, w)
	v.confirm = yes
	d := p.DutyList()[0]
	n := countOf(p.Assessments, func(a *model.Assessment) bool { return a.Duty == d.ID })
	if n == 0 {
		t.Fatalf("demo duty %s has no assessments", d.Name)
	}
	v.Select(d.ID)
	v.Delete()
	if left := countOf(p.Assessments, func(a *model.Assessment) bool { return a.Duty == d.ID }); p.Duties[d.ID] != nil || left != 0 {
		t.Fatalf("duty or %d assessments left after delete", left)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if countOf(p.Assessments, func(a *model.Assessment) bool { return a.Duty == d.ID }) != n {
		t.Fatalf("undo did not restore the %d assessments", n)
	}
}

func TestAuthoritiesAddEditDelete(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	v := NewAuthoritiesView(s, w)
	v.confirm = yes
	w.SetContent(v.CanvasObject())

	v.Add()
	a := p.Authorities[v.list.selected]
	if a == nil || a.Name != "新权限" {
		t.Fatalf("new authority not selected: %+v", a)
	}
	edit(w, entryOf(t, v.form, "name"), "对餐饮油烟的行政处罚")
	v.form.fieldByCode("type").widget.(*widget.Select).SetSelected(model.AuthEnforcement.Name().In(words.Current()))
	if a = p.Authorities[a.ID]; a.Name != "对餐饮油烟的行政处罚" || a.Type != model.AuthEnforcement {
		t.Errorf("authority after editing = %+v", a)
	}

	// Deleting a required authority takes it out of every duty's list.
	var used *model.Authority
	for _, x := range p.AuthorityList() {
		if requiredBy(p, x.ID) > 0 {
			used = x
			break
		}
	}
	v.Select(used.ID)
	v.Delete()
	if p.Authorities[used.ID] != nil || requiredBy(p, used.ID) != 0 {
		t.Fatalf("authority still there or still required after delete")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if p.Authorities[used.ID] == nil || requiredBy(p, used.ID) == 0 {
		t.Fatalf("undo did not restore the authority and the duties requiring it")
	}
}

func TestHoldingsFollowOfficeAndEdit(t *testing.T) {
	s, _, w := setup(t)
	p := s.Project()
	v := NewHoldingsView(s, w)
	w.SetContent(v.CanvasObject())
	offices := p.OfficeList()
	if v.office != offices[0].ID {
		t.Fatalf("with every office selected the view shows %v, want the first office", v.office)
	}
	s.SetOffice(offices[1].ID)
	if v.office != offices[1].ID || v.pick.Selected != offices[1].Name {
		t.Fatalf("view did not follow the selected office")
	}
	if len(v.rows.rows) != len(p.Authorities) {
		t.Fatalf("%d rows, want one per authority (%d)", len(v.rows.rows), len(p.Authorities))
	}

	r := v.rows.rows[0]
	r.deFacto.SetSelected(model.LevelPartial.Name().In(words.Current()))
	r.deJure.SetChecked(true)
	edit(w, r.note, "执法队员未下沉")
	h := p.Holding(offices[1].ID, r.authority)
	if h == nil || h.DeFacto != model.LevelPartial || !h.DeJure || h.Note != "执法队员未下沉" {
		t.Fatalf("holding after editing = %+v", h)
	}
	if r.mark.Text != "◐" {
		t.Errorf("row mark %q, want ◐ (partly exercised)", r.mark.Text)
	}
}

// Each list editor's Add and Delete, named after the kind it lists, are
// worded in both languages.
func TestListEditorActionsAreWorded(t *testing.T) {
	kinds := []model.EntityKind{kindOf(offices), kindOf(authorities), kindOf(listed[model.Duty, *model.Duty]{})}
	for _, kind := range kinds {
		add, remove := actionKeys(kind)
		for _, key := range []string{add, remove} {
			for _, lang := range words.Languages {
				if !words.Has(lang, key) {
					t.Errorf("%s editor: %q is not in the %s catalogue", kind, key, lang)
				}
			}
		}
	}
}
