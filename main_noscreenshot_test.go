//go:build !(screenshot || ci)

package main

import (
	"bytes"
	"strings"
	"testing"

	"rpbmatrix/app/cli"
	"rpbmatrix/model/words"
)

// A binary built without the screenshot tag says how to get the command.
func TestScreenshotNotBuilt(t *testing.T) {
	var out bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &out, Lang: words.En}
	if code := screenshot(env, []string{"--out", "x"}); code != cli.ExitFindings {
		t.Errorf("exit %d, want %d", code, cli.ExitFindings)
	}
	if !strings.Contains(out.String(), "go build -tags screenshot") {
		t.Errorf("output %q does not say how to build with screenshots", out.String())
	}
}
