// Package mergeui is File → Hand out… and File → Merge… of the window:
// choosing the offices of a hand-out copy, and the review of a copy's merge
// (what the copy changed alone, the conflicts with both values, who made
// them and when, a choice for each), then the merge's report.
package mergeui

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/wraplabel"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/merge"
)

// shownEdits is how many of the copy's own edits the review lists; the
// rest are counted (a street's copy may change thousands of assessments).
const shownEdits = 200

// HandOut is the office picker of a hand-out copy.
type HandOut struct {
	Offices *widget.CheckGroup // one box per office, by name
	Next    *widget.Button     // asks where to save; enabled once an office is ticked
	dlg     *dialog.CustomDialog
	ids     map[string]model.ID
}

// NewHandOut makes the picker for the offices of st's project; save is
// called with the offices chosen (the window then asks where to save).
func NewHandOut(win fyne.Window, st *storage.Store, save func(offices []model.ID)) *HandOut {
	p := st.Project()
	h := &HandOut{ids: map[string]model.ID{}}
	var names []string
	for _, o := range p.OfficeList() {
		name := o.Name
		for h.ids[name] != model.NilID { // two offices of one name stay apart
			name += " "
		}
		h.ids[name] = o.ID
		names = append(names, name)
	}
	h.Next = widget.NewButton(words.T("files.handout.next"), func() {
		var ids []model.ID
		for _, n := range h.Offices.Selected {
			ids = append(ids, h.ids[n])
		}
		h.dlg.Hide()
		save(ids)
	})
	h.Next.Importance = widget.HighImportance
	h.Next.Disable()
	h.Offices = widget.NewCheckGroup(names, func(sel []string) {
		if len(sel) > 0 {
			h.Next.Enable()
		} else {
			h.Next.Disable()
		}
	})
	intro := widget.NewLabel(words.T("files.handout.intro"))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(h.Offices))
	h.dlg = dialog.NewCustom(words.T("files.handout.title"), words.T("files.cancel"), content, win)
	cancel := widget.NewButton(words.T("files.cancel"), func() { h.dlg.Hide() })
	h.dlg.SetButtons([]fyne.CanvasObject{cancel, h.Next})
	h.dlg.Resize(fyne.NewSize(520, 560))
	return h
}

// Show shows the picker.
func (h *HandOut) Show() { h.dlg.Show() }

// Review is the review dialog of a merge.
type Review struct {
	Plan *storage.MergePlan
	// Choices has one choice per conflict, in plan.Conflicts' order:
	// keep this project's value, or take the copy's.
	Choices   []*widget.RadioGroup
	AllOurs   *widget.Button
	AllTheirs *widget.Button
	Merge     *widget.Button // enabled once every conflict is resolved
	Status    *widget.Label  // how many conflicts are left

	win    fyne.Window
	st     *storage.Store
	dlg    *dialog.CustomDialog
	onDone func(rep *storage.MergeReport)
	// syncing is set while the buttons set the choices, so that the
	// choices' callbacks do not resolve conflicts one by one.
	syncing bool
}

// ShowMerge plans the merge of the copy at copyPath into st and shows its
// review; onDone gets the report once the merge is written (changed tells
// whether the project changed, so the window analyses it again).
func ShowMerge(win fyne.Window, st *storage.Store, copyPath string, onDone func(changed bool)) {
	plan, err := st.PlanMerge(copyPath)
	if err != nil {
		dialog.ShowError(errors.New(words.Text(words.Current(), err)), win)
		return
	}
	if plan.Empty() && plan.Base != storage.BaseNone {
		dialog.ShowInformation(words.T("files.merge.title"), words.T("files.merge.nothing", "copy", filepath.Base(copyPath)), win)
		return
	}
	NewReview(win, st, plan, func(rep *storage.MergeReport) {
		ShowReport(win, rep)
		onDone(rep.Changes > 0)
	}).Show()
}

// NewReview makes the review of plan; onDone gets the report of a written merge.
func NewReview(win fyne.Window, st *storage.Store, plan *storage.MergePlan, onDone func(*storage.MergeReport)) *Review {
	r := &Review{Plan: plan, win: win, st: st, onDone: onDone}
	lang := words.Current()
	head := widget.NewLabel(words.T("files.merge.base."+plan.Base, "copy", filepath.Base(plan.Copy)))
	head.Wrapping = fyne.TextWrapWord

	list := container.NewVBox()
	if n := len(plan.Conflicts); n > 0 {
		list.Add(heading(words.T("files.merge.conflicts", "n", n)))
		for i, c := range plan.Conflicts {
			list.Add(r.conflictRow(lang, i, c))
		}
	}
	if n := len(plan.Edits); n > 0 {
		list.Add(heading(words.T("files.merge.edits", "n", n)))
		for _, e := range plan.Edits[:min(n, shownEdits)] {
			list.Add(wraplabel.NewLabel(editText(lang, e)))
		}
		if n > shownEdits {
			list.Add(widget.NewLabel(words.T("files.merge.more", "n", n-shownEdits)))
		}
	}

	r.Status = widget.NewLabel("")
	r.AllOurs = widget.NewButton(words.T("files.merge.all_ours"), func() { r.resolveAll(merge.Ours) })
	r.AllTheirs = widget.NewButton(words.T("files.merge.all_theirs"), func() { r.resolveAll(merge.Theirs) })
	if len(plan.Conflicts) == 0 {
		r.AllOurs.Hide()
		r.AllTheirs.Hide()
	}
	r.Merge = widget.NewButton(words.T("files.merge.do"), r.doMerge)
	r.Merge.Importance = widget.HighImportance
	tools := container.NewHBox(r.AllOurs, r.AllTheirs, r.Status)
	content := container.NewBorder(container.NewVBox(head, tools), nil, nil, nil, container.NewVScroll(list))
	r.dlg = dialog.NewCustom(words.T("files.merge.title"), words.T("files.cancel"), content, win)
	cancel := widget.NewButton(words.T("files.cancel"), func() { r.dlg.Hide() })
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, r.Merge})
	r.dlg.Resize(fyne.NewSize(860, 640))
	r.update()
	return r
}

// Show shows the review.
func (r *Review) Show() { r.dlg.Show() }

// conflictRow shows conflict i with both sides and the choice between them.
func (r *Review) conflictRow(lang string, i int, c merge.Conflict) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.Record.Name.In(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	what := wraplabel.NewLabel(conflictText(lang, c))
	ours, theirs := words.T("files.merge.keep_ours"), words.T("files.merge.take_theirs")
	choice := widget.NewRadioGroup([]string{ours, theirs}, func(s string) {
		if r.syncing {
			return
		}
		switch s {
		case ours:
			r.Plan.Resolve(i, merge.Ours)
		case theirs:
			r.Plan.Resolve(i, merge.Theirs)
		default:
			r.Plan.Resolve(i, merge.Unresolved)
		}
		r.update()
	})
	choice.Horizontal = true
	r.Choices = append(r.Choices, choice)
	return container.NewVBox(name, what, choice, widget.NewSeparator())
}

// resolveAll chooses side for every conflict, including those chosen already.
func (r *Review) resolveAll(side merge.Side) {
	for i := range r.Plan.Conflicts {
		r.Plan.Resolve(i, side)
	}
	r.syncing = true
	for _, c := range r.Choices {
		c.SetSelected(c.Options[int(side)-1])
	}
	r.syncing = false
	r.update()
}

// update enables Merge once every conflict is resolved and says how many are left.
func (r *Review) update() {
	if n := r.Plan.Unresolved(); n > 0 {
		r.Status.SetText(words.T("files.merge.left", "n", n))
		r.Merge.Disable()
		return
	}
	r.Status.SetText("")
	r.Merge.Enable()
}

// doMerge writes the merge. A project changed since the plan is planned
// again and reviewed afresh; any other refusal is explained and the review
// stays open.
func (r *Review) doMerge() {
	rep, err := r.st.Merge(r.Plan, false)
	switch {
	case err == nil:
		r.dlg.Hide()
		r.onDone(rep)
	case errors.Is(err, storage.ErrStalePlan):
		r.dlg.Hide()
		dialog.ShowInformation(words.T("files.merge.title"), words.T("files.merge.stale"), r.win)
		if plan, perr := r.st.PlanMerge(r.Plan.Copy); perr == nil {
			NewReview(r.win, r.st, plan, r.onDone).Show()
		}
	case storage.IsConflict(err):
		r.update()
		dialog.ShowInformation(words.T("files.merge.title"), words.Text(words.Current(), err), r.win)
	default:
		var ve *storage.ValidationError
		title := words.T("files.merge.failed")
		if errors.As(err, &ve) {
			title = words.T("files.merge.invalid")
		}
		dialog.ShowInformation(title, words.Text(words.Current(), err), r.win)
	}
}

// ShowReport says what a merge did: edits applied, conflicts and how they
// were resolved, the records changed and the backup taken first.
func ShowReport(win fyne.Window, rep *storage.MergeReport) {
	dialog.ShowInformation(words.T("files.merge.title"), ReportText(words.Current(), rep), win)
}

// ReportText words a merge's report.
func ReportText(lang string, rep *storage.MergeReport) string {
	if rep.Changes == 0 && rep.Seq == 0 {
		return words.Say(lang, "files.merge.report.nothing")
	}
	ours, theirs := 0, 0
	for _, c := range rep.Conflicts {
		switch c.Resolution {
		case merge.Ours:
			ours++
		case merge.Theirs:
			theirs++
		}
	}
	return words.Say(lang, "files.merge.report", "applied", len(rep.Edits), "conflicts", len(rep.Conflicts),
		"ours", ours, "theirs", theirs, "n", rep.Changes, "backup", rep.Backup)
}

func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// editText words an edit the copy made alone.
func editText(lang string, e merge.Edit) string {
	by := byText(lang, e.By)
	switch e.Op {
	case merge.OpAdd:
		return words.Say(lang, "files.merge.edit.add", "record", e.Record.Name, "by", by)
	case merge.OpDelete:
		return words.Say(lang, "files.merge.edit.delete", "record", e.Record.Name, "by", by)
	}
	return words.Say(lang, "files.merge.edit.change", "record", e.Record.Name, "field", merge.FieldName(e.Record.Kind, e.Field),
		"from", valueText(lang, e.From), "to", valueText(lang, e.To), "by", by)
}

// conflictText words what both sides did.
func conflictText(lang string, c merge.Conflict) string {
	ours, theirs := byText(lang, c.OursBy), byText(lang, c.TheirsBy)
	switch c.Kind {
	case merge.BothChanged:
		return words.Say(lang, "files.merge.conflict.both_changed", "field", merge.FieldName(c.Record.Kind, c.Field),
			"base", valueText(lang, c.Base), "ours", valueText(lang, c.Ours), "ours_by", ours,
			"theirs", valueText(lang, c.Theirs), "theirs_by", theirs)
	case merge.OursDeleted:
		return words.Say(lang, "files.merge.conflict.ours_deleted", "theirs_by", theirs)
	case merge.TheirsDeleted:
		return words.Say(lang, "files.merge.conflict.theirs_deleted", "ours_by", ours)
	case merge.InUse:
		return words.Say(lang, "files.merge.conflict.in_use", "n", c.Users)
	}
	return words.Say(lang, "files.merge.conflict.dangling", "refers", c.Refers.Name, "theirs_by", theirs)
}

// byText says who changed something and when.
func byText(lang string, b merge.By) string {
	if b.Author == "" && b.Time.IsZero() {
		return words.Say(lang, "files.merge.by_unknown")
	}
	if b.Time.IsZero() {
		return b.Author
	}
	return words.Say(lang, "files.merge.by", "author", b.Author, "time", b.Time.Local().Format("2006-01-02 15:04"))
}

// valueText shows a stored value: a text as it reads, a list joined, a
// number or a yes/no as it is; an empty one says so.
func valueText(lang string, raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return words.Say(lang, "files.merge.empty")
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []any
	if json.Unmarshal(raw, &list) == nil {
		var parts []string
		for _, v := range list {
			b, _ := json.Marshal(v)
			parts = append(parts, valueText(lang, b))
		}
		return strings.Join(slices.Clip(parts), words.Say(lang, "list.sep"))
	}
	return string(raw)
}
