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
	}
}
