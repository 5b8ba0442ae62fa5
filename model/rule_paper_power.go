package model

import "rpbmatrix/model/words"

// RulePaperPower, 接不住 (power on paper only): an authority that duties of
// the office need is granted on paper but cannot be exercised, or only in
// part; one finding per office and authority.
const RulePaperPower RuleCode = "PAPER_POWER"

var _ = register(rule{
	code:  RulePaperPower,
	order: 20,
	auth:  &check[authFacts]{grade: paperPowerGrade, reason: paperPowerReason},
})

// paperPowerGrade: cannot be exercised: serious when a led duty needs it,
// else warning; partly: warning when a led duty needs it, else info; one
// level up when a veto item needs it.
func paperPowerGrade(x *authFacts) Severity {
	h, u := x.h, x.use
	if h == nil || !h.DeJure || h.DeFacto == LevelFull || u.need == 0 {
		return 0
	}
	var sev Severity
	switch {
	case h.DeFacto == LevelNone && u.lead > 0:
		sev = SevSerious
	case h.DeFacto == LevelNone, u.lead > 0:
		sev = SevWarning
	default:
		sev = SevInfo
	}
	return raiseIf(sev, u.vetoes > 0)
}

// paperPowerReason: "「行政处罚」已依法赋予，但实际不能行使；本街道 2 项职责需要
// 此权限，其中牵头 1 项，含一票否决事项".
func paperPowerReason(x *authFacts) words.Msg {
	exercise := words.M("rule.PAPER_POWER.cannot")
	if x.h.DeFacto == LevelPartial {
		exercise = words.M("rule.PAPER_POWER.partly")
	}
	veto := words.M("rule.notes.none")
	if x.use.vetoes > 0 {
		veto = words.M("rule.PAPER_POWER.veto")
	}
	return words.M("rule.PAPER_POWER.reason", "authority", x.name, "exercise", exercise,
		"office", x.office.KindWord(), "need", x.use.need, "lead", x.use.lead, "veto", veto)
}
