package model

// The measures of one (office, duty), DESIGN §3:
//
//	W  responsibility weight, 1–5 (weight)
//	A  authority coverage, 0–1 (authority credit over the authorities required)
//	S  resource coverage, 0–1 (the scarcest resource needed)
//	G  gap = W·(1 − min(A, S))
//
// and an office's balance index 1 − ΣG/ΣW.

// effectiveRole is the part the office plays: lead for a basic-list duty or
// when assessed as lead; otherwise the assessed role; an item not assessed
// takes its role from the list kind (supporting → support, returned → none).
func effectiveRole(kind ListKind, a *Assessment) Role {
	switch {
	case kind == ListBasic, a != nil && a.Role == RoleLead:
		return RoleLead
	case a != nil:
		return a.Role
	case kind == ListSupporting:
		return RoleSupport
	}
	return RoleNone
}

// Weight parts. A led duty starts at 3, a supported one at 2, one the office
// has no part in at 1; accountability exposure adds up to 2.5 more:
//
//	+1    veto item (一票否决)
//	+0.5  per accountability incident in the past year (the incident
//	      records of the pair, else the count on the assessment), at most +1
//	+0.5  when assessed by at least AssessedByThreshold departments (多头考核)
//
// and the total is capped at 5.
const (
	weightLead, weightSupport, weightNone = 3.0, 2.0, 1.0
	weightVeto                            = 1.0
	weightPerIncident, weightIncidentsMax = 0.5, 1.0
	weightManyAssessors                   = 0.5
	weightMax                             = 5.0
)

// weight is W for an item held accountable incidents times (IncidentCount:
// the records, else the count on the assessment a, which may be nil).
func weight(role Role, a *Assessment, incidents int, s *Settings) float64 {
	w := weightNone
	switch role {
	case RoleLead:
		w = weightLead
	case RoleSupport:
		w = weightSupport
	}
	if incidents > 0 {
		w += min(weightIncidentsMax, weightPerIncident*float64(incidents))
	}
	if a != nil && a.Veto {
		w += weightVeto
	}
	if a != nil && a.AssessedBy >= s.AssessedByThreshold {
		w += weightManyAssessors
	}
	return min(w, weightMax)
}

// levelCredit is how much holding an authority at level l counts towards A.
func levelCredit(h *Holding, s *Settings) float64 {
	if h == nil {
		return 0
	}
	switch h.DeFacto {
	case LevelFull:
		return 1
	case LevelPartial:
		return s.PartialCredit
	}
	return 0
}

// resourceCoverage is S: the smallest held/needed ratio over the staff, funds
// and systems the item needs, each capped at 1; 1 when it needs none or is
// not assessed. A staff or funds shortfall within its tolerance counts as
// covered, as it does for UNDERSTAFFED and UNFUNDED: every G > 0 is
// explained by a finding.
func resourceCoverage(a *Assessment, set *Settings) float64 {
	s := 1.0
	if a == nil {
		return s
	}
	ratio := func(held, needed, tolerance float64) {
		if needed > 0 && shortfall(held, needed) > tolerance {
			s = min(s, max(0, held)/needed)
		}
	}
	ratio(a.StaffHeld, a.StaffNeeded, set.StaffTolerance)
	ratio(a.FundsHeld, a.FundsNeeded, set.FundsTolerance)
	ratio(float64(a.SystemsHeld), float64(a.SystemsNeeded), 0)
	return min(s, 1)
}

// balance is 1 − ΣG/ΣW, and 1 for an empty set.
func balance(weight, gap float64) float64 {
	if weight <= 0 {
		return 1
	}
	return 1 - gap/weight
}

// fixedScale turns W and G into integers for summing, so totals kept by
// adding and subtracting during incremental updates equal a fresh sum exactly.
const fixedScale = 1e9

func toFixed(x float64) int64 {
	if x >= 0 {
		return int64(x*fixedScale + 0.5)
	}
	return -int64(-x*fixedScale + 0.5)
}

func fromFixed(q int64) float64 { return float64(q) / fixedScale }
