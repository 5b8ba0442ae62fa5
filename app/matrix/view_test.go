package matrix

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

func hasRule(fs []model.Finding, c model.RuleCode) bool {
	return slices.ContainsFunc(fs, func(f model.Finding) bool { return f.Rule == c })
}

// The scenario of issue 4: pick an office, filter the matrix, give the office
// the authority a lead duty lacks so that AUTHORITY_GAP disappears, check the
// cell and the file, undo and check both again.
func TestPickFilterEditHoldingUndo(t *testing.T) {
	newTestApp(t)
	s, st, path := openDemo(t)
	p := s.Project()
	office := p.OfficeList()[0]
	s.SetOffice(office.ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1400, 900))

	total := len(v.Rows())
	if want := len(p.DutiesOf(office.ID)); total != want {
		t.Fatalf("matrix of %s has %d rows, want one per duty in its list (%d)", office.Name, total, want)
	}

	// Filter by category, then by text, through the filter bar's widgets.
	cat := v.rows.Categories[0]
	v.bar.category.SetSelected(cat)
	rows := v.Rows()
	if len(rows) == 0 || len(rows) >= total {
		t.Fatalf("category %s: %d of %d rows", cat, len(rows), total)
	}
	for _, r := range rows {
		if r.Duty.Category != cat {
			t.Errorf("category filter %s let through %s (%s)", cat, r.Duty.Name, r.Duty.Category)
		}
	}
	word := []rune(rows[0].Duty.Name)
	query := string(word[:2])
	test.Type(v.bar.search, query)
	for _, r := range v.Rows() {
		if r.Duty.Category != cat || !strings.Contains(r.searchDuty+r.searchOffice, strings.ToLower(query)) {
			t.Errorf("text %q and category %s let through %s", query, cat, r.Duty.Name)
		}
	}
	if !strings.Contains(v.count.Text, office.Name) {
		t.Errorf("count line %q does not name the office", v.count.Text)
	}
	test.Tap(v.bar.clear)
	if got := len(v.Rows()); got != total {
		t.Fatalf("after clearing the filters %d rows, want %d", got, total)
	}

	// A lead duty lacking an authority de facto.
	var target *Row
	for _, r := range v.Rows() {
		if hasRule(r.Findings(), model.RuleAuthorityGap) && len(r.Duty.Required) > 0 {
			target = r
			break
		}
	}
	if target == nil {
		t.Fatalf("demo office %s has no AUTHORITY_GAP row", office.Name)
	}
	duty := target.Duty
	authCol := func(a model.ID) string { return "auth:" + a.String() }
	var missing []model.ID
	before := map[model.ID]model.Level{} // de facto level before the edit (none when not held)
	for _, a := range duty.Required {
		if model.MarkOf(p.Holding(office.ID, a)) != model.MarkHeld {
			missing = append(missing, a)
			if h := p.Holding(office.ID, a); h != nil {
				before[a] = h.DeFacto
			}
		}
	}

	// Select the row: the detail panel opens on it.
	i := rowIndex(v, office.ID, duty.ID)
	v.table.Select(widget.TableCellID{Row: i, Col: 0})
	if o, d := v.Detail().Shown(); o != office.ID || d != duty.ID {
		t.Fatalf("detail panel shows %v/%v, want the selected row", o, d)
	}
	if s.Duty() != duty.ID {
		t.Errorf("session's selected duty not updated")
	}

	// In the panel, set every lacking authority to "fully exercised".
	levelFull := model.LevelFull.Name().In(words.Current())
	selects := findAll(v.Detail().CanvasObject(), func(o fyne.CanvasObject) bool {
		sel, ok := o.(*widget.Select)
		return ok && slices.Contains(sel.Options, levelFull)
	})
	if len(selects) != len(duty.Required) {
		t.Fatalf("detail panel has %d de facto selects, want one per required authority (%d)", len(selects), len(duty.Required))
	}
	for k, a := range duty.Required {
		if slices.Contains(missing, a) {
			selects[k].(*widget.Select).SetSelected(levelFull)
		}
	}

	check := func(when string, s2 *View, wantHeld bool) {
		t.Helper()
		fs := s2.s.Result().FindingsFor(office.ID, duty.ID)
		if hasRule(fs, model.RuleAuthorityGap) == wantHeld {
			t.Errorf("%s: AUTHORITY_GAP present = %v", when, !wantHeld)
		}
		i := rowIndex(s2, office.ID, duty.ID)
		if i < 0 {
			t.Fatalf("%s: row not listed", when)
		}
		for _, a := range missing {
			c := cellAt(t, s2, i, authCol(a))
			if (c.mark == model.MarkHeld) != wantHeld {
				t.Errorf("%s: cell of %s shows mark %v", when, s2.s.Project().Authorities[a].Name, c.mark)
			}
		}
	}
	check("after the edit", v, true)

	// The file holds the edit.
	s2, st2 := reopen(t, st, path)
	for _, a := range missing {
		if h := s2.Project().Holding(office.ID, a); h == nil || h.DeFacto != model.LevelFull {
			t.Errorf("reopened file: holding of %v not saved as fully exercised: %+v", a, h)
		}
	}
	s2.SetOffice(office.ID)
	v2 := New(s2, w, nil)
	check("reopened", v2, true)

	// Undo works across the reopen: one action per holding edited.
	for range missing {
		if err := s2.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	check("after undo", v2, false)
	s3, _ := reopen(t, st2, path)
	for _, a := range missing {
		got := model.LevelNone
		if h := s3.Project().Holding(office.ID, a); h != nil {
			got = h.DeFacto
		}
		if got != before[a] {
			t.Errorf("reopened after undo: holding of %v is %v, want %v as before the edit", a, got, before[a])
		}
	}
	t.Logf("%s / %s: %d authorities granted, finding closed, persisted, undone", office.Name, duty.Name, len(missing))
}

// Switching from every office, filtered to the last office's rows, to one
// office redraws without reading a row index of the rows before.
func TestSwitchFromFilteredAllOffices(t *testing.T) {
	newTestApp(t)
	s := newMemSession(synth.Generate(3, 60, 1))
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(1280, 720))
	offices := s.Project().OfficeList()
	last := offices[len(offices)-1]
	v.filterChanged(Filter{Text: last.Name})
	if rows := v.Rows(); len(rows) == 0 || rows[0].Office.ID != last.ID {
		t.Fatalf("filter to %s shows %d rows", last.Name, len(rows))
	}
	s.SetOffice(offices[0].ID)
	if err := captureSafely(w); err != nil {
		t.Fatal(err)
	}
}
