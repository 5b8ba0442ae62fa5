package report

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
)

// The tests of a report an official signs and files: title block,
// signatures, contents and order, the narrative's numbers.

// filedDemo is the demo project with its title block filled in.
func filedDemo(t *testing.T) *model.Project {
	t.Helper()
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Organization, p.Info.Marking, p.Info.Version = "临江区委编办", "内部资料 注意保存", "征求意见稿"
	p.Info.DataCutoff, p.Info.DocNumber = "2026-03-31", "临减负办〔2026〕3号"
	return p
}

// pdfAuthor is the Author of the PDF's metadata, as pdfinfo reads it.
func pdfAuthor(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", "-enc", "UTF-8", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^Author:\s*(.*)$`).FindSubmatch(out); m != nil {
		return strings.TrimSpace(string(m[1]))
	}
	return ""
}

func TestTitleBlock(t *testing.T) {
	p := filedDemo(t)
	pdf, _ := write(t, p, nil, Options{SourceFile: "demo.rpb"})
	pages := pdfText(t, pdf)
	cover := pages[0]
	for _, want := range []string{"内部资料注意保存", "临减负办〔2026〕3号", "云州市临江区街道（乡镇）职责事项责权利匹配情况报告", "（征求意见稿）",
		"编制单位临江区委编办", "编制人临江区基层减负改革工作专班", "数据截止日期2026年3月31日", "报告日期2026年3月18日"} {
		if !strings.Contains(cover, want) {
			t.Errorf("master cover lacks %q", want)
		}
	}
	for i, pg := range pages {
		for _, want := range []string{"内部资料注意保存征求意见稿", "临江区委编办", "数据截止：2026-03-31"} {
			if !strings.Contains(pg, want) {
				t.Errorf("page %d: header or footer lacks %q", i+1, want)
				break
			}
		}
	}
	if got := pdfAuthor(t, pdf); got != p.Info.Author {
		t.Errorf("PDF author %q, want the project's %q", got, p.Info.Author)
	}
}

// Nothing is taken from the computer: a report of a project whose author
// is not filled in says so, and names no login.
func TestNoLoginAsAuthor(t *testing.T) {
	p := filedDemo(t)
	p.Info.Author, p.Info.Organization, p.Info.DataCutoff = "", "", ""
	office := p.OfficeList()[0]
	pdf, _ := write(t, p, nil, Options{Offices: []model.ID{office.ID}})
	pages := pdfText(t, pdf)
	for _, want := range []string{"编制人（未填写）", "编制单位（未填写）", "数据截止日期（未填写）"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("cover lacks %q", want)
		}
	}
	all := strings.Join(pages, "")
	logins := []string{"root"}
	if u, err := user.Current(); err == nil && len(u.Username) >= 3 {
		logins = append(logins, u.Username)
	}
	for _, login := range logins {
		if strings.Contains(all, login) {
			t.Errorf("the report prints the login %q", login)
		}
	}
	if got := pdfAuthor(t, pdf); got != "" {
		t.Errorf("PDF author %q, want none", got)
	}
	// An author given for one print wins over the project's.
	pdf, _ = write(t, p, nil, Options{Offices: []model.ID{office.ID}, Author: "王五"})
	if !strings.Contains(pdfText(t, pdf)[0], "编制人王五") {
		t.Error("the author given in the options is not on the cover")
	}
}

// The decisions, the scenario and the district pages end with lines to
// sign on and room for the seal.
func TestSignatureBlocks(t *testing.T) {
	plain, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	// The demo as it comes lays out with a scenario table that fills its
	// page to the last row: its block once went over alone.
	for _, p := range []*model.Project{filedDemo(t), plain} {
		checkSignatureBlocks(t, p)
	}
}

func checkSignatureBlocks(t *testing.T, p *model.Project) {
	t.Helper()
	pdf, _ := write(t, p, nil, Options{})
	pages := pdfText(t, pdf)
	signed := func(pg string) bool {
		for _, w := range []string{"经办人：", "审核人：", "分管领导签发：", "日期：", "（盖章）"} {
			if !strings.Contains(pg, w) {
				return false
			}
		}
		return true
	}
	// A section's table may run over pages: its last page is signed. The
	// block is never alone on a page: what it signs is drawn before it,
	// the running header and the footer after.
	found := map[string]int{}
	for i, pg := range pages {
		if signed(pg) && strings.Index(pg, "经办人：") == 0 {
			t.Errorf("page %d holds the signature block alone: %.60s", i+1, pg)
		}
		for _, section := range []string{"处理意见记录", "改革方案对比（现状与落实处理意见后）", "各街道（乡镇）改革方案对比"} {
			continues := i+1 < len(pages) && strings.Contains(pages[i+1], section+"（续）")
			if strings.Contains(pg, section) && !strings.Contains(pg, section+"（续）") {
				found[section]++
			}
			if strings.Contains(pg, section) && !continues && !signed(pg) {
				t.Errorf("page %d (%s) has no signature block", i+1, section)
			}
		}
	}
	if found["处理意见记录"] != len(p.Offices) || found["各街道（乡镇）改革方案对比"] != 1 || found["改革方案对比（现状与落实处理意见后）"] == 0 {
		t.Errorf("signed pages found: %v", found)
	}
}

// A combined report: master cover, contents whose page numbers point at
// their parts, the district before the offices (先总后分).
func TestContentsAndOrder(t *testing.T) {
	p := filedDemo(t)
	for _, lang := range words.Languages {
		pdf, _ := write(t, p, nil, Options{Lang: lang})
		pages := pdfText(t, pdf)
		toc := pages[1]
		if !strings.Contains(toc, nospace(words.Say(lang, "report.toc.title"))) {
			t.Fatalf("%s: page 2 is not the contents: %.80s", lang, toc)
		}
		entries := []string{nospace(words.Say(lang, "report.district.title", "region", p.Info.Region))}
		names := []string{nospace(words.Say(lang, "report.toc.district"))}
		for _, o := range p.OfficeList() {
			entries = append(entries, nospace(words.Say(lang, "report.office.heading", "office", o.Name)))
			names = append(names, nospace(o.Name))
		}
		last := 0
		for i, name := range names {
			// The page number runs into the next entry: in English "…summary32. Office…".
			m := regexp.MustCompile(regexp.QuoteMeta(name) + `(\d+?)(?:\d\.|\D|$)`).FindStringSubmatch(toc)
			if m == nil {
				t.Errorf("%s: contents lack %q", lang, name)
				continue
			}
			page, _ := strconv.Atoi(m[1])
			if page < 1 || page > len(pages) || !strings.Contains(pages[page-1], entries[i]) {
				t.Errorf("%s: contents send %q to page %d, which does not start it", lang, name, page)
			}
			if page <= last {
				t.Errorf("%s: %q (page %d) comes before what the contents list above it", lang, name, page)
			}
			last = page
		}
	}
}

// Every continued table says so above its repeated header.
func TestContinuedTables(t *testing.T) {
	p := filedDemo(t)
	office := p.OfficeList()[0]
	pdf, _ := write(t, p, nil, Options{Offices: []model.ID{office.ID}, Sections: []Section{SectionFindings}})
	pages := pdfText(t, pdf)
	if len(pages) < 2 {
		t.Fatalf("the findings fit on %d page; the test needs them to continue", len(pages))
	}
	for i, pg := range pages[1:] {
		if !strings.Contains(pg, "错配清单（按严重程度排序）（续）") {
			t.Errorf("page %d continues the findings without （续）", i+2)
		}
	}
}

// The narrative's numbers are the analysis's.
func TestNarrativeNumbers(t *testing.T) {
	p := filedDemo(t)
	r := model.Analyze(p)
	num := func(t *testing.T, text, pattern string) string {
		t.Helper()
		m := regexp.MustCompile(pattern).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("narrative lacks %s:\n%.600s", pattern, text)
		}
		return m[1]
	}
	for _, o := range p.OfficeList() {
		t.Run(o.Name, func(t *testing.T) {
			pdf, _ := write(t, p, r, Options{Offices: []model.ID{o.ID}, Sections: []Section{SectionCover}})
			text := pdfText(t, pdf)[0]
			sum := r.Offices[o.ID]
			if got := num(t, text, `清单共有职责事项(\d+)项`); got != itoa(sum.Items) {
				t.Errorf("items %s, analysis %d", got, sum.Items)
			}
			if got := num(t, text, `发现错配(\d+)项`); got != itoa(count(&sum.Summary)) {
				t.Errorf("findings %s, analysis %d", got, count(&sum.Summary))
			}
			for _, sv := range model.Severities {
				if n := sum.BySeverity[sv]; n > 0 {
					if got := num(t, text, `其中[^；]*`+sv.Name().In("zh")+`(\d+)项`); got != itoa(n) {
						t.Errorf("%s: %s, analysis %d", sv.Name().In("zh"), got, n)
					}
				}
			}
			if got := num(t, text, `责权利平衡指数为(\d\.\d\d)`); got != fmtFloat(sum.Balance, 2) {
				t.Errorf("balance %s, analysis %.2f", got, sum.Balance)
			}
			top := rankedRules(&sum.Summary)[0]
			if got := num(t, text, `主要是`+regexp.QuoteMeta(top.Formal().In("zh"))+`(\d+)项`); got != itoa(sum.ByRule[top]) {
				t.Errorf("%s: %s, analysis %d", top, got, sum.ByRule[top])
			}
			d := &doc{p: p}
			if decs := d.officeDecisions(o); len(decs) > 0 {
				if got := num(t, text, `已形成处理意见(\d+)条`); got != itoa(len(decs)) {
					t.Errorf("decisions %s, project %d", got, len(decs))
				}
				closed, _, _ := model.CompareFindings(r.FindingsOfOffice(o.ID), model.Analyze(model.Scenario(p)).FindingsOfOffice(o.ID))
				if got := num(t, text, `可消除错配(\d+)项`); got != itoa(len(closed)) {
					t.Errorf("closed %s, analysis %d", got, len(closed))
				}
			}
		})
	}
	t.Run("district", func(t *testing.T) {
		pdf, _ := write(t, p, r, Options{Sections: []Section{SectionDistrict}})
		text := pdfText(t, pdf)[0]
		for pattern, want := range map[string]int{
			`全区共有街道（乡镇）(\d+)个`: len(p.Offices), `目录中有职责事项(\d+)项`: len(p.Duties),
			`合计(\d+)个“街道×事项”`: r.Total.Items, `发现错配(\d+)项`: count(&r.Total), `已形成处理意见(\d+)条`: len(p.Decisions),
		} {
			if got := num(t, text, pattern); got != itoa(want) {
				t.Errorf("%s: %s, analysis %d", pattern, got, want)
			}
		}
		if got := num(t, text, `全区共有[^。]*。经分析[^。]*责权利平衡指数为(\d\.\d\d)`); got != fmtFloat(r.Total.Balance, 2) {
			t.Errorf("balance %s, analysis %.2f", got, r.Total.Balance)
		}
	})
}

// Every rule has its advice in both languages: the narrative names it for
// the rules that found the most.
func TestAdviceForEveryRule(t *testing.T) {
	for _, rc := range model.RuleCodes {
		for _, lang := range words.Languages {
			if !words.Has(lang, "report.advice."+string(rc)) {
				t.Errorf("no report.advice.%s in %s", rc, lang)
			}
		}
	}
}

// A report without the district analyses only its offices, and finds for
// each exactly what the whole project's analysis finds.
func TestOfficesOnlyAnalysis(t *testing.T) {
	p := filedDemo(t)
	full, fullScen := model.Analyze(p), model.Analyze(model.Scenario(p))
	for _, o := range p.OfficeList() {
		q := officesOnly(p, []*model.Office{o})
		if len(q.Offices) != 1 {
			t.Fatalf("%d offices", len(q.Offices))
		}
		part, partScen := model.Analyze(q), model.Analyze(model.Scenario(q))
		for _, x := range []struct {
			what       string
			full, part *model.Result
		}{{"baseline", full, part}, {"scenario", fullScen, partScen}} {
			fs, ps := x.full.FindingsOfOffice(o.ID), x.part.FindingsOfOffice(o.ID)
			if len(fs) != len(ps) {
				t.Fatalf("%s %s: %d findings, whole project %d", o.Name, x.what, len(ps), len(fs))
			}
			for i := range fs {
				if fs[i] != ps[i] || x.full.Reason(fs[i]).In("zh") != x.part.Reason(ps[i]).In("zh") {
					t.Errorf("%s %s: finding %d is %+v, whole project %+v", o.Name, x.what, i, ps[i], fs[i])
				}
			}
			a, b := x.full.Offices[o.ID], x.part.Offices[o.ID]
			if a.Items != b.Items || a.Weight != b.Weight || a.Gap != b.Gap || a.Balance != b.Balance {
				t.Errorf("%s %s: summary %+v, whole project %+v", o.Name, x.what, b.Summary, a.Summary)
			}
		}
		for k, sc := range full.Scores {
			if k.Office == o.ID && *part.Scores[k] != *sc {
				t.Errorf("%s: score %+v, whole project %+v", o.Name, *part.Scores[k], *sc)
			}
		}
	}
}
