package wraplabel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestLabelBreaksByTheRules narrows a label over a text with a closing
// parenthesis and a number with its unit: at every width, no line starts
// with closing punctuation, "0.6 万元" stays whole, and the text is kept.
func TestLabelBreaksByTheRules(t *testing.T) {
	test.NewTempApp(t)
	text := "配合做好城市道路占用费征收（第128项），追加经费 0.6 万元，资金缺口 G 1.7。"
	l := NewLabel(text)
	char := fyne.MeasureText("字", theme.TextSize(), fyne.TextStyle{}).Width
	for n := 6; n <= 30; n++ {
		l.Resize(fyne.NewSize(float32(n)*char+2*theme.InnerPadding(), 400))
		lines := strings.Split(l.Text, "\n")
		if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("%d characters wide: text changed: %q", n, l.Text)
		}
		for _, line := range lines {
			if strings.HasPrefix(line, "）") || strings.HasPrefix(line, "，") || strings.HasPrefix(line, "。") {
				t.Errorf("%d characters wide: line %q starts with closing punctuation", n, line)
			}
		}
		joined := strings.Join(lines, "|")
		for _, whole := range []string{"0.6 万元", "G 1.7"} {
			if !strings.Contains(joined, whole) {
				t.Errorf("%d characters wide: %q split: %q", n, whole, joined)
			}
		}
	}
	l.SetText("短")
	if l.Text != "短" || l.Source() != "短" {
		t.Errorf("after SetText: %q", l.Text)
	}
}
