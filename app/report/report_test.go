package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// pdfText is the text of a PDF, one string per page, in content order
// (pdftotext -raw), with whitespace removed so that wrapped lines join up.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), "")
	}
	return pages
}

func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Skipf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func write(t *testing.T, p *model.Project, r *model.Result, opt Options) ([]byte, Warnings) {
	t.Helper()
	var buf bytes.Buffer
	if opt.Now.IsZero() {
		opt.Now = testNow
	}
	w, err := Write(&buf, p, r, opt)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes(), w
}

func nospace(s string) string { return strings.Join(strings.Fields(s), "") }

func TestOfficeReport(t *testing.T) {
	f := newFixture(30)
	tests := []struct {
		name   string
		opt    Options
		words  []string // on some page
		matrix string   // matrix heading
		legend string
	}{
		{"zh A4", Options{Offices: []model.ID{f.east.ID}}, []string{"东湖街道", "职责事项责权利匹配情况报告", "经办人", "审核人", "错配清单"}, "职责—权限—资源矩阵", model.MarkHeld.Name().In("zh")},
		{"zh A3", Options{Offices: []model.ID{f.east.ID}, Paper: A3}, []string{"东湖街道", "处理意见记录"}, "职责—权限—资源矩阵", model.MarkHeld.Name().In("zh")},
		{"en", Options{Offices: []model.ID{f.east.ID}, Lang: "en"}, []string{"东湖街道", "Findings, worst first", "Reviewed by"}, "Duty, authority and resource matrix", model.MarkHeld.Name().In("en")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.SourceFile = "示范区.rpb"
			pdf, warnings := write(t, f.p, f.r, tt.opt)
			if len(warnings) != 0 {
				t.Errorf("unexpected warnings: %v", warnings)
			}
			pages := pdfText(t, pdf)
			n := pdfPages(t, pdf)
			if len(pages) != n {
				t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
			}
			all := strings.Join(pages, "")
			for _, w := range tt.words {
				if !strings.Contains(all, nospace(w)) {
					t.Errorf("report lacks %q", w)
				}
			}
			for _, name := range f.dutyNames {
				if !strings.Contains(all, nospace(name)) {
					t.Errorf("duty name not printed in full: %q", name)
				}
			}
			// Every page carries its number out of the total and the file name.
			for i, p := range pages {
				num := "第" + strconv.Itoa(i+1) + "页共" + strconv.Itoa(n) + "页"
				if tt.opt.Lang == "en" {
					num = "Page" + strconv.Itoa(i+1) + "of" + strconv.Itoa(n)
				}
				if !strings.Contains(p, num) || !strings.Contains(p, "示范区.rpb") {
					t.Errorf("page %d lacks %q or the file name", i+1, num)
				}
			}
			// Every matrix page repeats the legend and the header row with every authority.
			matrixPages := 0
			for i, p := range pages {
				if !strings.Contains(p, nospace(tt.matrix)) {
					continue
				}
				matrixPages++
				for _, want := range append([]string{nospace(tt.legend), nospace(words.Say(langOr(tt.opt.Lang), "report.col.seq"))}, f.requiredAuthorityNames()...) {
					if !strings.Contains(p, want) {
						t.Errorf("matrix page %d lacks %q", i+1, want)
					}
				}
			}
			if matrixPages < 2 && tt.opt.Paper != A3 {
				t.Errorf("matrix spans %d pages; the fixture needs at least 2 to test header repetition", matrixPages)
			}
		})
	}
}

// requiredAuthorityNames are the authority names the east office's duties need.
func (f *fixture) requiredAuthorityNames() []string {
	var out []string
	seen := map[model.ID]bool{}
	for _, du := range f.p.DutiesOf(f.east.ID) {
		for _, id := range du.Required {
			if !seen[id] {
				seen[id] = true
				out = append(out, f.p.Authorities[id].Name)
			}
		}
	}
	return out
}

func TestDistrictReport(t *testing.T) {
	f := newFixture(0)
	pdf, _ := write(t, f.p, f.r, Options{Sections: []Section{SectionDistrict}})
	pages := pdfText(t, pdf)
	all := strings.Join(pages, "")
	for _, w := range []string{"全区街道（乡镇）责权利匹配情况汇总", "分类别缺口率ΣG/ΣW", "平衡指数排名", "各街道（乡镇）汇总", "东湖街道", "西山镇", "党的建设", fmtFloat(f.r.Total.Balance, 2)} {
		if !strings.Contains(all, nospace(w)) {
			t.Errorf("district report lacks %q", w)
		}
	}
	if strings.Contains(all, "职责—权限—资源矩阵") {
		t.Error("district-only report printed an office matrix")
	}
	// The ranking puts the least balanced office first.
	first, second := "1东湖街道", "2西山镇"
	if f.r.Offices[f.west.ID].Balance < f.r.Offices[f.east.ID].Balance {
		first, second = "1西山镇", "2东湖街道"
	}
	if i, j := strings.Index(all, first), strings.Index(all, second); i < 0 || j < i {
		t.Errorf("ranking order wrong: want %s before %s", first, second)
	}
}

func TestEveryOfficeAndDistrict(t *testing.T) {
	f := newFixture(0)
	pdf, _ := write(t, f.p, f.r, Options{})
	all := strings.Join(pdfText(t, pdf), "")
	for _, w := range []string{"东湖街道职责事项责权利匹配情况报告", "西山镇职责事项责权利匹配情况报告", "全区街道（乡镇）责权利匹配情况汇总", "各街道（乡镇）"} {
		if !strings.Contains(all, w) {
			t.Errorf("report lacks %q", w)
		}
	}
}

func TestMissingCharacters(t *testing.T) {
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	tests := []struct {
		name      string
		fonts     []string
		wantFound map[rune]bool // rune → drawn with a fallback font
	}{
		{"no system font", nil, map[rune]bool{'㐀': false, '𠮷': false}},
		{"droid fallback", []string{droid}, map[rune]bool{'㐀': true, '𠮷': false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range tt.fonts {
				if _, err := os.Stat(p); err != nil {
					t.Skipf("%s not installed", p)
				}
			}
			old := fallbackFontFiles
			fallbackFontFiles = func() []string { return tt.fonts }
			defer func() { fallbackFontFiles = old }()

			f := newFixture(0)
			f.longDuty.Name = "㐀字街巷𠮷祥里环境整治"
			pdf, warnings := write(t, f.p, f.r, Options{Offices: []model.ID{f.east.ID}, Sections: []Section{SectionMatrix}})
			got := map[rune]bool{}
			for _, w := range warnings {
				got[w.Char] = w.FallbackFont != ""
				if !strings.Contains(w.Context, "环境整治") {
					t.Errorf("warning %v does not say where the character is", w)
				}
				if !strings.Contains(w.String(), string(w.Char)) {
					t.Errorf("warning text %q does not show the character", w.String())
				}
			}
			if len(got) != len(tt.wantFound) {
				t.Fatalf("warnings %v, want one for each of %v", warnings, tt.wantFound)
			}
			for r, found := range tt.wantFound {
				if g, ok := got[r]; !ok || g != found {
					t.Errorf("%c: fallback used = %v (reported %v), want %v", r, g, ok, found)
				}
			}
			all := strings.Join(pdfText(t, pdf), "")
			if tt.wantFound['㐀'] && !strings.Contains(all, "㐀字街巷") {
				t.Errorf("fallback character not in the PDF text")
			}
			if !strings.Contains(all, "街巷□祥里") {
				t.Errorf("a character no font has is not marked with □")
			}
		})
	}
}

func TestWriteRejectsBadOptions(t *testing.T) {
	f := newFixture(0)
	undecided := f.p.Clone()
	undecided.Decisions = map[model.ID]*model.Decision{}
	tests := []struct {
		name string
		p    *model.Project
		opt  Options
		want string
	}{
		{"paper", f.p, Options{Paper: "Letter"}, "A4 或 A3"},
		{"office", f.p, Options{Offices: []model.ID{model.NewID()}}, "没有编号为"},
		{"section", f.p, Options{Sections: []Section{"appendix"}}, "未知的报告部分"},
		{"nothing", undecided, Options{Sections: []Section{SectionScenario}}, "没有可打印的页面"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Write(&bytes.Buffer{}, tt.p, f.r, tt.opt)
			if got := words.Text(words.Zh, err); err == nil || !strings.Contains(got, tt.want) {
				t.Errorf("err = %q, want one containing %q", got, tt.want)
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	f := newFixture(0)
	path := filepath.Join(t.TempDir(), "东湖街道.pdf")
	if _, err := WriteFile(path, f.p, f.r, Options{Offices: []model.ID{f.east.ID}, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the report: %v", entries)
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]Paper{"a4": A4, "A3": A3, "": A4, " a3 ": A3} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("B5"); err == nil {
		t.Error("ParsePaper(B5) accepted")
	}
}

// TestDemoReports prints the demo project the way the CLI does — every
// office, then the district — and checks the printed text against the project.
func TestDemoReports(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(p)
	for _, paper := range []Paper{A4, A3} {
		t.Run(string(paper), func(t *testing.T) {
			pdf, warnings := write(t, p, r, Options{Paper: paper, SourceFile: "demo.rpb"})
			if len(warnings) != 0 {
				t.Errorf("demo data has characters outside the embedded font: %v", warnings)
			}
			pages := pdfText(t, pdf)
			if n := pdfPages(t, pdf); n != len(pages) || n < 4*len(p.Offices) {
				t.Fatalf("%d pages (pdftotext %d) for %d offices", n, len(pages), len(p.Offices))
			}
			all := strings.Join(pages, "")
			for _, o := range p.OfficeList() {
				if !strings.Contains(all, nospace(o.Name+"职责事项责权利匹配情况报告")) {
					t.Errorf("no report for %s", o.Name)
				}
			}
			for _, du := range p.Duties {
				if !strings.Contains(all, nospace(du.Title())) {
					t.Errorf("duty name not printed in full: %q", du.Title())
				}
			}
			for _, f := range r.AllFindings() {
				if reason := nospace(r.Reason(f).In("zh")); !strings.Contains(all, reason) {
					t.Errorf("finding reason missing: %q", r.Reason(f).In("zh"))
					break
				}
			}
			// Every matrix page heads its columns with the authorities of its
			// part, written vertically (one character per line, which
			// pdftotext -raw reads in order): one part, every required
			// authority on every page; several, each on the pages of its part.
			matrixPages, onePart := 0, 0
			seen := map[model.ID]map[string]bool{}
			for i, pg := range pages {
				if !strings.Contains(pg, "职责—权限—资源矩阵") {
					continue
				}
				matrixPages++
				for _, want := range []string{"图例", nospace(model.MarkHeld.Name().In("zh")), nospace(model.MarkMissing.Name().In("zh")), "序号", "职责事项", "错配等级", "一票否决", "需要/实有"} {
					if !strings.Contains(pg, want) {
						t.Errorf("matrix page %d lacks %q", i+1, want)
					}
				}
				for _, o := range p.OfficeList() {
					if !strings.Contains(pg, nospace(o.Name+"职责事项责权利匹配情况报告")) {
						continue
					}
					if seen[o.ID] == nil {
						seen[o.ID] = map[string]bool{}
					}
					whole := !strings.Contains(pg, "部分，共")
					if whole {
						onePart++
					}
					for _, a := range requiredNames(p, o.ID) {
						if strings.Contains(pg, a) {
							seen[o.ID][a] = true
						} else if whole {
							t.Errorf("matrix page %d (%s) lacks the authority column %q", i+1, o.Name, a)
						}
					}
				}
			}
			for _, o := range p.OfficeList() {
				for _, a := range requiredNames(p, o.ID) {
					if !seen[o.ID][a] {
						t.Errorf("%s: no matrix page has the authority column %q", o.Name, a)
					}
				}
			}
			if paper == A3 && onePart == 0 {
				t.Error("on A3 no matrix fits in one part")
			}
			if matrixPages < 2*len(p.Offices) {
				t.Errorf("only %d matrix pages for %d offices", matrixPages, len(p.Offices))
			}
			if !strings.Contains(all, "全区街道（乡镇）责权利匹配情况汇总") {
				t.Error("no district summary")
			}
		})
	}
}

// requiredNames are the names of the authorities the office's duties require.
// They are written as a vertical header writes them: punctuation in its
// vertical forms, （ as ︵.
func requiredNames(p *model.Project, office model.ID) []string {
	d := &doc{p: p}
	var out []string
	for _, a := range d.requiredAuthorities(p.DutiesOf(office)) {
		out = append(out, strings.Map(func(r rune) rune {
			if v, ok := verticalForms[r]; ok {
				return v
			}
			return r
		}, nospace(a.Name)))
	}
	return out
}

// TestRowTallerThanPage continues a row too tall for one page on the next
// pages instead of running over the footer or losing text. The reason of a
// duty without power names the authorities it lacks: one with a name of
// 150 sentences makes the row taller than two pages.
func TestRowTallerThanPage(t *testing.T) {
	f := newFixture(0)
	var b strings.Builder
	for i := 1; i <= 150; i++ {
		b.WriteString("第" + strconv.Itoa(i) + "句：街道需要配合上级部门完成检查、填报和留痕工作，但没有相应的权限和经费。")
	}
	long := b.String()
	lacking := &model.Authority{Meta: model.NewMeta("测试"), Name: long, Type: model.AuthStreetPower}
	f.p.Authorities[lacking.ID] = lacking
	f.longDuty.Required = append(f.longDuty.Required, lacking.ID)
	f.r = model.Analyze(f.p)
	pdf, _ := write(t, f.p, f.r, Options{Offices: []model.ID{f.east.ID}, Sections: []Section{SectionFindings}})
	pages := pdfText(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("%d pages; the reason alone needs more than two", len(pages))
	}
	// The reason's lines, read in order with the page furniture and the
	// repeated header row left out, give back the whole text.
	path := filepath.Join(t.TempDir(), "tall.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	furniture := []string{"页 共", "生成时间", "情况报告", f.p.Info.Name, "错配清单（按严重程度排序）"}
	var body strings.Builder
lines:
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.Trim(l, "\f ")
		for _, x := range furniture {
			if strings.Contains(l, x) {
				continue lines
			}
		}
		if !strings.HasPrefix(nospace(l), "序号错配等级错配类型事项或权限原因") {
			body.WriteString(nospace(l))
		}
	}
	if !strings.Contains(body.String(), nospace(long)) {
		t.Errorf("the long reason is not printed whole and in order")
	}
	for i, p := range pages {
		if !strings.Contains(p, "原因") {
			t.Errorf("page %d does not repeat the header row", i+1)
		}
	}
}

// langOr is the report's language for Options.Lang: Chinese unless English is asked for.
func langOr(lang string) string {
	if lang == "" {
		return words.Zh
	}
	return words.Lang(lang)
}

// The printed words are the catalogue's in the report's language, the
// legend names are the model's (as on screen), the index has its one name
// and the heat map shows the gap ratio ΣG/ΣW, as the screen does.
func TestPrintedWordsInBothLanguages(t *testing.T) {
	f := newFixture(0)
	var cat string
	for _, c := range f.p.Categories() {
		if s := f.r.Offices[f.east.ID].ByCategory[c]; s != nil && s.Items > 0 && s.Gap > 0 {
			cat = c
			break
		}
	}
	if cat == "" {
		t.Fatal("the fixture has no category with a gap")
	}
	heatCell := words.Say(words.Zh, "report.heat.cell", "ratio", words.Pct(palette.GapRatio(f.r.Offices[f.east.ID].ByCategory[cat])),
		"gap", f.r.Offices[f.east.ID].ByCategory[cat].Gap)
	for _, tt := range []struct {
		lang   string
		absent []string // words of the other language
	}{
		{words.Zh, []string{"Legend", "Balance index", "Gap ratio", "Severity"}},
		{words.En, []string{"图例", "序号", "平衡指数", "缺口率", "错配等级"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			pdf, _ := write(t, f.p, f.r, Options{Lang: tt.lang, Offices: []model.ID{f.east.ID},
				Sections: []Section{SectionCharts, SectionMatrix, SectionDistrict}})
			all := strings.Join(pdfText(t, pdf), "")
			want := []string{words.Say(tt.lang, "term.balance_index"), words.Say(tt.lang, "term.gap_ratio"), nospace(heatCell)}
			for _, m := range model.Marks {
				want = append(want, m.Name().In(tt.lang))
			}
			for _, s := range model.Severities {
				want = append(want, s.Name().In(tt.lang))
			}
			for _, c := range model.RuleCodes {
				want = append(want, c.Name().In(tt.lang))
			}
			for _, w := range want {
				if !strings.Contains(all, nospace(w)) {
					t.Errorf("report lacks %q", w)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(all, nospace(w)) {
					t.Errorf("the %s report says %q", tt.lang, w)
				}
			}
		})
	}
}
