package app

import (
	"fmt"

	"rpbmatrix/model"
)

// ruleName is a rule's name in the UI language, the code when unknown.
func ruleName(c model.RuleCode) string {
	if info, ok := model.RuleByCode(c); ok && info.Name.Zh != "" {
		return info.Name.In(language)
	}
	return string(c)
}

// ruleDescription is when a rule fires, in the UI language.
func ruleDescription(c model.RuleCode) string {
	if info, ok := model.RuleByCode(c); ok {
		return info.Description.In(language)
	}
	return ""
}

// msg is a bilingual model message in the UI language.
func msg(m model.Msg) string { return m.In(language) }

// fmtIndex writes a balance index or ratio with two decimals.
func fmtIndex(x float64) string { return fmt.Sprintf("%.2f", x) }

// fmtPercent writes a ratio in [0, 1] as a whole percentage.
func fmtPercent(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

// gapRatio is ΣG/ΣW of a summary, -1 when it carries no weight.
func gapRatio(s *model.Summary) float64 {
	if s == nil || s.Weight <= 0 {
		return -1
	}
	return s.Gap / s.Weight
}

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
