package importui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/dismiss"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/sheet"
)

// previewRows is how many rows the mapping step previews.
const previewRows = 30

// Show opens the import wizard over win. onDone is called once when the
// wizard closes, with changed true when something was written to st.
func Show(win fyne.Window, st *storage.Store, onDone func(changed bool)) {
	show(newWizard(win, st, onDone))
}

// show puts w's first step in a dialog over its window.
func show(w *wizard) {
	w.dlg = dialog.NewCustomWithoutButtons(words.T("importui.title"), w.root, w.win)
	w.dlg.Resize(fyne.NewSize(1000, 680))
	w.dlg.SetOnClosed(w.close) // however it is closed, a running step's bar stops
	w.showFiles()
	w.dlg.Show()
}

// wizard holds the state of one import across its steps.
type wizard struct {
	win    fyne.Window
	st     sheet.Store
	onDone func(bool)
	dlg    *dialog.CustomDialog
	root   *fyne.Container // the dialog's content; each step replaces its objects

	// async runs slow work (reading, planning, committing) off the UI
	// goroutine; tests make it synchronous.
	async func(func())

	paths   []string
	opts    sheet.Options
	sources []*sheet.Source
	readErr []error
	current int // index into sources shown in the mapping step
	plan    *sheet.Plan
	// whole is the project held in a workbook exported by RPB Matrix (its
	// hidden data sheet), offered for import record by record.
	whole   *model.Project
	changed bool
	closed  bool

	// progress is the bar of a slow step while it runs. An infinite bar
	// animates until stopped, even once replaced or hidden with its
	// dialog, so whatever takes it off screen stops it.
	progress *widget.ProgressBarInfinite
}

func newWizard(win fyne.Window, st sheet.Store, onDone func(bool)) *wizard {
	return &wizard{win: win, st: st, onDone: onDone, root: container.NewStack(),
		async: func(f func()) { go f() }, opts: sheet.Options{Author: Author()}}
}

// setStep shows a step: a title, its body, and its buttons at the bottom right.
func (w *wizard) setStep(title string, body fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	w.stopProgress()
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cancel := dismiss.NewButton(words.T("importui.close"), w.close) // Esc presses it
	bar := container.NewHBox(append([]fyne.CanvasObject{cancel}, buttons...)...)
	w.root.Objects = []fyne.CanvasObject{container.NewBorder(heading, container.NewBorder(nil, nil, nil, bar), nil, nil, body)}
	w.root.Refresh()
}

// close hides the wizard. While a slow step runs, onDone waits for its
// end: an import closed half-way may still write the project.
func (w *wizard) close() {
	if w.closed {
		return
	}
	w.closed = true
	running := w.progress != nil
	w.stopProgress()
	if w.dlg != nil {
		w.dlg.Hide()
	}
	if !running {
		w.done()
	}
}

// done tells onDone, once, whether the project was changed.
func (w *wizard) done() {
	if w.onDone != nil {
		w.onDone(w.changed)
		w.onDone = nil
	}
}

// slow shows title over a progress bar while work runs off the UI
// goroutine, then installs what work returns on it.
func (w *wizard) slow(title string, work func() (install func())) {
	w.busy(title)
	w.async(func() {
		install := work()
		fyne.Do(func() {
			install()
			if w.closed {
				w.done()
			}
		})
	})
}

// busy shows title over a progress bar while a slow step runs.
func (w *wizard) busy(title string) {
	bar := widget.NewProgressBarInfinite()
	w.setStep(title, bar)
	w.progress = bar
}

// stopProgress stops the running step's progress bar, if any.
func (w *wizard) stopProgress() {
	if w.progress != nil {
		w.progress.Stop()
		w.progress = nil
	}
}

// showFiles is step 1: the files and the options.
func (w *wizard) showFiles() {
	list := widget.NewList(func() int { return len(w.paths) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(w.paths[i]) })
	var next *widget.Button
	refresh := func() {
		list.Refresh()
		if len(w.paths) == 0 {
			next.Disable()
		} else {
			next.Enable()
		}
	}
	add := widget.NewButton(words.T("importui.files.add"), func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			w.paths = appendUnique(w.paths, r.URI().Path())
			refresh()
		}, w.win)
		fd.SetFilter(fstorage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".txt", ".xls"}))
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	clear := widget.NewButton(words.T("importui.files.clear"), func() { w.paths = nil; refresh() })

	kinds := []string{words.T("importui.option.kind_detect")}
	for _, k := range model.ListKinds {
		kinds = append(kinds, say(k.Name()))
	}
	kindSel := widget.NewSelect(kinds, func(s string) {
		w.opts.Kind = 0
		for i, k := range model.ListKinds {
			if s == kinds[i+1] {
				w.opts.Kind = k
			}
		}
	})
	kindSel.SetSelectedIndex(indexOfKind(w.opts.Kind))

	var offices []string
	for _, o := range w.st.Project().OfficeList() {
		offices = append(offices, o.Name)
	}
	office := widget.NewSelectEntry(offices)
	office.SetPlaceHolder(words.T("importui.option.office_hint"))
	office.SetText(w.opts.Office)
	office.OnChanged = func(s string) { w.opts.Office = strings.TrimSpace(s) }

	var policies []string
	for _, p := range sheet.Policies {
		policies = append(policies, say(p.Name()))
	}
	policy := widget.NewRadioGroup(policies, func(s string) {
		for i, p := range sheet.Policies {
			if s == policies[i] {
				w.opts.OnDuplicate = p
			}
		}
	})
	policy.Horizontal = true
	policy.Required = true
	policy.SetSelected(policies[int(w.opts.OnDuplicate)])

	form := widget.NewForm(
		widget.NewFormItem(words.T("importui.option.kind"), kindSel),
		widget.NewFormItem(words.T("importui.option.office"), office),
		widget.NewFormItem(words.T("importui.option.duplicates"), policy),
	)
	hint := widget.NewLabel(words.T("importui.files.hint"))
	hint.Wrapping = fyne.TextWrapWord
	next = widget.NewButton(words.T("importui.next"), w.readFiles)
	next.Importance = widget.HighImportance
	refresh()
	top := container.NewVBox(hint, container.NewHBox(add, clear))
	w.setStep(words.T("importui.step.files"), container.NewBorder(top, form, nil, nil, list), next)
}

func indexOfKind(k model.ListKind) int {
	for i, x := range model.ListKinds {
		if x == k {
			return i + 1
		}
	}
	return 0
}

func appendUnique(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

// readFiles reads and prepares every file, then shows the mapping step.
// A lone workbook exported by RPB Matrix is first offered as a whole project.
func (w *wizard) readFiles() {
	if len(w.paths) == 1 && sheet.IsProjectFile(w.paths[0]) {
		w.readProject(w.paths[0])
		return
	}
	w.readLists()
}

// readProject reads the project a workbook's data sheet holds and shows
// the whole-project step.
func (w *wizard) readProject(path string) {
	w.slow(words.T("importui.reading"), func() func() {
		q, err := sheet.ReadProjectFile(path)
		return func() { w.showProject(path, q, err) }
	})
}

// showProject is step 2 for a workbook exported by RPB Matrix: import the
// project it holds whole (every record, identities kept), or read its
// sheets as lists like any other workbook.
func (w *wizard) showProject(path string, q *model.Project, err error) {
	w.whole = q
	back := widget.NewButton(words.T("importui.back"), w.showFiles)
	asLists := widget.NewButton(words.T("importui.project.as_lists"), w.readLists)
	run := widget.NewButton(words.T("importui.project.import"), w.runProject)
	run.Importance = widget.HighImportance
	var text string
	if err != nil {
		text = words.T("importui.project.unreadable", "file", filepath.Base(path), "cause", errorText(err))
		run.Disable()
	} else {
		text = words.T("importui.project.found", "file", filepath.Base(path), "offices", len(q.Offices), "duties", len(q.Duties),
			"authorities", len(q.Authorities), "assessments", len(q.Assessments), "decisions", len(q.Decisions),
			"policy", say(w.opts.OnDuplicate.Name()))
	}
	head := widget.NewLabel(text)
	head.Wrapping = fyne.TextWrapWord
	if err != nil {
		head.Importance = widget.DangerImportance
	}
	w.setStep(words.T("importui.step.project"), container.NewVBox(head), back, asLists, run)
}

// runProject merges the whole project into the open one the way the
// command line does (sheet.MergeChanges): a backup, then one commit, so
// everything is written or nothing.
func (w *wizard) runProject() {
	q, file := w.whole, filepath.Base(w.paths[0])
	replace := w.opts.OnDuplicate == sheet.PolicyUpdate
	w.slow(words.T("importui.importing"), func() func() {
		changes, added, replaced, kept := sheet.MergeChanges(w.st.Project(), q, replace)
		var backup string
		var err error
		if len(changes) > 0 {
			if backup, err = w.st.Backup(""); err == nil {
				err = w.st.Commit(words.T("importui.project.audit", "file", file), changes...)
			}
		}
		return func() {
			if err == nil && len(changes) > 0 {
				w.changed = true
			}
			w.showProjectDone(added, replaced, kept, backup, err)
		}
	})
}

// showProjectDone says what the whole-project import did, or why it wrote nothing.
func (w *wizard) showProjectDone(added, replaced, kept int, backup string, err error) {
	var text string
	if err != nil {
		text = words.T("importui.project.failed", "cause", errorText(err))
	} else {
		text = words.T("importui.project.imported", "added", added, "replaced", replaced, "kept", kept)
		if backup != "" {
			text += "\n" + words.T("importui.report.backup", "path", backup)
		}
	}
	head := widget.NewLabel(text)
	head.Wrapping = fyne.TextWrapWord
	if err != nil {
		head.Importance = widget.DangerImportance
		back := widget.NewButton(words.T("importui.back"), w.showFiles)
		w.setStep(words.T("importui.step.project"), container.NewVBox(head), back)
		return
	}
	done := widget.NewButton(words.T("importui.done"), w.close)
	done.Importance = widget.HighImportance
	w.setStep(words.T("importui.step.project"), container.NewVBox(head), done)
}

// readLists reads and prepares every file as lists, then shows the mapping step.
func (w *wizard) readLists() {
	paths := append([]string(nil), w.paths...)
	w.slow(words.T("importui.reading"), func() func() {
		var sources []*sheet.Source
		var errs []error
		for _, p := range paths {
			tables, err := sheet.ReadFile(p)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			sources = append(sources, sheet.Prepare(tables)...)
		}
		return func() {
			w.sources, w.readErr, w.current = sources, errs, 0
			for i, s := range sources {
				if !s.Skipped() {
					w.current = i
					break
				}
			}
			w.showMapping()
		}
	})
}

// unreadable lists the files that could not be read, and why.
func (w *wizard) unreadable() string {
	var lines []string
	for _, err := range w.readErr {
		lines = append(lines, errorText(err))
	}
	return strings.Join(lines, "\n")
}

// sourceLabel names a source in the sheet selector.
func sourceLabel(s *sheet.Source) string {
	if s.Skipped() {
		return words.T("importui.sheet.skipped", "sheet", s.Table.Where(), "reason", say(s.Skip))
	}
	return s.Table.Where()
}

// showMapping is step 2: for each sheet, the column mapping and a preview.
func (w *wizard) showMapping() {
	back := widget.NewButton(words.T("importui.back"), w.showFiles)
	next := widget.NewButton(words.T("importui.mapping.check"), w.check)
	next.Importance = widget.HighImportance
	var top []fyne.CanvasObject
	if len(w.readErr) > 0 {
		errs := widget.NewLabel(words.T("importui.read.unreadable", "files", w.unreadable()))
		errs.Wrapping = fyne.TextWrapWord
		errs.Importance = widget.DangerImportance
		top = append(top, errs)
	}
	if len(w.sources) == 0 {
		next.Disable()
		w.setStep(words.T("importui.step.mapping"), container.NewVBox(top...), back, next)
		return
	}
	var labels []string
	for _, s := range w.sources {
		labels = append(labels, sourceLabel(s))
	}
	body := container.NewStack()
	sel := widget.NewSelect(labels, nil)
	sel.OnChanged = func(string) {
		w.current = sel.SelectedIndex()
		body.Objects = []fyne.CanvasObject{w.sourceView(w.sources[w.current], func() {
			labels[w.current] = sourceLabel(w.sources[w.current])
			sel.Options = labels
			sel.Refresh()
		})}
		body.Refresh()
	}
	sel.SetSelectedIndex(w.current)
	top = append(top, widget.NewForm(widget.NewFormItem(words.T("importui.sheet"), sel)))
	w.setStep(words.T("importui.step.mapping"), container.NewBorder(container.NewVBox(top...), nil, nil, nil, body), back, next)
}

// sourceView shows one table: its header row, a field selector per
// column, and the preview, which follows every change.
func (w *wizard) sourceView(s *sheet.Source, relabel func()) fyne.CanvasObject {
	rows := []sheet.PreviewRow{}
	table := newPreviewTable(&rows)
	// The preview shows duty fields; assessment columns are named beside it.
	assess := widget.NewLabel("")
	assess.Wrapping = fyne.TextWrapWord
	update := func() {
		rows = s.Preview(w.opts, previewRows)
		table.Refresh()
		assess.SetText(say(s.AssessmentNote()))
		assess.Hidden = assess.Text == ""
	}

	headerRow := widget.NewEntry()
	headerRow.SetText(fmt.Sprint(s.Header.Row + 1))
	mapping := container.NewHBox()
	var buildMapping func()
	useRow := widget.NewButton(words.T("importui.header.use"), func() {
		var n int
		if _, err := fmt.Sscan(headerRow.Text, &n); err != nil || n < 1 || n > len(s.Table.Rows) {
			dialog.ShowError(errors.New(words.T("importui.header.out_of_range", "rows", len(s.Table.Rows))), w.win)
			return
		}
		s.SetHeaderRow(n - 1)
		relabel()
		buildMapping()
		update()
	})
	skip := widget.NewCheck(words.T("importui.sheet.skip"), nil)
	skip.SetChecked(s.Skipped())
	skip.OnChanged = func(on bool) {
		s.SetSkipped(on)
		buildMapping() // taken back in without a header, its first row became one
		relabel()
		update()
	}

	fieldNames := make([]string, len(sheet.Fields))
	for i, f := range sheet.Fields {
		fieldNames[i] = say(f.Name())
	}
	buildMapping = func() {
		headers := s.HeaderCells()
		var cols []fyne.CanvasObject
		for c := range headers {
			c := c
			label := widget.NewLabel(columnName(c) + " " + clip(headers[c], 10))
			label.Truncation = fyne.TextTruncateEllipsis
			pick := widget.NewSelect(fieldNames, nil)
			cur := sheet.FieldNone
			if c < len(s.Header.Mapping) {
				cur = s.Header.Mapping[c]
			}
			if m := s.AssessmentColumn(c); cur == sheet.FieldNone && !m.IsZero() {
				pick.PlaceHolder = say(m) // read into the assessment, not a duty field
			} else {
				pick.SetSelectedIndex(slices.Index(sheet.Fields, cur)) // Fields is in the wizard's order, not the codes
			}
			pick.OnChanged = func(string) {
				s.SetField(c, sheet.Fields[pick.SelectedIndex()])
				buildMapping() // a moved single-valued field clears another column's selector
				update()
			}
			cols = append(cols, container.NewGridWrap(fyne.NewSize(150, 80), container.NewVBox(label, pick)))
		}
		mapping.Objects = cols
		mapping.Refresh()
	}
	buildMapping()
	update()

	controls := container.NewHBox(widget.NewLabel(words.T("importui.header.row")), container.NewGridWrap(fyne.NewSize(70, 36), headerRow), useRow, skip)
	note := widget.NewLabel(words.T("importui.mapping.note", "rows", previewRows))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(controls, container.NewHScroll(mapping), note, assess)
	return container.NewBorder(top, nil, nil, nil, table)
}

func columnName(c int) string {
	name := ""
	for c++; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// previewColumns are the preview table's columns after row and status.
var previewColumns = []sheet.Field{sheet.FieldSeq, sheet.FieldKind, sheet.FieldCategory, sheet.FieldName, sheet.FieldSubItem,
	sheet.FieldOffice, sheet.FieldLeadDept, sheet.FieldLegalBasis}

var previewWidths = []float32{48, 64, 52, 90, 100, 220, 100, 100, 120, 160, 260}

func newPreviewTable(rows *[]sheet.PreviewRow) *widget.Table {
	ncol := 2 + len(previewColumns) + 1
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(*rows), ncol },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := (*rows)[id.Row]
			l.Importance = widget.MediumImportance
			switch {
			case id.Col == 0:
				l.SetText(fmt.Sprint(r.Row))
			case id.Col == 1:
				if r.Status == sheet.StatusRejected {
					l.Importance = widget.DangerImportance
				}
				l.SetText(say(r.Status.Name()))
			case id.Col == ncol-1:
				l.SetText(say(r.Reason))
			default:
				l.SetText(r.Text(previewColumns[id.Col-2], words.Current()))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.SetText(words.T("importui.preview.row"))
		case id.Col == 1:
			l.SetText(words.T("importui.preview.result"))
		case id.Col == ncol-1:
			l.SetText(words.T("importui.preview.notes"))
		case id.Col > 1:
			l.SetText(say(previewColumns[id.Col-2].Name()))
		}
	}
	for i, wd := range previewWidths {
		t.SetColumnWidth(i, wd)
	}
	return t
}

// check plans the import and shows the result before anything is written.
func (w *wizard) check() {
	p, sources, opts, errs := w.st.Project(), w.sources, w.opts, w.readErr
	w.slow(words.T("importui.checking"), func() func() {
		plan := sheet.NewPlan(p, sources, opts)
		for _, err := range errs {
			plan.RejectFile(err)
		}
		return func() {
			w.plan = plan
			w.showReport()
		}
	})
}

// run writes the plan: a backup, then one commit.
func (w *wizard) run() {
	plan, files := w.plan, w.fileNames()
	w.slow(words.T("importui.importing"), func() func() {
		err := plan.Apply(w.st, "", files)
		return func() {
			if err != nil {
				dialog.ShowError(errors.New(errorText(err)), w.win)
			} else if plan.Report.Committed {
				w.changed = true
			}
			w.showReport()
		}
	})
}

func (w *wizard) fileNames() []string {
	var out []string
	for _, p := range w.paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// showReport is step 3: the plan's report before the import, and the same
// report, marked as written, after it.
func (w *wizard) showReport() {
	rep := w.plan.Report
	entries := rep.Entries
	list := widget.NewList(func() int { return len(entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := entries[i]
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if e.Status == sheet.StatusRejected {
				l.Importance = widget.DangerImportance
			}
			l.SetText(entryLine(e))
		})
	summary := rep.Summary(words.Current())
	var status string
	switch {
	case rep.Committed:
		status = words.T("importui.report.imported", "summary", summary)
		if rep.Backup != "" {
			status += "\n" + words.T("importui.report.backup", "path", rep.Backup)
		}
	case !rep.OK():
		status = words.T("importui.report.rejected", "summary", summary)
	default:
		status = words.T("importui.report.passed", "summary", summary)
	}
	if len(rep.OfficesCreated) > 0 {
		status += "\n" + words.T("importui.report.new_offices", "offices", rep.OfficesCreated)
	}
	if line, ok := rep.AssessmentCounts(words.Current()); ok {
		status += "\n" + line
	}
	head := widget.NewLabel(status)
	head.Wrapping = fyne.TextWrapWord
	if !rep.OK() {
		head.Importance = widget.DangerImportance
	}
	save := widget.NewButton(words.T("importui.report.save"), w.saveReport)
	var buttons []fyne.CanvasObject
	if rep.Committed {
		done := widget.NewButton(words.T("importui.done"), w.close)
		done.Importance = widget.HighImportance
		buttons = []fyne.CanvasObject{save, done}
	} else {
		back := widget.NewButton(words.T("importui.back"), w.showMapping)
		run := widget.NewButton(words.T("importui.import"), w.run)
		run.Importance = widget.HighImportance
		if !rep.OK() || len(w.plan.Changes) == 0 {
			run.Disable()
		}
		buttons = []fyne.CanvasObject{save, back, run}
	}
	w.setStep(words.T("importui.step.report"), container.NewBorder(head, nil, nil, nil, list), buttons...)
}

// entryLine is one report entry as a line of text.
func entryLine(e sheet.Entry) string {
	status, place := say(e.Status.Name()), e.PlaceIn(words.Current())
	line := words.T("importui.report.entry", "status", status, "place", place)
	if e.Duty != "" {
		line = words.T("importui.report.entry_duty", "status", status, "place", place, "duty", e.Duty)
	}
	if reason := say(e.Reason); reason != "" {
		line = words.T("importui.report.entry_reason", "entry", line, "reason", reason)
	}
	return line
}

func (w *wizard) saveReport() {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		werr := w.plan.Report.WriteCSV(wc, words.Current())
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			dialog.ShowError(errors.New(errorText(werr)), w.win)
		}
	}, w.win)
	fd.SetFileName(words.T("importui.report.file_name"))
	fd.SetFilter(fstorage.NewExtensionFileFilter([]string{".csv"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}
