package app

import (
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// ruleName is a rule's name in the UI language, the code when unknown.
func ruleName(c model.RuleCode) string {
	if info, ok := model.RuleByCode(c); ok {
		if name := info.Name.In(words.Current()); name != "" {
			return name
		}
	}
	return string(c)
}

// ruleDescription is when a rule fires, in the UI language.
func ruleDescription(c model.RuleCode) string {
	if info, ok := model.RuleByCode(c); ok {
		return info.Description.In(words.Current())
	}
	return ""
}

// msg is a bilingual model message in the UI language.
func msg(m interface{ In(string) string }) string { return m.In(words.Current()) }

// findingCount is the number of findings a summary counts.
func findingCount(s *model.Summary) int {
	if s == nil {
		return 0
	}
	n := 0
	for _, c := range s.BySeverity {
		n += c
	}
	return n
}
