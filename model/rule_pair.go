package model

// pairFacts are what the rules read for one (office, duty) in the office's list.
type pairFacts struct {
	kind  ListKind
	role  Role
	a     *Assessment // nil: not assessed — only AUTHORITY_GAP can fire
	nReq  int         // authorities the duty requires
	nFull int         // of them, fully exercised by the office
	cov   float64     // A
}

// sevSet packs one severity (3 bits) per rule index; 0 means "did not fire".
type sevSet uint32

func (s sevSet) get(i ruleIndex) Severity { return Severity(s >> (3 * i) & 7) }

func (s *sevSet) set(i ruleIndex, v Severity) {
	*s = *s&^(7<<(3*i)) | sevSet(v)<<(3*i)
}

func (s sevSet) worst() Severity {
	var w Severity
	for i := ruleIndex(0); i < numRules; i++ {
		w = max(w, s.get(i))
	}
	return w
}

// raise moves a severity up n levels, at most to critical.
func raise(s Severity, n int) Severity { return min(SevCritical, s+Severity(n)) }

// shortfall is 1 − held/needed (0 when nothing is needed or held covers it).
func shortfall(held, needed float64) float64 {
	if needed <= 0 || held >= needed {
		return 0
	}
	return (needed - max(0, held)) / needed
}

// shortfallSeverity grades a staff or funds shortfall.
func shortfallSeverity(short float64, s *Settings) Severity {
	switch {
	case short >= s.ShortfallSerious:
		return SevSerious
	case short >= s.ShortfallWarning:
		return SevWarning
	}
	return SevInfo
}

// exposure counts the signals of high accountability exposure.
type exposure struct{ veto, incidents, assessors bool }

func exposureOf(a *Assessment, s *Settings) exposure {
	if a == nil {
		return exposure{}
	}
	return exposure{a.Veto, a.Incidents >= s.IncidentThreshold, a.AssessedBy >= s.AssessedByThreshold}
}

func (e exposure) any() bool { return e.veto || e.incidents || e.assessors }

func (e exposure) count() int {
	n := 0
	for _, b := range []bool{e.veto, e.incidents, e.assessors} {
		if b {
			n++
		}
	}
	return n
}

// evalPair runs every pair rule and returns the severities of those that fire.
func evalPair(f *pairFacts, s *Settings) sevSet {
	var out sevSet
	a := f.a
	ex := exposureOf(a, s)
	if f.role == RoleLead && f.nFull < f.nReq {
		out.set(ixAuthorityGap, authorityGapSeverity(f, ex, s))
	}
	if a == nil {
		return out
	}
	if sev := pushedDownSeverity(f.kind, a); sev > 0 {
		out.set(ixPushedDown, sev)
	}
	if ex.any() && f.cov < s.CoverageThreshold {
		sev := SevSerious
		switch {
		case ex.count() >= 2:
			sev = SevCritical
		case !ex.veto && !ex.incidents:
			sev = SevWarning // only many assessors
		}
		out.set(ixAccountabilityTrap, sev)
	}
	veto := 0
	if a.Veto {
		veto = 1
	}
	if short := shortfall(a.FundsHeld, a.FundsNeeded); short > s.FundsTolerance {
		out.set(ixUnfunded, raise(shortfallSeverity(short, s), veto))
	}
	if short := shortfall(a.StaffHeld, a.StaffNeeded); short > s.StaffTolerance {
		out.set(ixUnderstaffed, raise(shortfallSeverity(short, s), veto))
	}
	shareOver, reportsOver := formalismOver(a, s)
	switch {
	case shareOver && reportsOver:
		out.set(ixFormalism, SevSerious)
	case shareOver || reportsOver:
		out.set(ixFormalism, SevWarning)
	}
	if f.kind != ListReturned && a.HoursPerMonth == 0 && a.ReportsPerMonth == 0 {
		sev := SevInfo
		if a.AssessedBy > 0 || a.Veto || a.Incidents > 0 {
			sev = SevWarning
		}
		out.set(ixIdle, sev)
	}
	return out
}

// authorityGapSeverity: warning while coverage reaches the threshold,
// serious below it, one level up for veto items or incidents at the threshold.
func authorityGapSeverity(f *pairFacts, ex exposure, s *Settings) Severity {
	sev := SevWarning
	if f.cov < s.CoverageThreshold {
		sev = SevSerious
	}
	if ex.veto || ex.incidents {
		sev = raise(sev, 1)
	}
	return sev
}

// pushedDownSeverity: 0 when the rule does not fire.
func pushedDownSeverity(kind ListKind, a *Assessment) Severity {
	if kind == ListBasic {
		return 0
	}
	actsLead, assessed, accountable := a.Role == RoleLead, a.AssessedBy > 0, a.Incidents > 0
	if !actsLead && !assessed && !accountable {
		return 0
	}
	sev := SevInfo
	switch {
	case actsLead && accountable:
		sev = SevSerious
	case actsLead || accountable:
		sev = SevWarning
	}
	if kind == ListReturned {
		sev = raise(sev, 1)
	}
	if a.Veto {
		sev = raise(sev, 1)
	}
	return sev
}

// formalismOver reports which FORMALISM conditions hold.
func formalismOver(a *Assessment, s *Settings) (share, reports bool) {
	share = a.HoursPerMonth > 0 && a.FormalismHours/a.HoursPerMonth > s.FormalismShare
	reports = a.ReportsPerMonth > s.ReportThreshold
	return
}
