package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/app/theme"
	"rpbmatrix/app/wheel"
	"rpbmatrix/app/wraplabel"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// DetailPanel shows one (office, duty) and edits all of it: the findings
// with their reasons, the office's holding of each required authority, the
// office's assessment, the working group's decisions and the duty's
// catalogue facts. It refreshes itself after every change.
type DetailPanel struct {
	s       *session.Session
	win     fyne.Window
	confirm confirmFunc

	office, duty model.ID

	// OnClose runs when the user closes the panel.
	OnClose func()

	title, subtitle *widget.Label
	score           *widget.Label // W, A, S and G of the pair
	findings        *fyne.Container
	holdings        keptRows[*holdingRow]   // by (office, authority)
	decisions       keptRows[*decisionCard] // by (office, decision)
	assessment      *assessmentForm
	incidents       *recordCards[model.Incident, *model.Incident]
	coverage        *widget.Label // the office's balance index and how much of it is assessed
	officeHeads     []officeHead  // the headings that name the office by its kind: 本街道, 本镇
	dutyFacts       *dutyForm
	content         *fyne.Container // the sections, hidden when nothing is shown
	empty           *widget.Label
	root            fyne.CanvasObject
}

// NewDetailPanel builds an empty panel; Show fills it.
func NewDetailPanel(s *session.Session, win fyne.Window) *DetailPanel {
	d := &DetailPanel{s: s, win: win, confirm: dialogConfirm(win)}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Wrapping = fyne.TextWrapWord
	d.title.SizeName = fynetheme.SizeNameSubHeadingText
	d.subtitle = widget.NewLabel("")
	d.subtitle.Wrapping = fyne.TextWrapWord
	d.score = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.score.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("", fynetheme.CancelIcon(), func() {
		if d.OnClose != nil {
			d.OnClose()
		}
	})
	d.findings = container.NewVBox()
	d.holdings = keptRows[*holdingRow]{box: container.NewVBox(),
		empty: func() fyne.CanvasObject { return wrapped(words.T("editors.detail.no_required")) }}
	d.decisions = keptRows[*decisionCard]{box: container.NewVBox(),
		empty: func() fyne.CanvasObject { return wrapped(words.T("editors.detail.no_decisions")) }}
	d.assessment = newAssessmentForm(s, win, d.currentAssessment)
	d.incidents = incidentCards(s, win, func() model.PairKey { return model.PairKey{Office: d.office, Other: d.duty} })
	d.coverage = wrapped("")
	d.dutyFacts = newDutyForm(s, win, d.currentDuty)
	addDecision := widget.NewButtonWithIcon(words.T("editors.decision.add"), fynetheme.ContentAddIcon(), d.addDecision)

	d.content = container.NewVBox(
		d.score, d.coverage,
		section(words.T("editors.detail.findings")), d.findings,
		d.officeSection("editors.detail.holdings"), d.holdings.box,
		d.officeSection("editors.detail.assessment"), d.assessment.object(),
		d.officeSection("editors.detail.incidents"), d.incidents.object(),
		section(words.T("editors.detail.decisions")), d.decisions.box, container.NewHBox(addDecision),
		section(words.T("editors.detail.duty")), wrapped(words.T("editors.detail.duty_shared")), d.dutyFacts.object(),
	)
	d.empty = widget.NewLabel(words.T("editors.detail.empty"))
	d.empty.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, nil, container.NewVBox(closeBtn), container.NewVBox(d.title, d.subtitle))
	d.root = container.NewBorder(head, nil, nil, nil, wheel.Over(container.NewVScroll(container.NewVBox(d.empty, d.content))))
	s.OnChange(d.Refresh)
	d.Show(model.NilID, model.NilID)
	return d
}

// section is a heading between the panel's parts.
// It wraps, as every text of the panel does, so the panel can be narrow
// at presentation size.
func section(title string) fyne.CanvasObject {
	c, _ := sectionLabel(title)
	return c
}

// sectionLabel is a section heading and its label, for a heading that changes.
func sectionLabel(title string) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = fynetheme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), l), l
}

// officeHead is a heading that names the office shown by its kind.
type officeHead struct {
	key   string
	label *widget.Label
}

// officeSection is a section whose heading names the office by its kind
// (本街道, 本镇: model.Office.KindWord); Refresh words it for the office shown.
func (d *DetailPanel) officeSection(key string) fyne.CanvasObject {
	c, l := sectionLabel(words.T(key, "Office", (*model.Office)(nil).KindWord()))
	d.officeHeads = append(d.officeHeads, officeHead{key, l})
	return c
}

// wrapped is a plain label that wraps to the panel's width.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// CanvasObject is the panel's content.
func (d *DetailPanel) CanvasObject() fyne.CanvasObject { return d.root }

// Show fills the panel with (office, duty); NilIDs empty it.
func (d *DetailPanel) Show(office, duty model.ID) {
	d.office, d.duty = office, duty
	d.holdings.forget()
	d.decisions.forget()
	d.incidents.forget()
	d.Refresh()
}

// Shown returns the (office, duty) the panel shows.
func (d *DetailPanel) Shown() (office, duty model.ID) { return d.office, d.duty }

// Refresh shows the stored state again after a change, keeping the widgets
// of holdings and decisions that still exist (so focus is not lost).
func (d *DetailPanel) Refresh() {
	p := d.s.Project()
	o, du := p.Offices[d.office], p.Duties[d.duty]
	if o == nil || du == nil {
		d.title.SetText(words.T("editors.detail.none"))
		d.subtitle.SetText("")
		d.content.Hide()
		d.empty.Show()
		return
	}
	d.empty.Hide()
	d.content.Show()
	d.title.SetText(du.Title())
	d.subtitle.SetText(words.T("editors.detail.subtitle", "Office", o.Name, "Category", du.Category, "Kind", du.Kind.Name().In(words.Current())))
	d.score.SetText(scoreLine(d.s.Result().Scores[model.PairKey{Office: d.office, Other: d.duty}]))
	d.coverage.SetText(coverageLine(d.s.Result(), o))
	for _, h := range d.officeHeads {
		h.label.SetText(words.T(h.key, "Office", o.KindWord()))
	}
	d.refreshFindings()
	d.refreshHoldings(du)
	d.assessment.reload()
	d.incidents.Refresh()
	// With incident records the count entered on the assessment no
	// longer counts (model.IncidentCount): the records below are the truth.
	d.assessment.fieldByCode("incidents").show(len(d.incidents.rows.keys) == 0)
	d.refreshDecisions()
	d.dutyFacts.reload()
}

func (d *DetailPanel) refreshFindings() {
	fs := d.s.Result().FindingsFor(d.office, d.duty)
	objs := make([]fyne.CanvasObject, 0, len(fs)+1)
	if len(fs) == 0 {
		objs = append(objs, wrapped(words.T("editors.detail.no_findings")))
	}
	for _, f := range fs {
		objs = append(objs, findingRow(d.s.Result(), f, words.Current()))
	}
	d.findings.Objects = objs
	d.findings.Refresh()
}

// findingRow is a severity badge, the rule's name and the reason in words.
func findingRow(r *model.Result, f model.Finding, lng string) fyne.CanvasObject {
	v := theme.CurrentVariant()
	fill := theme.SeverityColor(f.Severity, v)
	bg := canvas.NewRectangle(fill)
	label := words.T("editors.finding.badge", "Glyph", theme.SeveritySymbol(f.Severity), "Severity", f.Severity.Name().In(lng))
	badge := canvas.NewText(" "+label+" ", theme.TextOn(fill)) // the spaces pad the colour around the words
	badge.TextStyle.Bold = true
	reason := wraplabel.NewLabel(r.Reason(f).In(lng)) // Chinese line breaking: no ） at a line start, 0.6 万元 whole
	head := container.NewHBox(container.NewStack(bg, container.NewPadded(badge)),
		widget.NewLabelWithStyle(ruleName(f.Rule, lng), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	return container.NewVBox(head, reason)
}

// ruleName is a rule's name in lng, its code when it has none.
func ruleName(code model.RuleCode, lng string) string {
	if info, ok := model.RuleByCode(code); ok {
		if name := info.Name.In(lng); name != "" {
			return name
		}
	}
	return string(code)
}

func (d *DetailPanel) refreshHoldings(du *model.Duty) {
	var keys []model.PairKey
	for _, a := range du.Required {
		if d.s.Project().Authorities[a] != nil {
			keys = append(keys, model.PairKey{Office: d.office, Other: a})
		}
	}
	d.holdings.show(keys, func(k model.PairKey) (*holdingRow, fyne.CanvasObject) {
		r := newHoldingRow(d.s, d.win, k.Office, k.Other)
		return r, r.object
	}, (*holdingRow).reload)
}

// refreshDecisions shows the decisions on the shown duty for the shown
// office or every office, oldest first.
func (d *DetailPanel) refreshDecisions() {
	var keys []model.PairKey
	for _, dec := range d.s.Project().DecisionList() {
		if dec.Duty == d.duty && (dec.Office == d.office || dec.Office == model.NilID) {
			keys = append(keys, model.PairKey{Office: d.office, Other: dec.ID})
		}
	}
	d.decisions.show(keys, func(k model.PairKey) (*decisionCard, fyne.CanvasObject) {
		c := newDecisionCard(d.s, d.win, k.Other, k.Office, d.confirm)
		return c, c.object
	}, func(c *decisionCard) { c.form.reload() })
}

func (d *DetailPanel) addDecision() {
	p := d.s.Project()
	if p.Offices[d.office] == nil || p.Duties[d.duty] == nil {
		return
	}
	dec := newDecision(d.s, d.office, d.duty)
	if err := d.s.Commit(words.T("editors.action.add_decision"), p.Put(dec)); err != nil {
		d.assessment.showError(err, nil)
	}
}

func (d *DetailPanel) currentDuty() *model.Duty {
	if du := d.s.Project().Duties[d.duty]; du != nil {
		return du.Clone().(*model.Duty)
	}
	return nil
}

func (d *DetailPanel) currentAssessment() *model.Assessment {
	p := d.s.Project()
	if a := p.Assessment(d.office, d.duty); a != nil {
		return a.Clone().(*model.Assessment)
	}
	du := p.Duties[d.duty]
	if du == nil || p.Offices[d.office] == nil {
		return nil
	}
	return &model.Assessment{Meta: model.NewMeta(d.s.Author), Office: d.office, Duty: d.duty, Role: du.Kind.ExpectedRole()}
}

// scoreLine states the pair's weight, coverages and gap ("" when unscored).
func scoreLine(sc *model.Score) string {
	if sc == nil {
		return ""
	}
	return words.T("editors.detail.score", "W", sc.Weight,
		"A", words.Pct(sc.AuthorityCoverage), "S", words.Pct(sc.ResourceCoverage), "G", sc.Gap)
}

// coverageLine is an office's balance index with the share of its items
// assessed (已评估 x / y): the index runs over the assessed items only, so
// it says how much it rests on; with nothing assessed there is no index.
func coverageLine(r *model.Result, o *model.Office) string {
	sum := r.Offices[o.ID]
	if sum == nil {
		return ""
	}
	if sum.Assessed == 0 {
		return words.T("editors.coverage.none", "Items", sum.Items, "Office", o.KindWord())
	}
	return words.T("editors.coverage.line", "Index", words.Index(sum.Balance),
		"Assessed", sum.Assessed, "Items", sum.Items, "Office", o.KindWord())
}
