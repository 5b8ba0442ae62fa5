package model

// authUse is how the duties an office performs (role lead or support) use
// one authority.
// It is kept by adding and subtracting cells, like the totals.
type authUse struct {
	need   int   // duties that require it
	lead   int   // of them, led by the office
	vetoes int   // of them, veto items
	gapq   int64 // ΣG of those duties, fixed point (ranks the finding)
}

// paperPowerSeverity: 0 unless the authority is granted on paper, not fully
// exercisable and needed. Cannot exercise: serious when a led duty needs it,
// else warning; partly: warning when led, else info; +1 for a veto item.
func paperPowerSeverity(h *Holding, u authUse) Severity {
	if h == nil || !h.DeJure || h.DeFacto == LevelFull || u.need == 0 {
		return 0
	}
	var sev Severity
	switch {
	case h.DeFacto == LevelNone && u.lead > 0:
		sev = SevSerious
	case h.DeFacto == LevelNone, u.lead > 0:
		sev = SevWarning
	default:
		sev = SevInfo
	}
	if u.vetoes > 0 {
		sev = raise(sev, 1)
	}
	return sev
}

// idleAuthoritySeverity: info when the office holds the authority (on paper
// or in fact) and none of the duties it performs needs it.
func idleAuthoritySeverity(h *Holding, u authUse) Severity {
	if h == nil || u.need > 0 || (!h.DeJure && h.DeFacto == LevelNone) {
		return 0
	}
	return SevInfo
}

// staffUse is an office's staffing in total, fixed point.
type staffUse struct {
	neededQ int64 // Σ staff needed over the assessed duties it performs
	heldQ   int64 // Σ staff held over the same duties
	actual  int   // Office.StaffActual; when > 0 it is what the office holds
}

func (u staffUse) needed() float64 { return fromFixed(u.neededQ) }

func (u staffUse) held() float64 {
	if u.actual > 0 {
		return float64(u.actual)
	}
	return fromFixed(u.heldQ)
}

// officeStaffSeverity grades the office-wide shortfall like a duty's.
func officeStaffSeverity(u staffUse, s *Settings) Severity {
	if short := shortfall(u.held(), u.needed()); short > s.StaffTolerance {
		return shortfallSeverity(short, s)
	}
	return 0
}
