package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// OfficesView lists the offices and edits the selected one: add, change,
// delete (with its holdings, assessments and decisions, after confirmation),
// its staffing against what its duties hold, and the off-list tasks it
// performs (清单外事项).
type OfficesView struct {
	*listEditor[model.Office, *model.Office]
	coverage *widget.Label // the balance index and how much of the list is assessed
	staffing *widget.Label // the people available, and what the duties hold of them
	overdraw *widget.Label // the warning when the duties hold more than there are
	offList  *recordCards[model.OffListTask, *model.OffListTask]
	// shownOffice is the office whose off-list cards are built.
	shownOffice model.ID
}

// AuthoritiesView is the authority catalogue: add, edit and delete powers.
type AuthoritiesView = listEditor[model.Authority, *model.Authority]

// NewOfficesView builds the offices editor; it refreshes itself after every change.
func NewOfficesView(s *session.Session, win fyne.Window) *OfficesView {
	v := &OfficesView{listEditor: newListEditor(s, win, offices, newOfficeForm)}
	v.coverage = wrapped("")
	v.staffing = wrapped("")
	v.overdraw = wrapped("")
	v.overdraw.Importance = widget.DangerImportance
	v.offList = offListCards(s, win, func() model.ID { return v.list.selected })
	v.onShow = v.showOffice
	v.lay(nil, container.NewVBox(v.coverage, v.form.object(), v.staffing, v.overdraw,
		section(words.T("editors.off_list.title")), wrapped(words.T("editors.off_list.help")), v.offList.object()), 0.3)
	v.listen()
	return v
}

// showOffice shows the selected office's staffing and off-list tasks.
func (v *OfficesView) showOffice(o *model.Office) {
	if v.shownOffice != o.ID {
		v.offList.forget()
		v.shownOffice = o.ID
	}
	v.coverage.SetText(coverageLine(v.s.Result(), o))
	held := staffHeld(v.s.Project(), o.ID)
	v.staffing.SetText(words.T("editors.office.staff_available", "Available", o.StaffAvailable(),
		"OnStaff", o.OnStaff, "Auxiliary", o.Auxiliary, "Out", o.SecondedOut, "In", o.SecondedIn, "Held", held))
	if held > float64(o.StaffAvailable()) {
		v.overdraw.SetText(words.T("editors.office.staff_overdrawn", "Held", held, "Available", o.StaffAvailable()))
		v.overdraw.Show()
	} else {
		v.overdraw.Hide()
	}
	v.offList.Refresh()
}

// staffHeld sums the staff the office's assessments hold for its duties
// (FTE): it comes out of the office's available people.
func staffHeld(p *model.Project, office model.ID) float64 {
	var sum float64
	for id, d := range p.Duties { // a district's duties are fewer than its assessments
		if a := p.Assessment(office, id); a != nil && d.AppliesTo(office) {
			sum += a.StaffHeld
		}
	}
	return sum
}

// NewAuthoritiesView builds the authority editor; it refreshes itself after every change.
func NewAuthoritiesView(s *session.Session, win fyne.Window) *AuthoritiesView {
	return openListEditor(s, win, authorities, newAuthorityForm, 0.36)
}

// offices lists the offices by name.
var offices = listed[model.Office, *model.Office]{
	list: (*model.Project).OfficeList,
	get:  func(p *model.Project, id model.ID) *model.Office { return p.Offices[id] },
	describe: func(s *session.Session, _ *model.Project, o *model.Office) (string, string) {
		return o.Name, words.T("editors.office.subtitle", "Kind", o.Kind.Name().In(words.Current()), "Description", o.Description)
	},
	create: func(s *session.Session) *model.Office {
		return &model.Office{Meta: model.NewMeta(s.Author), Name: words.T("editors.office.new_name"), Kind: model.OfficeStreet}
	},
	cascade: (*model.Project).DeleteOffice,
	question: func(_ *model.Project, o *model.Office, gone map[model.EntityKind]int) string {
		return words.T("editors.office.delete_confirm", "Name", o.Name, "Holdings", gone[model.KindHolding],
			"Assessments", gone[model.KindAssessment], "Decisions", gone[model.KindDecision])
	},
}

// authorities lists the authority catalogue by type, then name.
var authorities = listed[model.Authority, *model.Authority]{
	list: (*model.Project).AuthorityList,
	get:  func(p *model.Project, id model.ID) *model.Authority { return p.Authorities[id] },
	describe: func(s *session.Session, p *model.Project, a *model.Authority) (string, string) {
		return a.Name, authorityCaption(p, a, words.Current())
	},
	create: func(s *session.Session) *model.Authority {
		return &model.Authority{Meta: model.NewMeta(s.Author), Name: words.T("editors.authority.new_name"), Type: model.AuthStreetPower}
	},
	cascade: (*model.Project).DeleteAuthority,
	question: func(p *model.Project, a *model.Authority, gone map[model.EntityKind]int) string {
		return words.T("editors.authority.delete_confirm", "Name", a.Name, "Holdings", gone[model.KindHolding],
			"Duties", requiredBy(p, a.ID), "Decisions", gone[model.KindDecision])
	},
}

// authorityCaption is an authority's type and how many duties require it.
func authorityCaption(p *model.Project, a *model.Authority, lang string) string {
	return words.T("editors.authority.caption", "Type", a.Type.Name().In(lang), "Duties", requiredBy(p, a.ID))
}

// requiredBy counts the duties that require authority id.
func requiredBy(p *model.Project, id model.ID) int {
	n := 0
	for _, d := range p.Duties {
		for _, r := range d.Required {
			if r == id {
				n++
				break
			}
		}
	}
	return n
}
