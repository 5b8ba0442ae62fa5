package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFastReaderMatchesExcelize reads the same workbooks with the fast
// reader and through excelize: the tables must be the same.
func TestFastReaderMatchesExcelize(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.xlsx")
	if err := writeBenchWorkbook(big, 500); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join("testdata", "quirks.xlsx"), big} {
		data, zr := openTestWorkbook(t, path)
		fast, err := readWorkbookFast(path, zr)
		if err != nil {
			t.Fatalf("%s: fast reader: %v", path, err)
		}
		full, err := readWorkbookFull(path, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(fast) != len(full) {
			t.Fatalf("%s: %d sheets, excelize %d", path, len(fast), len(full))
		}
		for i := range fast {
			a, b := trimRows(fast[i]), trimRows(full[i])
			if a.Sheet != b.Sheet || a.Hidden != b.Hidden || !reflect.DeepEqual(a.Rows, b.Rows) {
				t.Errorf("%s › %s differs:\nfast  %q\nfull  %q", path, a.Sheet, a.Rows[:min(len(a.Rows), 8)], b.Rows[:min(len(b.Rows), 8)])
			}
		}
	}
}

// openTestWorkbook reads the workbook at path and opens it as a zip.
func openTestWorkbook(t *testing.T, path string) ([]byte, *zip.Reader) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := checkWorkbookZip(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return data, zr
}

// trimRows drops trailing blank cells, which the two readers keep differently.
func trimRows(t *Table) *Table {
	c := *t
	c.Rows = make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		if n > 0 {
			c.Rows[i] = append([]string(nil), r[:n]...)
		}
	}
	return &c
}

func TestUnescapeXML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &amp; b", "a & b"}, {"&lt;x&gt;", "<x>"}, {"&#20013;&#x6587;", "中文"}, {"line_x000D_\nnext", "line\r\nnext"},
		{"plain", "plain"}, {"&unknown;", "&unknown;"}, {"_x00", "_x00"},
	}
	for _, tt := range tests {
		if got := unescapeXML([]byte(tt.in)); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"yyyy-mm-dd", true}, {"yyyy\"年\"m\"月\"d\"日\"", true}, {"0.00", false}, {"[Red]0.00", false}, {"\"day\"0", false}, {"h:mm", true},
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.code); got != tt.want {
			t.Errorf("%q: %v", tt.code, got)
		}
	}
}

// Reading a sheet as it unpacks, in blocks that cut tags and texts
// anywhere, gives what reading it whole gives.
func TestSheetScannedInBlocks(t *testing.T) {
	for _, path := range []string{filepath.Join("testdata", "quirks.xlsx"), filepath.Join("testdata", "assessments.xlsx")} {
		_, zr := openTestWorkbook(t, path)
		b, err := openFastBook(path, zr, MaxUnzipSize)
		if err != nil {
			t.Fatal(err)
		}
		if sst, err := b.read("xl/sharedStrings.xml"); err == nil {
			whole, _ := parseSharedStrings(sst)
			for _, block := range []int{1, 5, 4096} {
				got, err := scanSharedStrings(&xmlScanner{r: bytes.NewReader(sst), block: block})
				if err != nil || len(whole) == 0 || !reflect.DeepEqual(got, whole) {
					t.Errorf("%s: shared strings in blocks of %d: %v\n got %q\nwant %q", path, block, err, got, whole)
				}
			}
		}
		for _, ref := range b.sheets {
			xml, err := b.read(b.targets[ref.rid])
			if err != nil {
				t.Fatal(err)
			}
			var whole Table
			wantMerges, err := parseSheetData(xml, b.sst, b.dates, &whole)
			if err != nil || len(whole.Rows) == 0 {
				t.Fatalf("%s › %s: %d rows, %v", path, ref.name, len(whole.Rows), err)
			}
			for _, block := range []int{1, 2, 3, 7, 64, 4096} {
				var got Table
				merges, err := scanSheet(&xmlScanner{r: bytes.NewReader(xml), block: block}, b.sst, b.dates, &got)
				if err != nil || !reflect.DeepEqual(got.Rows, whole.Rows) || !reflect.DeepEqual(merges, wantMerges) {
					t.Errorf("%s › %s in blocks of %d: %v\n got %q\nwant %q", path, ref.name, block, err, got.Rows, whole.Rows)
				}
			}
		}
	}
}

// A sheet with a row past the limit is refused, naming the file, the
// sheet and that row.
func TestSheetPastRowLimitNamesRow(t *testing.T) {
	row := itoa(MaxRows + 1)
	xml := []byte(`<worksheet><sheetData><row r="` + row + `"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`)
	tb := &Table{File: "big.xlsx", Sheet: "基本履职"}
	_, err := parseSheetData(xml, nil, nil, tb)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("%v, want a refusal", err)
	}
	for lang, want := range map[string]string{"zh": "第 " + row + " 行", "en": "row " + row} {
		if got := fe.In(lang); !strings.HasPrefix(got, "big.xlsx") || !strings.Contains(got, "基本履职") || !strings.Contains(got, want) {
			t.Errorf("%s: %q", lang, got)
		}
	}
}
