package sheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
)

func demoProject(t testing.TB) *model.Project {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// workbookKinds are the workbooks the exporter writes, with whether their
// data sheet holds the assessments and holdings.
var workbookKinds = []struct {
	name  string
	write func(w *bytes.Buffer, p *model.Project, r *model.Result, office, lang string) error
	facts bool
}{
	{workbookMatrix, func(w *bytes.Buffer, p *model.Project, r *model.Result, o, l string) error {
		return WriteXLSX(w, p, r, o, l)
	}, true},
	{workbookLists, func(w *bytes.Buffer, p *model.Project, r *model.Result, o, l string) error {
		return WriteListsXLSX(w, p, r, o, l)
	}, false},
}

// writeTemp writes an exported workbook to a file and returns its path.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sameRecords compares two projects record by record: every field of
// every record of every kind (offices, duties, authorities, holdings,
// assessments, decisions, meetings …), the project's info and settings.
func sameRecords(t *testing.T, what string, got, want *model.Project) {
	t.Helper()
	for _, k := range model.Kinds() {
		g, w := byIdentity(got, k), byIdentity(want, k)
		if len(g) != len(w) {
			t.Errorf("%s: %d %s records, want %d", what, len(g), k, len(w))
		}
		bad := 0
		for id, we := range w {
			if ge, ok := g[id]; !ok || !reflect.DeepEqual(ge, we) {
				if bad++; bad <= 3 {
					t.Errorf("%s: %s %v is %+v, want %+v", what, k, id, ge, we)
				}
			}
		}
	}
}

func byIdentity(p *model.Project, k model.EntityKind) map[model.Identity]model.Entity {
	m := map[model.Identity]model.Entity{}
	for e := range p.All(k) {
		m[e.Identity()] = e
	}
	return m
}

// Every workbook exported — matrix and lists, whole project and one
// office, in both languages — imports back as the records it holds, with
// their identities: counts and every field of duties, assessments,
// holdings and decisions.
func TestWorkbookRoundTrip(t *testing.T) {
	p := demoProject(t)
	res := model.Analyze(p)
	one := p.OfficeList()[0]
	for _, k := range workbookKinds {
		for _, office := range []string{"", one.Name} {
			for _, lang := range words.Languages {
				what := fmt.Sprintf("%s %s office=%q", k.name, lang, office)
				var buf bytes.Buffer
				if err := k.write(&buf, p, res, office, lang); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				path := writeTemp(t, "x.xlsx", buf.Bytes())
				if !IsProjectFile(path) {
					t.Fatalf("%s: not recognised as a project workbook", what)
				}
				got, err := ReadProjectFile(path)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				offices := p.OfficeList()
				if office != "" {
					offices = []*model.Office{one}
				}
				want := subsetOf(p, offices, office != "", k.facts)
				sameRecords(t, what, got, want)
				if office == "" {
					if k.facts && (len(got.Assessments) != len(p.Assessments) || len(got.Holdings) != len(p.Holdings)) {
						t.Errorf("%s: %d assessments, %d holdings; the project has %d, %d", what,
							len(got.Assessments), len(got.Holdings), len(p.Assessments), len(p.Holdings))
					}
					if len(got.Duties) != len(p.Duties) || len(got.Decisions) != len(p.Decisions) {
						t.Errorf("%s: %d duties, %d decisions; the project has %d, %d", what,
							len(got.Duties), len(got.Decisions), len(p.Duties), len(p.Decisions))
					}
				}
			}
		}
	}
}

// listDuty is what the published lists show of a duty.
type listDuty struct {
	kind                                             model.ListKind
	seq                                              int
	name, sub, cat, basis, lead, support, higher     string
	officeDuty, receiving, method, notes, scopeNames string
}

func listDutyOf(p *model.Project, d *model.Duty) listDuty {
	var names []string
	for _, id := range d.Scope {
		names = append(names, p.Offices[id].Name)
	}
	sort.Strings(names)
	return listDuty{d.Kind, d.Seq, d.Name, d.SubItem, d.Category, d.LegalBasis, d.LeadDept, d.SupportDepts, d.HigherDeptDuty,
		d.OfficeDuty, d.ReceivingDept, d.WorkingMethod, d.Notes, strings.Join(names, ",")}
}

func listDutiesOf(p *model.Project, ds []*model.Duty) []listDuty {
	var out []listDuty
	for _, d := range ds {
		out = append(out, listDutyOf(p, d))
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

// The three lists alone — read as any published list is, the data sheet
// left out — import into a new project as the same duties, every field
// the lists show and the offices each is limited to; the decisions,
// by-rule and data sheets are recognised and skipped with a note.
func TestListsImportAsTheSameDuties(t *testing.T) {
	p := demoProject(t)
	// What the demo lacks: a name a spreadsheet would take for a formula,
	// a sub-item and notes, a duty limited to two offices.
	ds, offices := p.DutyList(), p.OfficeList()
	ds[0].Name = "=1+1 " + ds[0].Name
	ds[len(ds)-1].SubItem, ds[len(ds)-1].Notes = "子项甲", "备注乙"
	ds[1].Scope = []model.ID{offices[0].ID, offices[2].ID}
	res := model.Analyze(p)
	one := p.OfficeList()[1]
	for _, lang := range words.Languages {
		for _, office := range []string{"", one.Name} {
			var buf bytes.Buffer
			if err := WriteListsXLSX(&buf, p, res, office, lang); err != nil {
				t.Fatal(err)
			}
			tables, err := Read("lists.xlsx", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			q := model.NewProject("new", "", "t")
			pl := NewPlan(q, Prepare(tables), Options{Office: office})
			if !pl.Report.OK() {
				var b strings.Builder
				_ = pl.Report.WriteText(&b, lang, false)
				t.Fatalf("%s %q: rows rejected\n%s", lang, office, b.String())
			}
			q = applied(q, pl)
			want := p.DutyList()
			if office != "" {
				want = p.DutiesOf(one.ID)
			}
			got := listDutiesOf(q, q.DutyList())
			exp := listDutiesOf(p, want)
			if office != "" { // imported for the office: each duty is limited to it
				for i := range exp {
					exp[i].scopeNames = one.Name
				}
			}
			if len(got) != len(exp) {
				t.Fatalf("%s %q: %d duties, want %d", lang, office, len(got), len(exp))
			}
			for i := range exp {
				if got[i] != exp[i] {
					t.Errorf("%s %q: duty\n %+v, want\n %+v", lang, office, got[i], exp[i])
				}
			}
			skipped := map[string]string{}
			for _, e := range pl.Report.Entries {
				if e.Status == StatusSkipped && e.Row == 0 {
					skipped[e.Sheet] = e.Reason.In(lang)
				}
			}
			for _, sheet := range []string{words.Say(lang, "sheet.name.decisions"), words.Say(lang, "sheet.name.by_rule"), dataSheetName} {
				if skipped[sheet] == "" {
					t.Errorf("%s %q: sheet %s not skipped with a note (skipped: %v)", lang, office, sheet, skipped)
				}
			}
		}
	}
}

// The matrix workbook read as lists: its summary, findings, decisions,
// legend and data sheets are skipped with a note, never taken for duties;
// the office sheets give the catalogue's duties.
func TestMatrixAnalysisSheetsSkipped(t *testing.T) {
	p := demoProject(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, p, model.Analyze(p), "", "zh"); err != nil {
		t.Fatal(err)
	}
	_, pl := importExport(t, "m.xlsx", buf.Bytes())
	if n := pl.Report.Count(StatusImported); n != len(p.Duties) {
		t.Errorf("imported %d duties, want %d", n, len(p.Duties))
	}
	skipped := map[string]bool{}
	for _, e := range pl.Report.Entries {
		if e.Status == StatusSkipped && e.Row == 0 && !e.Reason.IsZero() {
			skipped[e.Sheet] = true
		}
		if e.Status == StatusImported {
			for _, s := range []string{"汇总", "错配清单", "处理意见清单", "图例", dataSheetName} {
				if e.Sheet == s {
					t.Errorf("a duty imported from sheet %s, row %d: %q", s, e.Row, e.Duty)
				}
			}
		}
	}
	for _, s := range []string{"汇总", "错配清单", "处理意见清单", "图例", dataSheetName} {
		if !skipped[s] {
			t.Errorf("sheet %s not skipped with a note", s)
		}
	}
}

// Findings beyond a sheet's rows go on in further sheets, each with the
// header; so does the data sheet, and the workbook still reads back whole.
func TestFindingsContinueOnFurtherSheets(t *testing.T) {
	defer func(n int) { sheetRowLimit = n }(sheetRowLimit)
	sheetRowLimit = 20
	p := demoProject(t)
	res := model.Analyze(p)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, p, res, "", "zh"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, sheets, dataSheets := 0, 0, 0
	for _, s := range f.GetSheetList() {
		if isDataSheet(s) {
			dataSheets++
		}
		if continued(s) != "错配清单" {
			continue
		}
		sheets++
		rs, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) > sheetRowLimit || len(rs) < 2 || rs[0][0] != "严重程度" {
			t.Errorf("sheet %s: %d rows, header %q", s, len(rs), rs[0])
		}
		rows += len(rs) - 1
	}
	if want := res.FindingCount(); rows != want || sheets != (want+sheetRowLimit-2)/(sheetRowLimit-1) {
		t.Errorf("%d findings on %d sheets, want %d findings on %d", rows, sheets, want, (want+sheetRowLimit-2)/(sheetRowLimit-1))
	}
	if dataSheets < 2 {
		t.Errorf("data on %d sheets", dataSheets)
	}
	got, err := ReadProjectFile(writeTemp(t, "c.xlsx", buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sameRecords(t, "continued", got, p)
}

// Numbers show as the screen shows them: counts and sequence numbers as
// integers ("3", never "3." or "3.00"), quantities without trailing zeros,
// coverages as percentages. Every number's format is a built-in one.
func TestNumberFormats(t *testing.T) {
	p := exportProject()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, p, model.Analyze(p), "", "zh"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format := func(sheet, cell string) (int, string) {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		custom := ""
		if st.CustomNumFmt != nil {
			custom = *st.CustomNumFmt
		}
		v, _ := f.GetCellValue(sheet, cell)
		return st.NumFmt, custom + "|" + v
	}
	rows, _ := f.GetRows("东华门街道")
	col := func(name string) int {
		for i, h := range rows[3] {
			if h == name {
				return i + 1
			}
		}
		t.Fatalf("no column %s", name)
		return 0
	}
	tests := []struct {
		sheet, cell string
		numFmt      int
		shown       string
	}{
		{"东华门街道", "A5", numFmtInteger, "|1"},                         // 序号
		{"东华门街道", cellName(col("需要人力"), 5), numFmtGeneral, "|3"},     // a quantity that is whole
		{"东华门街道", cellName(col("实有经费（万元）"), 5), numFmtGeneral, "|5"}, // likewise
		{"汇总", "B5", numFmtInteger, "|2"},                            // 事项数
		{"汇总", "E5", numFmtIndex, ""},                                // the balance index, two places as on screen
	}
	for _, tt := range tests {
		n, shown := format(tt.sheet, tt.cell)
		if n != tt.numFmt || (tt.shown != "" && shown != tt.shown) {
			t.Errorf("%s!%s: format %d, shown %q; want %d, %q", tt.sheet, tt.cell, n, shown, tt.numFmt, tt.shown)
		}
	}
	// No cell anywhere has a custom format such as "0.##", which shows 3 as "3.".
	for _, s := range f.GetSheetList() {
		rs, _ := f.GetRows(s)
		for r, row := range rs {
			for c := range row {
				_, shown := format(s, cellName(c+1, r+1))
				if custom, _, _ := strings.Cut(shown, "|"); custom != "" {
					t.Errorf("%s!%s has custom format %q", s, cellName(c+1, r+1), custom)
				}
			}
		}
	}
}

// Every printed sheet is landscape, one page wide, repeats its header
// rows, carries the title block in its page header and footer and numbers
// its pages; the document properties name the project and who prepared
// it; the data sheet is hidden.
func TestPrintSetup(t *testing.T) {
	p := demoProject(t)
	p.Info.Organization, p.Info.Marking, p.Info.Version = "临江区委编办", "内部资料 注意保存", "征求意见稿"
	p.Info.DataCutoff, p.Info.DocNumber = "2026-03-31", "临编〔2026〕1号"
	for _, k := range workbookKinds {
		var buf bytes.Buffer
		if err := k.write(&buf, p, model.Analyze(p), "", "zh"); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo
			}
		}
		for _, s := range f.GetSheetList() {
			visible, _ := f.GetSheetVisible(s)
			if isDataSheet(s) {
				if visible {
					t.Errorf("%s: data sheet %s visible", k.name, s)
				}
				continue
			}
			pl, err := f.GetPageLayout(s)
			if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
				t.Errorf("%s %s: page layout %+v %v", k.name, s, pl, err)
			}
			hf, err := f.GetHeaderFooter(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []struct{ where, text string }{{hf.OddFooter, "&P"}, {hf.OddFooter, "&N"},
				{hf.OddFooter, "数据截止：2026-03-31"}, {hf.OddFooter, "临编〔2026〕1号"},
				{hf.OddHeader, "临江区委编办"}, {hf.OddHeader, "内部资料 注意保存"}, {hf.OddHeader, "征求意见稿"}} {
				if !strings.Contains(want.where, want.text) {
					t.Errorf("%s %s: %q not in the page header/footer %+v", k.name, s, want.text, hf)
				}
			}
			legend := s == "图例"
			if titles[s] == "" && !legend {
				t.Errorf("%s %s: no rows repeated on printed pages", k.name, s)
			}
		}
		props, err := f.GetDocProps()
		if err != nil || props.Title != p.Info.Name || props.Creator != p.Info.Author || props.ContentStatus != "征求意见稿" {
			t.Errorf("%s: document properties %+v %v", k.name, props, err)
		}
		app, err := f.GetAppProps()
		if err != nil || app.Company != "临江区委编办" {
			t.Errorf("%s: application properties %+v %v", k.name, app, err)
		}
		if k.name == workbookLists {
			if v, _ := f.GetCellValue("基本履职事项清单", "A2"); !strings.Contains(v, "编制单位：临江区委编办") || !strings.Contains(v, "数据截止：2026-03-31") {
				t.Errorf("lists: particulars %q", v)
			}
		}
		f.Close()
	}
}

// A data sheet edited by hand — a record's row deleted, a record
// repeated, garbage JSON — is refused with a message naming the sheet and
// row, never imported in part.
func TestDataSheetDamage(t *testing.T) {
	p := exportProject()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, p, model.Analyze(p), "", "zh"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"row deleted", func(f *excelize.File) { _ = f.RemoveRow(dataSheetName, 5) }, "应有"},
		{"garbage", func(f *excelize.File) { _ = f.SetCellStr(dataSheetName, "B4", "{not json") }, "第 4 行无法读取"},
		{"unknown kind", func(f *excelize.File) { _ = f.SetCellStr(dataSheetName, "A4", "widget") }, "未知的记录类型"},
		{"repeated", func(f *excelize.File) {
			v, _ := f.GetCellValue(dataSheetName, "B4")
			_ = f.SetCellStr(dataSheetName, "B5", v)
			k, _ := f.GetCellValue(dataSheetName, "A4")
			_ = f.SetCellStr(dataSheetName, "A5", k)
		}, "记录重复"},
	}
	for _, tt := range tests {
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		tt.edit(f)
		var out bytes.Buffer
		if err := f.Write(&out); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadProjectFile(writeTemp(t, "d.xlsx", out.Bytes()))
		fe, ok := err.(*FileError)
		if !ok || !strings.Contains(fe.In("zh"), tt.want) {
			t.Errorf("%s: %v, want a message with %q", tt.name, err, tt.want)
		}
	}
	// A workbook that is not ours has no project data.
	if _, err := ReadProjectFile(filepath.Join("testdata", "quirks.xlsx")); err != ErrNoProjectData {
		t.Errorf("quirks.xlsx: %v", err)
	}
}

// A workbook's project merged into the project it came from adds nothing
// and, replacing, changes nothing; merged into an empty one it adds every
// record it holds.
func TestMergeWorkbookProject(t *testing.T) {
	p := demoProject(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, p, model.Analyze(p), "", "zh"); err != nil {
		t.Fatal(err)
	}
	q, err := ReadProjectFile(writeTemp(t, "m.xlsx", buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if _, added, replaced, kept := MergeChanges(p, q, false); added != 0 || replaced != 0 || kept == 0 {
		t.Errorf("into its source: added %d, replaced %d, kept %d", added, replaced, kept)
	}
	changes, added, _, _ := MergeChanges(p, q, true)
	r := p.Clone()
	for _, c := range changes {
		r.Apply(c)
	}
	sameRecords(t, "replaced", r, p)
	if added != 0 {
		t.Errorf("replacing added %d", added)
	}
	empty := model.NewProject("new", "", "t")
	changes, added, _, _ = MergeChanges(empty, q, false)
	n := 0
	for _, k := range model.Kinds() {
		if k != model.KindInfo && k != model.KindSettings {
			for range p.All(k) {
				n++
			}
		}
	}
	if added != n || len(changes) != n {
		t.Errorf("into an empty project: %d added, %d changes; the workbook holds %d records", added, len(changes), n)
	}
}

// The CSV export, one row per office and duty, imports into a new project
// as the catalogue it came from: each duty once, limited to the offices
// whose lists it is in, or to none when it is in every office's list.
func TestCSVImportsAsTheCatalogue(t *testing.T) {
	p := demoProject(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, p, model.Analyze(p), "", "zh"); err != nil {
		t.Fatal(err)
	}
	q, _ := importExport(t, "m.csv", buf.Bytes())
	key := func(p *model.Project, d *model.Duty) string {
		var names []string
		for _, id := range d.Scope {
			names = append(names, p.Offices[id].Name)
		}
		sort.Strings(names)
		return fmt.Sprint(d.Kind, d.Seq, d.Title(), d.Category, names)
	}
	var got, want []string
	for _, d := range q.Duties {
		got = append(got, key(q, d))
	}
	for _, d := range p.Duties {
		want = append(want, key(p, d))
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d duties, want %d; first: %v / %v", len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
	}
}

// importExport imports an exported file as lists into a new project; no
// row may be rejected.
func importExport(t *testing.T, name string, data []byte) (*model.Project, *Plan) {
	t.Helper()
	tables, err := Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	q := model.NewProject("new", "", "t")
	pl := NewPlan(q, Prepare(tables), Options{})
	if !pl.Report.OK() {
		var b strings.Builder
		_ = pl.Report.WriteText(&b, "zh", false)
		t.Fatalf("%s: rows rejected\n%s", name, b.String())
	}
	return applied(q, pl), pl
}
