package model

import "rpbmatrix/model/words"

// RuleFormalism, 形式主义负担 (formalism burden): on one duty, one or more of
//
//	reporting, evidence and app hours  > Settings.FormalismShare of its hours
//	reports a month                    > Settings.ReportThreshold
//	inspections, assessments and
//	supervision visits a year (督查检查考核) > Settings.InspectionThreshold
//	responsibility pledges and
//	sign-offs a year (签责任状、签字背书)   > Settings.SignOffThreshold
//	grid check-ins and reporting
//	targets a month (打卡、上报指标)       > Settings.CheckInThreshold
//
// Each indicator over its threshold is one sign: one sign is a warning,
// two or more serious. Government apps, work groups and duplicate entry
// are TECH_BURDEN's.
const RuleFormalism RuleCode = "FORMALISM"

var _ = register(rule{
	code:  RuleFormalism,
	order: 70,
	settings: []string{"formalism_share", "report_threshold", "inspection_threshold", "sign_off_threshold",
		"check_in_threshold"},
	duty: &check[pairFacts]{grade: formalismGrade, reason: formalismReason},
})

// formalismOver says which indicators are over their thresholds, in the
// order of the rule's table (none when the item is not assessed). Grading
// reads only this, so it allocates nothing.
func formalismOver(x *pairFacts) (over [5]bool) {
	a, s := x.a, x.set
	if a == nil {
		return
	}
	return [5]bool{
		a.HoursPerMonth > 0 && a.FormalismHours/a.HoursPerMonth > s.FormalismShare,
		a.ReportsPerMonth > s.ReportThreshold,
		a.InspectionsPerYear > s.InspectionThreshold,
		a.SignOffs > s.SignOffThreshold,
		a.CheckIns > s.CheckInThreshold,
	}
}

// formalismGrade: warning for one sign, serious for two or more.
func formalismGrade(x *pairFacts) Severity {
	over := formalismOver(x)
	return signsGrade(countTrue(over[:]...))
}

// formalismReason: "填报留痕 12.4 小时/月，占工作量 40 小时的 31%（阈值 30%）；
// 每年督查检查考核 6 次（阈值 4 次）".
func formalismReason(x *pairFacts) words.Msg {
	a, s := x.a, x.set
	over := formalismOver(x)
	var out []words.Msg
	if over[0] {
		out = append(out, words.M("rule.FORMALISM.reason.share", "hours", a.FormalismHours, "total", a.HoursPerMonth,
			"share", words.Pct(a.FormalismHours/a.HoursPerMonth), "threshold", words.Pct(s.FormalismShare)))
	}
	if over[1] {
		out = append(out, words.M("rule.FORMALISM.reason.reports", "reports", a.ReportsPerMonth, "threshold", s.ReportThreshold))
	}
	if over[2] {
		out = append(out, words.M("rule.FORMALISM.reason.inspections", "inspections", a.InspectionsPerYear, "threshold", s.InspectionThreshold))
	}
	if over[3] {
		out = append(out, words.M("rule.FORMALISM.reason.sign_offs", "sign_offs", a.SignOffs, "threshold", s.SignOffThreshold))
	}
	if over[4] {
		out = append(out, words.M("rule.FORMALISM.reason.check_ins", "check_ins", a.CheckIns, "threshold", s.CheckInThreshold))
	}
	return joined(out)
}
