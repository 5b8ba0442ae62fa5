package sheet

import "testing"

// The office's own money was called 街道自筹 for every office; it is now
// 街道（乡镇）自筹. Every old spelling, and the township's own words, still
// reads as the same column header and as the same fund source in a cell.
func TestFundsSelfOldSpellings(t *testing.T) {
	headers := []string{
		"其中街道（乡镇）自筹（万元/年）", "街道（乡镇）自筹",
		"其中街道自筹（万元/年）", "其中街道自筹", "街道自筹",
		"其中镇自筹", "镇自筹", "乡自筹", "其中乡镇自筹", "乡镇自筹",
		"其中本级自筹", "本级自筹", "其中自筹", "自筹", "自筹经费", "镇街自筹",
		"Of which the office's own funds (¥10k/yr)", "Own funds", "Self-funded",
	}
	for _, text := range headers {
		if got := assessFieldOf(text); got != assessFundsSelf {
			t.Errorf("header %q maps to %s, want %s", text, got.code(), assessFundsSelf.code())
		}
	}
	sources := []string{
		"街道（乡镇）自筹", "街道自筹", "镇自筹", "乡自筹", "乡镇自筹", "本级自筹", "自筹", "镇街自筹",
		"office's own funds", "Self-funded", "own funds",
	}
	for _, text := range sources {
		cell, bad := readAssessCell(assessFundSource, text)
		if !bad.IsZero() || !cell.set || cell.source != assessFundsSelf {
			t.Errorf("fund source %q reads as %+v (%s), want %s", text, cell, bad.Key, assessFundsSelf.code())
		}
	}
}
