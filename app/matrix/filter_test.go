package matrix

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
)

func TestSelectFilters(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	rows := Build(s.Project(), s.Result(), model.NilID)
	if len(rows.All) == 0 {
		t.Fatal("no rows")
	}
	anyFinding := func(r *Row) bool { return len(r.Findings()) > 0 }
	cases := []struct {
		name string
		f    Filter
		keep func(r *Row) bool
	}{
		{"category", Filter{Category: "城市管理"}, func(r *Row) bool { return r.Duty.Category == "城市管理" }},
		{"kind", Filter{Kind: model.ListSupporting}, func(r *Row) bool { return r.Duty.Kind == model.ListSupporting }},
		{"rule", Filter{Rule: model.RuleAuthorityGap}, func(r *Row) bool {
			for _, f := range r.Findings() {
				if f.Rule == model.RuleAuthorityGap {
					return true
				}
			}
			return false
		}},
		{"serious or worse", Filter{Severity: model.SevSerious}, func(r *Row) bool { return r.Worst() >= model.SevSerious }},
		{"no findings", Filter{Severity: NoFindings}, func(r *Row) bool { return !anyFinding(r) }},
		{"office name", Filter{Text: rows.All[0].Office.Name}, func(r *Row) bool { return r.Office.ID == rows.All[0].Office.ID }},
		{"two words", Filter{Text: " 安全  检查 "}, func(r *Row) bool {
			return strings.Contains(r.searchDuty, "安全") && strings.Contains(r.searchDuty, "检查")
		}},
		{"nothing", Filter{Text: "没有这样的事项"}, func(*Row) bool { return false }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := rows.Select(c.f)
			want := 0
			for i := range rows.All {
				if c.keep(&rows.All[i]) {
					want++
				}
			}
			if len(got) != want {
				t.Fatalf("%d rows, want %d", len(got), want)
			}
			for _, i := range got {
				if !c.keep(&rows.All[i]) {
					t.Errorf("let through %s / %s", rows.All[i].Office.Name, rows.All[i].Duty.Name)
				}
			}
		})
	}
}

func TestHeaderTapSortsAscendingDescendingThenListOrder(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	s.SetOffice(s.Project().OfficeList()[0].ID)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	col := -1
	for i, c := range v.cols {
		if c.key == "gap" {
			col = i
		}
	}
	h := newHeaderCell(v.sortBy)
	v.updateHeader(cellID(col), h)
	gaps := func() []float64 {
		var out []float64
		for _, r := range v.Rows() {
			out = append(out, gap(r))
		}
		return out
	}
	sorted := func(xs []float64, asc bool) bool {
		for i := 1; i < len(xs); i++ {
			if (asc && xs[i] < xs[i-1]) || (!asc && xs[i] > xs[i-1]) {
				return false
			}
		}
		return true
	}
	test.Tap(h)
	if !sorted(gaps(), true) {
		t.Errorf("first tap: gaps not ascending")
	}
	if v.updateHeader(cellID(col), h); h.arrow != "▲" {
		t.Errorf("header arrow %q after first tap", h.arrow)
	}
	test.Tap(h)
	if !sorted(gaps(), false) {
		t.Errorf("second tap: gaps not descending")
	}
	test.Tap(h)
	for i, r := range v.Rows() {
		if r.order != i {
			t.Fatalf("third tap: row %d is %s, want list order back", i, r.Duty.Name)
		}
	}
}

func TestEveryOfficeHasOfficeColumnAndShowRequest(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	if v.cols[0].key != "office" || v.table.StickyColumnCount != 2 {
		t.Fatalf("every office: first column %q, sticky %d; want office and duty stuck", v.cols[0].key, v.table.StickyColumnCount)
	}
	want := 0
	for _, o := range s.Project().Offices {
		want += len(s.Project().DutiesOf(o.ID))
	}
	if len(v.Rows()) != want {
		t.Fatalf("%d rows, want one per (office, duty) = %d", len(v.Rows()), want)
	}

	// The heat map's click: an office, a category, a rule.
	office := s.Project().OfficeList()[1]
	s.ShowMatrixRequest(session.MatrixRequest{Office: office.ID, Category: "平安建设", Rule: model.RuleAccountabilityTrap})
	if v.cols[0].key == "office" || v.table.StickyColumnCount != 1 {
		t.Errorf("one office: office column still shown")
	}
	f := v.Filter()
	if f.Category != "平安建设" || f.Rule != model.RuleAccountabilityTrap || v.bar.category.Selected != "平安建设" {
		t.Errorf("filter after the request = %+v, category select %q", f, v.bar.category.Selected)
	}
	for _, r := range v.Rows() {
		if r.Office.ID != office.ID || r.Duty.Category != "平安建设" || r.SeverityOf(model.RuleAccountabilityTrap) == 0 {
			t.Errorf("row %s / %s does not match the request", r.Office.Name, r.Duty.Name)
		}
	}

	// Jump to one duty: it is selected and its panel opens.
	duty := s.Project().DutiesOf(office.ID)[3]
	s.ShowMatrix(office.ID, "", duty.ID)
	if o, d := v.Detail().Shown(); o != office.ID || d != duty.ID {
		t.Errorf("ShowMatrix with a duty: panel shows %v/%v", o, d)
	}
	v.CloseDetail()
	if _, d := v.Detail().Shown(); d != model.NilID {
		t.Errorf("panel still shows a duty after closing")
	}
}

func TestColumnWidthsAreRemembered(t *testing.T) {
	a := newTestApp(t)
	s, _, _ := openDemo(t)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	// What a drag of the duty column's edge leaves behind.
	v.table.SetColumnWidth(1, 420)
	v.table.DragEnd()
	if got := a.Preferences().Float(widthPrefix + "duty"); got != 420 {
		t.Fatalf("remembered duty width %v, want 420", got)
	}
	v2 := New(s, w, nil)
	if got := columnWidths(&v2.table.Table)[1]; got != 420 {
		t.Errorf("a new matrix draws the duty column %v wide, want the remembered 420", got)
	}
}

func TestFitCutsWithEllipsis(t *testing.T) {
	newTestApp(t)
	size := float32(14)
	long := "组织开展辖区安全生产隐患排查，督促生产经营单位落实主体责任"
	w := fyne.MeasureText("组织开展辖区", size, fyne.TextStyle{}).Width + fyne.MeasureText("…", size, fyne.TextStyle{}).Width
	cases := []struct {
		text  string
		width float32
		want  string
	}{
		{long, 10000, long},
		{long, w + 1, "组织开展辖区…"},
		{long, 1, ""},
		{"", 50, ""},
	}
	for _, c := range cases {
		if got := fit(c.text, c.width, size, fyne.TextStyle{}); got != c.want {
			t.Errorf("fit(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestSplitHeaderTitle(t *testing.T) {
	newTestApp(t)
	size := float32(14)
	bold := fyne.TextStyle{Bold: true}
	w := func(s string) float32 { return fyne.MeasureText(s, size, bold).Width }
	cases := []struct {
		text        string
		width       float32
		first, rest string
	}{
		{"权限覆盖 A", 1000, "权限覆盖 A", ""},
		{"派出机构考核和人事任免建议权", w("派出机构考核") + 1, "派出机构考核", "和人事任免建议权"},
		{"Actual role", w("Actual ro") + 1, "Actual", "role"},
		{"Hours / month", w("Hours / mo") + 1, "Hours /", "month"},
		{"一票否决", w("一票否") + 1, "一票", "否决"},
		{"被问责次数", w("被问责") + 1, "被问责", "次数"},
	}
	for _, c := range cases {
		first, rest := split(c.text, c.width, size, bold)
		if first != c.first || rest != c.rest {
			t.Errorf("split(%q) = %q + %q, want %q + %q", c.text, first, rest, c.first, c.rest)
		}
	}
}

func TestPresentationScaleWidensColumns(t *testing.T) {
	a := newTestApp(t)
	s, _, _ := openDemo(t)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	before := columnWidths(&v.table.Table)[1]
	a.Settings().SetTheme(theme.New(theme.VariantLight, 1.5))
	s.Changed() // as the window tells its views
	if after := columnWidths(&v.table.Table)[1]; after != before*1.5 {
		t.Errorf("duty column %v wide at scale 1.5, want %v", after, before*1.5)
	}
}

func TestFindFocusesSearch(t *testing.T) {
	newTestApp(t)
	s, _, _ := openDemo(t)
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	v.Find()
	if w.Canvas().Focused() != v.bar.search {
		t.Fatalf("Find focused %v, want the search box", w.Canvas().Focused())
	}
	test.Type(v.bar.search, "燃气")
	if v.Filter().Text != "燃气" || len(v.Rows()) == 0 {
		t.Errorf("typing after Find: filter %q, %d rows", v.Filter().Text, len(v.Rows()))
	}
}

func TestEmptyProject(t *testing.T) {
	newTestApp(t)
	s := newMemSession(model.NewProject("空", "区", "tester"))
	w := test.NewWindow(nil)
	defer w.Close()
	v := New(s, w, nil)
	w.SetContent(v.CanvasObject())
	w.Resize(fyne.NewSize(800, 600))
	if len(v.Rows()) != 0 || len(v.rows.Authorities) != 0 {
		t.Fatalf("empty project has rows or authority columns")
	}
	v.SetFilter("平安建设", model.NewID())
	v.SortBy("gap", false)
	w.Canvas().Capture() // draws without panicking
}

func TestBothLanguages(t *testing.T) {
	cases := []struct {
		locale                    string
		duty, kind, rule, allCats string
	}{
		{"zh-Hans", "职责事项", "配合履职", "有责无权", "全部类别"},
		{"en", "Duty", "Supporting", "Duty without power", "All categories"},
	}
	for _, c := range cases {
		t.Run(c.locale, func(t *testing.T) {
			newTestApp(t)
			useLanguage(t, c.locale)
			defer useChinese(t)
			s, _, _ := openDemo(t)
			s.SetOffice(s.Project().OfficeList()[0].ID)
			w := test.NewWindow(nil)
			defer w.Close()
			v := New(s, w, nil)
			if v.cols[0].title != c.duty {
				t.Errorf("first column %q, want %q", v.cols[0].title, c.duty)
			}
			if got := v.bar.category.Options[0]; got != c.allCats {
				t.Errorf("category filter starts with %q, want %q", got, c.allCats)
			}
			if !slices.Contains(v.bar.kind.Options, c.kind) || !slices.Contains(v.bar.rule.Options, c.rule) {
				t.Errorf("kind options %v / rule options %v lack %q / %q", v.bar.kind.Options, v.bar.rule.Options, c.kind, c.rule)
			}
		})
	}
}
