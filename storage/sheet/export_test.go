package sheet

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// exportProject has two offices, three authorities held in every way, an
// assessed duty and an unassessed one scoped to one office.
func exportProject() *model.Project {
	p := model.NewProject("测试区工作底稿", "测试区", "tester")
	o := &model.Office{Meta: model.NewMeta("tester"), Name: "东华门街道", Kind: model.OfficeStreet}
	o2 := &model.Office{Meta: model.NewMeta("tester"), Name: "某某镇", Kind: model.OfficeTownship}
	pen := &model.Authority{Meta: model.NewMeta("tester"), Name: "行政处罚", Type: model.AuthPenalty}
	chk := &model.Authority{Meta: model.NewMeta("tester"), Name: "行政检查", Type: model.AuthInspection}
	plan := &model.Authority{Meta: model.NewMeta("tester"), Name: "规划参与权", Type: model.AuthStreetPower}
	d1 := &model.Duty{Meta: model.NewMeta("tester"), Seq: 1, Name: "违法建设巡查", Category: "城市管理", Kind: model.ListBasic,
		Required: []model.ID{pen.ID, chk.ID, plan.ID}}
	d2 := &model.Duty{Meta: model.NewMeta("tester"), Seq: 2, Name: "配合禁毒宣传", Category: "平安建设", Kind: model.ListSupporting,
		Scope: []model.ID{o.ID}}
	p.Offices[o.ID], p.Offices[o2.ID] = o, o2
	for _, a := range []*model.Authority{pen, chk, plan} {
		p.Authorities[a.ID] = a
	}
	p.Duties[d1.ID], p.Duties[d2.ID] = d1, d2
	for _, h := range []*model.Holding{
		{Meta: model.NewMeta("tester"), Office: o.ID, Authority: chk.ID, DeJure: true, DeFacto: model.LevelFull},
		{Meta: model.NewMeta("tester"), Office: o.ID, Authority: plan.ID, DeJure: true, DeFacto: model.LevelNone},
	} {
		p.Holdings[h.Key()] = h
	}
	a := &model.Assessment{Meta: model.NewMeta("tester"), Office: o.ID, Duty: d1.ID, Role: model.RoleLead, Veto: true, Incidents: 3,
		HoursPerMonth: 60, FormalismHours: 30, ReportsPerMonth: 12, StaffNeeded: 3, StaffHeld: 1, FundsNeeded: 20, FundsHeld: 5}
	p.Assessments[a.Key()] = a
	return p
}

// Every recognition list the importer reads is in the catalogue in both
// languages, and no header text is claimed by two fields.
func TestVocabularyIsCompleteAndUnambiguous(t *testing.T) {
	v := recognise()
	if len(v.missing) > 0 {
		t.Errorf("catalogue lacks %v", v.missing)
	}
	if len(v.conflicts) > 0 {
		t.Errorf("header texts claimed by two fields: %v", v.conflicts)
	}
}

// The importer reads the exporter's headers and the field names in both
// languages as the fields they name.
func TestExportHeadersReadBack(t *testing.T) {
	for _, lang := range words.Languages {
		for _, c := range importableColumns {
			if f, exact := matchHeader(c.name.In(lang)); f != c.field || !exact {
				t.Errorf("%s: header %q reads as %v (exact %v), want %v", lang, c.name.In(lang), f, exact, c.field)
			}
		}
		for _, f := range Fields[1:] {
			if got, exact := matchHeader(f.Name().In(lang)); got != f || !exact {
				t.Errorf("%s: field name %q reads as %v (exact %v)", lang, f.Name().In(lang), got, exact)
			}
		}
	}
	// Latin words are matched whole: "Resource coverage S" is no Source.
	if f, _ := matchHeader("Resource coverage S"); f != FieldNone {
		t.Errorf("Resource coverage S reads as %v", f)
	}
}

// A matrix exported in either language imports back into an empty
// project as the same duties, list kinds and categories; the CSV, which
// names the office on every row, as the same offices too: a duty of every
// office's list applies to all, one of one office's list to that office.
func TestExportImportRoundTrip(t *testing.T) {
	src := exportProject()
	res := model.Analyze(src)
	type duty struct{ office, name, cat, kind string }
	wantCSV := []duty{{"东华门街道", "配合禁毒宣传", "平安建设", "supporting"}, {"", "违法建设巡查", "城市管理", "basic"}}
	wantXLSX := []duty{{"", "违法建设巡查", "城市管理", "basic"}, {"", "配合禁毒宣传", "平安建设", "supporting"}}
	for _, lang := range words.Languages {
		for _, format := range []string{"csv", "xlsx"} {
			var buf bytes.Buffer
			write, want := WriteCSV, wantCSV
			if format == "xlsx" {
				write, want = WriteXLSX, wantXLSX
			}
			if err := write(&buf, src, res, "", lang); err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			tables, err := Read("m."+format, buf.Bytes())
			if err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			p := model.NewProject("x", "", "t")
			pl := NewPlan(p, Prepare(tables), Options{})
			if !pl.Report.OK() {
				var b strings.Builder
				_ = pl.Report.WriteText(&b, lang, false)
				t.Fatalf("%s %s: rows rejected\n%s", lang, format, b.String())
			}
			q := applied(p, pl)
			var got []duty
			for _, d := range q.Duties {
				office := ""
				if len(d.Scope) == 1 {
					office = q.Offices[d.Scope[0]].Name
				}
				got = append(got, duty{office, d.Name, d.Category, d.Kind.Code()})
			}
			sort.Slice(got, func(i, j int) bool { return got[i].office+got[i].name < got[j].office+got[j].name })
			if len(got) != len(want) {
				t.Fatalf("%s %s: imported %v, want %v", lang, format, got, want)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("%s %s: duty %d is %v, want %v", lang, format, i, got[i], want[i])
				}
			}
		}
	}
}

// The workbook is worded in one language throughout and reads its
// colours from the palette: marks, the worst finding, the heat map.
func TestWorkbookWordsAndColours(t *testing.T) {
	p := exportProject()
	tests := []struct {
		lang                                      string
		sheets                                    string
		role, accountability, index, heat, legend string
	}{
		{"zh", "汇总,东华门街道,某某镇,错配清单,处理意见清单,图例," + dataSheetName, "牵头", "一票否决；问责 3 次", "责权利平衡指数", "缺口率 ΣG/ΣW：各街道（乡镇）× 事项类别", "实际持有"},
		{"en", "Summary,东华门街道,某某镇,Findings,Decisions,Legend," + dataSheetName, "Lead", "veto item; held accountable 3 times", "Balance index", "Gap ratio ΣG/ΣW by office and category", "Held"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, p, model.Analyze(p), "", tt.lang); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		if got := strings.Join(sheets, ","); got != tt.sheets {
			t.Fatalf("%s: sheets %s, want %s", tt.lang, got, tt.sheets)
		}
		all := func(sheet string) string {
			rows, _ := f.GetRows(sheet)
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(r, "|") + "\n")
			}
			return b.String()
		}
		office, summary, legend := all(sheets[1]), all(sheets[0]), all(sheets[5])
		for _, want := range []struct{ where, text string }{{office, tt.role}, {office, tt.accountability}, {summary, tt.index},
			{summary, tt.heat}, {legend, tt.legend}, {legend, tt.index}, {office, tt.legend}} {
			if !strings.Contains(want.where, want.text) {
				t.Errorf("%s: %q missing from\n%s", tt.lang, want.text, want.where)
			}
		}
		if tt.lang == "en" {
			// Only the project's own data may be Chinese in an English workbook.
			text := all(sheets[1]) + all(sheets[2]) + summary + all(sheets[3]) + all(sheets[4]) + legend
			for _, data := range []string{"东华门街道", "某某镇", "行政处罚", "行政检查", "规划参与权", "违法建设巡查", "配合禁毒宣传",
				"城市管理", "平安建设", "测试区工作底稿", "测试区"} {
				text = strings.ReplaceAll(text, data, "")
			}
			// A Chinese term may stand glossed in brackets: "veto (一票否决)".
			glossed := regexp.MustCompile(`\([^()]*\)`)
			for _, line := range strings.Split(text, "\n") {
				if hasHan(glossed.ReplaceAllString(line, "")) {
					t.Errorf("Chinese words in the English workbook: %q", line)
				}
			}
		}
		// Colours: the held mark, and the balance cell of the first office on the gap ramp.
		fillOf := func(sheet, cell string) string {
			id, _ := f.GetCellStyle(sheet, cell)
			st, _ := f.GetStyle(id)
			if st == nil || len(st.Fill.Color) == 0 {
				return ""
			}
			return st.Fill.Color[0]
		}
		rows, _ := f.GetRows(sheets[1])
		for c, h := range rows[3] {
			if h == "行政检查" {
				if got := fillOf(sheets[1], cellName(c+1, 5)); !strings.EqualFold(got, palette.Hex(palette.Mark(model.MarkHeld).Fill)) {
					t.Errorf("%s: held mark filled %s", tt.lang, got)
				}
			}
		}
		os := model.Analyze(p).Offices
		for _, o := range p.OfficeList() {
			if o.Name == "东华门街道" {
				want := palette.Hex(palette.Gap(palette.GapRatio(&os[o.ID].Summary)))
				if got := fillOf(sheets[0], "E5"); !strings.EqualFold(got, want) {
					t.Errorf("%s: balance cell filled %s, want %s", tt.lang, got, want)
				}
			}
		}
		f.Close()
	}
}

func TestExportUnknownOffice(t *testing.T) {
	err := WriteCSV(&bytes.Buffer{}, exportProject(), nil, "无此街道", "en")
	fe, ok := err.(*FileError)
	if !ok || !strings.Contains(fe.In("en"), "no office named “无此街道”") || !strings.Contains(fe.In("zh"), "没有名为「无此街道」") {
		t.Fatalf("%v", err)
	}
}
