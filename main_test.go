package main

import (
	"testing"

	fyneapp "fyne.io/fyne/v2/app"

	"rpbmatrix/app"
)

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
		{[]string{"--version"}, 0},
		{[]string{"version", "extra"}, 2},
		{[]string{"nosuchcommand"}, 2},
		{[]string{"a.rpb", "b.rpb"}, 2},
	}
	for _, tc := range tests {
		if got := run(tc.args); got != tc.want {
			t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}

// TestReleaseIdentity checks that the app metadata set from FyneApp.toml
// names the same app ID as the window's preferences use.
func TestReleaseIdentity(t *testing.T) {
	meta := fyneapp.New().Metadata()
	if meta.ID != app.AppID || meta.Version == "" || meta.Icon == nil || !meta.Migrations["fyneDo"] {
		t.Errorf("metadata %+v; want ID %s, a version, the icon and the fyneDo migration", meta, app.AppID)
	}
}
