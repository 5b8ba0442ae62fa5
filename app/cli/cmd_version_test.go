package cli

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"rpbmatrix/model/words"
)

func TestParseRelease(t *testing.T) {
	tests := []struct {
		name, toml string
		wantErr    bool
	}{
		{"details and migrations", "[Details]\nID = \"a.b.c\"\nName = \"N\"\nVersion = \"1.2.3\"\nBuild = 4\n[Migrations]\nfyneDo = true\n", false},
		{"no version", "[Details]\nID = \"a.b.c\"\n", true},
		{"not toml", "[Details\n", true},
	}
	for _, tc := range tests {
		r, err := ParseRelease([]byte(tc.toml))
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: error %v, want error %v", tc.name, err, tc.wantErr)
			continue
		}
		if !tc.wantErr && (r.Details.ID != "a.b.c" || r.Details.Version != "1.2.3" || r.Details.Build != 4 || !r.Migrations["fyneDo"]) {
			t.Errorf("%s: parsed %+v", tc.name, r)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	var r Release
	r.Details.ID, r.Details.Name, r.Details.Version, r.Details.Build = "cn.example.app", "Example", "9.8.7", 6
	saved := release
	SetRelease(r)
	defer SetRelease(saved)

	tests := []struct {
		lang string
		args []string
		code int
		out  []string
	}{
		{words.En, nil, ExitOK, []string{"Example 9.8.7 (build 6, cn.example.app, " + runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH}},
		{words.Zh, nil, ExitOK, []string{"Example 9.8.7（构建 6，cn.example.app，"}},
		{words.En, []string{"extra"}, ExitUsage, []string{"extra"}},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: tc.lang}, "version", tc.args)
		got := stdout.String() + stderr.String()
		if code != tc.code {
			t.Errorf("%s %q: exit %d, want %d (%q)", tc.lang, tc.args, code, tc.code, got)
		}
		for _, want := range tc.out {
			if !strings.Contains(got, want) {
				t.Errorf("%s %q: output %q lacks %q", tc.lang, tc.args, got, want)
			}
		}
	}
}
