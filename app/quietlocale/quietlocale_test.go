package quietlocale

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHeadlessCommandsAreQuietUnderCLocale builds the program and runs a
// headless command under LANG=C.UTF-8, as containers and CI do: nothing
// from Fyne may reach stderr.
func TestHeadlessCommandsAreQuietUnderCLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "rpbmatrix")
	build := exec.Command("go", "build", "-o", bin, "rpbmatrix")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, lang := range []string{"C.UTF-8", "C", "POSIX"} {
		cmd := exec.Command(bin, "help")
		cmd.Env = append(cleanEnv(), "LANG="+lang)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("LANG=%s rpbmatrix help: %v\n%s", lang, err, out)
		}
		if strings.Contains(string(out), "Fyne") {
			t.Errorf("LANG=%s rpbmatrix help printed Fyne's noise:\n%s", lang, out)
		}
	}
}

// cleanEnv is the environment without any locale variable.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG":
			continue
		}
		env = append(env, kv)
	}
	return env
}
