//go:build ci

package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The export dialog's "this office" choice calls the chosen office by its
// kind: 当前镇 for a town, 当前街道 for a street office (was 当前街道 for every
// office).
func TestExportScopeNamesOfficeKind(t *testing.T) {
	m := sharedWindow(t)
	t.Cleanup(func() { closeDialogs(m); m.sess.SetOffice(model.NilID) })
	for _, o := range m.sess.Project().OfficeList() {
		closeDialogs(m)
		m.sess.SetOffice(o.ID)
		typeShortcut(m, ctrl(fyne.KeyE))
		var options []string
		for _, ov := range m.win.Canvas().Overlays().List() {
			walk(ov, func(c fyne.CanvasObject) {
				if r, ok := c.(*widget.RadioGroup); ok && slices.Contains(r.Options, tr("export.scope.all")) {
					options = r.Options
				}
			})
		}
		want := "当前街道：" + o.Name
		if o.Kind == model.OfficeTownship {
			want = "当前镇：" + o.Name
		}
		if !slices.Contains(options, want) {
			t.Errorf("%s (%s): scope choices %q, want %q", o.Name, o.Kind.Name().In(words.Zh), options, want)
		}
	}
	if got := words.Say(words.En, "export.scope.office", "Office", "Qingshan Town", "office", words.M("rule.office.town")); got != "This town: Qingshan Town" {
		t.Errorf("English: %q", got)
	}
}
