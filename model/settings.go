package model

// Settings are the project's analysis thresholds and weights. They are stored
// in the project so that everyone who opens the file sees the same findings.
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
}

// DefaultSettings are the documented defaults.
func DefaultSettings() Settings {
	return Settings{
		IncidentThreshold:   2,
		CoverageThreshold:   0.5,
		FormalismShare:      0.3,
		ReportThreshold:     8,
		StaffTolerance:      0.1,
		FundsTolerance:      0.1,
		PartialCredit:       0.5,
		AssessedByThreshold: 3,
		ShortfallWarning:    0.25, // a quarter of the need uncovered
		ShortfallSerious:    0.5,  // half of the need uncovered
	}
}

// Normalized returns s with every zero threshold replaced by its default, so
// that settings stored before a field existed (decoded as zero) still give
// sensible findings. A tolerance of exactly 0 is indistinguishable from a
// missing one and also gets its default; use a tiny value such as 0.001 to
// mean "no tolerance".
func (s Settings) Normalized() Settings {
	d := DefaultSettings()
	if s.IncidentThreshold <= 0 {
		s.IncidentThreshold = d.IncidentThreshold
	}
	if s.CoverageThreshold <= 0 {
		s.CoverageThreshold = d.CoverageThreshold
	}
	if s.FormalismShare <= 0 {
		s.FormalismShare = d.FormalismShare
	}
	if s.ReportThreshold <= 0 {
		s.ReportThreshold = d.ReportThreshold
	}
	if s.StaffTolerance <= 0 {
		s.StaffTolerance = d.StaffTolerance
	}
	if s.FundsTolerance <= 0 {
		s.FundsTolerance = d.FundsTolerance
	}
	if s.PartialCredit <= 0 {
		s.PartialCredit = d.PartialCredit
	}
	if s.AssessedByThreshold <= 0 {
		s.AssessedByThreshold = d.AssessedByThreshold
	}
	if s.ShortfallWarning <= 0 {
		s.ShortfallWarning = d.ShortfallWarning
	}
	if s.ShortfallSerious <= 0 {
		s.ShortfallSerious = d.ShortfallSerious
	}
	return s
}
