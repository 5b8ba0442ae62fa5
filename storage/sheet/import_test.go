package sheet

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"rpbmatrix/model"
)

func planOf(t *testing.T, p *model.Project, opts Options, files ...string) *Plan {
	t.Helper()
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join("testdata", f))
	}
	return PlanFiles(p, paths, opts)
}

// applied returns p with the plan's changes applied.
func applied(p *model.Project, pl *Plan) *model.Project {
	q := p.Clone()
	for _, c := range pl.Changes {
		q.Apply(c)
	}
	return q
}

func dutyByName(p *model.Project, name string) *model.Duty {
	for _, d := range p.Duties {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func TestQuirkWorkbook(t *testing.T) {
	p := model.NewProject("测试", "某区", "test")
	pl := planOf(t, p, Options{}, "quirks.xlsx")
	if os.Getenv("SHOW") != "" {
		pl.Report.WriteText(os.Stdout, "zh", true)
	}
	if !pl.Report.OK() {
		var b strings.Builder
		pl.Report.WriteText(&b, "zh", false)
		t.Fatalf("rows rejected:\n%s", b.String())
	}
	q := applied(p, pl)
	if got := len(q.Duties); got != 10 {
		t.Errorf("imported %d duties, want 10", got)
	}
	tests := []struct {
		name     string
		kind     model.ListKind
		category string
		seq      int
		check    func(*model.Duty) string
	}{
		{"加强基层党组织建设", model.ListBasic, "党的建设", 1, nil},
		{"推进基层党风廉政建设", model.ListBasic, "党的建设", 3, func(d *model.Duty) string {
			if d.Notes != `=HYPERLINK("x")` {
				return "notes " + d.Notes
			}
			return ""
		}},
		{"开展矛盾纠纷排查化解", model.ListBasic, "平安建设", 4, nil},
		{"组织消防安全宣传", model.ListBasic, "平安建设", 5, func(d *model.Duty) string {
			if d.SubItem != "进社区" {
				return "sub-item " + d.SubItem
			}
			return ""
		}},
		{"12345", model.ListBasic, "城市管理", 6, nil},
		{"食品安全监管", model.ListSupporting, "民生保障", 1, func(d *model.Duty) string {
			if d.LeadDept != "区市场监管局" || d.HigherDeptDuty != "依法开展监督检查" || d.OfficeDuty != "发现问题及时报告" {
				return "supporting fields " + d.LeadDept + "|" + d.HigherDeptDuty + "|" + d.OfficeDuty
			}
			return ""
		}},
		{"道路交通违法处罚", model.ListReturned, "平安建设", 2, func(d *model.Duty) string {
			if d.ReceivingDept != "区交通支队" || d.WorkingMethod != "由区级部门直接承担" {
				return "returned fields " + d.ReceivingDept + "|" + d.WorkingMethod
			}
			return ""
		}},
	}
	for _, tt := range tests {
		d := dutyByName(q, tt.name)
		if d == nil {
			t.Errorf("%s: not imported", tt.name)
			continue
		}
		if d.Kind != tt.kind || d.Category != tt.category || d.Seq != tt.seq {
			t.Errorf("%s: kind %v category %q seq %d, want %v %q %d", tt.name, d.Kind, d.Category, d.Seq, tt.kind, tt.category, tt.seq)
		}
		if tt.check != nil {
			if msg := tt.check(d); msg != "" {
				t.Errorf("%s: %s", tt.name, msg)
			}
		}
	}
	var skipped []string
	for _, e := range pl.Report.Entries {
		if e.Status == StatusSkipped {
			en := e.Reason.In("en")
			skipped = append(skipped, e.Sheet+":"+en[:min(len(en), 14)])
		}
	}
	sort.Strings(skipped)
	want := []string{"基本履职事项:footnote row, ", "基本履职事项:footnote row, ", "填表说明:instruction sh"}
	if strings.Join(skipped, "|") != strings.Join(want, "|") {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	// "1.2" is noted on its row, which is still imported.
	found := false
	for _, e := range pl.Report.Entries {
		if e.Row == 10 && e.Status == StatusImported && strings.Contains(e.Reason.In("zh"), "1.2") {
			found = true
		}
	}
	if !found {
		t.Error("the row numbered 1.2 carries no note")
	}
}
