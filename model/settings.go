package model

import "rpbmatrix/model/words"

// Settings are the project's analysis thresholds and weights. They are stored
// in the project so that everyone who opens the file sees the same findings.
// Each has its words in the catalogue (setting.<json name> and its .hint)
// and a row in settingFields, which validates and normalises it.
type Settings struct {
	// IncidentThreshold: accountability incidents in a year at or above which
	// exposure counts as high (问责陷阱).
	IncidentThreshold int `json:"incident_threshold"`
	// CoverageThreshold: authority coverage below which a highly exposed duty
	// is an accountability trap.
	CoverageThreshold float64 `json:"coverage_threshold"`
	// FormalismShare: share of a duty's hours spent on reporting, evidence and
	// apps above which it is a formalism burden.
	FormalismShare float64 `json:"formalism_share"`
	// ReportThreshold: reports per month above which it is a formalism burden.
	ReportThreshold int `json:"report_threshold"`
	// StaffTolerance: staff held may fall this share below needed before
	// UNDERSTAFFED fires (0.1 = 10 %).
	StaffTolerance float64 `json:"staff_tolerance"`
	// FundsTolerance: same for funds.
	FundsTolerance float64 `json:"funds_tolerance"`
	// PartialCredit: how much a partly exercisable authority counts towards coverage.
	PartialCredit float64 `json:"partial_credit"`
	// AssessedByThreshold: departments assessing the office on one duty at or
	// above which accountability counts as overused (多头考核).
	AssessedByThreshold int `json:"assessed_by_threshold"`
	// ShortfallWarning: a staff or funds shortfall (1 − held/needed) at or
	// above which UNFUNDED/UNDERSTAFFED is a warning rather than info.
	ShortfallWarning float64 `json:"shortfall_warning"`
	// ShortfallSerious: shortfall at or above which it is serious.
	ShortfallSerious float64 `json:"shortfall_serious"`

	// InspectionThreshold: inspections, assessments and supervision visits
	// (督查检查考核) a year on one duty above which it is a formalism burden.
	InspectionThreshold int `json:"inspection_threshold"`
	// SignOffThreshold: responsibility pledges and sign-offs (签责任状、签字
	// 背书) a year on one duty above which it is a formalism burden.
	SignOffThreshold int `json:"sign_off_threshold"`
	// CheckInThreshold: grid check-ins and reporting targets a month on one
	// duty above which it is a formalism burden.
	CheckInThreshold int `json:"check_in_threshold"`
	// AppsThreshold: government apps one duty needs above which it is a
	// technology burden (技术负担).
	AppsThreshold int `json:"apps_threshold"`
	// WorkGroupsThreshold: work groups one duty needs above which it is a
	// technology burden.
	WorkGroupsThreshold int `json:"work_groups_threshold"`
	// DuplicateEntryThreshold: systems the same data is entered into, at or
	// above which it is a technology burden (重复录入、多头填报).
	DuplicateEntryThreshold int `json:"duplicate_entry_threshold"`
	// OffListHours: hours a month an off-list task takes at or above which
	// OFF_LIST_BURDEN is a warning rather than info.
	OffListHours float64 `json:"off_list_hours"`
	// OffListHoursSerious: hours a month at or above which it is serious.
	OffListHoursSerious float64 `json:"off_list_hours_serious"`
	// OffListTimes: times a year an off-list task is assigned at or above
	// which OFF_LIST_BURDEN is a warning rather than info.
	OffListTimes int `json:"off_list_times"`
}

// DefaultSettings are the documented defaults.
func DefaultSettings() Settings {
	return Settings{
		IncidentThreshold:       2,
		CoverageThreshold:       0.5,
		FormalismShare:          0.3,
		ReportThreshold:         8,
		StaffTolerance:          0.1,
		FundsTolerance:          0.1,
		PartialCredit:           0.5,
		AssessedByThreshold:     3,
		ShortfallWarning:        0.25, // a quarter of the need uncovered
		ShortfallSerious:        0.5,  // half of the need uncovered
		InspectionThreshold:     4,    // more than once a quarter
		SignOffThreshold:        1,    // more than the one yearly target pledge
		CheckInThreshold:        30,   // more than once a day
		AppsThreshold:           2,
		WorkGroupsThreshold:     3,
		DuplicateEntryThreshold: 2,  // the same data in two systems is entered twice
		OffListHours:            8,  // a working day a month
		OffListHoursSerious:     40, // a working week a month
		OffListTimes:            12, // monthly
	}
}

// SettingKind is what values a setting takes.
type SettingKind int

const (
	SettingShare  SettingKind = iota // a share of a whole, 0–1
	SettingCount                     // a whole number, at least 1
	SettingAmount                    // a quantity such as hours a month, above 0
)

// SettingField describes one setting for the settings dialog, the rules
// help and validation.
type SettingField struct {
	Code string // the JSON name; its words are setting.<Code> and setting.<Code>.hint
	Kind SettingKind
	Get  func(*Settings) float64
	Set  func(*Settings, float64)
	// since12 marks a setting added for issue 12: a file written before
	// has 0 for it, which means the default, not a value out of range.
	since12 bool
}

// Integer reports whether the setting takes whole numbers.
func (f SettingField) Integer() bool { return f.Kind == SettingCount }

// Name is the setting's name in the catalogue.
func (f SettingField) Name() words.Msg { return settingName(f.Code) }

func share(code string, p func(*Settings) *float64) SettingField {
	return SettingField{Code: code, Kind: SettingShare, Get: func(s *Settings) float64 { return *p(s) }, Set: func(s *Settings, v float64) { *p(s) = v }}
}

func count(code string, p func(*Settings) *int) SettingField {
	return SettingField{Code: code, Kind: SettingCount, Get: func(s *Settings) float64 { return float64(*p(s)) }, Set: func(s *Settings, v float64) { *p(s) = int(v) }}
}

// count12 and amount12 are settings added for issue 12 (see since12).
func count12(code string, p func(*Settings) *int) SettingField {
	f := count(code, p)
	f.since12 = true
	return f
}

func amount12(code string, p func(*Settings) *float64) SettingField {
	f := share(code, p)
	f.Kind, f.since12 = SettingAmount, true
	return f
}

// settingFields lists every setting in the order the settings dialog
// shows them: authority and accountability, burdens, resources, off-list work.
var settingFields = []SettingField{
	share("coverage_threshold", func(s *Settings) *float64 { return &s.CoverageThreshold }),
	count("incident_threshold", func(s *Settings) *int { return &s.IncidentThreshold }),
	count("assessed_by_threshold", func(s *Settings) *int { return &s.AssessedByThreshold }),
	share("partial_credit", func(s *Settings) *float64 { return &s.PartialCredit }),
	share("formalism_share", func(s *Settings) *float64 { return &s.FormalismShare }),
	count("report_threshold", func(s *Settings) *int { return &s.ReportThreshold }),
	count12("inspection_threshold", func(s *Settings) *int { return &s.InspectionThreshold }),
	count12("sign_off_threshold", func(s *Settings) *int { return &s.SignOffThreshold }),
	count12("check_in_threshold", func(s *Settings) *int { return &s.CheckInThreshold }),
	count12("apps_threshold", func(s *Settings) *int { return &s.AppsThreshold }),
	count12("work_groups_threshold", func(s *Settings) *int { return &s.WorkGroupsThreshold }),
	count12("duplicate_entry_threshold", func(s *Settings) *int { return &s.DuplicateEntryThreshold }),
	share("staff_tolerance", func(s *Settings) *float64 { return &s.StaffTolerance }),
	share("funds_tolerance", func(s *Settings) *float64 { return &s.FundsTolerance }),
	share("shortfall_warning", func(s *Settings) *float64 { return &s.ShortfallWarning }),
	share("shortfall_serious", func(s *Settings) *float64 { return &s.ShortfallSerious }),
	amount12("off_list_hours", func(s *Settings) *float64 { return &s.OffListHours }),
	amount12("off_list_hours_serious", func(s *Settings) *float64 { return &s.OffListHoursSerious }),
	count12("off_list_times", func(s *Settings) *int { return &s.OffListTimes }),
}

// SettingFields lists every setting, in the order the settings dialog shows them.
func SettingFields() []SettingField { return settingFields }

// Normalized returns s with every zero threshold replaced by its default, so
// that settings stored before a field existed (decoded as zero) still give
// sensible findings. A tolerance of exactly 0 is indistinguishable from a
// missing one and also gets its default; use a tiny value such as 0.001 to
// mean "no tolerance".
func (s Settings) Normalized() Settings {
	d := DefaultSettings()
	for _, f := range settingFields {
		if f.Get(&s) <= 0 {
			f.Set(&s, f.Get(&d))
		}
	}
	return s
}

// validateSettings checks each setting is in the range of its kind. A zero,
// which Normalized replaces by the default, is out of range too (the dialog
// should not store it), except for a setting older files lack.
func validateSettings(s *Settings) []Problem {
	var ps []Problem
	for _, f := range settingFields {
		v := f.Get(s)
		if v == 0 && f.since12 {
			continue
		}
		var m words.Msg
		switch f.Kind {
		case SettingShare:
			if v < 0 || v > 1 {
				m = words.M("problem.settings.share", "setting", f.Name(), "value", exact(v))
			}
		case SettingCount:
			if v < 1 {
				m = words.M("problem.settings.at_least_one", "setting", f.Name(), "value", int(v))
			}
		case SettingAmount:
			if v <= 0 {
				m = words.M("problem.settings.positive", "setting", f.Name(), "value", exact(v))
			}
		}
		if !m.IsZero() {
			ps = append(ps, problem(KindSettings, "", f.Code, m))
		}
	}
	// A lower grade's threshold above the higher's would skip a grade.
	n := s.Normalized()
	for _, o := range []struct {
		lower, higher string
		out           bool
	}{
		{"shortfall_warning", "shortfall_serious", n.ShortfallWarning > n.ShortfallSerious},
		{"off_list_hours", "off_list_hours_serious", n.OffListHours > n.OffListHoursSerious},
	} {
		if o.out {
			ps = append(ps, problem(KindSettings, "", o.lower, words.M("problem.settings.order",
				"lower", settingName(o.lower), "higher", settingName(o.higher))))
		}
	}
	return ps
}
