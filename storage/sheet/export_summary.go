package sheet

import (
	"sort"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// summary writes the first sheet: the balance index and finding counts per
// office, then per category and per list kind, then the heat map of offices
// by category the screen shows.
func (x *xlsxExport) summary(offices []*model.Office) error {
	rules := model.RuleCodes
	byCat, byKind := x.res.ByCategory, x.res.ByKind
	if len(offices) == 1 {
		if os := x.res.Offices[offices[0].ID]; os != nil {
			byCat, byKind = os.ByCategory, os.ByKind
		}
	}
	cats := sortedCategories(x.p, byCat)
	// The office table's header is row 4, under the title, the note and a blank row.
	const headerRow = 4
	widths := []float64{22, 8, 10, 10, 10, 7, 7, 7, 7}
	for range rules {
		widths = append(widths, 10)
	}
	w, err := x.newSheet(x.say("sheet.name.summary"), sheetLayout{widths: widths, freezeCols: 1, freezeRows: headerRow,
		titleRows: [2]int{headerRow, headerRow}, columns: max(9+len(rules), 2+len(cats))})
	if err != nil {
		return err
	}
	title := x.say("sheet.summary.title", "project", x.p.Info.Name)
	if x.p.Info.Region != "" {
		title = x.say("sheet.summary.title_region", "project", x.p.Info.Name, "region", x.p.Info.Region)
	}
	if err := w.put(24, w.cell(kindTitle, noFill, title)); err != nil {
		return err
	}
	note := x.say("sheet.summary.note", "time", x.now.Format("2006-01-02 15:04"), "index", words.M("term.balance_index"))
	if err := w.put(0, w.cell(kindNote, noFill, note)); err != nil {
		return err
	}
	if err := w.put(0); err != nil {
		return err
	}

	hdr := []string{x.say("sheet.column.office"), x.say("sheet.summary.col.items"), x.say("sheet.summary.col.weight"),
		x.say("sheet.summary.col.gap"), x.say("term.balance_index")}
	for _, s := range model.Severities {
		hdr = append(hdr, s.Name().In(x.lang))
	}
	for _, r := range rules {
		hdr = append(hdr, r.Name().In(x.lang))
	}
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, o := range offices {
		if err := x.summaryRow(w, o.Name, &x.officeSummary(o.ID).Summary, rules); err != nil {
			return err
		}
	}
	if len(offices) > 1 {
		if err := x.summaryRow(w, x.say("sheet.summary.total"), &x.res.Total, rules); err != nil {
			return err
		}
	}

	if err := w.put(0); err != nil {
		return err
	}
	hdr[0] = x.say("sheet.column.category")
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, c := range cats {
		if err := x.summaryRow(w, c, byCat[c], rules); err != nil {
			return err
		}
	}
	if err := w.put(0); err != nil {
		return err
	}
	hdr[0] = x.say("sheet.column.kind")
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	for _, k := range model.ListKinds {
		if s := byKind[k]; s != nil {
			if err := x.summaryRow(w, k.Name().In(x.lang), s, rules); err != nil {
				return err
			}
		}
	}
	if len(cats) > 0 {
		return x.heatMap(w, offices, cats)
	}
	return nil
}

// officeSummary is an office's totals; an office the analysis does not know has none.
func (x *xlsxExport) officeSummary(id model.ID) *model.OfficeSummary {
	if os := x.res.Offices[id]; os != nil {
		return os
	}
	return &model.OfficeSummary{Office: id, Summary: model.Summary{Balance: 1}}
}

// heatMap writes offices by categories, each cell the gap ratio ΣG/ΣW
// filled on the gap ramp: the same figures and colours as the screen's
// heat map, and the same measure as the printed one.
func (x *xlsxExport) heatMap(w *rowWriter, offices []*model.Office, cats []string) error {
	if err := w.put(0); err != nil {
		return err
	}
	if err := w.put(20, w.cell(kindTitle, noFill, x.say("sheet.summary.heat", "measure", words.M("term.gap_ratio")))); err != nil {
		return err
	}
	hdr := append(append([]string{x.say("sheet.column.office")}, cats...), x.say("sheet.summary.total"))
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	row := func(label string, byCat map[string]*model.Summary, total *model.Summary) error {
		cells := []xcell{w.cell(kindText, noFill, label)}
		for _, c := range cats {
			cells = append(cells, x.gapCell(w, byCat[c]))
		}
		return w.put(0, append(cells, x.gapCell(w, total))...)
	}
	for _, o := range offices {
		os := x.officeSummary(o.ID)
		if err := row(o.Name, os.ByCategory, &os.Summary); err != nil {
			return err
		}
	}
	if len(offices) > 1 {
		return row(x.say("sheet.summary.total"), x.res.ByCategory, &x.res.Total)
	}
	return nil
}

// gapCell is one heat-map cell: the gap ratio as a percentage on its ramp
// fill, or a dash on the no-data grey when nothing carries weight.
func (x *xlsxExport) gapCell(w *rowWriter, s *model.Summary) xcell {
	r := palette.GapRatio(s)
	if r < 0 {
		return w.cell(kindCentered, palette.Gap(r), x.say("sheet.summary.no_data"))
	}
	return w.cell(kindPercent, palette.Gap(r), ratio(r))
}

func (w *rowWriter) headerRow(hdr []string) error {
	cells := make([]xcell, len(hdr))
	for i, h := range hdr {
		cells[i] = w.cell(kindHeader, noFill, h)
	}
	return w.put(32, cells...)
}

// summaryRow writes one line of totals. The balance index is filled on
// the gap ramp by the gap ratio it complements (index = 1 − ratio), as the
// heat map is; without weight to measure it is a dash on grey.
func (x *xlsxExport) summaryRow(w *rowWriter, label string, s *model.Summary, rules []model.RuleCode) error {
	bal := w.cell(kindIndex, palette.Gap(palette.GapRatio(s)), s.Balance)
	if palette.GapRatio(s) < 0 {
		bal = w.cell(kindCentered, palette.NoData, x.say("sheet.summary.no_data"))
	}
	cells := []xcell{w.cell(kindText, noFill, label), w.cell(kindInteger, noFill, s.Items),
		w.cell(kindNumber, noFill, s.Weight), w.cell(kindNumber, noFill, s.Gap), bal}
	for _, sev := range model.Severities {
		n := s.BySeverity[sev]
		fill := noFill
		if n > 0 {
			fill = severityFill(sev)
		}
		cells = append(cells, w.cell(kindInteger, fill, n))
	}
	for _, r := range rules {
		cells = append(cells, w.cell(kindInteger, noFill, s.ByRule[r]))
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
