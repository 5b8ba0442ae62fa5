package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// meetingProject is two offices, two duties, two meetings and three
// decisions whose effects are known:
//
//	meeting 1 (2026-03-01): grant 行政处罚 to 东城 on 违法建设查处 — closes its AUTHORITY_GAP
//	meeting 2 (2026-04-10): 东城 垃圾分类 funds +6 — closes its UNFUNDED; 区财政局, 2026-06-30, done
//	no meeting:             西城 违法建设查处 pending
type meetingProject struct {
	p              *model.Project
	east, west     *model.Office
	illegal, waste *model.Duty
	m1, m2         *model.Meeting
}

func newMeetingProject() *meetingProject {
	x := &meetingProject{p: model.NewProject("专班会议测试", "测试区", "t")}
	p := x.p
	seq := 0
	meta := func() model.Meta {
		seq++
		m := model.NewMeta("t")
		m.Created = time.Date(2026, 3, 1, 9, seq, 0, 0, time.UTC)
		return m
	}
	x.east = &model.Office{Meta: meta(), Name: "东城街道", Kind: model.OfficeStreet}
	x.west = &model.Office{Meta: meta(), Name: "西城街道", Kind: model.OfficeStreet}
	penalty := &model.Authority{Meta: meta(), Name: "行政处罚", Type: model.AuthPenalty}
	x.illegal = &model.Duty{Meta: meta(), Seq: 1, Name: "违法建设查处", Category: "城市管理", Kind: model.ListBasic, Required: []model.ID{penalty.ID}}
	x.waste = &model.Duty{Meta: meta(), Seq: 2, Name: "垃圾分类", Category: "城市管理", Kind: model.ListBasic}
	for _, e := range []model.Entity{x.east, x.west, penalty, x.illegal, x.waste} {
		p.Insert(e)
	}
	for _, o := range []*model.Office{x.east, x.west} {
		for _, d := range []*model.Duty{x.illegal, x.waste} {
			p.Insert(&model.Assessment{Meta: meta(), Office: o.ID, Duty: d.ID, Role: model.RoleLead, HoursPerMonth: 40})
		}
	}
	a := *p.Assessment(x.east.ID, x.waste.ID)
	a.FundsNeeded, a.FundsHeld = 10, 4
	p.Insert(&a)
	x.m1 = &model.Meeting{Meta: meta(), Date: "2026-03-01", Title: "2026年第1次专班会议", Chair: "张三"}
	x.m2 = &model.Meeting{Meta: meta(), Date: "2026-04-10", Title: "2026年第2次专班会议"}
	p.Insert(x.m1)
	p.Insert(x.m2)
	p.Insert(&model.Decision{Meta: meta(), Office: x.east.ID, Duty: x.illegal.ID, Action: model.ActionGrant,
		Authority: penalty.ID, Meeting: x.m1.ID, ResponsibleUnit: "区司法局", Deadline: "2026-05-31"})
	p.Insert(&model.Decision{Meta: meta(), Office: x.east.ID, Duty: x.waste.ID, Action: model.ActionAddResources,
		FundsDelta: 6, Meeting: x.m2.ID, ResponsibleUnit: "区财政局", Deadline: "2026-06-30", Status: model.DecisionDone})
	p.Insert(&model.Decision{Meta: meta(), Office: x.west.ID, Duty: x.illegal.ID, Action: model.ActionPending})
	return x
}

func TestDecisionsCommand(t *testing.T) {
	dir := t.TempDir()
	x := newMeetingProject()
	path := filepath.Join(dir, "会议.rpb")
	saveProject(t, path, x.p)
	garbage := filepath.Join(dir, "坏.rpb")
	os.WriteFile(garbage, bytes.Repeat([]byte("x"), 9000), 0o600)

	header := "序号\t街道（乡镇）\t事项\t清单类型\t错配\t处理意见\t责任单位\t完成时限\t状态"
	grant := "1\t东城街道\t违法建设查处\t基本履职\t有责无权\t赋予权限：行政处罚\t区司法局\t2026-05-31\t待落实"
	funds := "\t东城街道\t垃圾分类\t基本履职\t费随事转缺失\t增减资源：增加经费 6 万元/年\t区财政局\t2026-06-30\t已落实"
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		lines  []string // stdout, line by line (prefixes); nil: don't check
		stderr []string
	}{
		{"every decision, by meeting", []string{path}, ExitOK,
			[]string{header, grant, "2" + funds, "3\t西城街道\t违法建设查处\t基本履职\t有责无权\t待定\t\t\t待落实"}, []string{"共 3 条处理意见"}},
		{"one meeting by date", []string{path, "--meeting", "2026-04-10"}, ExitOK, []string{header, "1" + funds}, []string{"共 1 条"}},
		{"one meeting by title", []string{"--meeting", "2026年第1次专班会议", path}, ExitOK, []string{header, grant}, nil},
		{"one meeting by ID", []string{path, "--meeting", x.m2.ID.String()}, ExitOK, []string{header, "1" + funds}, nil},
		{"in English", []string{path, "--meeting", "2026-03-01", "--lang", "en"}, ExitOK,
			[]string{"No.\tOffice\tDuty\tList\tMismatches\tDecision\tResponsible unit\tDeadline\tStatus",
				"1\t东城街道\t违法建设查处\tBasic\tDuty without power\tGrant authority: 行政处罚\t区司法局\t2026-05-31\tOpen"}, []string{"1 decision\n"}},
		{"no such meeting", []string{path, "--meeting", "2025-01-01"}, ExitUsage, nil,
			[]string{"没有「2025-01-01」这次会议", "2026年第1次专班会议（2026-03-01）"}},
		{"not a project file", []string{garbage}, ExitFindings, nil, []string{"rpbmatrix decisions："}},
		{"missing file", []string{filepath.Join(dir, "无.rpb")}, ExitUsage, nil, []string{"用法：rpbmatrix decisions"}},
		{"no file", nil, ExitUsage, nil, []string{"需要一个项目文件"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(Env{Stdout: &out, Stderr: &errOut, Lang: words.Zh}, "decisions", tc.args)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tc.code, errOut.String())
			}
			if tc.lines != nil {
				got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				if len(got) != len(tc.lines) {
					t.Fatalf("%d lines, want %d:\n%s", len(got), len(tc.lines), out.String())
				}
				for i, want := range tc.lines {
					if got[i] != want {
						t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want)
					}
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
				}
			}
		})
	}
}

func TestDecisionsJSON(t *testing.T) {
	x := newMeetingProject()
	path := filepath.Join(t.TempDir(), "p.rpb")
	saveProject(t, path, x.p)
	var out, errOut bytes.Buffer
	if code := Run(Env{Stdout: &out, Stderr: &errOut, Lang: words.En}, "decisions", []string{path, "--json", "--meeting", "2026-04-10"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got struct {
		File      string
		Meetings  []string
		Decisions []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got.File != path || len(got.Meetings) != 1 || got.Meetings[0] != x.m2.Title || len(got.Decisions) != 1 {
		t.Fatalf("%+v", got)
	}
	d := got.Decisions[0]
	for k, want := range map[string]any{"seq": 1.0, "office": "东城街道", "duty": "垃圾分类", "list_kind": "basic",
		"action": "add_resources", "opinion": "Add or remove resources: funds up by 6 10k yuan a year",
		"responsible_unit": "区财政局", "deadline": "2026-06-30", "status": "done", "status_name": "Done", "meeting": x.m2.Title} {
		if d[k] != want {
			t.Errorf("%s = %v, want %v", k, d[k], want)
		}
	}
	if f, _ := d["findings"].([]any); len(f) != 1 || f[0] != string(model.RuleUnfunded) {
		t.Errorf("findings %v", d["findings"])
	}
}
