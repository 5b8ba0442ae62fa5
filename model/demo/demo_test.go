package demo

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"rpbmatrix/assets"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

func loadDemoForTest(t *testing.T) *model.Project {
	t.Helper()
	p, err := Project()
	if err != nil {
		t.Fatalf("DemoProject: %v", err)
	}
	return p
}

func TestDemoProjectShape(t *testing.T) {
	p := loadDemoForTest(t)
	if ps := model.Validate(p); len(ps) > 0 {
		t.Fatalf("demo has %d validation problems, first: %s", len(ps), ps[0].Msg.In("zh"))
	}

	kinds := map[model.OfficeKind]int{}
	for _, o := range p.Offices {
		kinds[o.Kind]++
		if o.StaffAvailable() < 60 || o.StaffAvailable() > 120 || o.BudgetWan <= 0 || o.Population <= 0 {
			t.Errorf("office %s: implausible staff %d / budget %g / population %d", o.Name, o.StaffAvailable(), o.BudgetWan, o.Population)
		}
		if !strings.Contains(o.Notes, "虚构") {
			t.Errorf("office %s: notes must say the data are fictional", o.Name)
		}
	}
	if len(p.Offices) < 3 || kinds[model.OfficeStreet] == 0 || kinds[model.OfficeTownship] == 0 {
		t.Errorf("offices: %d (%v), want ≥3 with streets and townships", len(p.Offices), kinds)
	}

	if len(p.Duties) < 80 {
		t.Errorf("duties: %d, want ≥80", len(p.Duties))
	}
	perKind := map[model.ListKind]int{}
	perCategory := map[string]int{}
	for _, d := range p.Duties {
		perKind[d.Kind]++
		perCategory[d.Category]++
	}
	for _, k := range model.ListKinds {
		if perKind[k] == 0 {
			t.Errorf("no duty in list %s", k.Name().In("zh"))
		}
	}
	if share := float64(perKind[model.ListBasic]) / float64(len(p.Duties)); share < 0.45 || share > 0.65 {
		t.Errorf("basic list is %.0f%% of the catalogue, want about 55%%", share*100)
	}
	for _, c := range model.Categories {
		if perCategory[c] == 0 {
			t.Errorf("no duty in category %s", c)
		}
	}
}

func TestDemoCarriesEveryAuthorityKind(t *testing.T) {
	p := loadDemoForTest(t)
	names := map[string]bool{}
	types := map[model.AuthorityType]int{}
	for _, a := range p.Authorities {
		names[a.Name] = true
		types[a.Type]++
	}
	for _, n := range []string{"规划参与权", "重大事项建议权", "联合执法指挥调度权", "派出机构考核和人事任免建议权",
		"综合事项统筹协调和考核督办权", "下沉人员资金统筹权", "协管员管理权", "吹哨召集权"} {
		if !names[n] {
			t.Errorf("street power %s missing", n)
		}
	}
	for _, typ := range model.AuthorityTypes {
		want := 1
		if typ == model.AuthEnforcement {
			want = 3 // several devolved enforcement powers
		}
		if types[typ] < want {
			t.Errorf("authority type %s: %d, want ≥%d", typ.Name().In("zh"), types[typ], want)
		}
	}
}

// TestDemoFactsAreComplete checks every (office, duty in its list) is
// assessed, and that the holdings and decisions show the cases the analysis
// and the scenario need.
func TestDemoFactsAreComplete(t *testing.T) {
	p := loadDemoForTest(t)
	for _, o := range p.Offices {
		for _, d := range p.DutiesOf(o.ID) {
			if p.Assessment(o.ID, d.ID) == nil {
				t.Errorf("%s: no assessment of %s %d %s", o.Name, d.Kind.Name().In("zh"), d.Seq, d.Name)
			}
		}
	}
	required := map[model.PairKey]bool{} // (office, authority) required by a duty in the office's list
	for _, o := range p.Offices {
		for _, d := range p.DutiesOf(o.ID) {
			for _, a := range d.Required {
				required[model.PairKey{Office: o.ID, Other: a}] = true
			}
		}
	}
	var paper, idle int
	for k, h := range p.Holdings {
		if h.DeJure && h.DeFacto == model.LevelNone && required[k] {
			paper++
		}
		if h.DeJure && !required[k] {
			idle++
		}
	}
	if paper < 3 || idle < 3 {
		t.Errorf("holdings: %d required powers held only on paper, %d held powers no duty needs; want ≥3 of each", paper, idle)
	}
	actions := map[model.Action]bool{}
	for _, d := range p.Decisions {
		actions[d.Action] = true
	}
	for _, a := range model.Actions {
		if !actions[a] {
			t.Errorf("no decision with action %s", a.Name().In("zh"))
		}
	}
}

func TestDemoProjectIsStable(t *testing.T) {
	a, b := loadDemoForTest(t), loadDemoForTest(t)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two loads of the demo differ")
	}
	if a.Info.ID != demoID("project", a.Info.Region, a.Info.Name) {
		t.Error("project ID is not derived from its name")
	}
	a.Offices[a.OfficeByName("老城街道").ID].Name = "changed"
	if c := loadDemoForTest(t); c.OfficeByName("老城街道") == nil {
		t.Error("DemoProject shares state between calls")
	}
}

// TestDemoShowsEveryMismatch: the demo exists to show each rule at work, in
// each office, and a reform plan that closes some findings.
func TestDemoShowsEveryMismatch(t *testing.T) {
	if model.Rules() == nil {
		t.Skip("model.Rules() is nil: the analysis is not implemented yet")
	}
	p := loadDemoForTest(t)
	r := model.Analyze(p)
	fired := map[model.RuleCode]int{}
	perOffice := map[model.ID]map[model.RuleCode]int{}
	for _, f := range r.AllFindings() {
		fired[f.Rule]++
		if perOffice[f.Office] == nil {
			perOffice[f.Office] = map[model.RuleCode]int{}
		}
		perOffice[f.Office][f.Rule]++
	}
	for _, o := range p.OfficeList() {
		for _, c := range model.RuleCodes {
			if perOffice[o.ID][c] == 0 {
				t.Errorf("rule %s never fires in %s", c, o.Name)
			}
		}
	}
	t.Logf("findings by rule: %v", fired)

	closed := model.Compare(r, model.Analyze(model.Scenario(p))).Closed
	if len(closed) < len(p.Decisions)/2 {
		t.Errorf("the working group's decisions close %d findings, want at least %d", len(closed), len(p.Decisions)/2)
	}
}

// TestDemoErrorsNameTheCell feeds the loader broken copies of the files.
func TestDemoErrorsNameTheCell(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		wantLine             int
		wantColumn           string
	}{
		{"unknown authority in a duty", demoDutiesFile, "安全生产监督检查；对生产", "安全检查权；对生产", 11, "所需权限"},
		{"unknown office in a scope", demoDutiesFile, ",老城街道,\n", ",旧城街道,\n", 27, "适用范围"},
		{"bad list kind", demoDutiesFile, "基本履职,3,", "基础履职,3,", 4, "清单类型"},
		{"bad de facto level", demoHoldingsFile, "老城街道,重大事项建议权,是,完全行使", "老城街道,重大事项建议权,是,全部", 3, "实际行使"},
		{"assessment keyed to the wrong duty", demoAssessmentsFile, "新区街道,基本履职,1,落实", "新区街道,基本履职,2,落实", 2, "事项名称"},
		{"negative hours", demoAssessmentsFile, "新区街道,基本履职,1,落实基层党建工作责任制，组织开展基层党组织书记抓党建述职评议考核,牵头,1,否,0,",
			"新区街道,基本履职,1,落实基层党建工作责任制，组织开展基层党组织书记抓党建述职评议考核,牵头,1,否,0,-", 2, "工作量（小时/月）"},
		{"unknown action", demoDecisionsFile, ",保留,,,,保留为", ",维持,,,,保留为", 2, "处理方式"},
		{"missing column", demoOfficesFile, "核定编制", "编制", 1, "核定编制"},
	}
	base := demoFS(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = &fstest.MapFile{Data: v.Data}
			}
			text := string(fsys[tt.file].Data)
			if !strings.Contains(text, tt.old) {
				t.Fatalf("%s does not contain %q", tt.file, tt.old)
			}
			fsys[tt.file].Data = []byte(strings.Replace(text, tt.old, tt.new, 1))
			_, err := loadDemo(fsys)
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *demo.Error", err)
			}
			if de.File != tt.file || de.Line != tt.wantLine || de.Column != tt.wantColumn {
				t.Errorf("error at %s line %d column %q, want %s line %d column %q: %v",
					de.File, de.Line, de.Column, tt.file, tt.wantLine, tt.wantColumn, err)
			}
			for _, lang := range words.Languages {
				if msg := words.Text(lang, err); !strings.Contains(msg, tt.file) || !strings.Contains(msg, tt.wantColumn) {
					t.Errorf("%s: message %q should name the file and the column", lang, msg)
				}
			}
		})
	}
}

// demoFS copies the embedded demo files into a MapFS.
func demoFS(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(assets.DemoFiles, "demo", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := assets.DemoFiles.ReadFile(path)
		out[strings.TrimPrefix(path, "demo/")] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkDemoProject measures the first-run path: parse the embedded CSVs
// and validate.
func BenchmarkDemoProject(b *testing.B) {
	for b.Loop() {
		if _, err := Project(); err != nil {
			b.Fatal(err)
		}
	}
}
