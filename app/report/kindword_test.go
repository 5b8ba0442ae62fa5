package report

import (
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// TestTownshipCalledATown prints the demo's 青山镇 alone: whatever the
// report says of the office itself calls it a town (本镇, 全镇), never a
// street office, and a street office is still one.
func TestTownshipCalledATown(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(p)
	byName := map[string]model.ID{}
	for _, o := range p.OfficeList() {
		byName[o.Name] = o.ID
	}
	cases := []struct {
		office, lang string
		want, not    []string
	}{
		{"青山镇", "zh", []string{"全镇", "本镇"}, []string{"街道整体", "本街道", "全街道"}},
		{"青山镇", "en", []string{"Wholetown", "thistown"}, []string{"Office-wide", "Wholestreetoffice", "thisstreetoffice"}},
		{"老城街道", "zh", []string{"本街道"}, []string{"本镇", "全镇"}},
	}
	for _, tc := range cases {
		t.Run(tc.office+"/"+tc.lang, func(t *testing.T) {
			id, ok := byName[tc.office]
			if !ok {
				t.Fatalf("the demo has no %s", tc.office)
			}
			pdf, _ := write(t, p, r, Options{Offices: []model.ID{id}, Lang: tc.lang, Sections: OfficeSections})
			all := strings.Join(pdfText(t, pdf), "")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("does not say %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(all, w) {
					t.Errorf("says %q", w)
				}
			}
		})
	}
}
