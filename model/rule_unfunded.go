package model

import "rpbmatrix/model/words"

// RuleUnfunded, 费随事转缺失 (funding does not follow the task): funds held
// fall short of funds needed by more than Settings.FundsTolerance. The
// reason says whose money did not follow: on a supporting or returned item
// the task is a department's, and its money should come with it (部门随事
// 转移); on a basic item the shortfall is the office's funding in general.
const RuleUnfunded RuleCode = "UNFUNDED"

var _ = register(rule{
	code:     RuleUnfunded,
	order:    50,
	settings: []string{"funds_tolerance", "shortfall_warning", "shortfall_serious"},
	duty:     &check[pairFacts]{grade: unfundedGrade, reason: unfundedReason},
})

// unfundedGrade grades the shortfall beyond the tolerance (shortfallGrade),
// one level up for a veto item.
func unfundedGrade(x *pairFacts) Severity {
	if x.a == nil {
		return 0
	}
	return shortfallGrade(x.a.FundsHeld, x.a.FundsNeeded, x.set.FundsTolerance, x.a.Veto, x.set)
}

// unfundedReason: "需要经费 10 万元/年，实有 4 万元（区级财政专项 0 万元、部门
// 随事转移 0 万元、街道自筹 4 万元；镇里的是 镇自筹），缺口 6 万元（60%，容差 10%）：主责部门
// （区城管委）的经费未随事转移".
func unfundedReason(x *pairFacts) words.Msg {
	a := x.a
	sources := either(a.FundsSourced() > 0, words.M("rule.UNFUNDED.sources", "district", a.FundsDistrict,
		"transferred", a.FundsTransferred, "self", a.FundsSelf, "office", x.office.KindWord()), words.M("rule.UNFUNDED.sources.none"))
	return words.M("rule.UNFUNDED.reason", "needed", a.FundsNeeded, "held", a.FundsHeld, "sources", sources,
		"short", a.FundsNeeded-a.FundsHeld, "shortfall", words.Pct(shortfall(a.FundsHeld, a.FundsNeeded)),
		"tolerance", words.Pct(x.set.FundsTolerance), "whose", unfundedWhose(x), "notes", notes(vetoNote(a)...))
}

// unfundedWhose says whose money did not follow.
func unfundedWhose(x *pairFacts) words.Msg {
	if x.kind == ListBasic {
		return words.M("rule.UNFUNDED.whose.general")
	}
	dept := x.duty.LeadDept
	switch {
	case x.a.FundsTransferred > 0 && dept != "":
		return words.M("rule.UNFUNDED.whose.transfer_short.dept", "dept", dept, "transferred", x.a.FundsTransferred)
	case x.a.FundsTransferred > 0:
		return words.M("rule.UNFUNDED.whose.transfer_short", "transferred", x.a.FundsTransferred)
	case dept != "":
		return words.M("rule.UNFUNDED.whose.not_transferred.dept", "dept", dept)
	}
	return words.M("rule.UNFUNDED.whose.not_transferred")
}
