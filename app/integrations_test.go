//go:build ci

package app

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/importui"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/jsonio"
)

// The import assistant opened from the File menu speaks the app's language,
// follows a switch made later, and records the author set in Settings.
func TestImportFollowsLanguageAndAuthor(t *testing.T) {
	m := sharedWindow(t)
	m.sess.Author = "李四"
	typeShortcut(m, ctrl(fyne.KeyI))
	if got := words.Current(); got != "zh" {
		t.Errorf("import language %q, want zh", got)
	}
	if !overlayHasText(m, "导入职责清单") {
		t.Error("the import dialog is not titled in Chinese")
	}
	if got := importui.Author(); got != "李四" {
		t.Errorf("import author %q, want the session's 李四", got)
	}
	m.switchLanguage("en")
	if got := words.Current(); got != "en" {
		t.Errorf("after switching to English the import language is %q", got)
	}
	m.sess.Author = "Wang Wu"
	if got := importui.Author(); got != "Wang Wu" {
		t.Errorf("after changing the author the import records %q", got)
	}
}

// overlayHasText reports whether a dialog on m's window shows a label with text.
func overlayHasText(m *mainWindow, text string) bool {
	found := false
	for _, o := range m.win.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && l.Text == text {
				found = true
			}
		})
	}
	return found
}

// The export dialog offers the whole project as versioned JSON, without an
// office scope, and what it writes reads back as the same project.
func TestExportOffersJSONOfWholeProject(t *testing.T) {
	m := sharedWindow(t)
	scope, format := openExportDialog(m)
	if scope == nil || format == nil || !slices.Contains(format.Options, tr("export.format.json")) {
		t.Fatalf("export dialog: scope %v, format %v; want a JSON choice", scope, format)
	}
	format.SetSelected(tr("export.format.json"))
	if !scope.Disabled() {
		t.Error("with JSON chosen the office scope is still enabled")
	}
	format.SetSelected(tr("export.format.xlsx"))
	if scope.Disabled() {
		t.Error("with the workbook chosen the office scope stays disabled")
	}

	var jsonFormat exportFormat
	for _, f := range exportFormats {
		if f.ext == ".json" {
			jsonFormat = f
		}
	}
	var buf closingBuffer
	p := m.sess.Project()
	if err := writeExport(&buf, jsonFormat, p, "", "zh"); err != nil {
		t.Fatal(err)
	}
	if !buf.closed {
		t.Error("the file was not closed")
	}
	got, err := jsonio.Read(&buf.Buffer)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Offices) != len(p.Offices) || len(got.Duties) != len(p.Duties) ||
		len(got.Assessments) != len(p.Assessments) || len(got.Decisions) != len(p.Decisions) {
		t.Errorf("read back %d offices, %d duties, %d assessments, %d decisions; wrote %d, %d, %d, %d",
			len(got.Offices), len(got.Duties), len(got.Assessments), len(got.Decisions),
			len(p.Offices), len(p.Duties), len(p.Assessments), len(p.Decisions))
	}
}

// The export dialog offers the published three lists workbook, by office
// like the matrix workbook, and what it writes is a workbook.
func TestExportOffersListsWorkbook(t *testing.T) {
	m := sharedWindow(t)
	scope, format := openExportDialog(m)
	if scope == nil || format == nil || !slices.Contains(format.Options, tr("export.format.lists")) {
		t.Fatalf("export dialog: scope %v, format %v; want a lists workbook choice", scope, format)
	}
	format.SetSelected(tr("export.format.lists"))
	if scope.Disabled() {
		t.Error("with the lists workbook chosen the office scope is disabled")
	}
	var lists exportFormat
	for _, f := range exportFormats {
		if f.key == "export.format.lists" {
			lists = f
		}
	}
	var buf closingBuffer
	if err := writeExport(&buf, lists, m.sess.Project(), "", "zh"); err != nil {
		t.Fatal(err)
	}
	if lists.ext != ".xlsx" || !buf.closed || !bytes.HasPrefix(buf.Bytes(), []byte("PK")) {
		t.Errorf("lists export: ext %q, closed %v, %d bytes not a zip", lists.ext, buf.closed, buf.Len())
	}
}

// openExportDialog chooses the first office and opens the export dialog,
// returning its office scope and format choices.
func openExportDialog(m *mainWindow) (scope, format *widget.RadioGroup) {
	m.sess.SetOffice(m.sess.Project().OfficeList()[0].ID)
	typeShortcut(m, ctrl(fyne.KeyE))
	for _, o := range m.win.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if r, ok := c.(*widget.RadioGroup); ok {
				if slices.Contains(r.Options, tr("export.scope.all")) {
					scope = r
				} else {
					format = r
				}
			}
		})
	}
	return scope, format
}

type closingBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *closingBuffer) Close() error { b.closed = true; return nil }

// After an import the whole project is analysed again off the Fyne thread
// behind a progress dialog; the views then show the imported duty.
func TestAfterImportReanalysesInBackground(t *testing.T) {
	m, _ := newTestWindow(t)
	p := m.sess.Project()
	office := p.OfficeList()[0]
	// The importer commits to the store itself, past the session.
	d := &model.Duty{Meta: model.NewMeta("test"), Seq: 999, Name: "导入的新事项", Category: "平安建设",
		Kind: model.ListBasic, Scope: []model.ID{office.ID}}
	if err := m.store.Commit("import", p.Put(d)); err != nil {
		t.Fatal(err)
	}
	m.sess.SetOffice(office.ID)
	var held func()
	m.async = func(f func()) { held = f }
	m.afterImport(m.sess, true)
	if held == nil || !m.sess.Analysing() {
		t.Fatal("the analysis did not go to the background")
	}
	if !strings.Contains(overlayText(m.win), tr("progress.analysing")) {
		t.Errorf("no progress dialog during the analysis; overlay shows %q", overlayText(m.win))
	}
	go held()
	waitFor(t, m, "the new analysis", func() bool { return !m.sess.Analysing() })
	if m.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the progress dialog stayed open: %q", overlayText(m.win))
	}
	found := false
	for _, r := range m.matrix.Rows() {
		found = found || r.Duty.ID == d.ID
	}
	if !found {
		t.Error("the matrix does not list the imported duty")
	}
}

// The print dialog names the project's author as the compiler (编制人),
// not the author set in Settings, which edits are recorded under.
func TestPrintDialogNamesProjectAuthor(t *testing.T) {
	m := sharedWindow(t)
	m.sess.Author = "赵六"
	typeShortcut(m, ctrl(fyne.KeyP))
	want := m.sess.Project().Info.Author
	found := false
	for _, o := range m.win.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if e, ok := c.(*widget.Entry); ok && e.Text == "赵六" {
				t.Error("the print dialog fills in the Settings author 赵六")
			}
			if e, ok := c.(*widget.Entry); ok && e.Text == want {
				found = true
			}
		})
	}
	if want == "" || !found {
		t.Errorf("the print dialog does not name the project's author %q as compiler", want)
	}
}
