package editors

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// CatalogueView is the duty catalogue: a searchable list and the form of the
// selected duty with its required authorities and the offices it applies to.
type CatalogueView struct {
	*listEditor[model.Duty, *model.Duty]

	search   *widget.Entry
	category *widget.Select
	cats     []string
	count    *widget.Label
	required *idChecks    // the authorities the duty needs
	scope    *scopePicker // the offices it applies to
	loading  bool
}

// NewCatalogueView builds the catalogue editor; it refreshes itself after every change.
func NewCatalogueView(s *session.Session, win fyne.Window) *CatalogueView {
	v := &CatalogueView{}
	v.listEditor = newListEditor(s, win, listed[model.Duty, *model.Duty]{
		list: v.matching,
		get:  func(p *model.Project, id model.ID) *model.Duty { return p.Duties[id] },
		describe: func(s *session.Session, _ *model.Project, d *model.Duty) (string, string) {
			return numbered(d), words.T("editors.duty.subtitle", "Category", categoryOf(d), "Kind", d.Kind.Name().In(words.Current()), "LeadDept", d.LeadDept)
		},
		create:  v.newDuty,
		cascade: (*model.Project).DeleteDuty,
		question: func(_ *model.Project, d *model.Duty, gone map[model.EntityKind]int) string {
			return words.T("editors.duty.delete_confirm", "Name", d.Title(),
				"Assessments", gone[model.KindAssessment], "Decisions", gone[model.KindDecision])
		},
	}, newDutyForm)
	v.onShow = v.showLinks
	v.reveal = func() {
		v.search.SetText("")
		v.category.SetSelectedIndex(0)
	}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(words.T("editors.catalogue.search"))
	v.search.OnChanged = func(string) { v.Refresh() }
	v.category = widget.NewSelect(nil, func(string) {
		if !v.loading {
			v.Refresh()
		}
	})
	v.count = widget.NewLabel("")
	v.required = newIDChecks(false, v.requiredChanged)
	v.scope = newScopePicker(v.scopeChanged)

	dup := editorButton("editors.action.duplicate_duty", fynetheme.ContentCopyIcon(), false, v.Duplicate)
	above := container.NewVBox(container.NewBorder(nil, nil, v.category, nil, v.search), v.count)
	v.lay(above, container.NewVBox(
		v.form.object(),
		section(words.T("editors.catalogue.required")), v.required.group,
		section(words.T("editors.catalogue.scope")), container.NewVBox(v.scope.objects()...),
	), 0.38, dup)
	v.lazy.Refresh = v.Refresh
	v.listen()
	return v
}

// Refresh lists the duties that match the search and shows the selected one.
func (v *CatalogueView) Refresh() {
	v.loading = true
	v.cats = v.s.Project().Categories()
	cat := v.chosenCategory()
	v.category.SetOptions(append([]string{words.T("matrix.filter.all_categories")}, v.cats...))
	v.category.SetSelectedIndex(max(0, indexOf(v.cats, cat)+1))
	v.loading = false
	v.listEditor.Refresh()
}

// chosenCategory is the category the list is narrowed to, "" for all.
func (v *CatalogueView) chosenCategory() string {
	if i := v.category.SelectedIndex(); i > 0 && i-1 < len(v.cats) {
		return v.cats[i-1]
	}
	return ""
}

// matching lists the duties of the chosen category that match the search,
// and counts them.
func (v *CatalogueView) matching(p *model.Project) []*model.Duty {
	terms := strings.Fields(strings.ToLower(v.search.Text))
	cat := v.chosenCategory()
	var shown []*model.Duty
	all := p.DutyList()
	for _, d := range all {
		if cat != "" && d.Category != cat {
			continue
		}
		if matchesWords(terms, d.Name, d.SubItem, d.Category, d.SubCategory, d.LeadDept, d.LegalBasis, strconv.Itoa(d.Seq)) {
			shown = append(shown, d)
		}
	}
	v.count.SetText(words.T("editors.catalogue.count", "Shown", len(shown), "Total", len(all)))
	return shown
}

// categoryOf is a duty's category with its subcategory (二级类别), if any.
func categoryOf(d *model.Duty) string {
	if d.SubCategory == "" {
		return d.Category
	}
	return words.T("editors.duty.category_sub", "Category", d.Category, "Sub", d.SubCategory)
}

// numbered is a duty's title after its number in the catalogue, if any.
func numbered(d *model.Duty) string {
	if d.Seq > 0 {
		return words.T("editors.duty.numbered", "Seq", d.Seq, "Title", d.Title())
	}
	return d.Title()
}

func matchesWords(words []string, fields ...string) bool {
	text := strings.ToLower(strings.Join(fields, "\n"))
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// showLinks shows the selected duty's required authorities and scope.
func (v *CatalogueView) showLinks(d *model.Duty) {
	p := v.s.Project()
	v.loading = true
	defer func() { v.loading = false }()
	v.required.set(authorityOptions(p, words.Current()), d.Required)
	v.scope.show(p, d.Scope)
}

func (v *CatalogueView) requiredChanged() {
	if v.loading {
		return
	}
	d := v.current()
	if d == nil {
		return
	}
	d.Required = v.required.selected()
	v.commit(words.T("editors.action.edit_required"), d)
}

func (v *CatalogueView) scopeChanged() {
	if v.loading {
		return
	}
	d := v.current()
	if d == nil {
		return
	}
	scope, ok := v.scope.chosen()
	if !ok {
		return
	}
	d.Scope = scope
	v.commit(words.T("editors.action.edit_scope"), d)
}

func (v *CatalogueView) commit(action string, d *model.Duty) {
	d.Touch(v.s.Author)
	if err := v.s.Commit(action, v.s.Project().Put(d)); err != nil {
		v.scope.say(errorText(err))
	}
}

// newDuty is the duty Add creates: on the basic list, in the category the
// list is narrowed to, at the end of the catalogue.
func (v *CatalogueView) newDuty(s *session.Session) *model.Duty {
	cat := v.chosenCategory()
	if cat == "" {
		cat = model.Categories[0]
	}
	return &model.Duty{Meta: model.NewMeta(s.Author), Seq: nextSeq(s.Project()), Name: words.T("editors.duty.new_name"),
		Category: cat, Kind: model.ListBasic}
}

// Duplicate copies the selected duty (catalogue facts, required authorities
// and scope; not assessments or decisions) and selects the copy.
func (v *CatalogueView) Duplicate() {
	d := v.current()
	if d == nil {
		return
	}
	d.Meta = model.NewMeta(v.s.Author)
	d.Seq = nextSeq(v.s.Project())
	d.Name = words.T("editors.duty.copy_name", "Name", d.Name)
	v.store(words.T("editors.action.duplicate_duty"), d)
}

func nextSeq(p *model.Project) int {
	n := 0
	for _, d := range p.Duties {
		n = max(n, d.Seq)
	}
	return n + 1
}

// errorText is err in the UI language, in the words it carries.
func errorText(err error) string { return words.Text(words.Current(), err) }
