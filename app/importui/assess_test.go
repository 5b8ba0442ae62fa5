package importui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/sheet"
)

// labelWith reports whether a visible label of the wizard contains text.
func labelWith(w *wizard, text string) bool {
	for _, o := range test.LaidOutObjects(w.root) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// The mapping step names a list's assessment columns, and the report step
// counts the assessments the import creates.
func TestWizardShowsAssessmentColumns(t *testing.T) {
	words.Use(words.Zh)
	w, st, _ := newTestWizard(t)
	w.paths = []string{testdata + "assess_list.csv"}
	w.opts.Office, w.opts.Kind = "东城街道", model.ListBasic
	w.readFiles()
	if !labelWith(w, "履职评估指标列（填入本街道（乡镇）对各事项的评估）：D 实际角色、E 督查检查次数（次/年）") {
		t.Error("the mapping step does not name the assessment columns")
	}
	w.check()
	if !labelWith(w, "履职评估：新建 2 项，更新 0 项；未评估而未导入指标 1 行") {
		t.Error("the report step does not count the assessments")
	}
	w.run()
	if n := len(st.Project().Assessments); n != 2 {
		t.Errorf("%d assessments after the import, want 2", n)
	}

	// An assessment sheet is named as one.
	w.paths = []string{testdata + "assessments.xlsx"}
	w.readFiles()
	if !labelWith(w, "履职评估表：每行一个街道（乡镇）的一个事项") {
		t.Error("the mapping step does not name the assessment sheet")
	}
	// Its office column reads as the office (a selector once showed the
	// field at the office's code, 工作方式), and its preview shows each
	// row's office, duty and values.
	office := false
	for _, o := range test.LaidOutObjects(w.root) {
		if s, ok := o.(*widget.Select); ok && s.Selected == say(sheet.FieldOffice.Name()) {
			office = true
		}
	}
	if !office {
		t.Error("no column selector shows the office")
	}
	rows := w.sources[0].Preview(w.opts, previewRows)
	if len(rows) != 5 || rows[0].Value(sheet.FieldOffice) != "东城街道" || rows[0].Status != sheet.StatusImported ||
		!strings.Contains(say(rows[0].Reason), "督查检查次数（次/年） 15") || rows[4].Status != sheet.StatusSkipped {
		t.Errorf("preview %+v", rows)
	}
}
