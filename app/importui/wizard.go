package importui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/storage"
	"rpbmatrix/storage/sheet"
)

// previewRows is how many rows the mapping step previews.
const previewRows = 30

// Show opens the import wizard over win. onDone is called once when the
// wizard closes, with changed true when something was written to st.
func Show(win fyne.Window, st *storage.Store, onDone func(changed bool)) {
	w := newWizard(win, st, onDone)
	w.dlg = dialog.NewCustomWithoutButtons(tr("导入职责清单", "Import duty lists"), w.root, win)
	w.dlg.Resize(fyne.NewSize(1000, 680))
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
	changed bool
	closed  bool
}

func newWizard(win fyne.Window, st sheet.Store, onDone func(bool)) *wizard {
	return &wizard{win: win, st: st, onDone: onDone, root: container.NewStack(),
		async: func(f func()) { go f() }, opts: sheet.Options{Author: Author()}}
}

// setStep shows a step: a title, its body, and its buttons at the bottom right.
func (w *wizard) setStep(title string, body fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cancel := widget.NewButton(tr("关闭", "Close"), w.close)
	bar := container.NewHBox(append([]fyne.CanvasObject{cancel}, buttons...)...)
	w.root.Objects = []fyne.CanvasObject{container.NewBorder(heading, container.NewBorder(nil, nil, nil, bar), nil, nil, body)}
	w.root.Refresh()
}

func (w *wizard) close() {
	if w.closed {
		return
	}
	w.closed = true
	if w.dlg != nil {
		w.dlg.Hide()
	}
	if w.onDone != nil {
		w.onDone(w.changed)
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
	add := widget.NewButton(tr("添加文件…", "Add files…"), func() {
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
	clear := widget.NewButton(tr("清空", "Clear"), func() { w.paths = nil; refresh() })

	kinds := []string{tr("自动识别（工作表名、标题或“清单类型”列）", "Detect (sheet name, title or 清单类型 column)")}
	for _, k := range model.ListKinds {
		kinds = append(kinds, msg(k.Name()))
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
	office.SetPlaceHolder(tr("留空：适用于所有街道；表中有“街道”列时以该列为准", "Empty: every office; a 街道 column in the sheet wins"))
	office.SetText(w.opts.Office)
	office.OnChanged = func(s string) { w.opts.Office = strings.TrimSpace(s) }

	var policies []string
	for _, p := range sheet.Policies {
		policies = append(policies, msg(p.Name()))
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
		widget.NewFormItem(tr("清单类型", "List kind"), kindSel),
		widget.NewFormItem(tr("街道（乡镇）", "Office"), office),
		widget.NewFormItem(tr("重复事项", "Duplicates"), policy),
	)
	hint := widget.NewLabel(tr("支持 .xlsx / .xlsm 工作簿和 .csv / .txt 文本（UTF-8 或 GB18030，逗号或制表符分隔）。旧版 .xls 请先另存为 .xlsx。",
		"Reads .xlsx / .xlsm workbooks and .csv / .txt text (UTF-8 or GB18030, comma or tab separated). Save old .xls files as .xlsx first."))
	hint.Wrapping = fyne.TextWrapWord
	next = widget.NewButton(tr("下一步", "Next"), w.readFiles)
	next.Importance = widget.HighImportance
	refresh()
	top := container.NewVBox(hint, container.NewHBox(add, clear))
	w.setStep(tr("1. 选择文件", "1. Choose files"), container.NewBorder(top, form, nil, nil, list), next)
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
func (w *wizard) readFiles() {
	w.setStep(tr("正在读取…", "Reading…"), widget.NewProgressBarInfinite())
	paths := append([]string(nil), w.paths...)
	w.async(func() {
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
		fyne.Do(func() {
			w.sources, w.readErr, w.current = sources, errs, 0
			for i, s := range sources {
				if !s.Skipped() {
					w.current = i
					break
				}
			}
			w.showMapping()
		})
	})
}

// errorText lists the files that could not be read.
func (w *wizard) errorText() string {
	var lines []string
	for _, err := range w.readErr {
		if fe, ok := err.(*sheet.FileError); ok {
			lines = append(lines, fe.File+"："+msg(fe.Msg))
		} else {
			lines = append(lines, err.Error())
		}
	}
	return strings.Join(lines, "\n")
}

// sourceLabel names a source in the sheet selector.
func sourceLabel(s *sheet.Source) string {
	l := s.Table.Where()
	if s.Skipped() {
		l += "　（" + tr("跳过", "skipped") + "：" + msg(s.Skip) + "）"
	}
	return l
}

// showMapping is step 2: for each sheet, the column mapping and a preview.
func (w *wizard) showMapping() {
	back := widget.NewButton(tr("上一步", "Back"), w.showFiles)
	next := widget.NewButton(tr("检查", "Check"), w.check)
	next.Importance = widget.HighImportance
	var top []fyne.CanvasObject
	if len(w.readErr) > 0 {
		errs := widget.NewLabel(tr("以下文件无法读取，导入时将被拒绝：", "These files cannot be read and will be rejected:") + "\n" + w.errorText())
		errs.Wrapping = fyne.TextWrapWord
		errs.Importance = widget.DangerImportance
		top = append(top, errs)
	}
	if len(w.sources) == 0 {
		next.Disable()
		w.setStep(tr("2. 列对应与预览", "2. Columns and preview"), container.NewVBox(top...), back, next)
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
	top = append(top, widget.NewForm(widget.NewFormItem(tr("工作表", "Sheet"), sel)))
	w.setStep(tr("2. 列对应与预览", "2. Columns and preview"), container.NewBorder(container.NewVBox(top...), nil, nil, nil, body), back, next)
}

// sourceView shows one table: its header row, a field selector per
// column, and the preview, which follows every change.
func (w *wizard) sourceView(s *sheet.Source, relabel func()) fyne.CanvasObject {
	rows := []sheet.PreviewRow{}
	table := newPreviewTable(&rows)
	update := func() {
		rows = s.Preview(w.opts, previewRows)
		table.Refresh()
	}

	headerRow := widget.NewEntry()
	headerRow.SetText(fmt.Sprint(s.Header.Row + 1))
	mapping := container.NewHBox()
	var buildMapping func()
	useRow := widget.NewButton(tr("以此行为表头", "Use this row as header"), func() {
		var n int
		if _, err := fmt.Sscan(headerRow.Text, &n); err != nil || n < 1 || n > len(s.Table.Rows) {
			dialog.ShowError(fmt.Errorf("%s", tr(fmt.Sprintf("表头行应为 1 到 %d 之间的行号", len(s.Table.Rows)),
				fmt.Sprintf("the header row must be between 1 and %d", len(s.Table.Rows)))), w.win)
			return
		}
		s.SetHeaderRow(n - 1)
		relabel()
		buildMapping()
		update()
	})
	skip := widget.NewCheck(tr("跳过此表", "Skip this sheet"), nil)
	skip.SetChecked(s.Skipped())
	skip.OnChanged = func(on bool) {
		if on {
			s.Skip = model.Msg{Zh: "用户选择跳过", En: "skipped by the user"}
		} else if s.Header.Mapping != nil {
			s.Skip = model.Msg{}
		} else {
			s.SetHeaderRow(0)
			buildMapping()
		}
		relabel()
		update()
	}

	fieldNames := make([]string, len(sheet.Fields))
	for i, f := range sheet.Fields {
		fieldNames[i] = msg(f.Name())
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
			pick.SetSelectedIndex(int(cur))
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

	controls := container.NewHBox(widget.NewLabel(tr("表头行", "Header row")), container.NewGridWrap(fyne.NewSize(70, 36), headerRow), useRow, skip)
	note := widget.NewLabel(tr("每列选择对应的字段；下表为前 30 行导入后的样子（重复项在下一步检查）。",
		"Choose the field each column feeds; below, the first 30 rows as they will be imported (duplicates are checked next)."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(controls, container.NewHScroll(mapping), note)
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
				l.SetText(msg(r.Status.Name()))
			case id.Col == ncol-1:
				l.SetText(msg(r.Reason))
			default:
				l.SetText(r.Value(previewColumns[id.Col-2]))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.SetText(tr("行", "Row"))
		case id.Col == 1:
			l.SetText(tr("结果", "Result"))
		case id.Col == ncol-1:
			l.SetText(tr("说明", "Notes"))
		case id.Col > 1:
			l.SetText(msg(previewColumns[id.Col-2].Name()))
		}
	}
	for i, wd := range previewWidths {
		t.SetColumnWidth(i, wd)
	}
	return t
}

// check plans the import and shows the result before anything is written.
func (w *wizard) check() {
	w.setStep(tr("正在检查…", "Checking…"), widget.NewProgressBarInfinite())
	p, sources, opts, errs := w.st.Project(), w.sources, w.opts, w.readErr
	w.async(func() {
		plan := sheet.NewPlan(p, sources, opts)
		for _, err := range errs {
			plan.RejectFile(err)
		}
		fyne.Do(func() {
			w.plan = plan
			w.showReport()
		})
	})
}

// run writes the plan: a backup, then one commit.
func (w *wizard) run() {
	w.setStep(tr("正在导入…", "Importing…"), widget.NewProgressBarInfinite())
	plan, files := w.plan, w.fileNames()
	w.async(func() {
		err := plan.Apply(w.st, "", files)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, w.win)
			} else if plan.Report.Committed {
				w.changed = true
			}
			w.showReport()
		})
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
	var status string
	switch {
	case rep.Committed:
		status = tr("已导入。", "Imported.") + " " + rep.Summary(Language())
		if rep.Backup != "" {
			status += "\n" + tr("导入前的备份：", "Backup before import: ") + rep.Backup
		}
	case !rep.OK():
		status = rep.Summary(Language()) + "\n" + tr("有行被拒绝，不会写入任何内容。请修改文件或列对应后重试。",
			"Rows were rejected, so nothing will be written. Fix the file or the column mapping and try again.")
	default:
		status = rep.Summary(Language()) + "\n" + tr("检查通过。导入前会自动备份项目文件，全部写入或全部不写。",
			"Check passed. The project file is backed up first; everything is written or nothing.")
	}
	if len(rep.OfficesCreated) > 0 {
		status += "\n" + tr("将新建街道（乡镇）：", "New offices: ") + strings.Join(rep.OfficesCreated, "、")
	}
	head := widget.NewLabel(status)
	head.Wrapping = fyne.TextWrapWord
	if !rep.OK() {
		head.Importance = widget.DangerImportance
	}
	save := widget.NewButton(tr("保存报告（CSV）…", "Save report (CSV)…"), w.saveReport)
	var buttons []fyne.CanvasObject
	if rep.Committed {
		done := widget.NewButton(tr("完成", "Done"), w.close)
		done.Importance = widget.HighImportance
		buttons = []fyne.CanvasObject{save, done}
	} else {
		back := widget.NewButton(tr("上一步", "Back"), w.showMapping)
		run := widget.NewButton(tr("导入", "Import"), w.run)
		run.Importance = widget.HighImportance
		if !rep.OK() || len(w.plan.Changes) == 0 {
			run.Disable()
		}
		buttons = []fyne.CanvasObject{save, back, run}
	}
	w.setStep(tr("3. 检查与导入", "3. Check and import"), container.NewBorder(head, nil, nil, nil, list), buttons...)
}

// entryLine is one report entry as a line of text.
func entryLine(e sheet.Entry) string {
	line := "[" + msg(e.Status.Name()) + "] " + e.PlaceIn(Language())
	if e.Duty != "" {
		line += "：「" + e.Duty + "」"
	}
	if e.Reason.Zh != "" {
		line += " — " + msg(e.Reason)
	}
	return line
}

func (w *wizard) saveReport() {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		werr := w.plan.Report.WriteCSV(wc)
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			dialog.ShowError(werr, w.win)
		}
	}, w.win)
	fd.SetFileName(tr("导入报告.csv", "import-report.csv"))
	fd.SetFilter(fstorage.NewExtensionFileFilter([]string{".csv"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}
