package sheet

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
)

// summary writes the first sheet: the balance index and finding counts per
// office, then per category and per list kind.
func (x *xlsxExport) summary(offices []*model.Office) error {
	rules := model.RuleCodes
	// The office table's header is row 4, under the title, the note and a blank row.
	const headerRow = 4
	w, _, err := x.newSheet("汇总", func(sheet string) error {
		return setPrintLayout(x.f, sheet, 9+len(rules), headerRow)
	})
	if err != nil {
		return err
	}
	widths := []float64{22, 8, 10, 10, 10, 7, 7, 7, 7}
	for range rules {
		widths = append(widths, 10)
	}
	if err := w.widths(widths...); err != nil {
		return err
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: headerRow, TopLeftCell: cellName(2, headerRow+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	region := x.p.Info.Region
	if region != "" {
		region = "（" + region + "）"
	}
	if err := w.put(24, w.cell(kindTitle, "", "责权利矩阵汇总 — "+x.p.Info.Name+region)); err != nil {
		return err
	}
	if err := w.put(0, w.cell(kindNote, "", fmt.Sprintf("导出时间 %s；均衡指数 = 1 − ΣG/ΣW（1 为完全匹配）；阈值见项目设置。Balance index = 1 − ΣG/ΣW.",
		x.now.Format("2006-01-02 15:04")))); err != nil {
		return err
	}
	if err := w.put(0); err != nil {
		return err
	}

	hdr := []string{"街道（乡镇）", "事项数", "责任权重 ΣW", "缺口 ΣG", "均衡指数"}
	for _, s := range model.Severities {
		hdr = append(hdr, s.Name().Zh)
	}
	for _, r := range rules {
		hdr = append(hdr, ruleName(r).Zh)
	}
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, o := range offices {
		if os := x.res.Offices[o.ID]; os != nil {
			if err := w.summaryRow(o.Name, &os.Summary, rules); err != nil {
				return err
			}
		} else if err := w.summaryRow(o.Name, &model.Summary{Balance: 1}, rules); err != nil {
			return err
		}
	}
	if len(offices) > 1 {
		if err := w.summaryRow("合计 Total", &x.res.Total, rules); err != nil {
			return err
		}
	}

	byCat, byKind := x.res.ByCategory, x.res.ByKind
	if len(offices) == 1 {
		if os := x.res.Offices[offices[0].ID]; os != nil {
			byCat, byKind = os.ByCategory, os.ByKind
		}
	}
	if err := w.put(0); err != nil {
		return err
	}
	hdr[0] = "事项类别"
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, c := range sortedCategories(x.p, byCat) {
		if err := w.summaryRow(c, byCat[c], rules); err != nil {
			return err
		}
	}
	if err := w.put(0); err != nil {
		return err
	}
	hdr[0] = "清单类型"
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, k := range model.ListKinds {
		if s := byKind[k]; s != nil {
			if err := w.summaryRow(k.Name().Zh, s, rules); err != nil {
				return err
			}
		}
	}
	return w.sw.Flush()
}

func (w *rowWriter) headerRow(hdr []string) error {
	cells := make([]excelize.Cell, len(hdr))
	for i, h := range hdr {
		cells[i] = w.cell(kindHeader, "", h)
	}
	return w.put(32, cells...)
}

func (w *rowWriter) summaryRow(label string, s *model.Summary, rules []model.RuleCode) error {
	bal := w.cell(kindPercent, fillOf(gapSeverity(1-s.Balance)), ratio(s.Balance))
	cells := []excelize.Cell{w.cell(kindText, "", label), w.cell(kindNumber, "", float64(s.Items)),
		w.cell(kindNumber, "", s.Weight), w.cell(kindNumber, "", s.Gap), bal}
	for _, sev := range model.Severities {
		n := s.BySeverity[sev]
		fill := ""
		if n > 0 {
			fill = fillOf(sev)
		}
		cells = append(cells, w.cell(kindNumber, fill, float64(n)))
	}
	for _, r := range rules {
		cells = append(cells, w.cell(kindNumber, "", float64(s.ByRule[r])))
	}
	return w.put(0, cells...)
}

// sortedCategories lists the categories of m: the project's order first, then any others by name.
func sortedCategories(p *model.Project, m map[string]*model.Summary) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range p.Categories() {
		if m[c] != nil {
			out = append(out, c)
			seen[c] = true
		}
	}
	var rest []string
	for c := range m {
		if !seen[c] {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// findings writes every finding of the offices exported, worst first, with its reason.
func (x *xlsxExport) findings(offices []*model.Office) error {
	include := map[model.ID]bool{}
	for _, o := range offices {
		include[o.ID] = true
	}
	var fs []model.Finding
	for _, f := range sortedFindings(x.res.Findings) {
		if include[f.Office] {
			fs = append(fs, f)
		}
	}
	w, _, err := x.newSheet("错配清单", func(sheet string) error {
		if err := x.f.AutoFilter(sheet, "A1:"+cellName(9, max(len(fs)+1, 2)), nil); err != nil {
			return err
		}
		return setPrintLayout(x.f, sheet, 9, 1)
	})
	if err != nil {
		return err
	}
	if err := w.widths(8, 14, 14, 10, 10, 32, 16, 60, 50); err != nil {
		return err
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := w.headerRow([]string{"严重程度", "错配类型", "街道（乡镇）", "清单类型", "事项类别", "职责事项", "权限", "原因", "Reason"}); err != nil {
		return err
	}
	for _, f := range fs {
		c := findingCells(x.p, f)
		cells := []excelize.Cell{w.cell(kindCentered, fillOf(f.Severity), c[0])}
		for _, v := range c[1:] {
			cells = append(cells, w.cell(kindText, "", v))
		}
		if err := w.put(0, cells...); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}

// sortedFindings orders findings worst first, keeping the analysis order within a severity.
func sortedFindings(fs []model.Finding) []model.Finding {
	out := append([]model.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}

// findingCells are a finding's cells: severity, rule, office, kind, category, duty, authority, reason zh, reason en.
func findingCells(p *model.Project, f model.Finding) []string {
	office, kind, cat, duty, auth := "", "", "", "", ""
	if o := p.Offices[f.Office]; o != nil {
		office = o.Name
	}
	if d := p.Duties[f.Duty]; d != nil {
		kind, cat, duty = d.Kind.Name().Zh, d.Category, d.Title()
	}
	if a := p.Authorities[f.Authority]; a != nil {
		auth = a.Name
	}
	return []string{f.Severity.Name().Zh, ruleName(f.Rule).Zh, office, kind, cat, duty, auth, f.Reason.Zh, f.Reason.En}
}
