package sheet

import (
	"rpbmatrix/model"
)

// findingsWidths are the findings sheet's columns: severity, rule, office,
// kind, category, duty, authority, reason.
var findingsWidths = []float64{8, 14, 14, 10, 10, 30, 14, 70}

// findings writes the findings of the offices exported, office by office
// in the order of their sheets, each office's worst first, each with its
// reason worded as its row is written. Asking the analysis one office at a
// time keeps a district's millions of findings out of memory. A list
// longer than a sheet holds goes on in further sheets ("错配清单(2)" …),
// each with the header.
func (x *xlsxExport) findings(offices []*model.Office) error {
	hdr := []string{x.say("sheet.findings.col.severity"), x.say("sheet.findings.col.rule"), x.say("sheet.column.office"),
		x.say("sheet.column.kind"), x.say("sheet.column.category"), x.say("sheet.column.duty"),
		x.say("sheet.findings.col.authority"), x.say("sheet.findings.col.reason")}
	cols := len(hdr)
	var w *rowWriter
	start := func() error {
		var err error
		w, err = x.newSheet(x.say("sheet.name.findings"), sheetLayout{widths: findingsWidths, freezeRows: 1, titleRows: [2]int{1, 1}, columns: cols})
		if err != nil {
			return err
		}
		return w.headerRow(hdr)
	}
	if err := start(); err != nil {
		return err
	}
	done := func() { w.filter(1, 1, cols, max(w.rows(), 2)) }
	// One row's cells and texts, reused: millions of rows at 1,000
	// offices, and every allocation spared is less for the collector,
	// which runs near its memory limit there.
	cells := make([]xcell, cols)
	var texts [findingColumns]string
	names := x.names()
	for _, o := range offices {
		for _, f := range x.res.FindingsOfOffice(o.ID) {
			if w.full() {
				done()
				if err := start(); err != nil {
					return err
				}
			}
			names.findingCells(&texts, x.p, x.res, f)
			cells[0] = w.cell(kindCentered, severityFill(f.Severity), texts[0])
			for i, v := range texts[1:] {
				cells[i+1] = w.cell(kindText, noFill, v)
			}
			if err := w.put(textsHeight(texts[:], findingsWidths), cells...); err != nil {
				return err
			}
		}
	}
	done()
	return nil
}

// enumNames words the model's names once per export, not once per row.
type enumNames struct {
	lang       string
	rules      map[model.RuleCode]string
	severities map[model.Severity]string
	kinds      map[model.ListKind]string
}

func (x *xlsxExport) names() *enumNames {
	n := &enumNames{lang: x.lang, rules: map[model.RuleCode]string{}, severities: map[model.Severity]string{}, kinds: map[model.ListKind]string{}}
	for _, r := range model.RuleCodes {
		n.rules[r] = r.Name().In(x.lang)
	}
	for _, s := range model.Severities {
		n.severities[s] = s.Name().In(x.lang)
	}
	for _, k := range model.ListKinds {
		n.kinds[k] = k.Name().In(x.lang)
	}
	return n
}

func (n *enumNames) rule(r model.RuleCode) string {
	if s, ok := n.rules[r]; ok {
		return s
	}
	return r.Name().In(n.lang)
}

// findingColumns is how many columns a finding's row has.
const findingColumns = 8

// findingCells fills out with a finding's cells: severity, rule, office,
// kind, category, duty, authority, reason.
func (n *enumNames) findingCells(out *[findingColumns]string, p *model.Project, res *model.Result, f model.Finding) {
	office, kind, cat, duty, auth := "", "", "", "", ""
	if o := p.Offices[f.Office]; o != nil {
		office = o.Name
	}
	if d := p.Duties[f.Duty]; d != nil {
		kind, cat, duty = n.kinds[d.Kind], d.Category, d.Title()
	}
	if a := p.Authorities[f.Authority]; a != nil {
		auth = a.Name
	}
	*out = [findingColumns]string{n.severities[f.Severity], n.rule(f.Rule), office, kind, cat, duty, auth, reason(res, f, n.lang)}
}

// reason words why a finding fired, when its row is written.
func reason(r *model.Result, f model.Finding, lang string) string { return r.Reason(f).In(lang) }

// byRule writes the findings counted by rule for every office: the
// table a district gathers from its offices.
func (x *xlsxExport) byRule(offices []*model.Office) error {
	rules := model.RuleCodes
	hdr := []string{x.say("sheet.column.office")}
	widths := []float64{22}
	for _, r := range rules {
		hdr = append(hdr, r.Name().In(x.lang))
		widths = append(widths, 10)
	}
	hdr = append(hdr, x.say("sheet.summary.total"))
	widths = append(widths, 10)
	const headerRow = 3
	w, err := x.newSheet(x.say("sheet.name.by_rule"), sheetLayout{widths: widths, freezeCols: 1, freezeRows: headerRow,
		titleRows: [2]int{headerRow, headerRow}, columns: len(hdr)})
	if err != nil {
		return err
	}
	if err := w.put(24, w.cell(kindTitle, noFill, x.say("sheet.by_rule.title", "project", x.p.Info.Name))); err != nil {
		return err
	}
	if err := w.put(0, w.cell(kindNote, noFill, x.say("sheet.by_rule.note", "date", x.now.Format("2006-01-02")))); err != nil {
		return err
	}
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	row := func(label string, s *model.Summary) error {
		cells := []xcell{w.cell(kindText, noFill, label)}
		total := 0
		for _, r := range rules {
			n := s.ByRule[r]
			total += n
			cells = append(cells, w.cell(kindInteger, noFill, n))
		}
		return w.put(0, append(cells, w.cell(kindInteger, noFill, total))...)
	}
	for _, o := range offices {
		if err := row(o.Name, &x.officeSummary(o.ID).Summary); err != nil {
			return err
		}
	}
	if len(offices) > 1 {
		if err := row(x.say("sheet.summary.total"), &x.res.Total); err != nil {
			return err
		}
	}
	w.filter(1, headerRow, len(hdr), headerRow+len(offices))
	return nil
}
