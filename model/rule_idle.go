package model

import "rpbmatrix/model/words"

// RuleIdle, 空转 (idle item): a duty on the basic or supporting list has no
// workload (0 hours and 0 reports a month), or the office holds an
// authority that none of the duties it performs needs.
const RuleIdle RuleCode = "IDLE"

var _ = register(rule{
	code:  RuleIdle,
	order: 80,
	duty:  &check[pairFacts]{grade: idleDutyGrade, reason: idleDutyReason},
	auth:  &check[authFacts]{grade: idleAuthorityGrade, reason: idleAuthorityReason},
})

// idleDutyGrade: info; warning when the idle duty is still assessed, a veto
// item or held accountable. A returned item has no workload by design.
func idleDutyGrade(x *pairFacts) Severity {
	a := x.a
	if a == nil || x.kind == ListReturned || a.HoursPerMonth != 0 || a.ReportsPerMonth != 0 {
		return 0
	}
	if a.AssessedBy > 0 || a.Veto || x.incidents > 0 {
		return SevWarning
	}
	return SevInfo
}

// idleDutyReason: "列入基本履职清单，但无工作量（每月 0 小时、0 次报表）；仍被 2 个部门考核".
func idleDutyReason(x *pairFacts) words.Msg {
	a := x.a
	var ns []words.Msg
	if a.AssessedBy > 0 {
		ns = append(ns, words.M("rule.fact.still_assessed", "departments", a.AssessedBy))
	}
	if x.incidents > 0 {
		ns = append(ns, incidentsFact(x.incidents))
	}
	ns = append(ns, vetoNote(a)...)
	return words.M("rule.IDLE.reason.duty", "list", x.kind.Name(), "notes", notes(ns...))
}

// idleAuthorityGrade: info when the office holds the authority (on paper or
// in fact) and none of the duties it performs needs it.
func idleAuthorityGrade(x *authFacts) Severity {
	h := x.h
	if h == nil || x.use.need > 0 || (!h.DeJure && h.DeFacto == LevelNone) {
		return 0
	}
	return SevInfo
}

// idleAuthorityReason: "持有「行政检查」（依法赋予，完全行使），但本街道承担的事项都不需要此权限".
func idleAuthorityReason(x *authFacts) words.Msg {
	granted := words.M("rule.IDLE.not_granted")
	if x.h.DeJure {
		granted = words.M("rule.IDLE.granted")
	}
	var level words.Msg
	switch x.h.DeFacto {
	case LevelFull:
		level = words.M("rule.IDLE.exercised.full")
	case LevelPartial:
		level = words.M("rule.IDLE.exercised.partial")
	default:
		level = words.M("rule.IDLE.exercised.none")
	}
	return words.M("rule.IDLE.reason.authority", "authority", x.name, "granted", granted,
		"level", level, "office", x.office.KindWord())
}
