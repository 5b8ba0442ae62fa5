package sheet

import (
	"sort"
	"strings"

	"rpbmatrix/model"
)

// decisionColumns are the 处理意见清单's columns, the published form's
// and then the meeting that took the decision and its note.
var decisionColumns = []struct {
	key   string
	width float64
}{
	{"sheet.decisions.col.seq", 6}, {"sheet.decisions.col.office", 14}, {"sheet.decisions.col.duty", 30},
	{"sheet.decisions.col.kind", 10}, {"sheet.decisions.col.findings", 18}, {"sheet.decisions.col.opinion", 30},
	{"sheet.decisions.col.responsible", 14}, {"sheet.decisions.col.deadline", 11}, {"sheet.decisions.col.status", 9},
	{"sheet.decisions.col.meeting", 18}, {"sheet.decisions.col.note", 24},
}

// decisions writes the 处理意见清单: every decision about the offices
// exported, by office and then in list order.
func (x *xlsxExport) decisions(offices []*model.Office) error {
	ds := decisionsOf(x.p, offices)
	var hdr []string
	var widths []float64
	for _, c := range decisionColumns {
		hdr = append(hdr, x.say(c.key))
		widths = append(widths, c.width)
	}
	const headerRow = 3
	w, err := x.newSheet(x.say("sheet.name.decisions"), sheetLayout{widths: widths, freezeRows: headerRow,
		titleRows: [2]int{headerRow, headerRow}, columns: len(hdr)})
	if err != nil {
		return err
	}
	if err := w.put(24, w.cell(kindTitle, noFill, x.say("sheet.decisions.title", "project", x.p.Info.Name))); err != nil {
		return err
	}
	if err := w.put(0, w.cell(kindNote, noFill, x.say("sheet.decisions.note", "date", x.now.Format("2006-01-02"), "n", len(ds)))); err != nil {
		return err
	}
	if err := w.headerRow(hdr); err != nil {
		return err
	}
	texts := make([]any, len(hdr))
	for i, d := range ds {
		office, duty, kind := x.say("sheet.decisions.all_offices"), "", ""
		if o := x.p.Offices[d.Office]; o != nil {
			office = o.Name
		}
		if du := x.p.Duties[d.Duty]; du != nil {
			duty, kind = du.Title(), du.Kind.Name().In(x.lang)
		}
		status := ""
		if d.Status != 0 {
			status = d.Status.Name().In(x.lang)
		}
		vals := []any{i + 1, office, duty, kind, x.decisionFindings(d, offices), x.opinion(d), d.ResponsibleUnit, d.Deadline, status,
			x.p.MeetingName(d), d.Note}
		cells := make([]xcell, len(vals))
		for j, v := range vals {
			k := kindText
			switch j {
			case 0:
				k = kindInteger
			case 3, 7, 8:
				k = kindCentered
			}
			cells[j] = w.cell(k, noFill, v)
			texts[j] = v
		}
		if err := w.put(rowHeight(texts, widths), cells...); err != nil {
			return err
		}
	}
	if len(ds) == 0 {
		if err := w.put(0, w.cell(kindNote, noFill, x.say("sheet.decisions.empty"))); err != nil {
			return err
		}
	}
	w.filter(1, headerRow, len(hdr), headerRow+max(len(ds), 1))
	return nil
}

// decisionsOf lists the decisions about the offices: those for one of
// them and those for every office on a duty in one of their lists; by
// office (every office first), then the duty's place in the lists.
func decisionsOf(p *model.Project, offices []*model.Office) []*model.Decision {
	in := map[model.ID]bool{}
	for _, o := range offices {
		in[o.ID] = true
	}
	all := len(offices) == len(p.Offices)
	var out []*model.Decision
	for _, d := range p.DecisionList() {
		switch {
		case all || in[d.Office]:
			out = append(out, d)
		case d.Office == model.NilID:
			if du := p.Duties[d.Duty]; du != nil {
				for _, o := range offices {
					if du.AppliesTo(o.ID) {
						out = append(out, d)
						break
					}
				}
			}
		}
	}
	officeName := func(d *model.Decision) string {
		if o := p.Offices[d.Office]; o != nil {
			return o.Name
		}
		return ""
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if na, nb := officeName(a), officeName(b); na != nb {
			return na < nb
		}
		da, db := p.Duties[a.Duty], p.Duties[b.Duty]
		if da == nil || db == nil {
			return da != nil
		}
		if da.Kind != db.Kind {
			return da.Kind < db.Kind
		}
		if da.Seq != db.Seq {
			return da.Seq < db.Seq
		}
		return da.Name < db.Name
	})
	return out
}

// decisionFindings names the rules that found a mismatch on the decided
// item: for one office, or for any office exported it applies to.
func (x *xlsxExport) decisionFindings(d *model.Decision, offices []*model.Office) string {
	var names []string
	seen := map[model.RuleCode]bool{}
	add := func(office model.ID) {
		for _, f := range x.res.FindingsFor(office, d.Duty) { // worst first
			if !seen[f.Rule] {
				seen[f.Rule] = true
				names = append(names, f.Rule.Name().In(x.lang))
			}
		}
	}
	if d.Office != model.NilID {
		add(d.Office)
	} else if du := x.p.Duties[d.Duty]; du != nil {
		for _, o := range offices {
			if du.AppliesTo(o.ID) {
				add(o.ID)
			}
		}
	}
	return strings.Join(names, cellSep(x.lang))
}

// opinion words what was decided: the action, and the power granted or
// withdrawn, the department taking the duty back, or the staff, funds and
// systems added or removed.
func (x *xlsxExport) opinion(d *model.Decision) string {
	action := d.Action.Name()
	switch d.Action {
	case model.ActionGrant, model.ActionWithdraw:
		if a := x.p.Authorities[d.Authority]; a != nil {
			return x.say("sheet.decisions.opinion.what", "action", action, "what", a.Name)
		}
	case model.ActionReturn:
		if d.Department != "" {
			return x.say("sheet.decisions.opinion.what", "action", action, "what", d.Department)
		}
	case model.ActionAddResources:
		var parts []string
		if d.StaffDelta != 0 {
			parts = append(parts, x.say("sheet.decisions.opinion.staff", "n", signed(d.StaffDelta)))
		}
		if d.FundsDelta != 0 {
			parts = append(parts, x.say("sheet.decisions.opinion.funds", "n", signed(d.FundsDelta)))
		}
		if d.SystemsDelta != 0 {
			parts = append(parts, x.say("sheet.decisions.opinion.systems", "n", signed(float64(d.SystemsDelta))))
		}
		if len(parts) > 0 {
			return x.say("sheet.decisions.opinion.what", "action", action, "what", parts)
		}
	}
	return x.say("sheet.decisions.opinion", "action", action)
}

// signed is a change with its sign: "+2", "−1.5".
func signed(v float64) string {
	if v > 0 {
		return "+" + num(v)
	}
	return "−" + num(-v)
}
