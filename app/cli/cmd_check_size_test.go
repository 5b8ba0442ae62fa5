package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
)

// `check --json` on a file past the pair limit prints the unsound report a
// script expects, worded in the chosen language, with the file's counts
// and the limit, and exits 1 as for a damaged file; no backup is offered,
// the file is not damaged.
func TestCheckJSONPastPairLimit(t *testing.T) {
	rpb := filepath.Join(t.TempDir(), "p.rpb")
	if code, out, errs := run(t, "gen", "--offices", "3", "--duties", "4", "-o", rpb); code != ExitOK {
		t.Fatalf("gen: exit %d\n%s%s", code, out, errs)
	}
	defer model.SetPairLimit(10)()
	for _, tc := range []struct {
		lang, counts string
	}{
		{"zh", "4 项职责 = 12"},
		{"en", "4 duties = 12"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			code, out, errs := run(t, "check", rpb, "--json", "--lang", tc.lang)
			if code != ExitFindings {
				t.Fatalf("exit %d, want %d\n%s%s", code, ExitFindings, out, errs)
			}
			var got struct {
				File      string `json:"file"`
				Sound     *bool  `json:"sound"`
				Problem   string `json:"problem"`
				Error     string `json:"error"`
				Backup    string `json:"latest_backup"`
				Offices   int    `json:"offices"`
				Duties    int    `json:"duties"`
				PairLimit int    `json:"pair_limit"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("stdout is not one JSON document: %v\n%s", err, out)
			}
			if got.File != rpb || got.Sound == nil || *got.Sound || got.Problem != "too_large" ||
				got.Offices != 3 || got.Duties != 4 || got.PairLimit != 10 || got.Backup != "" {
				t.Errorf("report %+v\n%s", got, out)
			}
			if !strings.Contains(got.Error, tc.counts) || !strings.Contains(got.Error, "handout") {
				t.Errorf("error %q does not say %q and how to split", got.Error, tc.counts)
			}
			if !strings.Contains(errs, tc.counts) || strings.Contains(errs, "backup") || strings.Contains(errs, "备份") {
				t.Errorf("stderr:\n%s", errs)
			}
		})
	}
}
