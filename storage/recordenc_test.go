package storage

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"rpbmatrix/model"
)

// The hand-written duty encoder writes the bytes encoding/json writes,
// for plain and odd texts, empty and full fields.
func TestDutyEncoderMatchesJSON(t *testing.T) {
	texts := []string{"", "职责事项第1项", "a\"b", `back\slash`, "<tag>&amp;", "line\nbreak\ttab\r", "\x00\x1f", "bad\xffutf8",
		"\u2028sep\u2029", "\uFFFD", "《中华人民共和国某某法》第十二条", "emoji 😀", "\u007f", "ｶﾀｶﾅ"}
	r := rand.New(rand.NewSource(1))
	pick := func() string { return texts[r.Intn(len(texts))] }
	ids := func() []model.ID {
		out := make([]model.ID, r.Intn(3))
		for i := range out {
			out[i] = model.NewID()
		}
		return out
	}
	at := time.Date(2026, 11, 30, 7, 40, 1, 123000000, time.UTC)
	for i := range 500 {
		d := &model.Duty{Meta: model.Meta{ID: model.NewID(), Created: at, Modified: at.Add(time.Duration(i) * time.Millisecond), Author: pick()},
			Seq: r.Intn(3) - 1, Name: pick(), SubItem: pick(), Category: pick(), SubCategory: pick(), Kind: model.ListKind(r.Intn(4)),
			LegalBasis: pick(), Source: pick(), LeadDept: pick(), SupportDepts: pick(), HigherDeptDuty: pick(), OfficeDuty: pick(),
			ReceivingDept: pick(), WorkingMethod: pick(), Notes: pick(), Scope: ids(), Required: ids()}
		if i%7 == 0 {
			d.Created = time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 8*3600))
		}
		want, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := appendDuty(nil, d)
		if !ok || !bytes.Equal(got, want) {
			t.Fatalf("duty %d:\n got %s\nwant %s", i, got, want)
		}
		var enc recordEncoder
		key := keyOf(d)
		sealed, err := enc.seal(key, d)
		plain, _ := sealJSON(key, d)
		if err != nil || !bytes.Equal(sealed, plain) {
			t.Fatalf("duty %d: sealed differently:\n%s\n%s", i, sealed, plain)
		}
	}
}

// FuzzDutyEncoder: for any texts, the hand-written encoder writes what
// encoding/json writes.
func FuzzDutyEncoder(f *testing.F) {
	f.Add("职责事项", "a\"<b>&\\", "\xff\u2028", 3)
	f.Fuzz(func(t *testing.T, name, basis, notes string, seq int) {
		at := time.Date(2026, 11, 30, 8, 0, 0, 1, time.UTC)
		d := &model.Duty{Meta: model.Meta{ID: model.NewID(), Created: at, Modified: at, Author: notes}, Seq: seq,
			Name: name, Category: basis, Kind: model.ListSupporting, LegalBasis: basis, Notes: notes, Scope: []model.ID{model.NewID()}}
		want, err := json.Marshal(d)
		if err != nil {
			t.Skip(err)
		}
		if got, ok := appendDuty(nil, d); !ok || !bytes.Equal(got, want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}
