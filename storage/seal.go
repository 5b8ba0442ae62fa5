package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Every value of a file of format 3 or later (see fileFormat) is sealed:
// versioned JSON whose second field, "c", is the CRC-32C of the record's key
// followed by the rest of the value, as eight lowercase hex digits:
//
//	{"v":2,"c":"1a2b3c4d","id":"0190…",…}
//
// The value stays JSON that encoding/json reads as before ("c" is a field no
// entity has). The checksum covers the key, so that a record moved under
// another key, or a key with a flipped bit, is caught as surely as a changed
// value; and the head before the rest is fixed text, so a flipped bit there
// breaks the form. The only value not sealed is meta/schema, which a program
// must read before it knows whether values are sealed.

// castagnoli is the CRC-32C table; Go computes it with the CPU's instruction.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealDigits is how many hex digits the checksum takes.
const sealDigits = 8

// sealSum is the checksum of a record: its key, then the value after the seal.
func sealSum(key, rest []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, key), castagnoli, rest)
}

// sealJSON returns the sealed value of v (any JSON object) stored under key.
func sealJSON(key []byte, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("storage: %T does not encode as a JSON object", v)
	}
	return sealObject(key, b[1:]), nil
}

// sealObject seals the JSON object whose text after the opening brace is
// body ("}" for an empty object, else `"name":…}`).
func sealObject(key, body []byte) []byte {
	head := `{"v":` + strconv.Itoa(model.SchemaVersion) + `,"c":"`
	out := make([]byte, 0, len(head)+sealDigits+2+len(body))
	out = append(out, head...)
	at := len(out)
	out = append(out, "00000000\""...)
	restAt := len(out)
	if body[0] != '}' {
		out = append(out, ',')
	}
	out = append(out, body...)
	putHex(out[at:at+sealDigits], sealSum(key, out[restAt:]))
	return out
}

// reseal seals a value that carries its version but no seal ({"v":2,…}):
// a value of an older file being rewritten, or a plain encode.
func reseal(key, plain []byte) ([]byte, error) {
	if !bytes.HasPrefix(plain, []byte(`{"v":`)) {
		return nil, fmt.Errorf("storage: value has no version: %.20q", plain)
	}
	i := len(`{"v":`)
	for i < len(plain) && plain[i] >= '0' && plain[i] <= '9' {
		i++
	}
	if i == len(`{"v":`) || i >= len(plain) || (plain[i] != ',' && plain[i] != '}') {
		return nil, fmt.Errorf("storage: value has a bad version: %.20q", plain)
	}
	head := append([]byte(nil), plain[:i]...)
	head = append(head, `,"c":"`...)
	at := len(head)
	out := append(head, "00000000\""...)
	restAt := len(out)
	out = append(out, plain[i:]...)
	putHex(out[at:at+sealDigits], sealSum(key, out[restAt:]))
	return out, nil
}

func putHex(dst []byte, sum uint32) {
	const digits = "0123456789abcdef"
	for i := sealDigits - 1; i >= 0; i-- {
		dst[i] = digits[sum&0xf]
		sum >>= 4
	}
}

// sealProblem says why a value is not a sound sealed value under key; ""
// when it is.
type sealProblem string

const (
	sealOK       sealProblem = ""
	sealNoSeal   sealProblem = "form"     // the head is not {"v":N,"c":"XXXXXXXX"
	sealMismatch sealProblem = "checksum" // the checksum does not match
)

// checkSeal verifies a sealed value.
func checkSeal(key, raw []byte) sealProblem {
	_, rest, sum, ok := splitSeal(raw)
	if !ok {
		return sealNoSeal
	}
	if sealSum(key, rest) != sum {
		return sealMismatch
	}
	return sealOK
}

// splitSeal takes a sealed value apart: its version, the rest after the
// seal (starting with ',' or '}') and the checksum it carries. Anything not
// exactly in the form sealObject writes is refused: upper-case hex, spaces,
// a missing quote.
func splitSeal(raw []byte) (version int, rest []byte, sum uint32, ok bool) {
	const open = `{"v":`
	if !bytes.HasPrefix(raw, []byte(open)) {
		return 0, nil, 0, false
	}
	i := len(open)
	start := i
	for i < len(raw) && raw[i] >= '0' && raw[i] <= '9' && i-start < 4 {
		version = version*10 + int(raw[i]-'0')
		i++
	}
	if i == start || (raw[start] == '0' && i-start > 1) {
		return 0, nil, 0, false
	}
	const mid = `,"c":"`
	if !bytes.HasPrefix(raw[i:], []byte(mid)) {
		return 0, nil, 0, false
	}
	i += len(mid)
	if len(raw) < i+sealDigits+2 {
		return 0, nil, 0, false
	}
	for _, c := range raw[i : i+sealDigits] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		default:
			return 0, nil, 0, false
		}
		sum = sum<<4 | uint32(d)
	}
	i += sealDigits
	if raw[i] != '"' || (raw[i+1] != ',' && raw[i+1] != '}') || raw[len(raw)-1] != '}' {
		return 0, nil, 0, false
	}
	return version, raw[i+1:], sum, true
}

// isSealed reports whether raw has the form of a sealed value (whatever its checksum).
func isSealed(raw []byte) bool {
	_, _, _, ok := splitSeal(raw)
	return ok
}

// unsealed returns a sealed value as the plain versioned JSON encode would
// have written ({"v":2,…}), for the audit log's before and after.
func unsealed(raw []byte) []byte {
	v, rest, _, ok := splitSeal(raw)
	if !ok {
		return raw
	}
	out := make([]byte, 0, 8+len(rest))
	out = append(out, `{"v":`...)
	out = strconv.AppendInt(out, int64(v), 10)
	return append(out, rest...)
}

// sealError is the failure of a record's seal, named as the user knows it.
func sealError(record words.Msg, p sealProblem) error {
	if p == sealNoSeal {
		return shape(words.M("storage.seal.form", "record", record))
	}
	return shape(words.M("storage.seal.checksum", "record", record))
}
