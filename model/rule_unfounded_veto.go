package model

import (
	"strings"

	"rpbmatrix/model/words"
)

// RuleUnfoundedVeto, 一票否决无依据 (veto without a basis): the office is
// assessed on the duty by a veto (一票否决) and no regulation or document it
// rests on is stated (Assessment.VetoBasis). Vetoes without a basis in a
// regulation are to be cleaned up (规范一票否决事项).
const RuleUnfoundedVeto RuleCode = "UNFOUNDED_VETO"

var _ = register(rule{
	code:  RuleUnfoundedVeto,
	order: 47,
	duty:  &check[pairFacts]{grade: unfoundedVetoGrade, reason: unfoundedVetoReason},
})

// unfoundedVetoGrade: warning; serious once the office has been held
// accountable on the duty.
func unfoundedVetoGrade(x *pairFacts) Severity {
	a := x.a
	if a == nil || !a.Veto || strings.TrimSpace(a.VetoBasis) != "" {
		return 0
	}
	return raiseIf(SevWarning, x.incidents > 0)
}

// unfoundedVetoReason: "列为一票否决事项，但未注明法规或文件依据；近一年被问责 1 次".
func unfoundedVetoReason(x *pairFacts) words.Msg {
	var ns []words.Msg
	if x.a.AssessedBy > 0 {
		ns = append(ns, words.M("rule.fact.assessed", "departments", x.a.AssessedBy))
	}
	if x.incidents > 0 {
		ns = append(ns, incidentsFact(x.incidents))
	}
	return words.M("rule.UNFOUNDED_VETO.reason", "notes", notes(ns...))
}
