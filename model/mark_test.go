package model

import (
	"testing"

	"rpbmatrix/model/words"
)

func TestMarkOf(t *testing.T) {
	tests := []struct {
		name string
		h    *Holding
		want Mark
	}{
		{"not held", nil, MarkMissing},
		{"full", &Holding{DeJure: true, DeFacto: LevelFull}, MarkHeld},
		{"full without paper", &Holding{DeFacto: LevelFull}, MarkHeld},
		{"partial", &Holding{DeJure: true, DeFacto: LevelPartial}, MarkPartial},
		{"paper only", &Holding{DeJure: true, DeFacto: LevelNone}, MarkPaper},
		{"recorded but neither", &Holding{DeFacto: LevelNone}, MarkMissing},
	}
	for _, tc := range tests {
		if got := MarkOf(tc.h); got != tc.want {
			t.Errorf("%s: MarkOf = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := MarkPaper.Name().In(words.Zh); got != "仅纸面持有" {
		t.Errorf("MarkPaper is named %q", got)
	}
}
