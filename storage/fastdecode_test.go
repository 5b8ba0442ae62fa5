package storage

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"unsafe"

	"rpbmatrix/model"
)

// checkFastDecode holds decodeAssessment to its promise: whenever it accepts
// an input it yields exactly what encoding/json does, and it declines every
// input encoding/json rejects.
func checkFastDecode(t *testing.T, raw []byte) {
	t.Helper()
	checkFast(t, raw, func(raw []byte, a *model.Assessment, _ *interner) bool { return decodeAssessment(raw, a) }, nil)
}

// checkFast holds a fast decoder to that promise on raw, sharing texts
// through in (nil: none).
func checkFast[T any](t *testing.T, raw []byte, fast func([]byte, *T, *interner) bool, in *interner) {
	t.Helper()
	var want T
	jsonErr := json.Unmarshal(raw, &want)
	var got T
	if !fast(raw, &got, in) {
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

// oddTexts are texts a record may carry that JSON writes with escapes, or
// that sit at the edges of what the fast path reads as it is.
var oddTexts = []string{"", "gen", "张三", `引号"与\反斜杠`, "换行\n与制表\t", "\u2028行分隔\u2029",
	"<b>&amp;</b>", "控制\x01字符", "\xff\xfe无效 UTF-8", "😀 emoji", "2025-08-13",
	"一个很长的备注，超过了共享文本的长度，每条记录各存一份。"}

func TestFastIncidentMatchesEncodingJSON(t *testing.T) {
	var inputs [][]byte
	add := func(i *model.Incident) {
		b, err := encode(i)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	for _, p := range []*model.Project{handMade(), synthetic(3, 60)} {
		for _, i := range p.Incidents {
			add(i)
		}
	}
	for n, text := range oddTexts {
		i := &model.Incident{Meta: model.NewMeta(text), Office: model.NewID(), Duty: model.NewID(), Date: text,
			Kind: model.IncidentKinds[n%len(model.IncidentKinds)], Cause: model.IncidentCauses[n%len(model.IncidentCauses)],
			Tolerance: n%2 == 0, Notes: text}
		add(i)
	}
	declined := 0
	in := &interner{}
	for _, raw := range inputs {
		var i model.Incident
		if !fastIncident(raw, &i, nil) {
			declined++
		}
		checkFast(t, raw, fastIncident, nil)
		checkFast(t, raw, fastIncident, in) // texts shared with every record before
	}
	// Only texts that are not valid UTF-8 go to encoding/json.
	if declined > 1 {
		t.Errorf("fast path declined %d of %d records written by encode", declined, len(inputs))
	}
	const id = `"0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d6e"`
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"every field", `{"v":3,"c":"3323d5d1","id":` + id + `,"created":"2026-01-05T09:00:00Z","modified":"2026-01-05T09:00:00Z","author":"gen","office":` + id + `,"duty":` + id + `,"date":"2025-08-13","kind":"admonition","cause":"authority","tolerance":true,"notes":"备注"}`},
		{"kind by its Chinese name", `{"kind":"约谈"}`},
		{"cause by its English name", `{"cause":"Lack of authority"}`},
		{"kind in capitals", `{"kind":"INTERVIEW"}`},
		{"unknown kind", `{"kind":"reprimand"}`},
		{"unknown cause", `{"cause":"weather"}`},
		{"empty kind", `{"kind":""}`},
		{"kind not a string", `{"kind":3}`},
		{"null kind", `{"kind":null}`},
		{"escaped kind", `{"kind":"\u0061dmonition"}`},
		{"escaped note", `{"notes":"引号\"与换行\n与\u4e2d","date":"2025\u002d01\u002d02"}`},
		{"tolerance not a bool", `{"tolerance":1}`},
		{"unknown key", `{"kind":"interview","colour":"red"}`},
		{"key in other case", `{"Kind":"interview"}`},
		{"duplicate key, last wins", `{"kind":"interview","kind":"criticism"}`},
		{"nested value", `{"notes":{"a":1}}`},
		{"trailing garbage", `{"kind":"interview"}]`},
		{"empty object", `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFast(t, []byte(tc.raw), fastIncident, &interner{}) })
	}
}

func TestInternerSharesShortTexts(t *testing.T) {
	in := &interner{}
	a, b := in.text([]byte("gen")), in.text([]byte("gen"))
	if a != "gen" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("the same short text is not shared: %q %q", a, b)
	}
	long := []byte("一个很长的备注，超过了共享文本的长度")
	if x, y := in.text(long), in.text(long); x != string(long) || unsafe.StringData(x) == unsafe.StringData(y) {
		t.Errorf("a long text is shared or changed: %q", x)
	}
	var none *interner
	if none.text([]byte("gen")) != "gen" {
		t.Error("a nil interner changes the text")
	}
	for n := range internMax + 10 {
		in.text([]byte(strconv.Itoa(n)))
	}
	if len(in.m) > internMax {
		t.Errorf("the interner keeps %d texts, more than %d", len(in.m), internMax)
	}
}

func FuzzFastIncident(f *testing.F) {
	for _, i := range handMade().Incidents {
		b, _ := encode(i)
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"约谈","cause":"\u0061uthority","notes":"\u00e9"}`))
	f.Fuzz(func(t *testing.T, raw []byte) { checkFast(t, raw, fastIncident, &interner{}) })
}
