package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The meeting project's plan closes 东城's 有责无权 (the authority granted)
// and 费随事转缺失 (funds added) and leaves 西城's 有责无权 open (pending):
// ΣW 12 in both, ΣG 3 + 3 + 1.8 before and 3 after.
func TestScenarioCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "会议.rpb")
	saveProject(t, path, newMeetingProject().p)
	for _, tc := range []struct {
		name         string
		args         []string
		code         int
		lang         string
		stdout, none []string
	}{
		{"the district", []string{path}, ExitOK, words.Zh, []string{
			"改革方案（3 条处理意见）：全区\n",
			"责权利平衡指数：0.350 → 0.750\n",
			"错配：已关闭 2 项，仍未解决 1 项，新增 0 项\n",
			"已关闭的错配（2 项）：\n",
			"\t有责无权\t东城街道\t违法建设查处\t",
			"\t费随事转缺失\t东城街道\t垃圾分类\t",
		}, []string{"新增的错配", "西城街道"}},
		{"one office in English", []string{path, "--office", "西城街道", "--lang", "en"}, ExitOK, words.Zh, []string{
			"Reform plan (3 decisions): 西城街道\n",
			"Balance index: 0.500 → 0.500\n",
			"Findings: 0 closed, 1 still open, 0 newly opened\n",
		}, []string{"Closed"}},
		{"no such office", []string{path, "--office", "南城街道"}, ExitUsage, words.Zh, nil, nil},
		{"no file", nil, ExitUsage, words.Zh, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(Env{Stdout: &out, Stderr: &errOut, Lang: tc.lang}, "scenario", tc.args)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tc.code, errOut.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tc.none {
				if strings.Contains(out.String(), s) {
					t.Errorf("stdout has %q:\n%s", s, out.String())
				}
			}
		})
	}
}

func TestScenarioJSON(t *testing.T) {
	x := newMeetingProject()
	path := filepath.Join(t.TempDir(), "p.rpb")
	saveProject(t, path, x.p)
	var out, errOut bytes.Buffer
	if code := Run(Env{Stdout: &out, Stderr: &errOut, Lang: words.Zh}, "scenario", []string{path, "--office", "东城街道", "--json"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, k := range []string{"before", "after", "closed", "still_open", "opened"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in %s", k, out.String())
		}
	}
	var rep scenarioReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(rep.Before.BalanceIndex, 1-4.8/6) || !near(rep.After.BalanceIndex, 1) || rep.Before.Findings != 2 || rep.After.Findings != 0 {
		t.Errorf("before %+v after %+v", rep.Before, rep.After)
	}
	if len(rep.Closed) != 2 || len(rep.StillOpen) != 0 || len(rep.Opened) != 0 {
		t.Fatalf("closed %v still open %v opened %v", rep.Closed, rep.StillOpen, rep.Opened)
	}
	first := rep.Closed[0] // worst first: 有责无权 (serious) before 费随事转缺失
	if first.Rule != string(model.RuleAuthorityGap) || first.RuleName != "有责无权" || first.Office != "东城街道" ||
		first.Duty != "违法建设查处" || !strings.Contains(first.Reason, "行政处罚") {
		t.Errorf("first closed %+v", first)
	}
}
