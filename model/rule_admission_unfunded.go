package model

import "rpbmatrix/model/words"

// RuleAdmissionUnfunded, 准入未随事转 (admitted without its means): a task
// a department asks to give the offices (准入申请), admitted or still under
// review, does not bring what it needs (人财物随事转): the staff or funds
// handed over with it fall short of its needs by more than
// Settings.StaffTolerance or Settings.FundsTolerance, or an authority it
// requires is neither devolved with it nor already fully exercised by the
// office (a task admitted as a supporting item needs no authority). Found
// on each office the request applies to; a rejected request is not.
const RuleAdmissionUnfunded RuleCode = "ADMISSION_UNFUNDED"

var _ = register(rule{
	code:     RuleAdmissionUnfunded,
	order:    95,
	settings: []string{"staff_tolerance", "funds_tolerance"},
	proposal: &check[proposalFacts]{grade: admissionGrade, reason: admissionReason},
})

// admissionLacks says what of its needs the task comes without.
func admissionLacks(x *proposalFacts) (staff, funds, authority bool) {
	q, s := x.q, x.set
	return shortfall(q.StaffCarried, q.StaffNeeded) > s.StaffTolerance,
		shortfall(q.FundsCarried, q.FundsNeeded) > s.FundsTolerance,
		len(x.missing) > 0
}

// admissionGrade: an admitted task (or one admitted as supporting) lacking
// one of staff, funds and authority is a warning, two or more serious; a
// request pending or deferred one level lower, as it may still be put right.
func admissionGrade(x *proposalFacts) Severity {
	if x.q.Admission == AdmissionRejected || !x.q.Admission.Valid() {
		return 0
	}
	staff, funds, authority := admissionLacks(x)
	n := 0
	for _, b := range []bool{staff, funds, authority} {
		if b {
			n++
		}
	}
	sev := signsGrade(n)
	if sev > 0 && !x.q.Admission.Enters() {
		sev--
	}
	return sev
}

// admissionReason: "「垃圾分类督导」（区城管委申请，准入）未做到人财物随事转：
// 需要人力 2 人，随事转移 0 人；所需权限 行政检查 未随事下放，本街道也不能完全行使".
func admissionReason(x *proposalFacts) words.Msg {
	q := x.q
	staff, funds, authority := admissionLacks(x)
	var lacks []words.Msg
	if staff {
		lacks = append(lacks, words.M("rule.ADMISSION_UNFUNDED.staff", "needed", q.StaffNeeded, "carried", max(0, q.StaffCarried)))
	}
	if funds {
		lacks = append(lacks, words.M("rule.ADMISSION_UNFUNDED.funds", "needed", q.FundsNeeded, "carried", max(0, q.FundsCarried)))
	}
	if authority {
		lacks = append(lacks, words.M("rule.ADMISSION_UNFUNDED.authority", "authorities", x.names(x.missing), "office", x.office.KindWord()))
	}
	by := either(q.Department != "", words.M("rule.ADMISSION_UNFUNDED.by", "dept", q.Department, "admission", q.Admission.Name()),
		words.M("rule.ADMISSION_UNFUNDED.by.unknown", "admission", q.Admission.Name()))
	return words.M("rule.ADMISSION_UNFUNDED.reason", "name", q.Name, "by", by, "lacks", joined(lacks))
}
