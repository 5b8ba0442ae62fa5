package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDecodeText(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("事项名称,类别"))
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"utf8", []byte("事项名称,类别"), "事项名称,类别", EncodingUTF8},
		{"bom", append(append([]byte{}, utf8BOM...), "事项名称"...), "事项名称", EncodingUTF8BOM},
		{"gb18030", gb, "事项名称,类别", EncodingGB18030},
		{"ascii", []byte("a,b"), "a,b", EncodingUTF8},
	}
	for _, tt := range tests {
		got, enc, err := decodeText(tt.in)
		if err != nil || got != tt.want || enc != tt.enc {
			t.Errorf("%s: %q %s %v, want %q %s", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		delim rune
		rows  [][]string
	}{
		{"comma", "a,b\n1,2\n", ',', [][]string{{"a", "b"}, {"1", "2"}}},
		{"tab with commas inside", "a\tb\n1,5\t2\n", '\t', [][]string{{"a", "b"}, {"1,5", "2"}}},
		{"semicolon", "a;b;c\n1;2;3\n", ';', [][]string{{"a", "b", "c"}, {"1", "2", "3"}}},
		{"quoted comma and newline", "名称,依据\n\"甲,乙\",\"第一条\n第二条\"\n", ',', [][]string{{"名称", "依据"}, {"甲,乙", "第一条\n第二条"}}},
		{"ragged", "a,b,c\n1\n1,2,3,4\n", ',', [][]string{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}}},
		{"stray quote", "a,b\n1\"x,2\n", ',', [][]string{{"a", "b"}, {"1\"x", "2"}}},
		{"crlf", "a,b\r\n1,2\r\n", ',', [][]string{{"a", "b"}, {"1", "2"}}},
	}
	for _, tt := range tests {
		rows, delim, err := readCSV([]byte(tt.in))
		if err != nil || delim != tt.delim || !equalRows(rows, tt.rows) {
			t.Errorf("%s: %q %q %v, want %q %q", tt.name, rows, delim, err, tt.rows, tt.delim)
		}
	}
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") || len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"empty", "a.csv", nil, "文件为空"},
		{"only BOM and spaces", "a.csv", []byte("\xEF\xBB\xBF  \n"), "文件为空"},
		{"xls", "a.xls", append(append([]byte{}, ole2Magic...), 0, 0), "另存为 .xlsx"},
		{"text named xlsx", "a.xlsx", []byte("序号,事项名称\n"), "内容是文本"},
		{"binary named xlsx", "a.xlsx", []byte{0, 1, 2, 3, 0, 0}, "不是 Excel 工作簿"},
		{"binary", "a.bin", []byte{0, 1, 2, 3, 0, 0}, "不是文本表格"},
		{"zip that is not a workbook", "a.xlsx", zipOf(t, map[string]string{"hello.txt": "hi"}), "不是有效的 Excel 工作簿"},
		{"zip bomb", "a.xlsx", zipBomb(t), "压缩炸弹"},
		{"truncated zip", "a.xlsx", zipOf(t, map[string]string{"x": "y"})[:10], "工作簿"},
	}
	for _, tt := range tests {
		_, err := Read(tt.file, tt.data)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v, want *FileError", tt.name, err)
			continue
		}
		zh, en := fe.In("zh"), fe.In("en")
		if fe.File != tt.file || !strings.Contains(zh, tt.want) || !strings.HasPrefix(zh, tt.file) || !strings.HasPrefix(en, tt.file) ||
			len(unworded(fe.Problem)) > 0 {
			t.Errorf("%s: %q / %q, want %q naming %s %v", tt.name, zh, en, tt.want, tt.file, unworded(fe.Problem))
		}
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// zipBomb declares a worksheet that unpacks to a terabyte; excelize must
// refuse it from the declared size without inflating anything.
func zipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 2, UncompressedSize64: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{3, 0})
	wb, _ := zw.Create("xl/workbook.xml")
	wb.Write([]byte("<workbook/>"))
	zw.Close()
	return buf.Bytes()
}

func TestHugeCellRejected(t *testing.T) {
	huge := strings.Repeat("很长", 3000)
	tables, err := Read("a.csv", []byte("事项名称,事项类别,清单类型\n"+huge+",党的建设,基本履职\n正常事项,党的建设,基本履职\n"))
	if err != nil {
		t.Fatal(err)
	}
	pl := NewPlan(newTestProject(), Prepare(tables), Options{})
	if pl.Report.Count(StatusRejected) != 1 || pl.Report.Count(StatusImported) != 1 {
		t.Fatalf("report: %s", pl.Report.Summary("en"))
	}
	for _, e := range pl.Report.Entries {
		if e.Status == StatusRejected && (e.Row != 2 || e.Column != "A 事项名称" || !strings.Contains(e.Reason.In("zh"), "单元格过长")) {
			t.Errorf("rejection %+v", e)
		}
	}
}

// TestWorkbookByContent reads a workbook whatever its name says: .xlsm, or
// a workbook saved with a .csv name.
func TestWorkbookByContent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "quirks.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"清单.xlsm", "清单.csv", "清单.XLSX"} {
		tables, err := Read(name, data)
		if err != nil || len(tables) != 4 || tables[1].Sheet != "基本履职事项" {
			t.Errorf("%s: %d tables, %v", name, len(tables), err)
		}
	}
}
