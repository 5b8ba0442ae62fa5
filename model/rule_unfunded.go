package model

import "rpbmatrix/model/words"

// RuleUnfunded, 费随事转缺失 (funding does not follow the task): funds held
// fall short of funds needed by more than Settings.FundsTolerance.
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

// unfundedReason: "需要经费 10 万元/年，实有 4 万元，缺口 6 万元（60%，容差 10%）".
func unfundedReason(x *pairFacts) words.Msg {
	a := x.a
	return words.M("rule.UNFUNDED.reason", "needed", a.FundsNeeded, "held", a.FundsHeld,
		"short", a.FundsNeeded-a.FundsHeld, "shortfall", words.Pct(shortfall(a.FundsHeld, a.FundsNeeded)),
		"tolerance", words.Pct(x.set.FundsTolerance), "notes", notes(vetoNote(a)...))
}
