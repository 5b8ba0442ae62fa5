package palette

import (
	"testing"

	"rpbmatrix/model"
)

// Greyscale print must keep the order: each worse severity is darker, in
// the screen fill and in the printed fill.
func TestSeverityOrderSurvivesGreyscale(t *testing.T) {
	sevs := []model.Severity{0, model.SevInfo, model.SevWarning, model.SevSerious, model.SevCritical}
	for i := 1; i < len(sevs); i++ {
		lo, hi := Severity(sevs[i-1]), Severity(sevs[i])
		if Luma(hi.Fill) >= Luma(lo.Fill) {
			t.Errorf("screen: %v (luma %.2f) is not darker than %v (%.2f)", sevs[i], Luma(hi.Fill), sevs[i-1], Luma(lo.Fill))
		}
		if Luma(hi.Print) >= Luma(lo.Print) {
			t.Errorf("print: %v (luma %.2f) is not darker than %v (%.2f)", sevs[i], Luma(hi.Print), sevs[i-1], Luma(lo.Print))
		}
	}
}

func TestEveryMarkedSwatchHasAGlyph(t *testing.T) {
	for s := model.SevInfo; s <= model.SevCritical; s++ {
		if Severity(s).Glyph == "" {
			t.Errorf("severity %v has no glyph", s)
		}
	}
	for _, m := range model.Marks {
		if m != model.MarkNotNeeded && Mark(m).Glyph == "" {
			t.Errorf("mark %v has no glyph", m)
		}
	}
}

func TestGapRamp(t *testing.T) {
	tests := []struct {
		ratio float64
		want  model.Severity
	}{{0, 0}, {0.06, 0}, {0.07, model.SevInfo}, {0.2, model.SevWarning}, {0.32, model.SevSerious}, {0.44, model.SevCritical}, {1, model.SevCritical}}
	for _, tt := range tests {
		if got := GapSeverity(tt.ratio); got != tt.want {
			t.Errorf("GapSeverity(%v) = %v, want %v", tt.ratio, got, tt.want)
		}
	}
	if Gap(-1) != NoData || Gap(1) != critical || Gap(0) != none {
		t.Error("gap ramp ends are wrong")
	}
	if got := Hex(critical); got != "7F1D1D" {
		t.Errorf("Hex = %s", got)
	}
	if r := GapRatio(&model.Summary{Weight: 4, Gap: 1}); r != 0.25 {
		t.Errorf("GapRatio = %v", r)
	}
}
