package model

import "rpbmatrix/model/words"

// RuleNoTolerance, 问责未容错 (held accountable without 容错纠错): the office
// was held accountable on the duty, 容错纠错 was not applied, and it lacked
// the means: the incident record gives lack of authority or of resources as
// the cause, or the analysis finds the office short of them (as lead it
// does not fully exercise every authority the duty requires, or its
// resource coverage S is below 1). Only incident records say whether 容错
// was applied, so a count entered on the assessment alone never fires it.
const RuleNoTolerance RuleCode = "ACCOUNTABILITY_NO_TOLERANCE"

var _ = register(rule{
	code:     RuleNoTolerance,
	order:    45,
	settings: []string{"incident_threshold"},
	duty:     &check[pairFacts]{grade: noToleranceGrade, reason: noToleranceReason},
})

// untolerated is what a pair's incident records without 容错 say.
type untolerated struct {
	n                    int
	byKind               map[IncidentKind]int // set only when a reason is worded
	authority, resources int                  // records giving that cause
}

func untoleratedOf(x *pairFacts, kinds bool) untolerated {
	var u untolerated
	if kinds {
		u.byKind = map[IncidentKind]int{}
	}
	for _, inc := range x.incs {
		if inc.Tolerance {
			continue
		}
		u.n++
		switch inc.Cause {
		case CauseAuthority:
			u.authority++
		case CauseResources:
			u.resources++
		}
		if kinds {
			u.byKind[inc.Kind]++
		}
	}
	return u
}

// lacksAuthority and lacksResources: what the analysis finds the office short of.
func (x *pairFacts) lacksAuthority() bool { return x.role == RoleLead && x.nFull < x.nReq }
func (x *pairFacts) lacksResources() bool { return x.res < 1 }

// noToleranceGrade: serious when a record gives lack of authority or
// resources as the cause, warning when only the analysis finds the lack;
// one level up when the untolerated incidents reach
// Settings.IncidentThreshold.
func noToleranceGrade(x *pairFacts) Severity {
	u := untoleratedOf(x, false)
	var sev Severity
	switch {
	case u.n == 0:
		return 0
	case u.authority+u.resources > 0:
		sev = SevSerious
	case x.lacksAuthority() || x.lacksResources():
		sev = SevWarning
	default:
		return 0
	}
	return raiseIf(sev, u.n >= x.set.IncidentThreshold)
}

// noToleranceReason: "问责事件 2 起未适用容错纠错（问责 1 起、约谈 1 起），其中
// 1 起记录原因为缺少权限；权限覆盖率 33%、资源覆盖率 50%".
func noToleranceReason(x *pairFacts) words.Msg {
	u := untoleratedOf(x, true)
	var kinds []words.Msg
	for _, k := range IncidentKinds {
		if n := u.byKind[k]; n > 0 {
			kinds = append(kinds, words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.kind", "kind", k.Name(), "n", n))
		}
	}
	kindsOf := when(len(kinds) > 0, words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.kinds", "kinds", kinds))
	var causes []words.Msg
	if u.authority > 0 {
		causes = append(causes, words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.cause.authority", "n", u.authority))
	}
	if u.resources > 0 {
		causes = append(causes, words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.cause.resources", "n", u.resources))
	}
	cause := when(len(causes) > 0, words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.causes", "causes", causes))
	var means []words.Msg
	if x.lacksAuthority() {
		means = append(means, words.M("rule.fact.coverage", "coverage", words.Pct(x.cov)))
	}
	if x.lacksResources() {
		means = append(means, words.M("rule.fact.resource_coverage", "coverage", words.Pct(x.res)))
	}
	return words.M("rule.ACCOUNTABILITY_NO_TOLERANCE.reason", "n", u.n, "kinds", kindsOf, "causes", cause,
		"notes", notes(means...))
}
