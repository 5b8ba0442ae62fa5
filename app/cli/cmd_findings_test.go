package cli

import (
	"bytes"
	"path/filepath"
	"rpbmatrix/model/words"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/storage"
)

func TestFindingsCommand(t *testing.T) {
	dir := t.TempDir()
	p := synth.Generate(3, 40, 1)
	busy := filepath.Join(dir, "合成.rpb")
	st, err := storage.Create(busy, p, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	quiet := model.NewProject("无错配", "测试区", "t")
	o := &model.Office{Meta: model.NewMeta("t"), Name: "安静街道", Kind: model.OfficeStreet}
	quiet.Offices[o.ID] = o
	calm := filepath.Join(dir, "无错配.rpb")
	if st, err = storage.Create(calm, quiet, storage.Options{NoSync: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	want := model.Analyze(p)
	office := p.OfficeList()[1]
	idle := want.Total.ByRule[model.RuleIdle]
	if idle == 0 {
		t.Fatal("the generated project has no IDLE finding to filter on")
	}

	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		lines int      // -1: don't count
		each  []string // every stdout line contains these
		err   []string // stderr contains these
	}{
		{"all, worst first", []string{busy}, ExitFindings, len(want.AllFindings()), nil, []string{"项错配"}},
		{"one office", []string{busy, "--office", office.Name}, ExitFindings, len(want.FindingsOfOffice(office.ID)), []string{office.Name}, nil},
		{"one rule by code", []string{"--rule", "IDLE", busy}, ExitFindings, idle, []string{"\t空转\t"}, nil},
		{"one rule by Chinese name, in English", []string{busy, "--rule", "空转", "--lang", "en"}, ExitFindings, idle, []string{"\tIdle item\t"}, nil},
		{"limit", []string{busy, "--limit", "5"}, ExitFindings, 5, nil, []string{"共 5 项错配"}},
		{"no findings", []string{calm}, ExitOK, 0, nil, []string{"共 0 项错配"}},
		{"unknown rule", []string{busy, "--rule", "NOPE"}, ExitUsage, 0, nil, []string{"没有名为「NOPE」的规则", "AUTHORITY_GAP"}},
		{"unknown office", []string{busy, "--office", "无此街道"}, ExitUsage, 0, nil, []string{"没有名为「无此街道」的街道", office.Name}},
		{"bad language", []string{busy, "--lang", "fr"}, ExitUsage, 0, nil, []string{"语言只能是 zh 或 en"}},
		{"missing file", []string{filepath.Join(dir, "无.rpb")}, ExitUsage, 0, nil, []string{"用法：rpbmatrix findings"}},
		{"no file", nil, ExitUsage, 0, nil, []string{"需要一个项目文件"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(Env{Stdout: &out, Stderr: &errOut, Lang: words.Zh}, "findings", tc.args)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tc.code, errOut.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if out.Len() == 0 {
				lines = nil
			}
			if tc.lines >= 0 && len(lines) != tc.lines {
				t.Fatalf("%d lines, want %d", len(lines), tc.lines)
			}
			for _, l := range lines {
				if strings.Count(l, "\t") != 4 {
					t.Fatalf("line has not five tab-separated fields: %q", l)
				}
				for _, s := range tc.each {
					if !strings.Contains(l, s) {
						t.Fatalf("line %q lacks %q", l, s)
					}
				}
			}
			for _, s := range tc.err {
				if !strings.Contains(errOut.String(), s) {
					t.Fatalf("stderr %q lacks %q", errOut.String(), s)
				}
			}
		})
	}

	// The first line is the worst finding, with its reason.
	var out bytes.Buffer
	Run(Env{Stdout: &out, Stderr: &bytes.Buffer{}, Lang: words.Zh}, "findings", []string{busy, "--limit", "1"})
	first := want.AllFindings()[0]
	if !strings.HasPrefix(out.String(), first.Severity.Name().In("zh")+"\t"+first.Rule.Name().In("zh")+"\t") ||
		!strings.HasSuffix(out.String(), "\t"+want.Reason(first).In("zh")+"\n") {
		t.Fatalf("first line %q, want the worst finding %+v", out.String(), first)
	}
}

// A finding on an off-list task or admission request is named by it, not
// printed as the whole office's.
func TestFindingsNameTheirEntry(t *testing.T) {
	p := model.NewProject("准入", "测试区", "t")
	o := &model.Office{Meta: model.NewMeta("t"), Name: "东湖街道", Kind: model.OfficeStreet}
	p.Offices[o.ID] = o
	task := &model.OffListTask{Meta: model.NewMeta("t"), Office: o.ID, Name: "每日清理乱停放共享单车",
		AssignedBy: "区城市管理局", TimesPerYear: 365, HoursPerMonth: 80}
	p.OffListTasks[task.ID] = task
	q := &model.Proposal{Meta: model.NewMeta("t"), Department: "区消防救援大队", Name: "充电设施安全巡查",
		StaffNeeded: 3, FundsNeeded: 30, Admission: model.AdmissionAdmitted}
	p.Proposals[q.ID] = q
	file := filepath.Join(t.TempDir(), "准入.rpb")
	st, err := storage.Create(file, p, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var stdout, stderr bytes.Buffer
	if code := Run(Env{Stdout: &stdout, Stderr: &stderr, Lang: words.Zh}, "findings", []string{file}); code != ExitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"\t清单外事项：" + task.Name + "\t", "\t准入申请：" + q.Name + "\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("findings lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, words.Say(words.Zh, "cli.findings.whole_office", "office", o.KindWord())) {
		t.Errorf("a finding is printed as the whole office's:\n%s", out)
	}
}
