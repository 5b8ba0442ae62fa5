package sheet

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A broken byte sequence refuses the whole file, naming the file, the row
// and the byte, in both languages: never a name stored with U+FFFD.
func TestBrokenEncodingRefused(t *testing.T) {
	gb := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	header := "事项名称,类别,承办科室\n"
	gbBroken := append(gb(header+"网格化管理,公共服务,综治办\n网"), 0x81, ',') // lead byte with a comma as trail
	gbBroken = append(gbBroken, gb("公共服务,综治办\n")...)
	gbFF := append(gb(header), 0xFF)
	gbFF = append(gbFF, gb("网格,公共服务,综治办\n")...)
	bomBad := []byte("\xEF\xBB\xBF" + header + "网格化管理,公共服务,综治办\n网\xE6,公共服务,综治办\n")
	utf8Bad := []byte(header + "网格化管理,公共服务,综治办\n网格\xFF,公共服务,综治办\n")
	tests := []struct {
		name           string
		data           []byte
		row, byte      int
		wantZh, wantEn string
	}{
		{"gb18030 bad trail", gbBroken, 3, len(gb(header+"网格化管理,公共服务,综治办\n网")) + 1, "不是有效的 GB18030", "nor valid GB18030"},
		{"gb18030 0xFF", gbFF, 2, len(gb(header)) + 1, "不是有效的 GB18030", "nor valid GB18030"},
		{"utf-8 bom one bad byte", bomBad, 3, len("\xEF\xBB\xBF"+header+"网格化管理,公共服务,综治办\n网") + 1, "不是有效的 UTF-8", "not valid UTF-8"},
		{"latin-1, neither encoding", []byte("name,category\ncaf\xe9,na\xefve\n"), 2, len("name,category\ncaf") + 1, "既不是有效的 UTF-8", "neither valid UTF-8"},
		{"utf-8 one bad byte", utf8Bad, 3, len(header+"网格化管理,公共服务,综治办\n网格") + 1, "不是有效的 UTF-8", "not valid UTF-8"},
	}
	for _, tt := range tests {
		tables, err := Read("list.csv", tt.data)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v (%d tables), want a refusal", tt.name, err, len(tables))
			continue
		}
		var ee *EncodingError
		if !errors.As(err, &ee) || ee.Row != tt.row || ee.Byte != tt.byte {
			t.Errorf("%s: %+v, want row %d byte %d", tt.name, ee, tt.row, tt.byte)
		}
		zh, en := fe.In("zh"), fe.In("en")
		for _, c := range []struct{ text, want string }{{zh, tt.wantZh}, {en, tt.wantEn}} {
			if !strings.HasPrefix(c.text, "list.csv") || !strings.Contains(c.text, c.want) ||
				!strings.Contains(c.text, itoa(tt.row)) || !strings.Contains(c.text, itoa(tt.byte)) {
				t.Errorf("%s: %q, want file, row %d, byte %d and %q", tt.name, c.text, tt.row, tt.byte, c.want)
			}
		}
		if strings.Contains(zh, "没有表头") || strings.Contains(en, "no header") {
			t.Errorf("%s: wrong reason %q", tt.name, en)
		}
	}
}

// Sound files in every encoding still read, with no U+FFFD anywhere.
func TestSoundEncodingsHaveNoReplacement(t *testing.T) {
	text := "事项名称,类别\n网格化管理,公共服务\n𠀀字,其他\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]byte{[]byte(text), append([]byte("\xEF\xBB\xBF"), text...), gb} {
		got, _, err := decodeText(in)
		if err != nil || got != text {
			t.Errorf("%q: %q %v, want %q", in, got, err, text)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

// A GB18030 file of real text is never mistaken for broken UTF-8.
func TestGB18030NotMistakenForUTF8(t *testing.T) {
	text := strings.Repeat("事项名称,类别,承办科室,法律依据\n网格化管理,公共服务,综治办,《中华人民共和国城乡规划法》第三条\n", 50)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if got, enc, err := decodeText(gb); err != nil || enc != EncodingGB18030 || got != text {
		t.Errorf("%s %v", enc, err)
	}
}

// A CSV over the row limit is refused, naming the file, the first row past
// the limit, the limit and the memory an import of that many takes, in
// both languages; reading stops at the limit.
func TestTooManyRowsNamesLimitAndMemory(t *testing.T) {
	data := []byte("name,category\n" + strings.Repeat("a,b\n", MaxRows))
	_, err := Read("huge.csv", data)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("%v, want a refusal", err)
	}
	row := itoa(MaxRows + 1)
	for lang, want := range map[string]string{"zh": "第 " + row + " 行", "en": "row " + row} {
		if got := fe.In(lang); !strings.HasPrefix(got, "huge.csv") || !strings.Contains(got, itoa(MaxRows)) || !strings.Contains(got, "1.5 GB") || !strings.Contains(got, want) {
			t.Errorf("%s: %q", lang, got)
		}
	}
}
