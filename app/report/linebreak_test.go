package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fixedAdvance measures CJK characters as 1 and everything else as 0.5.
func fixedAdvance(r rune) float64 {
	if utf8.RuneLen(r) >= 3 {
		return 1
	}
	return 0.5
}

// TestWrapText checks that print breaks by package linebreak's rules (its
// own tests hold the table): a closing parenthesis never starts a line, a
// number keeps its unit.
func TestWrapText(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"负责巡查（每周）", 6, []string{"负责巡查（每", "周）"}},
		{"追加经费 0.6 万元用于", 6, []string{"追加经费", "0.6 万元用于"}},
	}
	for _, tt := range tests {
		if got := wrapText(tt.text, tt.width, fixedAdvance); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapText(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
