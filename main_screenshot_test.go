//go:build screenshot || ci

package main

import "testing"

func TestScreenshotUsage(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"screenshot"}, 2},
		{[]string{"screenshot", "--out", "x", "--size", "10x10"}, 2},
		{[]string{"screenshot", "--out", "x", "--lang", "fr"}, 2},
	}
	for _, tc := range tests {
		if got := run(tc.args); got != tc.want {
			t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}
