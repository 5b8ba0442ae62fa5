package sheet

import (
	"strings"
	"testing"

	"rpbmatrix/model"
)

// planText plans a CSV text with opts against p and returns the plan.
func planText(t *testing.T, p *model.Project, text string, opts Options) *Plan {
	t.Helper()
	tables, err := Read("t.csv", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return NewPlan(p, Prepare(tables), opts)
}

func TestRowsAndGrouping(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		opts     Options
		summary  string
		duties   map[string]string // name → category
		reasonIn string            // some entry's reason contains this
	}{
		{"blank category continues a grouped column", "事项名称,事项类别\n甲,党的建设\n乙,\n丙,平安建设\n丁,\n",
			Options{Kind: model.ListBasic}, "imported 4", map[string]string{"乙": "党的建设", "丁": "平安建设"}, ""},
		{"category that comes back is not a grouping", "事项名称,事项类别\n甲,党的建设\n乙,\n丙,平安建设\n丁,党的建设\n",
			Options{Kind: model.ListBasic}, "imported 4", map[string]string{"乙": "未分类"}, "事项类别为空"},
		{"heading rows set the category", "序号,事项名称\n一、党的建设（2项）,\n1,甲\n2,乙\n二、平安建设,\n3,丙\n",
			Options{Kind: model.ListBasic}, "imported 3, updated 0, skipped 2", map[string]string{"甲": "党的建设", "丙": "平安建设"}, "分类标题行"},
		{"heading rows set the list kind", "序号,事项名称,类别\n一、基本履职事项,,\n1,甲,x\n二、配合履职事项,,\n1,乙,x\n",
			Options{}, "imported 2", map[string]string{"甲": "x", "乙": "x"}, "配合履职"},
		{"footnotes, totals, repeated header and numbered blanks", "序号,事项名称,类别\n1,甲,x\n序号,事项名称,类别\n合计,,\n3,,\n注：说明文字,,\n填表人：张三,,\n",
			Options{Kind: model.ListBasic}, "imported 1, updated 0, skipped 5", map[string]string{"甲": "x"}, "重复的表头行"},
		{"sub-item under a blank name continues the duty", "事项名称,子项,类别\n退役军人服务,走访慰问,x\n,优待抚恤,x\n",
			Options{Kind: model.ListBasic}, "imported 2", map[string]string{"退役军人服务": "x"}, ""},
		{"name missing but row has content", "事项名称,类别,履职依据\n,x,某法第三条\n",
			Options{Kind: model.ListBasic}, "rejected 1", nil, "事项名称为空"},
		{"unclosed quote swallows rows", "事项名称,类别\n\"甲,x\n乙,y\n丙,z\n", Options{Kind: model.ListBasic}, "rejected 1", nil, "引号未闭合"},
		{"no kind anywhere", "事项名称,类别\n甲,x\n", Options{}, "rejected 1", nil, "无法确定清单类型"},
		{"kind column wins over the option", "事项名称,类别,清单类型\n甲,x,上级部门收回\n", Options{Kind: model.ListBasic}, "imported 1", map[string]string{"甲": "x"}, ""},
		{"duplicates within the file are skipped", "事项名称,类别\n甲,x\n 甲 ,y\n", Options{Kind: model.ListBasic}, "imported 1, updated 0, skipped 1", nil, "重复"},
		{"duplicates within the file merge on update", "事项名称,类别\n甲,x\n甲,y\n", Options{Kind: model.ListBasic, OnDuplicate: PolicyUpdate}, "imported 1, updated 1", map[string]string{"甲": "y"}, "合并"},
		{"duplicates within the file are added on add", "事项名称,类别\n甲,x\n甲,y\n", Options{Kind: model.ListBasic, OnDuplicate: PolicyAdd}, "imported 2", nil, "按新事项添加"},
		{"same name in two offices is not a duplicate", "街道,事项名称,类别\n东街道,甲,x\n西街道,甲,x\n", Options{Kind: model.ListBasic}, "imported 2", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestProject()
			pl := planText(t, p, tt.text, tt.opts)
			if !strings.Contains(pl.Report.Summary("en"), tt.summary) {
				t.Errorf("summary %q, want %q", pl.Report.Summary("en"), tt.summary)
			}
			q := applied(p, pl)
			for name, cat := range tt.duties {
				d := dutyByName(q, name)
				if d == nil || d.Category != cat {
					t.Errorf("%s: %+v, want category %q", name, d, cat)
				}
			}
			if tt.reasonIn != "" {
				found := false
				for _, e := range pl.Report.Entries {
					found = found || strings.Contains(e.Reason.In("zh"), tt.reasonIn)
				}
				if !found {
					var b strings.Builder
					pl.Report.WriteText(&b, "zh", true)
					t.Errorf("no entry mentions %q:\n%s", tt.reasonIn, b.String())
				}
			}
		})
	}
}

func TestDuplicatesAgainstProject(t *testing.T) {
	p := newTestProject()
	old := &model.Duty{Meta: model.NewMeta("x"), Name: "甲", Category: "旧类别", Kind: model.ListBasic, LegalBasis: "旧依据"}
	p.Duties[old.ID] = old
	text := "事项名称,类别\n甲,新类别\n乙,新类别\n"
	tests := []struct {
		policy   Policy
		summary  string
		duties   int
		category string
	}{
		{PolicySkip, "imported 1, updated 0, skipped 1", 2, "旧类别"},
		{PolicyUpdate, "imported 1, updated 1, skipped 0", 2, "新类别"},
		{PolicyAdd, "imported 2, updated 0", 3, "旧类别"},
	}
	for _, tt := range tests {
		pl := planText(t, p, text, Options{Kind: model.ListBasic, OnDuplicate: tt.policy})
		if !strings.HasPrefix(pl.Report.Summary("en"), tt.summary) {
			t.Errorf("%s: %s, want %s", tt.policy.Code(), pl.Report.Summary("en"), tt.summary)
		}
		q := applied(p, pl)
		if len(q.Duties) != tt.duties || q.Duties[old.ID].Category != tt.category || q.Duties[old.ID].LegalBasis != "旧依据" {
			t.Errorf("%s: %d duties, old duty %+v", tt.policy.Code(), len(q.Duties), q.Duties[old.ID])
		}
	}
	if p.Duties[old.ID].Category != "旧类别" || len(p.Duties) != 1 {
		t.Error("planning changed the project")
	}
}

// fakeStore records what Apply does.
type fakeStore struct {
	p       *model.Project
	backups int
	commits [][]model.Change
}

func (s *fakeStore) Project() *model.Project { return s.p }
func (s *fakeStore) Backup(string) (string, error) {
	s.backups++
	return "backup.rpb", nil
}
func (s *fakeStore) Commit(_ string, cs ...model.Change) error {
	s.commits = append(s.commits, cs)
	return nil
}

func TestApplyAllOrNothing(t *testing.T) {
	p := newTestProject()
	o := &model.Office{Meta: model.NewMeta("x"), Name: "东街道", Kind: model.OfficeStreet}
	p.Offices[o.ID] = o
	tests := []struct {
		name             string
		text             string
		err              error
		backups, commits int
	}{
		{"good rows: one backup, one commit", "事项名称,类别\n甲,x\n乙,y\n", nil, 1, 1},
		{"one bad row: nothing", "事项名称,类别,清单类型\n甲,x,基本\n乙,y,胡说\n", ErrRejected, 0, 0},
		{"nothing to change: nothing", "事项名称,类别\n", nil, 0, 0},
	}
	for _, tt := range tests {
		st := &fakeStore{p: p}
		pl := planText(t, p, tt.text, Options{Kind: model.ListBasic, Office: "西街道"})
		err := pl.Apply(st, "", []string{"t.csv"})
		if err != tt.err || st.backups != tt.backups || len(st.commits) != tt.commits {
			t.Errorf("%s: err %v, %d backups, %d commits", tt.name, err, st.backups, len(st.commits))
		}
		if tt.commits == 1 {
			if n := len(st.commits[0]); n != 3 { // the new office 西街道 and two duties
				t.Errorf("%s: %d changes in the commit, want 3", tt.name, n)
			}
			if pl.Report.OfficesCreated[0] != "西街道" || !pl.Report.Committed {
				t.Errorf("%s: report %+v", tt.name, pl.Report)
			}
		}
	}
}

// TestScopedRowMeetsCatalogueDuty: a row for one office duplicates a duty
// that already applies to every office.
func TestScopedRowMeetsCatalogueDuty(t *testing.T) {
	p := newTestProject()
	wide := &model.Duty{Meta: model.NewMeta("x"), Name: "燃气安全检查", Category: "平安建设", Kind: model.ListBasic}
	p.Duties[wide.ID] = wide
	text := "街道,事项名称,类别,履职依据\n东街道,燃气安全检查,平安建设,新依据\n西街道,燃气安全检查,平安建设,\n"
	tests := []struct {
		policy  Policy
		summary string
		duties  int
	}{
		{PolicySkip, "imported 0, updated 0, skipped 2", 1},
		{PolicyUpdate, "imported 0, updated 2, skipped 0", 1},
		{PolicyAdd, "imported 2, updated 0", 3},
	}
	for _, tt := range tests {
		pl := planText(t, p, text, Options{Kind: model.ListBasic, OnDuplicate: tt.policy})
		if !strings.HasPrefix(pl.Report.Summary("en"), tt.summary) {
			t.Errorf("%s: %s, want %s", tt.policy.Code(), pl.Report.Summary("en"), tt.summary)
		}
		q := applied(p, pl)
		if len(q.Duties) != tt.duties {
			t.Errorf("%s: %d duties, want %d", tt.policy.Code(), len(q.Duties), tt.duties)
		}
		if tt.policy == PolicyUpdate && (q.Duties[wide.ID].LegalBasis != "新依据" || len(q.Duties[wide.ID].Scope) != 0) {
			t.Errorf("update: %+v", q.Duties[wide.ID])
		}
	}
}

func TestEntryPlace(t *testing.T) {
	tests := []struct {
		e      Entry
		zh, en string
	}{
		{Entry{File: "a.xlsx", Sheet: "基本", Row: 5, Column: "C 事项名称"}, "a.xlsx › 基本，第 5 行，C 事项名称 列", "a.xlsx › 基本, row 5, column C 事项名称"},
		{Entry{File: "b.csv", Row: 2}, "b.csv，第 2 行", "b.csv, row 2"},
		{Entry{File: "c.csv"}, "c.csv", "c.csv"},
	}
	for _, tt := range tests {
		if got := tt.e.PlaceIn("zh"); got != tt.zh {
			t.Errorf("zh %q, want %q", got, tt.zh)
		}
		if got := tt.e.PlaceIn("en"); got != tt.en {
			t.Errorf("en %q, want %q", got, tt.en)
		}
	}
}
