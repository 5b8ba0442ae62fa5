package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkImportCommand runs the import command on the workbook or CSV
// RPB_IMPORT_INPUT names into a new file each time, the whole command as a
// user runs it (read, plan, create, commit); skipped without it. With
// -cpuprofile / -memprofile it shows where a whole import goes.
func BenchmarkImportCommand(b *testing.B) {
	in := os.Getenv("RPB_IMPORT_INPUT")
	if in == "" {
		b.Skip("set RPB_IMPORT_INPUT to a workbook or CSV")
	}
	dir := b.TempDir()
	for b.Loop() {
		rpb := filepath.Join(dir, "n.rpb")
		os.Remove(rpb)
		var out, errs discard
		if code := Run(Env{Stdout: &out, Stderr: &errs, Lang: "zh"}, "import", []string{rpb, in, "--kind", "basic"}); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
