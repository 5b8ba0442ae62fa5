package main

import "testing"

func TestIsProjectPath(t *testing.T) {
	tests := []struct {
		arg  string
		want bool
	}{
		{"demo", false}, {"check", false}, {"街道.rpb", true}, {"./x", true}, {`C:\a\b.RPB`, true}, {"nosuchcommand", false},
	}
	for _, tc := range tests {
		if got := isProjectPath(tc.arg); got != tc.want {
			t.Errorf("isProjectPath(%q) = %v, want %v", tc.arg, got, tc.want)
		}
	}
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"help"}, 0},
		{[]string{"--help"}, 0},
		{[]string{"nosuchcommand"}, 2},
		{[]string{"a.rpb", "b.rpb"}, 2},
	}
	for _, tc := range tests {
		if got := run(tc.args); got != tc.want {
			t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}
