package model

import "rpbmatrix/model/words"

// RuleFormalism, 形式主义负担 (formalism burden): reporting, evidence and app
// hours exceed Settings.FormalismShare of the duty's hours, or reports per
// month exceed Settings.ReportThreshold.
const RuleFormalism RuleCode = "FORMALISM"

var _ = register(rule{
	code:     RuleFormalism,
	order:    70,
	settings: []string{"formalism_share", "report_threshold"},
	duty:     &check[pairFacts]{grade: formalismGrade, reason: formalismReason},
})

// formalismOver reports which of the two conditions hold.
func formalismOver(a *Assessment, s *Settings) (share, reports bool) {
	share = a.HoursPerMonth > 0 && a.FormalismHours/a.HoursPerMonth > s.FormalismShare
	reports = a.ReportsPerMonth > s.ReportThreshold
	return
}

// formalismGrade: warning for one condition, serious for both.
func formalismGrade(x *pairFacts) Severity {
	if x.a == nil {
		return 0
	}
	switch share, reports := formalismOver(x.a, x.set); {
	case share && reports:
		return SevSerious
	case share || reports:
		return SevWarning
	}
	return 0
}

// formalismReason: "填报留痕 12.4 小时/月，占工作量 40 小时的 31%（阈值 30%）；
// 每月报表 9 次（阈值 8 次）".
func formalismReason(x *pairFacts) words.Msg {
	a, s := x.a, x.set
	share, reports := formalismOver(a, s)
	var shareMsg, reportsMsg words.Msg
	if share {
		shareMsg = words.M("rule.FORMALISM.reason.share", "hours", a.FormalismHours, "total", a.HoursPerMonth,
			"share", words.Pct(a.FormalismHours/a.HoursPerMonth), "threshold", words.Pct(s.FormalismShare))
	}
	if reports {
		reportsMsg = words.M("rule.FORMALISM.reason.reports", "reports", a.ReportsPerMonth, "threshold", s.ReportThreshold)
	}
	switch {
	case share && reports:
		return words.M("rule.FORMALISM.reason.both", "share", shareMsg, "reports", reportsMsg)
	case share:
		return shareMsg
	}
	return reportsMsg
}
