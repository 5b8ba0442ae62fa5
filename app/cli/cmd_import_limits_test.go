package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A 1 GB JSON document (sparse, so the test costs nothing) is refused by
// its size, naming the limit, and no project file is created.
func TestImportRefusesHugeJSONBySize(t *testing.T) {
	dir := t.TempDir()
	in, rpb := filepath.Join(dir, "huge.json"), filepath.Join(dir, "p.rpb")
	if err := os.WriteFile(in, []byte(`{"format":`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(in, 1<<30); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "import", rpb, in)
	if code == ExitOK || !strings.Contains(errs, "512 MB") || !strings.Contains(errs, "huge.json") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(rpb); !os.IsNotExist(err) {
		t.Errorf("project file created: %v", err)
	}
}
