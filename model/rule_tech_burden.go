package model

import "rpbmatrix/model/words"

// RuleTechBurden, 技术负担 (technology burden, 指尖上的形式主义): too many
// systems are themselves a burden. On one duty, one or more of
//
//	government apps it needs       > Settings.AppsThreshold
//	work groups it needs           > Settings.WorkGroupsThreshold
//	systems the same data goes into ≥ Settings.DuplicateEntryThreshold (重复录入)
//
// One sign is a warning, two or more serious. (SYSTEMS_GAP is the
// opposite: systems a duty needs and does not have.)
const RuleTechBurden RuleCode = "TECH_BURDEN"

var _ = register(rule{
	code:     RuleTechBurden,
	order:    75,
	settings: []string{"apps_threshold", "work_groups_threshold", "duplicate_entry_threshold"},
	duty:     &check[pairFacts]{grade: techBurdenGrade, reason: techBurdenReason},
})

// techBurdenOver says which indicators are over their thresholds (none
// when the item is not assessed).
func techBurdenOver(x *pairFacts) (over [3]bool) {
	a, s := x.a, x.set
	if a == nil {
		return
	}
	return [3]bool{a.Apps > s.AppsThreshold, a.WorkGroups > s.WorkGroupsThreshold, a.DuplicateEntry >= s.DuplicateEntryThreshold}
}

// techBurdenGrade: warning for one sign, serious for two or more.
func techBurdenGrade(x *pairFacts) Severity {
	over := techBurdenOver(x)
	return signsGrade(countTrue(over[:]...))
}

// techBurdenReason: "需使用政务APP 4 个（阈值 2 个）；同一数据重复录入 3 个系统
// （阈值 2 个）".
func techBurdenReason(x *pairFacts) words.Msg {
	a, s := x.a, x.set
	over := techBurdenOver(x)
	var out []words.Msg
	if over[0] {
		out = append(out, words.M("rule.TECH_BURDEN.reason.apps", "apps", a.Apps, "threshold", s.AppsThreshold))
	}
	if over[1] {
		out = append(out, words.M("rule.TECH_BURDEN.reason.work_groups", "groups", a.WorkGroups, "threshold", s.WorkGroupsThreshold))
	}
	if over[2] {
		out = append(out, words.M("rule.TECH_BURDEN.reason.duplicate", "systems", a.DuplicateEntry, "threshold", s.DuplicateEntryThreshold))
	}
	return joined(out)
}
