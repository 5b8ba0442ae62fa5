package editors

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// smallProject is a fixture for the screens of issue 12: two offices, two
// duties, one authority; office A's duties hold 14 staff of the 12 it has;
// office B's item is not assessed; an admitted request without its staff
// and a rejected one.
type smallProject struct {
	p                  *model.Project
	a, b               *model.Office
	d1, d2             *model.Duty
	auth               *model.Authority
	unfunded, rejected *model.Proposal
}

func newSmallProject() *smallProject {
	f := &smallProject{p: model.NewProject("fixture", "region", "tester")}
	meta := func() model.Meta { return model.NewMeta("tester") }
	f.a = &model.Office{Meta: meta(), Name: "A", Kind: model.OfficeStreet, Establishment: 12, OnStaff: 10, Auxiliary: 2}
	f.b = &model.Office{Meta: meta(), Name: "B", Kind: model.OfficeStreet, OnStaff: 5}
	f.auth = &model.Authority{Meta: meta(), Name: "inspection", Type: model.AuthorityTypes[0]}
	f.d1 = &model.Duty{Meta: meta(), Seq: 1, Name: "d1", Category: "c", Kind: model.ListBasic, Required: []model.ID{f.auth.ID}}
	f.d2 = &model.Duty{Meta: meta(), Seq: 2, Name: "d2", Category: "c", Kind: model.ListBasic, Scope: []model.ID{f.a.ID}}
	f.unfunded = &model.Proposal{Meta: meta(), Department: "dept", Name: "unfunded", Admission: model.AdmissionAdmitted,
		StaffNeeded: 3, FundsNeeded: 10, FundsCarried: 10}
	f.rejected = &model.Proposal{Meta: meta(), Department: "dept", Name: "rejected", Admission: model.AdmissionRejected}
	for _, e := range []model.Entity{f.a, f.b, f.auth, f.d1, f.d2, f.unfunded, f.rejected,
		&model.Assessment{Meta: meta(), Office: f.a.ID, Duty: f.d1.ID, Role: model.RoleLead, StaffNeeded: 8, StaffHeld: 8},
		&model.Assessment{Meta: meta(), Office: f.a.ID, Duty: f.d2.ID, Role: model.RoleLead, StaffNeeded: 6, StaffHeld: 6},
	} {
		f.p.Apply(f.p.Put(e))
	}
	return f
}

// setupSmall opens a session on the fixture in lng, with a window.
func setupSmall(t *testing.T, lng string) (*session.Session, *smallProject, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1))
	useChinese(t)
	words.Use(lng)
	t.Cleanup(func() { words.Use(words.Zh) })
	f := newSmallProject()
	st, err := storage.Create(filepath.Join(t.TempDir(), "small.rpb"), f.p, storage.Options{NoSync: true, Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.p = st.Project()
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)
	return session.New(st, "tester"), f, w
}

func TestAdmissionRegister(t *testing.T) {
	for _, lng := range words.Languages {
		t.Run(lng, func(t *testing.T) {
			s, f, w := setupSmall(t, lng)
			p := s.Project()
			v := NewAdmissionView(s, w)
			v.confirm = yes
			w.SetContent(v.CanvasObject())

			want := words.Say(lng, "admissions.counts", "Total", 2, "ByDecision", []string{
				words.Say(lng, "admissions.count_of", "Admission", model.AdmissionAdmitted.Name().In(lng), "N", 1),
				words.Say(lng, "admissions.count_of", "Admission", model.AdmissionToSupporting.Name().In(lng), "N", 0),
				words.Say(lng, "admissions.count_of", "Admission", model.AdmissionDeferred.Name().In(lng), "N", 0),
				words.Say(lng, "admissions.count_of", "Admission", model.AdmissionRejected.Name().In(lng), "N", 1),
				words.Say(lng, "admissions.count_of", "Admission", model.AdmissionPending.Name().In(lng), "N", 0),
			}, "Findings", 2)
			if v.counts.Text != want {
				t.Errorf("counts = %q, want %q", v.counts.Text, want)
			}

			// The admitted request without its staff: one finding per office it goes to.
			v.Select(f.unfunded.ID)
			if !v.formBox.Visible() {
				t.Fatal("the selected request's form is hidden")
			}
			shown := labelsUnder(v.findings)
			unfunded := ruleName(model.RuleCode("ADMISSION_UNFUNDED"), lng)
			if !slices.Contains(shown, unfunded) || !slices.Contains(shown, "A") || !slices.Contains(shown, "B") {
				t.Errorf("findings shown %q: want %q on A and on B", shown, unfunded)
			}
			// Carrying the staff along clears them.
			edit(w, entryOf(t, v.form, "staff_carried"), "3")
			if got := p.Proposals[f.unfunded.ID].StaffCarried; got != 3 {
				t.Fatalf("staff carried = %v after editing", got)
			}
			if n := len(s.Result().FindingsOfEntry(f.unfunded.ID)); n != 0 {
				t.Errorf("%d findings after the staff came with the task", n)
			}
			if shown := labelsUnder(v.findings); !slices.Contains(shown, words.Say(lng, "admissions.no_findings")) {
				t.Errorf("findings shown %q after the fix", shown)
			}

			// Scope: some offices, then office B only.
			v.scope.allScope.SetSelected(v.scope.allScope.Options[1])
			if len(p.Proposals[f.unfunded.ID].Scope) != 0 || !v.scope.msg.Visible() {
				t.Errorf("an empty 'some offices' scope was stored or not explained")
			}
			v.scope.scope.group.SetSelected([]string{"B"})
			if got := p.Proposals[f.unfunded.ID].Scope; !slices.Equal(got, []model.ID{f.b.ID}) {
				t.Errorf("scope = %v, want office B", got)
			}

			// Add, decide, filter, delete, undo.
			add, remove := actionKeys(model.KindProposal)
			test.Tap(findButton(t, v.CanvasObject(), words.Say(lng, add)))
			added := v.list.selected
			if q := p.Proposals[added]; q == nil || q.Admission != model.AdmissionPending {
				t.Fatalf("the added request is not selected or not pending: %+v", q)
			}
			edit(w, entryOf(t, v.form, "department"), "housing")
			v.form.fieldByCode("admission").widget.(*widget.Select).SetSelectedIndex(indexOf(model.Admissions, model.AdmissionDeferred))
			if q := p.Proposals[added]; q.Department != "housing" || q.Admission != model.AdmissionDeferred {
				t.Errorf("request after editing = %+v", q)
			}
			v.filter.SetSelectedIndex(1 + indexOf(model.Admissions, model.AdmissionRejected))
			if !slices.Equal(v.list.ids, []model.ID{f.rejected.ID}) {
				t.Errorf("rejected filter lists %v", v.list.ids)
			}
			v.Select(added) // hidden by the filter: Select shows every request again
			if v.filter.SelectedIndex() != 0 || v.list.selected != added {
				t.Fatalf("Select did not reveal the request hidden by the filter")
			}
			test.Tap(findButton(t, v.CanvasObject(), words.Say(lng, remove)))
			if p.Proposals[added] != nil {
				t.Fatal("request still there after delete")
			}
			if err := s.Undo(); err != nil {
				t.Fatal(err)
			}
			if p.Proposals[added] == nil || !slices.Contains(v.list.ids, added) {
				t.Error("undo did not bring the request back into the list")
			}
		})
	}
}

func TestOfficeStaffingAndOffListTasks(t *testing.T) {
	for _, lng := range words.Languages {
		t.Run(lng, func(t *testing.T) {
			s, f, w := setupSmall(t, lng)
			p := s.Project()
			v := NewOfficesView(s, w)
			w.SetContent(v.CanvasObject())
			v.Select(f.a.ID)
			if want := coverageLine(s.Result(), f.a); want == "" || v.coverage.Text != want {
				t.Errorf("office coverage %q, want %q", v.coverage.Text, want)
			}

			if want := words.Say(lng, "editors.office.staff_overdrawn", "Held", 14.0, "Available", 12); !v.overdraw.Visible() || v.overdraw.Text != want {
				t.Errorf("overdraw warning %q (shown %v), want %q", v.overdraw.Text, v.overdraw.Visible(), want)
			}
			edit(w, entryOf(t, v.form, "seconded_in"), "3")
			if p.Offices[f.a.ID].SecondedIn != 3 {
				t.Fatalf("seconded in = %d", p.Offices[f.a.ID].SecondedIn)
			}
			if want := words.Say(lng, "editors.office.staff_available", "Available", 15, "OnStaff", 10, "Auxiliary", 2,
				"Out", 0, "In", 3, "Held", 14.0); v.staffing.Text != want {
				t.Errorf("staffing %q, want %q", v.staffing.Text, want)
			}
			if v.overdraw.Visible() {
				t.Error("warning still shown with 15 available for 14 held")
			}
			edit(w, entryOf(t, v.form, "community_workers"), "40")
			if p.Offices[f.a.ID].CommunityWorkers != 40 || p.Offices[f.a.ID].StaffAvailable() != 15 {
				t.Errorf("community workers: %+v", p.Offices[f.a.ID])
			}

			// Off-list tasks of the office: add, edit, delete.
			add, remove := actionKeys(model.KindOffListTask)
			test.Tap(findButton(t, v.CanvasObject(), words.Say(lng, add)))
			tasks := p.OffListTasksOf(f.a.ID)
			if len(tasks) != 1 || len(v.offList.rows.rows) != 1 {
				t.Fatalf("%d tasks, %d cards after Add", len(tasks), len(v.offList.rows.rows))
			}
			card := v.offList.rows.rows[0]
			edit(w, entryOf(t, card.form, "hours"), "30")
			edit(w, entryOf(t, card.form, "assigned_by"), "civil affairs")
			if got := p.OffListTasks[tasks[0].ID]; got.HoursPerMonth != 30 || got.AssignedBy != "civil affairs" {
				t.Errorf("task after editing = %+v", got)
			}
			if len(s.Result().FindingsOfEntry(tasks[0].ID)) == 0 {
				t.Error("an off-list task of 30 hours a month raises no finding")
			}
			if shown := labelsUnder(card.findings); !slices.Contains(shown, ruleName(model.RuleCode("OFF_LIST_BURDEN"), lng)) {
				t.Errorf("the task's card shows %q, not its finding", shown)
			}
			v.offList.confirm = yes
			test.Tap(findButton(t, v.CanvasObject(), words.Say(lng, remove)))
			if len(p.OffListTasksOf(f.a.ID)) != 0 {
				t.Error("task still there after delete")
			}
			// Office B has its own (empty) list.
			v.Select(f.b.ID)
			if len(v.offList.rows.rows) != 0 {
				t.Errorf("office B shows %d off-list cards", len(v.offList.rows.rows))
			}
		})
	}
}

func TestDetailIncidentsBurdensAndCoverage(t *testing.T) {
	for _, lng := range words.Languages {
		t.Run(lng, func(t *testing.T) {
			s, f, w := setupSmall(t, lng)
			p := s.Project()
			d := NewDetailPanel(s, w)
			w.SetContent(d.CanvasObject())

			d.Show(f.b.ID, f.d1.ID)
			if want := words.Say(lng, "editors.coverage.none", "Items", 1, "Office", f.b.KindWord()); d.coverage.Text != want {
				t.Errorf("office B coverage %q, want %q", d.coverage.Text, want)
			}
			d.Show(f.a.ID, f.d1.ID)
			sum := s.Result().Offices[f.a.ID]
			if want := words.Say(lng, "editors.coverage.line", "Index", words.Dec{Value: sum.Balance, Places: 2},
				"Assessed", 2, "Items", 2, "Office", f.a.KindWord()); d.coverage.Text != want {
				t.Errorf("office A coverage %q, want %q", d.coverage.Text, want)
			}

			edit(w, entryOf(t, d.assessment, "apps"), "7")
			edit(w, entryOf(t, d.assessment, "funds_transferred"), "2.5")
			if msgOf(t, d.assessment, "funds_held") == "" { // the model names the total
				t.Error("funds by source above the funds held: no message")
			}
			edit(w, entryOf(t, d.assessment, "funds_held"), "5")
			edit(w, entryOf(t, d.assessment, "funds_transferred"), "2.5")
			edit(w, entryOf(t, d.assessment, "veto_basis"), "regulation 12")
			a := p.Assessment(f.a.ID, f.d1.ID)
			if a.Apps != 7 || a.FundsTransferred != 2.5 || a.VetoBasis != "regulation 12" {
				t.Errorf("assessment after editing = %+v", a)
			}

			add, _ := actionKeys(model.KindIncident)
			test.Tap(findButton(t, d.CanvasObject(), words.Say(lng, add)))
			var got []*model.Incident
			for _, i := range p.Incidents {
				got = append(got, i)
			}
			if len(got) != 1 || got[0].Office != f.a.ID || got[0].Duty != f.d1.ID {
				t.Fatalf("incidents after Add: %+v", got)
			}
			if d.assessment.fieldByCode("incidents").label.Visible() {
				t.Error("the assessment's incident count is still offered beside incident records")
			}
			card := d.incidents.rows.rows[0]
			card.form.fieldByCode("tolerance").widget.(*widget.Check).SetChecked(true)
			card.form.fieldByCode("cause").widget.(*widget.Select).SetSelectedIndex(indexOf(model.IncidentCauses, model.CauseAuthority))
			if i := p.Incidents[got[0].ID]; !i.Tolerance || i.Cause != model.CauseAuthority {
				t.Errorf("incident after editing = %+v", i)
			}
			// Another item shows its own incidents.
			d.Show(f.a.ID, f.d2.ID)
			if len(d.incidents.rows.rows) != 0 || !d.assessment.fieldByCode("incidents").label.Visible() {
				t.Errorf("d2 shows %d incident cards, or hides its incident count", len(d.incidents.rows.rows))
			}
		})
	}
}

func TestDutyFormSubCategory(t *testing.T) {
	s, f, w := setupSmall(t, words.Zh)
	v := NewCatalogueView(s, w)
	w.SetContent(v.CanvasObject())
	v.Select(f.d1.ID)
	edit(w, entryOf(t, v.form, "sub_category"), "sub")
	if got := s.Project().Duties[f.d1.ID].SubCategory; got != "sub" {
		t.Errorf("subcategory = %q", got)
	}
	if _, sub := v.describe(f.d1.ID); !strings.Contains(sub, "c / sub") {
		t.Errorf("the duty's line in the list %q does not name its subcategory", sub)
	}
	v.search.SetText("sub")
	if !slices.Equal(v.list.ids, []model.ID{f.d1.ID}) {
		t.Errorf("searching the subcategory lists %v", v.list.ids)
	}
}

// TestEditorsWaitWhileHidden: an editor off screen is not refreshed by
// an edit made elsewhere, and catches up when shown.
func TestEditorsWaitWhileHidden(t *testing.T) {
	s, f, w := setupSmall(t, words.Zh)
	on := false
	onScreen := func() bool { return on }
	offices := NewOfficesView(s, w)
	catalogue := NewCatalogueView(s, w)
	admission := NewAdmissionView(s, w)
	pages := NewAuthorityPages(s, w, "catalogue", "holdings")
	for _, v := range []interface{ SetOnScreen(func() bool) }{offices, catalogue, admission, pages} {
		v.SetOnScreen(onScreen)
	}
	pages.holdings.office = f.a.ID
	listed := func() []int {
		return []int{len(offices.list.ids), len(catalogue.list.ids), len(admission.list.ids),
			len(pages.catalogue.list.ids), len(pages.holdings.rows.rows)}
	}
	before := listed()

	o := &model.Office{Meta: model.NewMeta("tester"), Name: "C", Kind: model.OfficeStreet}
	d := &model.Duty{Meta: model.NewMeta("tester"), Name: "d3", Category: "c", Kind: model.ListBasic}
	q := &model.Proposal{Meta: model.NewMeta("tester"), Department: "dept", Name: "q3"}
	au := &model.Authority{Meta: model.NewMeta("tester"), Name: "a2", Type: model.AuthorityTypes[0]}
	p := s.Project()
	if err := s.Commit("add", p.Put(o), p.Put(d), p.Put(q), p.Put(au)); err != nil {
		t.Fatal(err)
	}
	if got := listed(); !slices.Equal(got, before) {
		t.Fatalf("hidden editors refreshed: %v, were %v", got, before)
	}
	on = true
	offices.Shown()
	catalogue.Shown()
	admission.Shown()
	pages.Shown() // the catalogue tab is the one selected
	got := listed()
	if want := []int{before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1, before[4]}; !slices.Equal(got, want) {
		t.Errorf("after Shown: %v, want %v (holdings wait for their own tab)", got, want)
	}
	pages.tabs.SelectIndex(1)
	if n := len(pages.holdings.rows.rows); n != before[4]+1 {
		t.Errorf("holdings rows after their tab is shown: %d, want %d", n, before[4]+1)
	}
}

// labelsUnder lists the texts of the labels under o.
func labelsUnder(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return slices.DeleteFunc(out, func(s string) bool { return strings.TrimSpace(s) == "" })
}
