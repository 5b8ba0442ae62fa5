package jsonio

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"rpbmatrix/model/words"
)

// A document larger than MaxSize is refused by its size on disk before it
// is read: a sparse 1 GB file costs neither time nor memory.
func TestReadFileRefusesBySizeBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"format":`)
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadFile(path)
	runtime.ReadMemStats(&after)
	var je *Error
	if !errors.As(err, &je) {
		t.Fatalf("%v, want a size refusal", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("allocated %d bytes before refusing", grew)
	}
	for lang, want := range map[string][]string{words.Zh: {"1024 MB", "512 MB", "未读取"}, words.En: {"1024 MB", "512 MB", "without being read"}} {
		got := je.Msg().In(lang)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q, want %q", lang, got, w)
			}
		}
	}
}
