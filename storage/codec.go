package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"rpbmatrix/model"
)

// versionPrefix starts every stored value, so a value read without its file
// still says which schema wrote it.
var versionPrefix = []byte(`{"v":` + strconv.Itoa(model.SchemaVersion))

// encode returns e as versioned JSON: {"v":2,…fields…}.
func encode(e any) ([]byte, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("storage: %T does not encode as a JSON object", e)
	}
	out := make([]byte, 0, len(versionPrefix)+len(b)+1)
	out = append(out, versionPrefix...)
	if len(b) > 2 { // not "{}"
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// decodeInto fills e (a pointer to an entity) from a stored value. The "v"
// field is ignored: the file's schema version decides migration.
func decodeInto(raw []byte, e any) error {
	return json.Unmarshal(raw, e)
}

// valueVersion reads the "v" field that starts a stored value; 0 when absent.
func valueVersion(raw []byte) int {
	if !bytes.HasPrefix(raw, []byte(`{"v":`)) {
		return 0
	}
	n := 0
	for _, c := range raw[5:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
