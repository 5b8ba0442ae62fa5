package storage

import (
	"encoding/json"
	"reflect"
	"testing"

	"rpbmatrix/model"
)

// checkFastDecode holds decodeAssessment to its promise: whenever it accepts
// an input it yields exactly what encoding/json does, and it declines every
// input encoding/json rejects.
func checkFastDecode(t *testing.T, raw []byte) {
	t.Helper()
	var want model.Assessment
	jsonErr := json.Unmarshal(raw, &want)
	var got model.Assessment
	if !decodeAssessment(raw, &got) {
		return // declined: the caller falls back to encoding/json
	}
	if jsonErr != nil {
		t.Fatalf("fast path accepted %s, which encoding/json rejects: %v", raw, jsonErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast path differs on %s\n got %+v\nwant %+v", raw, got, want)
	}
}

func TestFastDecodeMatchesEncodingJSON(t *testing.T) {
	var inputs [][]byte
	for _, p := range []*model.Project{handMade(), synthetic(2, 50)} {
		for _, a := range p.Assessments {
			b, err := encode(a)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, b)
		}
	}
	accepted := 0
	for _, raw := range inputs {
		var a model.Assessment
		if decodeAssessment(raw, &a) {
			accepted++
		}
		checkFastDecode(t, raw)
	}
	if accepted != len(inputs) {
		t.Errorf("fast path declined %d of %d records written by encode", len(inputs)-accepted, len(inputs))
	}
	const id = `"0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d6e"`
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"escaped note", `{"v":2,"id":` + id + `,"role":"lead","notes":"引号\"与换行\n与\u4e2d"}`},
		{"Chinese role name", `{"role":"牵头","hours":12.5}`},
		{"white space", " { \"role\" : \"support\" ,\n\t\"veto\" : true } "},
		{"empty object", `{}`},
		{"unknown key", `{"role":"lead","colour":"red"}`},
		{"key in other case", `{"Role":"lead"}`},
		{"null value", `{"notes":null}`},
		{"nested value", `{"staff":{"needed":3,"held":2}}`},
		{"fraction in int field", `{"incidents":1.5}`},
		{"exponent in float field", `{"hours":1e2}`},
		{"leading zero", `{"hours":01}`},
		{"plus sign", `{"hours":+1}`},
		{"bare dot", `{"hours":1.}`},
		{"bad uuid", `{"office":"not-a-uuid"}`},
		{"bad time", `{"created":"yesterday"}`},
		{"bad role", `{"role":"boss"}`},
		{"invalid UTF-8", "{\"notes\":\"\xff\xfe\"}"},
		{"control character in string", "{\"notes\":\"a\x01b\"}"},
		{"trailing comma", `{"veto":true,}`},
		{"trailing garbage", `{"veto":true} x`},
		{"missing colon", `{"veto" true}`},
		{"truncated", `{"veto":tru`},
		{"not an object", `[1,2]`},
		{"duplicate key, last wins", `{"hours":1,"hours":2}`},
		{"time in UTC", `{"created":"2026-01-05T09:00:00Z","modified":"1999-12-31T23:59:59Z"}`},
		{"time with an offset", `{"created":"2026-01-05T09:00:00+08:00"}`},
		{"time with a fraction", `{"created":"2026-01-05T09:00:00.5Z"}`},
		{"day past the month's end", `{"created":"2026-02-30T09:00:00Z"}`},
		{"leap day", `{"created":"2024-02-29T09:00:00Z","modified":"2023-02-29T09:00:00Z"}`},
		{"hour 24", `{"created":"2026-01-05T24:00:00Z"}`},
		{"leap second", `{"created":"2026-12-31T23:59:60Z"}`},
		{"upper-case uuid", `{"office":"0190F3A2-7C4E-7B1A-9D2E-1F2A3B4C5D6E"}`},
		{"uuid in braces", `{"office":"{0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d6e}"}`},
		{"uuid without dashes", `{"office":"0190f3a27c4e7b1a9d2e1f2a3b4c5d6e"}`},
		{"uuid with a bad digit", `{"office":"0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d6g"}`},
		{"decimals", `{"hours":0.3,"staff_needed":-0,"staff_held":123456789012345,"funds_needed":0.1234567890123456789,"funds_held":-12.75}`},
		{"long numbers", `{"hours":12345678901234567890,"incidents":123456789012345678,"reports":-9223372036854775808}`},
		{"int out of range", `{"incidents":99999999999999999999}`},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFastDecode(t, []byte(tc.raw)) })
	}
}

func FuzzFastDecode(f *testing.F) {
	for _, a := range handMade().Assessments {
		b, _ := encode(a)
		f.Add(b)
	}
	f.Add([]byte(`{"hours":1e2,"notes":"\u00e9"}`))
	f.Fuzz(func(t *testing.T, raw []byte) { checkFastDecode(t, raw) })
}
