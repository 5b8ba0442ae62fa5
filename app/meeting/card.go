package meeting

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/matrix"
	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// card shows one item in large type: the duty, the office, its list and
// role, the authority it lacks, resources needed against held, the
// accountability it carries and every finding on it with its reason.
type card struct {
	s        *session.Session
	title    *widget.Label
	where    *widget.Label
	facts    *fyne.Container
	findings *fyne.Container
	object   fyne.CanvasObject
}

func newCard(s *session.Session) *card {
	c := &card{s: s}
	c.title = big(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), fynetheme.SizeNameHeadingText)
	c.where = big(widget.NewLabel(""), fynetheme.SizeNameSubHeadingText)
	c.facts = container.NewVBox()
	c.findings = container.NewVBox()
	c.object = container.NewVBox(c.title, c.where, widget.NewSeparator(), c.facts, widget.NewSeparator(), c.findings)
	return c
}

// big is a wrapping label in the size named.
func big(l *widget.Label, size fyne.ThemeSizeName) *widget.Label {
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

// line is one fact in large type.
func line(text string) fyne.CanvasObject {
	return big(widget.NewLabel(text), fynetheme.SizeNameSubHeadingText)
}

// show fills the card with item; the zero key empties it.
func (c *card) show(item model.PairKey) {
	p, r, lng := c.s.Project(), c.s.Result(), words.Current()
	o, d := p.Offices[item.Office], p.Duties[item.Other]
	if o == nil || d == nil {
		c.title.SetText(words.T("meeting.card.none"))
		c.where.SetText("")
		c.facts.Objects, c.findings.Objects = nil, nil
		c.facts.Refresh()
		c.findings.Refresh()
		return
	}
	c.title.SetText(d.Title())
	c.where.SetText(words.T("meeting.card.where", "Office", o.Name, "Category", d.Category, "Kind", d.Kind.Name().In(lng)))

	a := p.Assessment(item.Office, item.Other)
	var facts []fyne.CanvasObject
	if a == nil {
		facts = append(facts, line(words.T("meeting.card.unassessed")))
	} else {
		facts = append(facts, line(words.T("meeting.card.role", "Role", a.Role.Name().In(lng))))
	}
	var missing []string
	for _, id := range d.Required {
		au := p.Authorities[id]
		if au == nil {
			continue
		}
		if h := p.Holdings[model.PairKey{Office: item.Office, Other: id}]; h == nil || h.DeFacto != model.LevelFull {
			level := model.LevelNone
			if h != nil {
				level = h.DeFacto
			}
			missing = append(missing, words.T("meeting.card.authority_level", "Authority", au.Name, "Level", level.Name().In(lng)))
		}
	}
	switch {
	case len(d.Required) == 0:
		facts = append(facts, line(words.T("meeting.card.no_required")))
	case len(missing) == 0:
		facts = append(facts, line(words.T("meeting.card.missing_none")))
	default:
		facts = append(facts, line(words.T("meeting.card.missing", "Authorities", missing)))
	}
	if a != nil {
		facts = append(facts,
			line(words.T("meeting.card.staff", "Needed", a.StaffNeeded, "Held", a.StaffHeld)),
			line(words.T("meeting.card.funds", "Needed", a.FundsNeeded, "Held", a.FundsHeld)),
			line(words.T("meeting.card.exposure", "Incidents", a.Incidents, "Assessors", a.AssessedBy)))
		if a.Veto {
			facts = append(facts, line(words.T("meeting.card.veto")))
		}
	}
	if sc := r.Scores[item]; sc != nil {
		facts = append(facts, line(words.T("editors.detail.score", "W", sc.Weight,
			"A", words.Pct(sc.AuthorityCoverage), "S", words.Pct(sc.ResourceCoverage), "G", sc.Gap)))
	}
	c.facts.Objects = facts
	c.facts.Refresh()

	fs := r.FindingsFor(item.Office, item.Other)
	rows := make([]fyne.CanvasObject, 0, len(fs))
	for _, f := range fs {
		rows = append(rows, findingRow(r, f, lng))
	}
	c.findings.Objects = rows
	c.findings.Refresh()
}

// findingRow is a severity badge, the rule's name and the reason, large.
func findingRow(r *model.Result, f model.Finding, lng string) fyne.CanvasObject {
	fill := theme.SeverityColor(f.Severity, theme.CurrentVariant())
	badge := canvas.NewText(" "+words.T("meeting.card.badge", "Glyph", theme.SeveritySymbol(f.Severity),
		"Severity", f.Severity.Name().In(lng))+" ", theme.TextOn(fill)) // the spaces pad the colour around the words
	badge.TextStyle.Bold = true
	badge.TextSize = fyne.CurrentApp().Settings().Theme().Size(fynetheme.SizeNameSubHeadingText)
	name := big(widget.NewLabelWithStyle(matrix.RuleName(f.Rule, lng), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		fynetheme.SizeNameSubHeadingText)
	name.Wrapping = fyne.TextWrapOff
	head := container.NewHBox(container.NewStack(canvas.NewRectangle(fill), container.NewPadded(badge)), name)
	return container.NewVBox(head, line(r.Reason(f).In(lng)))
}
