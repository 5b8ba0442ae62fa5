package model

import "rpbmatrix/model/words"

// The facts the rules read, one struct per kind of item, and the grading
// and wording helpers several rules share.

// pairFacts are what the rules read for one (office, duty) in the office's list.
type pairFacts struct {
	set    *Settings
	office *Office // how the office calls itself in a reason (KindWord)
	duty   *Duty
	kind   ListKind    // in the office's list (a scenario may move one office's item)
	role   Role        // effective role (see effectiveRole)
	a      *Assessment // nil: not assessed — only AUTHORITY_GAP and the incident rules can fire
	nReq   int         // authorities the duty requires
	nFull  int         // of them, fully exercised by the office
	cov    float64     // A
	res    float64     // S
	// incs are the pair's incident records, by date; incidents is
	// IncidentCount: the records, else the count on the assessment.
	incs      []*Incident
	incidents int

	// required lists the required authorities with the office's holdings,
	// for reasons that name them; set only when a reason is worded.
	required []heldAuthority
}

// heldAuthority is one authority a duty requires and the office's holding
// of it (nil: not held).
type heldAuthority struct {
	name string
	h    *Holding
}

// authFacts are what the rules read for one (office, authority).
type authFacts struct {
	set    *Settings
	h      *Holding // nil: the office holds nothing of it
	use    authUse
	name   string  // the authority's name
	office *Office // how the office calls itself in a reason (KindWord)
}

// authUse is how the duties an office performs (role lead or support) use
// one authority. The engine keeps it by adding and subtracting cells, like
// the totals.
type authUse struct {
	need   int   // duties that require it
	lead   int   // of them, led by the office
	vetoes int   // of them, veto items
	gapq   int64 // ΣG of those duties, fixed point (ranks the finding)
}

// officeFacts are what the rules read for an office as a whole.
type officeFacts struct {
	set    *Settings
	office *Office
	staff  staffUse
}

// staffUse is the staff an office's duties need and hold in total, fixed point.
type staffUse struct {
	neededQ int64 // Σ staff needed over the assessed duties it performs
	heldQ   int64 // Σ staff held over the same duties
}

func (u staffUse) needed() float64 { return fromFixed(u.neededQ) }
func (u staffUse) held() float64   { return fromFixed(u.heldQ) }

// staffed reports whether the office's staffing is entered: then its
// available staff (Office.StaffAvailable), not what its duties say they
// hold, is what it has.
func (x *officeFacts) staffed() bool {
	o := x.office
	return o.OnStaff+o.Auxiliary+o.SecondedIn > 0
}

// available is the staff the office has for its duties: its available
// staff when entered, else the sum its duties hold.
func (x *officeFacts) available() float64 {
	if x.staffed() {
		return float64(max(0, x.office.StaffAvailable()))
	}
	return x.staff.held()
}

// proposalFacts are what the rules read for one (office, admission request).
type proposalFacts struct {
	set    *Settings
	q      *Proposal
	office *Office // how the office calls itself in a reason (KindWord)
	// missing are the authorities the task requires that are neither
	// granted with it nor fully exercised by the office already.
	missing []ID
	names   func(ids []ID) []string // the authorities' names, for a reason
}

// offListFacts are what the rules read for one off-list task.
type offListFacts struct {
	set *Settings
	t   *OffListTask
}

// raise moves a severity up n levels, at most to critical.
func raise(s Severity, n int) Severity { return min(SevCritical, s+Severity(n)) }

// raiseIf moves a severity up one level when cond holds.
func raiseIf(s Severity, cond bool) Severity {
	if cond {
		return raise(s, 1)
	}
	return s
}

// shortfall is 1 − held/needed (0 when nothing is needed or held covers it).
func shortfall(held, needed float64) float64 {
	if needed <= 0 || held >= needed {
		return 0
	}
	return (needed - max(0, held)) / needed
}

// shortfallSeverity grades a staff or funds shortfall: info from the
// tolerance, warning from Settings.ShortfallWarning, serious from
// Settings.ShortfallSerious.
func shortfallSeverity(short float64, s *Settings) Severity {
	switch {
	case short >= s.ShortfallSerious:
		return SevSerious
	case short >= s.ShortfallWarning:
		return SevWarning
	}
	return SevInfo
}

// shortfallGrade grades what is held against what is needed: 0 within the
// tolerance, else by shortfallSeverity, one level up for a veto item.
func shortfallGrade(held, needed, tolerance float64, veto bool, s *Settings) Severity {
	short := shortfall(held, needed)
	if short <= tolerance {
		return 0
	}
	return raiseIf(shortfallSeverity(short, s), veto)
}

// exposure is which signals of high accountability exposure an assessment shows.
type exposure struct{ veto, incidents, assessors bool }

func exposureOf(x *pairFacts) exposure {
	a, s := x.a, x.set
	ex := exposure{incidents: x.incidents >= s.IncidentThreshold}
	if a != nil {
		ex.veto, ex.assessors = a.Veto, a.AssessedBy >= s.AssessedByThreshold
	}
	return ex
}

func (e exposure) count() int {
	n := 0
	for _, b := range []bool{e.veto, e.incidents, e.assessors} {
		if b {
			n++
		}
	}
	return n
}

// notes words the remarks a reason ends with ("；一票否决事项、近一年被问责
// 2 次"), or nothing when there are none.
func notes(ms ...words.Msg) words.Msg {
	if len(ms) == 0 {
		return words.M("rule.notes.none")
	}
	return words.M("rule.notes", "notes", ms)
}

// vetoNote is the remark on a veto item, if a is one.
func vetoNote(a *Assessment) []words.Msg {
	if a != nil && a.Veto {
		return []words.Msg{words.M("rule.fact.veto")}
	}
	return nil
}

func incidentsFact(n int) words.Msg { return words.M("rule.fact.incidents", "incidents", n) }

// signsGrade grades a burden by how many of its signs show: none 0, one a
// warning, two or more serious.
func signsGrade(n int) Severity {
	switch {
	case n >= 2:
		return SevSerious
	case n == 1:
		return SevWarning
	}
	return 0
}

// when words m if cond holds, else nothing: a clause a reason may go without.
func when(cond bool, m words.Msg) words.Msg {
	if cond {
		return m
	}
	return words.M("rule.notes.none")
}

// either words m if cond holds, else otherwise.
func either(cond bool, m, otherwise words.Msg) words.Msg {
	if cond {
		return m
	}
	return otherwise
}

// countTrue counts the signs that show.
func countTrue(signs ...bool) int {
	n := 0
	for _, b := range signs {
		if b {
			n++
		}
	}
	return n
}

// joined words clauses one after another, "；" between them.
func joined(ms []words.Msg) words.Msg {
	if len(ms) == 0 {
		return words.M("rule.notes.none")
	}
	out := ms[len(ms)-1]
	for i := len(ms) - 2; i >= 0; i-- {
		out = words.M("rule.join", "first", ms[i], "rest", out)
	}
	return out
}
