package demo

import (
	"errors"
	"io/fs"
	"math"
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
	for _, d := range p.Duties {
		if d.SubCategory == "" {
			t.Errorf("%s %d %s: no second-level category", d.Kind.Name().In("zh"), d.Seq, d.Name)
		}
	}
	// National proportions (issue 12): about 340 items a township, 117 basic,
	// 99 supporting, 124 returned; at least one office carries a full list,
	// the returned list its largest part, and every office 20+ party items.
	full := 0
	for _, o := range p.OfficeList() {
		n, party := map[model.ListKind]int{}, 0
		for _, d := range p.DutiesOf(o.ID) {
			n[d.Kind]++
			if d.Category == "党的建设" {
				party++
			}
		}
		t.Logf("%s: %d basic, %d supporting, %d returned, %d party building", o.Name,
			n[model.ListBasic], n[model.ListSupporting], n[model.ListReturned], party)
		if party < 20 {
			t.Errorf("%s: %d party-building items, want 20+", o.Name, party)
		}
		if total := n[model.ListBasic] + n[model.ListSupporting] + n[model.ListReturned]; total >= 300 &&
			n[model.ListReturned] > n[model.ListBasic] && n[model.ListReturned] > n[model.ListSupporting] {
			full++
		}
	}
	if full == 0 {
		t.Error("no office carries a full list (300+ items, the returned list the largest)")
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
	registersAreComplete(t, p)
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

// registersAreComplete checks the demo shows every case of the registers
// beside the lists (issue 12): staffing, fund sources, burden indicators,
// vetoes with and without a basis, incidents, admission requests, off-list
// tasks, meetings and decisions with their follow-up.
func registersAreComplete(t *testing.T, p *model.Project) {
	t.Helper()
	set := p.Settings
	overAvailable := false
	for _, o := range p.OfficeList() {
		if o.Establishment == 0 || o.OnStaff == 0 || o.Auxiliary == 0 || o.SecondedOut == 0 || o.SecondedIn == 0 || o.CommunityWorkers == 0 {
			t.Errorf("%s: staffing incomplete: %+v", o.Name, o)
		}
		var needed float64
		for _, d := range p.DutiesOf(o.ID) {
			needed += p.Assessment(o.ID, d.ID).StaffNeeded
		}
		overAvailable = overAvailable || needed > float64(o.StaffAvailable())
	}
	if !overAvailable {
		t.Error("no office needs more staff than it has")
	}
	var vetoBased, vetoBare, unfollowed int
	over := map[string]bool{}
	for _, a := range p.Assessments {
		if a.FundsHeld > 0 && math.Abs(a.FundsSourced()-a.FundsHeld) > 1e-9 {
			t.Errorf("assessment %v: funds held %g, sources add up to %g", a.Key(), a.FundsHeld, a.FundsSourced())
		}
		if a.Veto && a.VetoBasis != "" {
			vetoBased++
		} else if a.Veto {
			vetoBare++
		}
		if d := p.Duties[a.Duty]; d.Kind == model.ListSupporting && d.LeadDept != "" && a.FundsTransferred == 0 && a.FundsHeld < a.FundsNeeded {
			unfollowed++
		}
		for name, b := range map[string]bool{"apps": a.Apps > set.AppsThreshold, "work groups": a.WorkGroups > set.WorkGroupsThreshold,
			"duplicate entry": a.DuplicateEntry >= set.DuplicateEntryThreshold, "inspections": a.InspectionsPerYear > set.InspectionThreshold,
			"sign-offs": a.SignOffs > set.SignOffThreshold, "check-ins": a.CheckIns > set.CheckInThreshold} {
			over[name] = over[name] || b
		}
	}
	if vetoBased <= vetoBare || vetoBare == 0 {
		t.Errorf("vetoes: %d with a basis, %d without; want most with one and some without", vetoBased, vetoBare)
	}
	if unfollowed == 0 {
		t.Error("no supporting item with a lead department whose money did not follow (FundsTransferred 0, short)")
	}
	for _, name := range []string{"apps", "work groups", "duplicate entry", "inspections", "sign-offs", "check-ins"} {
		if !over[name] {
			t.Errorf("no assessment above the %s threshold", name)
		}
	}
	tolerance, causes := map[bool]int{}, map[model.IncidentCause]int{}
	for _, i := range p.Incidents {
		tolerance[i.Tolerance]++
		causes[i.Cause]++
	}
	if tolerance[true] == 0 || tolerance[false] == 0 {
		t.Errorf("incidents with/without 容错: %d/%d, want both", tolerance[true], tolerance[false])
	}
	for _, c := range model.IncidentCauses {
		if causes[c] == 0 {
			t.Errorf("no incident caused by %s", c.Name().In("zh"))
		}
	}
	admissions := map[model.Admission]int{}
	var admittedFunded, admittedUnfunded int
	for _, q := range p.Proposals {
		admissions[q.Admission]++
		if q.Admission == model.AdmissionAdmitted {
			if q.StaffCarried >= q.StaffNeeded && q.FundsCarried >= q.FundsNeeded {
				admittedFunded++
			} else {
				admittedUnfunded++
			}
		}
	}
	for _, a := range []model.Admission{model.AdmissionPending, model.AdmissionRejected, model.AdmissionToSupporting} {
		if admissions[a] == 0 {
			t.Errorf("no admission request %s", a.Name().In("zh"))
		}
	}
	if admittedFunded == 0 || admittedUnfunded == 0 {
		t.Errorf("admitted requests with/without their resources: %d/%d, want both", admittedFunded, admittedUnfunded)
	}
	var heavy, medium, small int
	for _, task := range p.OffListTasks {
		switch h := task.HoursPerMonth; {
		case h >= set.OffListHoursSerious:
			heavy++
		case h >= set.OffListHours:
			medium++
		default:
			small++
		}
	}
	if heavy == 0 || medium == 0 || small == 0 {
		t.Errorf("off-list tasks ≥%g h / ≥%g h / smaller: %d/%d/%d, want each", set.OffListHoursSerious, set.OffListHours, heavy, medium, small)
	}
	for _, m := range p.Meetings {
		if m.Date == "" || m.Title == "" || m.Place == "" || m.Chair == "" || len(m.Attendees) == 0 || m.Minutes == "" {
			t.Errorf("meeting %s incomplete", m.Title)
		}
	}
	statuses := map[model.DecisionStatus]int{}
	for _, d := range p.Decisions {
		statuses[d.Status]++
		if p.Meetings[d.Meeting] == nil || d.ResponsibleUnit == "" || d.Deadline == "" {
			t.Errorf("decision %s: meeting, responsible unit or deadline missing", d.ID)
		}
		if d.Action == model.ActionReturn && d.Department == "" {
			t.Errorf("decision %s returns a duty to no department", d.ID)
		}
	}
	for _, s := range model.DecisionStatuses {
		if statuses[s] == 0 {
			t.Errorf("no decision %s", s.Name().In("zh"))
		}
	}
	var removes bool
	for _, d := range p.Decisions {
		removes = removes || d.StaffDelta < 0 || d.FundsDelta < 0 || d.SystemsDelta < 0
	}
	if !removes {
		t.Error("no decision removes resources")
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
		{"unknown action", demoDecisionsFile, ",保留,,,,,,区信访局", ",维持,,,,,,区信访局", 2, "处理方式"},
		{"missing column", demoOfficesFile, "核定编制", "编制", 1, "核定编制"},
		{"unknown meeting", demoDecisionsFile, "2026年第2次改革工作专班会议,2026-04-16,老城街道", "2026年第9次改革工作专班会议,2026-04-16,老城街道", 2, "会议"},
		{"bad incident cause", demoIncidentsFile, ",约谈,缺少权限,否,", ",约谈,没有编制,否,", 2, "原因"},
		{"bad admission", demoProposalsFile, ",准入,条例明确", ",同意吧,条例明确", 2, "准入结论"},
		{"unknown office of an off-list task", demoOffListFile, "老城街道,为区属", "旧城街道,为区属", 2, "街道"},
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
