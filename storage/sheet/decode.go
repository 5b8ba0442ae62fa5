package sheet

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"rpbmatrix/model/words"
)

// Encoding names the text encoding a CSV file was found in.
type Encoding string

const (
	EncodingUTF8    Encoding = "UTF-8"
	EncodingUTF8BOM Encoding = "UTF-8 BOM"
	EncodingGB18030 Encoding = "GB18030"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// EncodingError is a text file holding a byte sequence its encoding cannot
// hold. The file is refused rather than imported with U+FFFD in its names:
// a replaced character is a silently changed name. Row counts lines from
// 1; Byte is the offset of the bad byte in the file, from 1.
type EncodingError struct {
	Encoding Encoding
	Row      int
	Byte     int
	Value    byte
}

// Msg words the error: which encoding, where, which byte.
func (e *EncodingError) Msg() words.Msg {
	key := "sheet.read.bad_gb18030"
	if e.Encoding != EncodingGB18030 {
		key = "sheet.read.bad_utf8"
	}
	return words.M(key, "row", e.Row, "byte", e.Byte, "value", hexByte(e.Value))
}

func (e *EncodingError) Error() string { return e.Msg().In(words.Current()) }

func hexByte(b byte) string {
	const digits = "0123456789ABCDEF"
	return "0x" + string([]byte{digits[b>>4], digits[b&15]})
}

// decodeText returns b as UTF-8. A file that is valid UTF-8 is taken as
// UTF-8 (with or without BOM); anything else is read as GB18030, which is
// what Excel writes on Chinese Windows and a superset of GBK and GB2312.
// A byte sequence valid in neither is an *EncodingError naming its place.
func decodeText(b []byte) (string, Encoding, error) {
	out, enc, err := decodeBytes(b)
	return string(out), enc, err
}

// decodeBytes is decodeText without a copy of a UTF-8 text: it returns
// b itself, after any BOM (a CSV of 200 MB is not held twice).
func decodeBytes(b []byte) ([]byte, Encoding, error) {
	if bytes.HasPrefix(b, utf8BOM) {
		if i := firstInvalidUTF8(b[len(utf8BOM):]); i >= 0 {
			return nil, "", encodingError(EncodingUTF8BOM, b, len(utf8BOM)+i)
		}
		return b[len(utf8BOM):], EncodingUTF8BOM, nil
	}
	if utf8.Valid(b) {
		return b, EncodingUTF8, nil
	}
	// A file that is mostly UTF-8 with a bad byte is a broken UTF-8 file,
	// not a GB18030 file, even when its bytes happen to parse as GB18030
	// (mojibake): say so. GB18030 text holds few valid UTF-8 sequences.
	if looksLikeUTF8(b) {
		return nil, "", encodingError(EncodingUTF8, b, firstInvalidUTF8(b))
	}
	if i := firstInvalidGB18030(b); i >= 0 {
		return nil, "", encodingError(EncodingGB18030, b, i)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return nil, "", err
	}
	// Structurally sound sequences outside GB18030's mapped ranges still
	// decode to U+FFFD; find the first one, the slow way, only then.
	if bytes.Contains(out, []byte("\uFFFD")) {
		if i := firstUnmappedGB18030(b); i >= 0 {
			return nil, "", encodingError(EncodingGB18030, b, i)
		}
	}
	return out, EncodingGB18030, nil
}

func encodingError(enc Encoding, b []byte, at int) *EncodingError {
	return &EncodingError{Encoding: enc, Row: bytes.Count(b[:at], []byte{'\n'}) + 1, Byte: at + 1, Value: b[at]}
}

// firstInvalidUTF8 is the offset of the first byte that does not begin a
// valid UTF-8 sequence, or -1.
func firstInvalidUTF8(b []byte) int {
	_, _, first := scanUTF8(b)
	return first
}

// looksLikeUTF8 reports whether b has at least twice as many valid
// multi-byte UTF-8 sequences as bytes that begin none.
func looksLikeUTF8(b []byte) bool {
	good, bad, _ := scanUTF8(b)
	return good >= 2 && good >= 2*bad
}

// scanUTF8 counts the valid multi-byte sequences of b and the bytes that
// begin none, and finds the first of those (-1 when there is none).
func scanUTF8(b []byte) (good, bad, first int) {
	first = -1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || n > 1:
			good++
		case first < 0:
			first = i
			fallthrough
		default:
			bad++
		}
		i += n
	}
	return good, bad, first
}

// gb18030Len is the length of the well-formed GB18030 sequence at the
// start of b (1, 2 or 4), or 0 when none starts there.
func gb18030Len(b []byte) int {
	c := b[0]
	switch {
	case c < 0x80:
		return 1
	case c == 0x80 || c == 0xFF || len(b) < 2:
		return 0
	}
	t := b[1]
	if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE) {
		return 2
	}
	if t >= 0x30 && t <= 0x39 && len(b) >= 4 && b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39 {
		return 4
	}
	return 0
}

// firstInvalidGB18030 is the offset of the first byte that begins no
// well-formed GB18030 sequence, or -1.
func firstInvalidGB18030(b []byte) int {
	for i := 0; i < len(b); {
		n := gb18030Len(b[i:])
		if n == 0 {
			return i
		}
		i += n
	}
	return -1
}

// firstUnmappedGB18030 is the offset of the first well-formed sequence
// that decodes to U+FFFD without encoding it, or -1.
func firstUnmappedGB18030(b []byte) int {
	dec := simplifiedchinese.GB18030.NewDecoder()
	replacement, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("\uFFFD"))
	for i := 0; i < len(b); {
		n := gb18030Len(b[i:])
		if n > 1 && !bytes.Equal(b[i:i+n], replacement) {
			out, err := dec.Bytes(b[i : i+n])
			if err != nil || bytes.Equal(out, []byte("\uFFFD")) {
				return i
			}
		}
		i += max(n, 1)
	}
	return -1
}
