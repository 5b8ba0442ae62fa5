package model

import "testing"

func TestMarkOf(t *testing.T) {
	tests := []struct {
		name string
		h    *Holding
		want Mark
		sym  string
	}{
		{"not held", nil, MarkMissing, "×"},
		{"full", &Holding{DeJure: true, DeFacto: LevelFull}, MarkHeld, "●"},
		{"full without paper", &Holding{DeFacto: LevelFull}, MarkHeld, "●"},
		{"partial", &Holding{DeJure: true, DeFacto: LevelPartial}, MarkPartial, "◐"},
		{"paper only", &Holding{DeJure: true, DeFacto: LevelNone}, MarkPaper, "○"},
		{"recorded but neither", &Holding{DeFacto: LevelNone}, MarkMissing, "×"},
	}
	for _, tc := range tests {
		if got := MarkOf(tc.h); got != tc.want || got.Symbol() != tc.sym {
			t.Errorf("%s: MarkOf = %v %q, want %v %q", tc.name, got, got.Symbol(), tc.want, tc.sym)
		}
	}
	if MarkNotNeeded.Symbol() != "" || MarkPaper.Name().Zh != "仅纸面持有" {
		t.Error("blank or names wrong")
	}
}
