package model_test

import (
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// An office is called by its kind, and a township by the word its name ends
// in, in either language of the name.
func TestOfficeKindWord(t *testing.T) {
	cases := []struct {
		name   string
		kind   model.OfficeKind
		zh, en string
	}{
		{"老城街道", model.OfficeStreet, "街道", "street office"},
		{"青山镇", model.OfficeTownship, "镇", "town"},
		{"和平乡", model.OfficeTownship, "乡", "township"},
		{"白音苏木", model.OfficeTownship, "乡镇", "township"},
		{"Qingshan Town", model.OfficeTownship, "镇", "town"},
		{"Heping Township", model.OfficeTownship, "乡", "township"},
		// A street office is one whatever its name says.
		{"城关镇街道", model.OfficeStreet, "街道", "street office"},
		{"镇东街道", model.OfficeStreet, "街道", "street office"},
	}
	for _, tc := range cases {
		o := &model.Office{Name: tc.name, Kind: tc.kind}
		if zh, en := o.KindWord().In(words.Zh), o.KindWord().In(words.En); zh != tc.zh || en != tc.en {
			t.Errorf("%s (%s): %q / %q, want %q / %q", tc.name, tc.kind, zh, en, tc.zh, tc.en)
		}
	}
	if got := (*model.Office)(nil).KindWord().In(words.Zh); got != "街道" {
		t.Errorf("nil office: %q, want 街道", got)
	}
}
