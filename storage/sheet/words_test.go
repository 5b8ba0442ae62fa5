package sheet

import (
	"bytes"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// unworded lists what m lacks to be worded in either language: a key the
// catalogue does not have, or an argument its template names and m lacks.
func unworded(m words.Msg) []string {
	if m.IsZero() {
		return nil
	}
	var out []string
	for _, lang := range words.Languages {
		out = append(out, words.Missing(lang, m)...)
	}
	return out
}

// Row-level messages name the file, the row and the field in both
// languages, and keep the file name in English too.
func TestMessagesNameFileRowAndField(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		opts   Options
		status Status
		zh, en []string // every one appears in the worded entry line
	}{
		{"empty name", "事项名称,类别,履职依据\n,x,某法第三条\n", Options{Kind: model.ListBasic}, StatusRejected,
			[]string{"t.csv", "第 2 行", "A 事项名称 列", "事项名称为空"}, []string{"t.csv", "row 2", "column A 事项名称", "Duty name is empty but"}},
		{"unknown list kind", "事项名称,类别,清单类型\n甲,x,胡说\n", Options{}, StatusRejected,
			[]string{"t.csv", "第 2 行", "C 清单类型 列", "无法识别清单类型「胡说」（应为 基本履职 / 配合履职 / 上级部门收回）"},
			[]string{"t.csv", "row 2", "column C 清单类型", "unknown list kind “胡说” (expected Basic / Supporting / Returned)"}},
		{"list kind heading", "序号,事项名称,类别\n一、配合履职事项,,\n1,乙,x\n", Options{}, StatusSkipped,
			[]string{"t.csv，第 2 行", "分组标题行：以下为配合履职事项"}, []string{"t.csv, row 2", "heading row: Supporting items follow"}},
		{"no list kind", "事项名称,类别\n甲,x\n", Options{}, StatusRejected,
			[]string{"t.csv", "第 2 行", "「清单类型」列"}, []string{"t.csv", "row 2", "“List kind” column"}},
		{"footnote", "事项名称,类别\n甲,x\n注：以上为示例,\n", Options{Kind: model.ListBasic}, StatusSkipped,
			[]string{"t.csv，第 3 行", "注释/说明行，未导入：注：以上为示例"}, []string{"t.csv, row 3", "footnote row, not imported: 注：以上为示例"}},
		{"no category", "事项名称,类别\n甲,\n乙,x\n", Options{Kind: model.ListBasic}, StatusImported,
			[]string{"t.csv，第 2 行", "「甲」", "事项类别为空，记为「未分类」"}, []string{"t.csv, row 2", "“甲”", "Category is empty, recorded as “未分类”"}},
		{"duplicate row", "事项名称,类别\n甲,x\n甲,y\n", Options{Kind: model.ListBasic}, StatusSkipped,
			[]string{"t.csv，第 3 行", "与t.csv，第 2 行重复，已跳过"}, []string{"t.csv, row 3", "duplicates t.csv, row 2; skipped"}},
		{"number and category notes", "序号,事项名称,类别\n1.2,甲,\n2,乙,x\n", Options{Kind: model.ListBasic}, StatusImported,
			[]string{"事项类别为空，记为「未分类」；序号「1.2」不是整数，按行序记为 1"}, []string{"Category is empty, recorded as “未分类”; number “1.2” is not a whole number; recorded as 1 by row order"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := planText(t, newTestProject(), tt.text, tt.opts)
			var e *Entry
			for i := range pl.Report.Entries {
				if x := &pl.Report.Entries[i]; x.Status == tt.status && !x.Reason.IsZero() && e == nil {
					e = x
				}
			}
			if e == nil {
				t.Fatalf("no %v entry with a reason in %+v", tt.status, pl.Report.Entries)
			}
			if miss := unworded(e.Reason); len(miss) > 0 {
				t.Errorf("reason lacks %v", miss)
			}
			for lang, want := range map[string][]string{"zh": tt.zh, "en": tt.en} {
				line := e.Line(lang)
				for _, w := range want {
					if !strings.Contains(line, w) {
						t.Errorf("%s: %q lacks %q", lang, line, w)
					}
				}
			}
		})
	}
}

// A file error keeps the file name in both languages.
func TestFileErrorNamesTheFile(t *testing.T) {
	_, err := Read("清单.xlsx", []byte("序号,事项名称\n"))
	fe, ok := err.(*FileError)
	if !ok {
		t.Fatalf("%v, want *FileError", err)
	}
	tests := []struct{ lang, want string }{
		{"zh", "清单.xlsx：文件扩展名是 .xlsx，但内容是文本"},
		{"en", "清单.xlsx: the file is named .xlsx but holds text"},
	}
	for _, tt := range tests {
		if got := fe.In(tt.lang); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: %q, want it to start %q", tt.lang, got, tt.want)
		}
	}
	re := &RowError{Row: 3, Col: 2, Problem: words.M("sheet.read.csv_malformed", "err", "bare quote")}
	if got := re.In("en"); got != "row 3, column 2: malformed CSV: bare quote" {
		t.Errorf("row error %q", got)
	}
	if got := re.In("zh"); got != "第 3 行，第 2 列：CSV 格式错误：bare quote" {
		t.Errorf("row error %q", got)
	}
}

func TestReportInBothLanguages(t *testing.T) {
	pl := planText(t, newTestProject(), "事项名称,类别,履职依据\n甲,x,\n甲,y,\n,z,某法\n", Options{Kind: model.ListBasic})
	tests := []struct {
		lang      string
		committed bool // the last line says "imported" only once written
		summary   string
		csvHead   string
	}{
		{"zh", false, "未写入：可导入 1 项，更新 0 项，跳过 1 行，拒绝 1 行", "\xEF\xBB\xBF文件,工作表,行,列,结果,事项,原因\r\n"},
		{"en", false, "nothing written: 1 to import, 0 to update, 1 skipped, 1 rejected", "\xEF\xBB\xBFFile,Sheet,Row,Column,Status,Duty,Reason\r\n"},
		{"zh", true, "导入 1 项，更新 0 项，跳过 1 行，拒绝 1 行", "\xEF\xBB\xBF文件,工作表,行,列,结果,事项,原因\r\n"},
		{"en", true, "imported 1, updated 0, skipped 1, rejected 1", "\xEF\xBB\xBFFile,Sheet,Row,Column,Status,Duty,Reason\r\n"},
	}
	for _, tt := range tests {
		pl.Report.Committed = tt.committed
		var text, csv bytes.Buffer
		if err := pl.Report.WriteText(&text, tt.lang, false); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(text.String(), tt.summary+"\n") || strings.Count(text.String(), "\n") != 3 {
			t.Errorf("%s text report:\n%s", tt.lang, text.String())
		}
		if err := pl.Report.WriteCSV(&csv, tt.lang); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(csv.String(), tt.csvHead) || strings.Count(csv.String(), "\r\n") != 4 {
			t.Errorf("%s CSV report:\n%s", tt.lang, csv.String())
		}
	}
}

// Names the wizard shows: every field, policy and status has words in both
// languages.
func TestNamesAreWorded(t *testing.T) {
	var ms []words.Msg
	for _, f := range Fields {
		ms = append(ms, f.Name())
	}
	for _, p := range Policies {
		ms = append(ms, p.Name())
	}
	for _, s := range []Status{StatusImported, StatusUpdated, StatusSkipped, StatusRejected} {
		ms = append(ms, s.Name())
	}
	for _, m := range ms {
		if miss := unworded(m); len(miss) > 0 {
			t.Errorf("%s: %v", m.Key, miss)
		}
	}
}
