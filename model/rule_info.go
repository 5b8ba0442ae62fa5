package model

// ruleIndex numbers the rules in RuleCodes order; per-pair findings are kept
// as a packed severity per rule index.
type ruleIndex uint8

const (
	ixAuthorityGap ruleIndex = iota
	ixPaperPower
	ixPushedDown
	ixAccountabilityTrap
	ixUnfunded
	ixUnderstaffed
	ixFormalism
	ixIdle
	numRules
)

func (i ruleIndex) code() RuleCode { return RuleCodes[i] }

var ruleIndexOf = func() map[RuleCode]ruleIndex {
	m := map[RuleCode]ruleIndex{}
	for i, c := range RuleCodes {
		m[c] = ruleIndex(i)
	}
	return m
}()

var ruleInfos = []RuleInfo{
	{RuleAuthorityGap, Msg{"有责无权", "Duty without power"}, Msg{
		"街道牵头承担的事项（基本履职事项，或实际角色为牵头），未能完全行使事项所需的全部权限。权限覆盖率低于覆盖率阈值为严重，一票否决或问责次数达到阈值时再升一级。",
		"The office leads the duty (basic list, or actual role lead) but does not fully exercise every authority it requires. Serious when authority coverage is below the coverage threshold; one level higher for veto items or when incidents reach the incident threshold."}},
	{RulePaperPower, Msg{"接不住", "Power on paper only"}, Msg{
		"事项所需的权限已依法赋予街道，但实际不能行使或只能部分行使（按街道和权限各报一次）。不能行使且有牵头事项需要为严重，部分行使为提示或一般，涉及一票否决事项时升一级。",
		"An authority that duties of the office need is granted on paper but cannot be exercised, or only partly (one finding per office and authority). Serious when it cannot be exercised and a led duty needs it; partial use is info or warning; one level higher when a veto item needs it."}},
	{RulePushedDown, Msg{"责任下移", "Responsibility pushed down"}, Msg{
		"事项列为配合履职或上级部门收回，但街道实际牵头、仍被考核或被问责。仅被考核为提示，实际牵头或被问责为一般，两者兼有为严重；收回事项再升一级，一票否决再升一级。",
		"The duty is listed as supporting or returned, yet the office acts as lead, is assessed on it or was held accountable. Info when only assessed, warning when acting as lead or held accountable, serious when both; one level higher for returned items and again for veto items."}},
	{RuleAccountabilityTrap, Msg{"问责陷阱", "Accountability trap"}, Msg{
		"问责压力大（一票否决、问责次数达到阈值，或考核部门数达到多头考核阈值），而权限覆盖率低于覆盖率阈值。仅多头考核为一般，一票否决或问责达到阈值为严重，两项以上为重大。",
		"Accountability exposure is high (veto item, incidents at the incident threshold, or assessing departments at the assessed-by threshold) while authority coverage is below the coverage threshold. Warning for many assessors only, serious for a veto item or incidents at the threshold, critical for two or more."}},
	{RuleUnfunded, Msg{"费随事转缺失", "Funding does not follow the task"}, Msg{
		"实有经费低于需要经费，且缺口超过经费容差。缺口比例达到一般阈值为一般、达到严重阈值为严重，一票否决事项再升一级。",
		"Funds held fall short of funds needed by more than the funds tolerance. Warning from the warning shortfall, serious from the serious shortfall; one level higher for veto items."}},
	{RuleUnderstaffed, Msg{"小马拉大车", "Capacity far below load"}, Msg{
		"按事项：实有人力低于需要人力且缺口超过人力容差；按街道：各事项合计需要人力超过实有人员（未填写时用各事项实有人力合计）。分级同经费缺口。",
		"Per duty: staff held fall short of staff needed by more than the staff tolerance; per office: the staff all its duties need exceed the office's actual staff (or the sum of staff held when that is not entered). Graded like funding shortfalls."}},
	{RuleFormalism, Msg{"形式主义负担", "Formalism burden"}, Msg{
		"填报、留痕、APP 工时占事项工时的比例超过形式主义占比阈值，或每月报表次数超过报表阈值。满足一项为一般，两项都满足为严重。",
		"Reporting, evidence and app hours exceed the formalism share of the duty's hours, or reports per month exceed the report threshold. Warning for one, serious for both."}},
	{RuleIdle, Msg{"空转", "Idle item"}, Msg{
		"列入清单（基本或配合履职）的事项没有工作量（每月 0 小时、0 次报表）；或街道持有的权限没有任何需要承担的事项用到。一般为提示，空转事项仍被考核或问责时为一般。",
		"A duty on the basic or supporting list has no workload (0 hours and 0 reports a month), or the office holds an authority that none of the duties it performs needs. Info; warning when an idle duty is still assessed or held accountable."}},
}

// Rules describes every rule in display order.
func Rules() []RuleInfo { return append([]RuleInfo(nil), ruleInfos...) }

// RuleByCode returns a rule's description.
func RuleByCode(c RuleCode) (RuleInfo, bool) {
	if i, ok := ruleIndexOf[c]; ok {
		return ruleInfos[i], true
	}
	return RuleInfo{}, false
}

// Name is the rule's display name (the code itself when unknown).
func (c RuleCode) Name() Msg {
	if i, ok := ruleIndexOf[c]; ok {
		return ruleInfos[i].Name
	}
	return Msg{string(c), string(c)}
}

// ParseRuleCode accepts a code (any case) or a Chinese or English rule name.
func ParseRuleCode(s string) (RuleCode, bool) {
	for _, r := range ruleInfos {
		if equalFoldASCII(s, string(r.Code)) || s == r.Name.Zh || equalFoldASCII(s, r.Name.En) {
			return r.Code, true
		}
	}
	return "", false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
