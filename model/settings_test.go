package model_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Every setting has a row in SettingFields (which the dialog shows), its
// words in both languages, a default in range, and reads and writes its
// own field.
func TestSettingFields(t *testing.T) {
	st := reflect.TypeOf(model.Settings{})
	var codes []string
	for i := range st.NumField() {
		name, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
		codes = append(codes, name)
	}
	fields := model.SettingFields()
	if len(fields) != len(codes) {
		t.Fatalf("%d setting fields, Settings has %d", len(fields), len(codes))
	}
	d := model.DefaultSettings()
	if ps := model.ValidateSettings(&d); len(ps) > 0 {
		t.Fatalf("the defaults are out of range: %v", ps)
	}
	for _, f := range fields {
		if !slices.Contains(codes, f.Code) {
			t.Errorf("%s is not a field of Settings", f.Code)
		}
		for _, lang := range words.Languages {
			for _, key := range []string{"setting." + f.Code, "setting." + f.Code + ".hint"} {
				if !words.Has(lang, key) {
					t.Errorf("%s has no %s words", key, lang)
				}
			}
		}
		var s model.Settings
		f.Set(&s, 3)
		if f.Get(&s) != 3 || reflect.DeepEqual(s, model.Settings{}) {
			t.Errorf("%s: set 3, got %v", f.Code, f.Get(&s))
		}
		if f.Get(&d) <= 0 {
			t.Errorf("%s has no default", f.Code)
		}
	}
}

// The thresholds added for issue 12 are validated by kind; a file written
// before they existed has 0 for them, which means the default and is no
// problem; thresholds of two grades must not cross.
func TestValidateNewSettings(t *testing.T) {
	problems := func(edit func(s *model.Settings)) []string {
		s := model.DefaultSettings()
		edit(&s)
		var out []string
		for _, p := range model.ValidateSettings(&s) {
			out = append(out, p.Field+": "+p.Msg.In(words.Zh))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		edit func(s *model.Settings)
		want []string
	}{
		{"an older file", func(s *model.Settings) {
			s.InspectionThreshold, s.SignOffThreshold, s.CheckInThreshold = 0, 0, 0
			s.AppsThreshold, s.WorkGroupsThreshold, s.DuplicateEntryThreshold = 0, 0, 0
			s.OffListHours, s.OffListHoursSerious, s.OffListTimes = 0, 0, 0
		}, nil},
		{"negative apps", func(s *model.Settings) { s.AppsThreshold = -1 },
			[]string{"apps_threshold: 设置「政务APP数量阈值（个）」至少为 1（-1）"}},
		{"negative hours", func(s *model.Settings) { s.OffListHours = -2 },
			[]string{"off_list_hours: 设置「清单外事项工时「一般」阈值（小时/月）」应大于 0（-2）"}},
		{"grades crossed", func(s *model.Settings) { s.OffListHours, s.OffListHoursSerious = 50, 40 },
			[]string{"off_list_hours: 设置「清单外事项工时「一般」阈值（小时/月）」不应高于「清单外事项工时「严重」阈值（小时/月）」"}},
		{"shortfall grades crossed", func(s *model.Settings) { s.ShortfallWarning = 0.6 },
			[]string{"shortfall_warning: 设置「缺口「一般」阈值」不应高于「缺口「严重」阈值」"}},
	} {
		if got := problems(tc.edit); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// A zero threshold from an older file is its default in the analysis.
	s := model.Settings{}
	if got := s.Normalized(); got != model.DefaultSettings() {
		t.Errorf("Normalized zero settings = %+v", got)
	}
}
