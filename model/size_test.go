package model

import (
	"errors"
	"strings"
	"testing"

	"rpbmatrix/model/words"
)

func TestCheckSize(t *testing.T) {
	tests := []struct {
		name            string
		offices, duties int
		limit           int
		refused         bool
		says            []string // in English
	}{
		{"the design's largest", 1000, 1000, MaxPairs, false, nil},
		{"at the limit", 1000, MaxPairs / 1000, MaxPairs, false, nil},
		{"one past", 1000, MaxPairs/1000 + 1, MaxPairs, true,
			[]string{"1000 offices × 2001 duties = 2001000", "more than the 2000000", "handout", "at most 999 offices to a copy"}},
		{"a million-row import", 1000, 1_000_000, MaxPairs, true,
			[]string{"1000 offices × 1000000 duties = 1000000000", "at most 2 offices to a copy"}},
		{"too many duties for one office", 1, 5, 4, true,
			[]string{"1 office × 5 duties = 5", "split the duty list"}},
		{"no overflow", 1 << 31, 1 << 31, MaxPairs, true, []string{"4611686018427387904"}},
		{"empty", 0, 0, MaxPairs, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckSizeUnder(tc.offices, tc.duties, tc.limit)
			if (err != nil) != tc.refused {
				t.Fatalf("CheckSizeUnder(%d, %d, %d) = %v; refused want %v", tc.offices, tc.duties, tc.limit, err, tc.refused)
			}
			if err == nil {
				return
			}
			var se *SizeError
			if !errors.As(err, &se) {
				t.Fatalf("error %T, want *SizeError", err)
			}
			for _, lang := range []string{words.En, words.Zh} {
				if text := words.Text(lang, err); strings.Contains(text, "{") {
					t.Errorf("%s: unfilled placeholder in %q", lang, text)
				}
			}
			for _, s := range tc.says {
				if text := words.Text(words.En, err); !strings.Contains(text, s) {
					t.Errorf("message %q lacks %q", text, s)
				}
			}
		})
	}
}

// TestAnalyzeRefusesTooLarge: the engine stops before its tables, with the
// size error, on a project past the limit (lowered here).
func TestAnalyzeRefusesTooLarge(t *testing.T) {
	defer SetPairLimit(5)()
	p := NewProject("p", "r", "a")
	for range 2 {
		o := &Office{Name: "o"}
		o.ID = NewID()
		p.Offices[o.ID] = o
	}
	for range 3 {
		d := &Duty{Name: "d"}
		d.ID = NewID()
		p.Duties[d.ID] = d
	}
	defer func() {
		var se *SizeError
		if err, _ := recover().(error); !errors.As(err, &se) {
			t.Fatalf("Analyze of %d pairs panicked with %v, want a *SizeError", 2*len(p.Duties), err)
		}
	}()
	Analyze(p)
}
