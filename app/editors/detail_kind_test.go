package editors

import (
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The panel names the office shown by its kind: 本街道, 本镇 (this street
// office, this town), in its balance line and its headings.
func TestDetailNamesTheOfficeByKind(t *testing.T) {
	for _, lng := range words.Languages {
		t.Run(lng, func(t *testing.T) {
			s, f, w := setupSmall(t, lng)
			d := NewDetailPanel(s, w)
			w.SetContent(d.CanvasObject())
			town := s.Project().Offices[f.b.ID]
			town.Name, town.Kind = "青山镇", model.OfficeTownship
			for _, tc := range []struct {
				office *model.Office
				zh, en string
			}{{s.Project().Offices[f.a.ID], "本街道", "this street office"}, {town, "本镇", "this town"}} {
				d.Show(tc.office.ID, f.d1.ID)
				want := map[string]string{words.Zh: tc.zh, words.En: tc.en}[lng]
				if !strings.Contains(d.coverage.Text, want) {
					t.Errorf("%s: balance line %q lacks %q", tc.office.Name, d.coverage.Text, want)
				}
				for _, h := range d.officeHeads {
					if !strings.Contains(h.label.Text, want) {
						t.Errorf("%s: heading %q lacks %q", tc.office.Name, h.label.Text, want)
					}
				}
			}
		})
	}
}
