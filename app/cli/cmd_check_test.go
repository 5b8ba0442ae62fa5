package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

func runCheckCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(Env{Stdout: &out, Stderr: &errOut, Lang: words.Zh}, "check", args)
	return code, out.String(), errOut.String()
}

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	sound := filepath.Join(dir, "街道.rpb")
	p := synth.Generate(3, 40, 1)
	saveProject(t, sound, p)
	data, _ := os.ReadFile(sound)
	cut := filepath.Join(dir, "截断.rpb")
	os.WriteFile(cut, data[:8192], 0o600) // the two meta pages only
	empty := filepath.Join(dir, "空.rpb")
	os.WriteFile(empty, nil, 0o600)
	text := filepath.Join(dir, "清单.csv")
	os.WriteFile(text, []byte("序号,事项名称\n1,违法建设巡查\n"), 0o600)

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"sound file", []string{sound}, ExitOK,
			[]string{"完好", "街道（乡镇）", " 3\n", "履职评估", "120", "审计记录", "平衡指数", "数据校验：无问题"}, nil},
		{"truncated file", []string{cut}, ExitFindings, nil, []string{cut, "已损坏", "没有找到备份"}},
		{"empty file", []string{empty}, ExitFindings, nil, []string{empty, "0 字节"}},
		{"not a project file", []string{"--json", text}, ExitFindings, []string{`"sound": false`, `"problem": "not_project_file"`}, []string{text}},
		{"missing file", []string{filepath.Join(dir, "无.rpb")}, ExitUsage, nil, []string{"不存在", "用法：rpbmatrix check"}},
		{"no file", nil, ExitUsage, nil, []string{"请指定项目文件"}},
		{"two files", []string{sound, cut}, ExitUsage, nil, []string{"多余的参数"}},
		{"unknown flag", []string{"--jsn", sound}, ExitUsage, nil, []string{"flag provided but not defined"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCheckCmd(tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.rpb")
	p := synth.Generate(4, 25, 2)
	want := model.Analyze(p)
	saveProject(t, path, p)
	code, stdout, stderr := runCheckCmd(path, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout)
	}
	for key, n := range map[string]int{"offices": 4, "duties": 25, "authorities": len(p.Authorities), "holdings": len(p.Holdings),
		"assessments": 100, "decisions": len(p.Decisions), "audit_entries": 1, "schema_version": model.SchemaVersion} {
		if got[key] != float64(n) {
			t.Errorf("%s = %v, want %d", key, got[key], n)
		}
	}
	findings, _ := got["findings"].(map[string]any)
	if len(findings) != len(model.RuleCodes) {
		t.Errorf("findings has %d rules, want every one of %d: %v", len(findings), len(model.RuleCodes), findings)
	}
	for _, c := range model.RuleCodes {
		if findings[string(c)] != float64(want.Total.ByRule[c]) {
			t.Errorf("findings[%s] = %v, want %d", c, findings[string(c)], want.Total.ByRule[c])
		}
	}
	sev, _ := got["by_severity"].(map[string]any)
	for _, s := range model.Severities {
		if sev[s.Code()] != float64(want.Total.BySeverity[s]) {
			t.Errorf("by_severity[%s] = %v, want %d", s.Code(), sev[s.Code()], want.Total.BySeverity[s])
		}
	}
	if got["problems"] != 0.0 {
		t.Errorf("problems = %v in a valid project", got["problems"])
	}
	if b, ok := got["balance_index"].(float64); !ok || b < 0 || b > 1 || b != want.Total.Balance {
		t.Errorf("balance_index = %v, want %v in [0,1]", got["balance_index"], want.Total.Balance)
	}
}

func TestCheckOffersTheLatestBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.rpb")
	st, err := storage.Create(path, synth.Generate(2, 10, 3), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := st.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("locked while open", func(t *testing.T) {
		code, _, stderr := runCheckCmd(path)
		if code != ExitFindings || !strings.Contains(stderr, "RPB Matrix 窗口") || strings.Contains(stderr, "最新备份") {
			t.Fatalf("exit %d, stderr %s", code, stderr)
		}
	})
	st.Close()
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:8192], 0o600)
	code, stdout, stderr := runCheckCmd("--json", path)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, backup) || !strings.Contains(stderr, "最新备份") {
		t.Errorf("stderr does not offer the backup %s:\n%s", backup, stderr)
	}
	var f map[string]any
	if err := json.Unmarshal([]byte(stdout), &f); err != nil || f["latest_backup"] != backup || f["problem"] != "damaged" {
		t.Errorf("JSON %s (err %v): want latest_backup %s and problem damaged", stdout, err, backup)
	}
}

// A file can be sound yet hold values that need fixing: a duty whose scope
// names an office that is gone (a duty may go on naming one; only deleting
// the office through DeleteOffice also takes it out of the scopes). check
// lists them and still exits 0.
func TestCheckListsValidationProblems(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.rpb")
	p := synth.Generate(3, 10, 4)
	gone := &model.Office{Meta: model.NewMeta("t"), Name: "撤并街道", Kind: model.OfficeStreet}
	p.Offices[gone.ID] = gone
	scoped := p.DutyList()[0]
	scoped.Scope = []model.ID{gone.ID}
	saveProject(t, path, p)
	st, err := storage.Open(path, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit("delete the office alone", st.Project().Delete(gone)); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, stdout, stderr := runCheckCmd(path)
	if code != ExitOK || !strings.Contains(stdout, "1 处需要修正") || !strings.Contains(stdout, scoped.Name) {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	for _, tc := range []struct{ lang, want string }{{words.Zh, scoped.Name}, {words.En, "unknown office"}} {
		_, stdout, _ = runCheckCmd("--json", "--lang", tc.lang, path)
		var got struct {
			Problems int `json:"problems"`
			Samples  []struct {
				Field, Key, Text string
			} `json:"problem_samples"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.Problems != 1 || len(got.Samples) != 1 {
			t.Fatalf("%s: JSON %s (err %v): want one problem", tc.lang, stdout, err)
		}
		s := got.Samples[0]
		if s.Field != "scope" || s.Key != "problem.duty.unknown_office" || !strings.Contains(s.Text, tc.want) {
			t.Errorf("%s: sample %+v: want the scope problem by key, worded with %q", tc.lang, s, tc.want)
		}
	}
}
