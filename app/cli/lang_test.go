package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

func TestLocaleLang(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing set", nil, words.En},
		{"C", map[string]string{"LANG": "C"}, words.En},
		{"Chinese LANG", map[string]string{"LANG": "zh_CN.UTF-8"}, words.Zh},
		{"Taiwan", map[string]string{"LANG": "zh_TW.UTF-8"}, words.Zh},
		{"English LANG", map[string]string{"LANG": "en_GB.UTF-8"}, words.En},
		{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, words.Zh},
		{"LC_ALL over both", map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"}, words.En},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LocaleLang(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("LocaleLang(%v) = %s, want %s", tt.env, got, tt.want)
			}
		})
	}
}

// saveProject writes p to a new project file at path.
func saveProject(t *testing.T, path string, p *model.Project) {
	t.Helper()
	st, err := storage.Create(path, p, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// The commands speak the locale's language when Env.Lang is unset: `check`
// on an ASCII-named file says everything in English under LANG=C and in
// Chinese under zh_CN, with the same numbers and the shared term for the
// balance index.
func TestCheckSpeaksTheLocale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.rpb")
	p := synth.Generate(3, 20, 1)
	saveProject(t, path, p)
	r := model.Analyze(p)
	critical := r.Total.BySeverity[model.SevCritical]
	tests := []struct {
		locale string
		want   []string
		han    bool
	}{
		{"C", []string{path + " is sound", "offices", "assessments", "Balance index", "validation: no problems",
			"Critical " + strconv.Itoa(critical), "Duty without power (AUTHORITY_GAP)"}, false},
		{"en_US.UTF-8", []string{path + " is sound"}, false},
		{"zh_CN.UTF-8", []string{"项目文件「" + path + "」完好", "街道（乡镇）", "履职评估", "责权利平衡指数", "数据校验：无问题",
			"重大 " + strconv.Itoa(critical), "有责无权 AUTHORITY_GAP"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.locale)
			var out, errOut bytes.Buffer
			if code := Run(Env{Stdout: &out, Stderr: &errOut}, "check", []string{path}); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if hasHan(out.String()) != tt.han {
				t.Errorf("Chinese in the output = %v, want %v:\n%s", !tt.han, tt.han, out.String())
			}
		})
	}
}

// Usage errors, help and findings are worded in the language asked for.
func TestWordsInBothLanguages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.rpb")
	p := synth.Generate(2, 15, 3)
	saveProject(t, path, p)
	first := model.Analyze(p).AllFindings()[0]
	tests := []struct {
		name    string
		lang    string
		command string
		args    []string
		stdout  []string
		stderr  []string
	}{
		{"usage en", words.En, "check", nil, nil, []string{"rpbmatrix check: FILE.rpb is required", "usage: rpbmatrix check FILE.rpb"}},
		{"usage zh", words.Zh, "check", nil, nil, []string{"rpbmatrix check：请指定项目文件", "用法：rpbmatrix check FILE.rpb"}},
		{"unknown command en", words.En, "nope", nil, nil, []string{`unknown command "nope"`}},
		{"unknown command zh", words.Zh, "nope", nil, nil, []string{"没有名为「nope」的命令"}},
		{"findings en", words.En, "findings", []string{path, "--limit", "1"},
			[]string{first.Severity.Name().In("en") + "\t" + first.Rule.Name().In("en") + "\t"}, []string{"1 finding\n"}},
		{"findings zh", words.Zh, "findings", []string{path, "--limit", "1"},
			[]string{first.Severity.Name().In("zh") + "\t" + first.Rule.Name().In("zh") + "\t"}, []string{"共 1 项错配"}},
		{"--lang wins over the locale", words.Zh, "findings", []string{path, "--limit", "2", "--lang", "en"},
			[]string{first.Rule.Name().In("en")}, []string{"2 findings"}},
		{"flag help en", words.En, "gen", []string{"-h"}, nil, []string{"number of offices"}},
		{"flag help zh", words.Zh, "gen", []string{"-h"}, nil, []string{"街道（乡镇）数"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			Run(Env{Stdout: &out, Stderr: &errOut, Lang: tt.lang}, tt.command, tt.args)
			for _, w := range tt.stdout {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut.String())
				}
			}
		})
	}
}

func TestHelpInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{words.En, []string{"Usage:", "rpbmatrix check FILE.rpb [--json]", "check a project file's integrity", "Exit codes:"}},
		{words.Zh, []string{"用法：", "rpbmatrix check FILE.rpb [--json]", "检查项目文件是否完好", "退出码"}},
	} {
		var out bytes.Buffer
		Help(Env{Stdout: &out, Stderr: &out, Lang: tt.lang})
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s help lacks %q:\n%s", tt.lang, w, out.String())
			}
		}
		if tt.lang == words.En && hasHan(out.String()) {
			t.Errorf("English help has Chinese in it:\n%s", out.String())
		}
	}
}
