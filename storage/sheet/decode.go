package sheet

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding names the text encoding a CSV file was found in.
type Encoding string

const (
	EncodingUTF8    Encoding = "UTF-8"
	EncodingUTF8BOM Encoding = "UTF-8 BOM"
	EncodingGB18030 Encoding = "GB18030"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText returns b as UTF-8. A file that is valid UTF-8 is taken as
// UTF-8 (with or without BOM); anything else is read as GB18030, which is
// what Excel writes on Chinese Windows and a superset of GBK and GB2312.
func decodeText(b []byte) (string, Encoding, error) {
	if bytes.HasPrefix(b, utf8BOM) {
		return string(bytes.ToValidUTF8(b[len(utf8BOM):], []byte("\uFFFD"))), EncodingUTF8BOM, nil
	}
	if utf8.Valid(b) {
		return string(b), EncodingUTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", err
	}
	return string(out), EncodingGB18030, nil
}
