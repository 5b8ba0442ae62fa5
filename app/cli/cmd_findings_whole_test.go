package cli

import (
	"bytes"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// An office-wide finding names the office as a whole by its kind: 全街道,
// 全镇, 全乡.
func TestFindingsWholeOfficeByKind(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   model.OfficeKind
		zh, en string
	}{
		{"老城街道", model.OfficeStreet, "（全街道）", "(whole street office)"},
		{"青山镇", model.OfficeTownship, "（全镇）", "(whole town)"},
		{"和平乡", model.OfficeTownship, "（全乡）", "(whole township)"},
	} {
		p := model.NewProject("t", "测试区", "t")
		o := &model.Office{Meta: model.NewMeta("t"), Name: tc.name, Kind: tc.kind, OnStaff: 1}
		p.Offices[o.ID] = o
		d := &model.Duty{Meta: model.NewMeta("t"), Seq: 1, Name: "网格化管理", Category: "社区建设", Kind: model.ListBasic}
		p.Duties[d.ID] = d
		a := &model.Assessment{Meta: model.NewMeta("t"), Office: o.ID, Duty: d.ID, Role: model.RoleLead, StaffNeeded: 5, StaffHeld: 1}
		p.Assessments[model.PairKey{Office: o.ID, Other: d.ID}] = a
		r := model.Analyze(p)
		var whole *model.Finding
		for _, f := range r.AllFindings() {
			if f.Rule == model.RuleUnderstaffed && f.Duty == model.NilID {
				whole = &f
			}
		}
		if whole == nil {
			t.Fatalf("%s: no office-wide UNDERSTAFFED finding", tc.name)
		}
		for lang, want := range map[string]string{words.Zh: tc.zh, words.En: tc.en} {
			var out bytes.Buffer
			writeFinding(&out, p, r, *whole, lang)
			if fields := strings.Split(out.String(), "\t"); len(fields) != 5 || fields[3] != want {
				t.Errorf("%s in %s: %q, want the item %q", tc.name, lang, out.String(), want)
			}
		}
	}
}
