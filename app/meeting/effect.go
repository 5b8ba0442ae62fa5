package meeting

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/matrix"
	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// closedShown is how many closed findings the panel lists by name; the
// rest are counted.
const closedShown = 4

// effect is the before → after panel: the office's and the district's
// balance index, the findings the decisions close, leave open and open,
// and the closed ones by name, from the session's live Plan.
type effect struct {
	s        *session.Session
	office   *widget.Label
	district *widget.Label
	closed   *fyne.Container
	object   fyne.CanvasObject
}

func newEffect(s *session.Session) *effect {
	e := &effect{s: s}
	e.office = big(widget.NewLabel(""), fynetheme.SizeNameSubHeadingText)
	e.district = big(widget.NewLabel(""), fynetheme.SizeNameSubHeadingText)
	e.closed = container.NewVBox()
	heading := big(widget.NewLabelWithStyle(words.T("meeting.effect.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		fynetheme.SizeNameSubHeadingText)
	e.object = container.NewVBox(heading, e.office, e.district, e.closed)
	return e
}

// show states the plan's effect for office and the district.
func (e *effect) show(office model.ID) {
	pl := e.s.Plan()
	if o := e.s.Project().Offices[office]; o != nil {
		e.office.SetText(baLine(o.Name, pl.Office(office)))
	} else {
		e.office.SetText("")
	}
	e.district.SetText(baLine(words.T("meeting.effect.district"), pl.District()))

	var objs []fyne.CanvasObject
	if office != model.NilID {
		closed, _, _ := pl.CompareOffice(office)
		if len(closed) > 0 {
			objs = append(objs, big(widget.NewLabelWithStyle(words.T("meeting.effect.closed_list", "Office", e.s.OfficeName(office)),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), fynetheme.SizeNameSubHeadingText))
		}
		p := e.s.Project()
		for i, f := range closed {
			if i == closedShown {
				objs = append(objs, line(words.T("meeting.effect.more", "N", len(closed)-closedShown)))
				break
			}
			what := matrix.RuleName(f.Rule, words.Current())
			if d := p.Duties[f.Duty]; d != nil {
				what = words.T("meeting.effect.closed_item", "Duty", d.Title(), "Rule", what)
			} else if a := p.Authorities[f.Authority]; a != nil {
				what = words.T("meeting.effect.closed_item", "Duty", a.Name, "Rule", what)
			}
			objs = append(objs, line(what))
		}
	}
	e.closed.Objects = objs
	e.closed.Refresh()
}

// baLine words one before → after: the balance index (none when nothing
// is assessed) and the findings closed, still open and opened.
func baLine(who string, ba model.BeforeAfter) string {
	return words.T("meeting.effect.line", "Who", who,
		"Before", index(ba.Before), "After", index(ba.After),
		"Closed", ba.Closed, "Open", ba.StillOpen, "Opened", ba.Opened)
}

// index is a balance index as a before → after writes it (to three places:
// one decision moves an office's by a few thousandths), a dash when
// nothing is assessed.
func index(s model.Summary) any {
	if s.Assessed == 0 {
		return words.T("meeting.effect.no_index")
	}
	return words.Index(s.Balance).Fine()
}
