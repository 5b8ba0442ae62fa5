package editors

import (
	"errors"
	"rpbmatrix/model/words"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/session"
	"rpbmatrix/model"
)

// CatalogueView is the duty catalogue: a searchable list and the form of the
// selected duty with its required authorities and the offices it applies to.
type CatalogueView struct {
	s       *session.Session
	win     fyne.Window
	confirm confirmFunc

	search   *widget.Entry
	category *widget.Select
	cats     []string
	count    *widget.Label
	list     *idList
	form     *dutyForm
	required *widget.CheckGroup
	reqIDs   []model.ID // option i of required
	allScope *widget.RadioGroup
	scope    *widget.CheckGroup
	scopeIDs []model.ID // option i of scope
	msg      *widget.Label
	loading  bool
	formBox  *fyne.Container
	root     fyne.CanvasObject
}

// NewCatalogueView builds the catalogue editor; it refreshes itself after every change.
func NewCatalogueView(s *session.Session, win fyne.Window) *CatalogueView {
	v := &CatalogueView{s: s, win: win, confirm: dialogConfirm(win)}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(words.T("editors.catalogue.search"))
	v.search.OnChanged = func(string) { v.Refresh() }
	v.category = widget.NewSelect(nil, func(string) {
		if !v.loading {
			v.Refresh()
		}
	})
	v.count = widget.NewLabel("")
	v.list = newIDList(v.describe, func(model.ID) { v.reloadForm() })
	v.form = newDutyForm(s, win, v.current)
	v.required = widget.NewCheckGroup(nil, func([]string) { v.requiredChanged() })
	v.allScope = widget.NewRadioGroup([]string{words.T("editors.catalogue.scope_all"), words.T("editors.catalogue.scope_some")},
		func(string) { v.scopeChanged() })
	v.allScope.Horizontal = true
	v.allScope.Required = true
	v.scope = widget.NewCheckGroup(nil, func([]string) { v.scopeChanged() })
	v.scope.Horizontal = true
	v.msg = widget.NewLabel("")
	v.msg.Importance = widget.DangerImportance
	v.msg.Wrapping = fyne.TextWrapWord
	v.msg.Hide()

	add := editorButton("editors.action.add_duty", fynetheme.ContentAddIcon(), false, v.Add)
	dup := editorButton("editors.action.duplicate_duty", fynetheme.ContentCopyIcon(), false, v.Duplicate)
	del := editorButton("editors.action.delete_duty", fynetheme.DeleteIcon(), true, v.Delete)
	top := container.NewVBox(container.NewBorder(nil, nil, v.category, nil, v.search), v.count)
	left := container.NewBorder(top, container.NewGridWithColumns(3, add, dup, del), nil, nil, v.list.list)
	v.root, v.formBox = listAndForm(left, container.NewVBox(
		v.form.object(),
		section(words.T("editors.catalogue.required")), v.required,
		section(words.T("editors.catalogue.scope")), v.allScope, v.scope, v.msg,
	), 0.38)
	s.OnChange(v.Refresh)
	v.Refresh()
	return v
}

// CanvasObject is the view's content.
func (v *CatalogueView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh lists the duties that match the search and shows the selected one.
func (v *CatalogueView) Refresh() {
	p := v.s.Project()
	v.loading = true
	v.cats = p.Categories()
	chosen := v.category.SelectedIndex()
	cat := ""
	if chosen > 0 && chosen-1 < len(v.cats) {
		cat = v.cats[chosen-1]
	}
	v.category.SetOptions(append([]string{words.T("matrix.filter.all_categories")}, v.cats...))
	v.category.SetSelectedIndex(max(0, indexOf(v.cats, cat)+1))
	v.loading = false

	terms := strings.Fields(strings.ToLower(v.search.Text))
	var ids []model.ID
	all := p.DutyList()
	for _, d := range all {
		if cat != "" && d.Category != cat {
			continue
		}
		if matchesWords(terms, d.Name, d.SubItem, d.Category, d.LeadDept, d.LegalBasis, strconv.Itoa(d.Seq)) {
			ids = append(ids, d.ID)
		}
	}
	v.count.SetText(words.T("editors.catalogue.count", "Shown", len(ids), "Total", len(all)))
	v.list.set(ids)
	v.reloadForm()
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

func (v *CatalogueView) describe(id model.ID) (string, string) {
	d := v.s.Project().Duties[id]
	if d == nil {
		return "", ""
	}
	title := d.Title()
	if d.Seq > 0 {
		title = strconv.Itoa(d.Seq) + ". " + title
	}
	return title, d.Category + " · " + d.Kind.Name().In(v.s.Lang) + " · " + d.LeadDept
}

func (v *CatalogueView) current() *model.Duty {
	if d := v.s.Project().Duties[v.list.selected]; d != nil {
		c := *d
		c.Scope = slices.Clone(d.Scope)
		c.Required = slices.Clone(d.Required)
		return &c
	}
	return nil
}

// reloadForm shows the selected duty, its required authorities and scope.
func (v *CatalogueView) reloadForm() {
	d := v.current()
	if d == nil {
		v.formBox.Hide()
		return
	}
	v.formBox.Show()
	v.form.reload()
	p := v.s.Project()
	v.loading = true
	defer func() { v.loading = false }()
	v.msg.Hide()

	v.reqIDs = v.reqIDs[:0]
	var opts, checked []string
	for _, a := range p.AuthorityList() {
		label := a.Name + "（" + a.Type.Name().In(v.s.Lang) + "）"
		v.reqIDs = append(v.reqIDs, a.ID)
		opts = append(opts, label)
		if slices.Contains(d.Required, a.ID) {
			checked = append(checked, label)
		}
	}
	v.required.Options = opts
	v.required.SetSelected(checked)

	v.scopeIDs = v.scopeIDs[:0]
	opts, checked = nil, nil
	for _, o := range p.OfficeList() {
		v.scopeIDs = append(v.scopeIDs, o.ID)
		opts = append(opts, o.Name)
		if slices.Contains(d.Scope, o.ID) {
			checked = append(checked, o.Name)
		}
	}
	v.scope.Options = opts
	v.scope.SetSelected(checked)
	if len(d.Scope) == 0 {
		v.allScope.SetSelected(v.allScope.Options[0])
		v.scope.Disable()
	} else {
		v.allScope.SetSelected(v.allScope.Options[1])
		v.scope.Enable()
	}
}

func (v *CatalogueView) requiredChanged() {
	if v.loading {
		return
	}
	d := v.current()
	if d == nil {
		return
	}
	d.Required = nil
	for i, o := range v.required.Options {
		if slices.Contains(v.required.Selected, o) && i < len(v.reqIDs) {
			d.Required = append(d.Required, v.reqIDs[i])
		}
	}
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
	d.Scope = nil
	if v.allScope.Selected != v.allScope.Options[0] {
		v.scope.Enable()
		for i, o := range v.scope.Options {
			if slices.Contains(v.scope.Selected, o) && i < len(v.scopeIDs) {
				d.Scope = append(d.Scope, v.scopeIDs[i])
			}
		}
		if len(d.Scope) == 0 {
			// An empty scope means every office: wait until one is ticked.
			v.msg.SetText(words.T("editors.catalogue.scope_pick"))
			v.msg.Show()
			return
		}
	}
	v.commit(words.T("editors.action.edit_scope"), d)
}

func (v *CatalogueView) commit(action string, d *model.Duty) {
	d.Touch(v.s.Author)
	if err := v.s.Commit(action, v.s.Project().Put(d)); err != nil {
		v.msg.SetText(errorText(v.s, err))
		v.msg.Show()
	}
}

// Select shows duty id (clearing the search if it hides it).
func (v *CatalogueView) Select(id model.ID) {
	if !slices.Contains(v.list.ids, id) {
		v.search.SetText("")
		v.category.SetSelectedIndex(0)
	}
	v.list.choose(id)
}

// Add creates a basic-list duty at the end of the catalogue and selects it.
func (v *CatalogueView) Add() {
	p := v.s.Project()
	cat := model.Categories[0]
	if i := v.category.SelectedIndex(); i > 0 && i-1 < len(v.cats) {
		cat = v.cats[i-1]
	}
	d := &model.Duty{Meta: model.NewMeta(v.s.Author), Seq: nextSeq(p), Name: words.T("editors.duty.new_name"),
		Category: cat, Kind: model.ListBasic}
	v.create(words.T("editors.action.add_duty"), d)
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
	d.Name += words.T("editors.duty.copy_suffix")
	v.create(words.T("editors.action.duplicate_duty"), d)
}

func (v *CatalogueView) create(action string, d *model.Duty) {
	if err := v.s.Commit(action, v.s.Project().Put(d)); err != nil {
		v.msg.SetText(errorText(v.s, err))
		v.msg.Show()
		return
	}
	v.Select(d.ID)
}

func nextSeq(p *model.Project) int {
	n := 0
	for _, d := range p.Duties {
		n = max(n, d.Seq)
	}
	return n + 1
}

// Delete removes the selected duty with its assessments and decisions, after confirmation.
func (v *CatalogueView) Delete() {
	p := v.s.Project()
	d := p.Duties[v.list.selected]
	if d == nil {
		return
	}
	n := countKinds(p.DeleteDuty(d.ID))
	msg := words.T("editors.duty.delete_confirm", "Name", d.Title(),
		"Assessments", n[model.KindAssessment], "Decisions", n[model.KindDecision])
	v.confirm(words.T("editors.action.delete_duty"), msg, func() {
		if err := v.s.Commit(words.T("editors.action.delete_duty"), p.DeleteDuty(d.ID)...); err != nil {
			v.msg.SetText(errorText(v.s, err))
			v.msg.Show()
		}
	})
}

// errorText is an error in the session's language when it is a validation problem.
func errorText(s *session.Session, err error) string {
	var p model.Problem
	if errors.As(err, &p) {
		return s.T(p.Msg)
	}
	return err.Error()
}
