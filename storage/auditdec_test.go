package storage

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"rpbmatrix/model"
)

// TestDecodeAuditEachAsUnmarshal holds the streamed decode of an audit entry
// to what json.Unmarshal gives for it: the same head, the same changes in
// the same order, the same entities once decoded.
func TestDecodeAuditEachAsUnmarshal(t *testing.T) {
	p := handMade()
	duty, office := oneOf(p.Duties), oneOf(p.Offices)
	odd := duty.Clone().(*model.Duty)
	odd.ID, odd.Name, odd.Notes = model.NewID(), `<a href="x">&</a> "q" \ `, "line\nbreak\u2028\t街道"
	renamed := office.Clone().(*model.Office)
	renamed.Name = "新城街道"
	at := time.Date(2026, 3, 1, 8, 30, 0, 123456789, time.FixedZone("CST", 8*3600))
	changes := []model.Change{
		{Kind: model.KindDuty, After: duty},
		{Kind: model.KindDuty, After: odd},
		{Kind: model.KindOffice, Before: office, After: renamed},
		{Kind: model.KindDuty, Before: odd, After: duty},
		{Kind: model.KindAssessment, Before: oneOf(p.Assessments)},
		{Kind: model.KindDecision, Before: oneOf(p.Decisions)},
		{Kind: model.KindHolding, After: oneOf(p.Holdings)},
	}
	sealedOf := func(t *testing.T, e *AuditEntry) []byte {
		acs := make([]AuditChange, len(changes))
		for i, c := range changes {
			acs[i].Kind = c.Kind
			var err error
			if c.Before != nil {
				if acs[i].Before, err = encode(c.Before); err != nil {
					t.Fatal(err)
				}
			}
			if c.After != nil {
				if acs[i].After, err = encode(c.After); err != nil {
					t.Fatal(err)
				}
			}
		}
		acs[1].Author, acs[1].Time = "王五<>", at
		e.Changes = acs
		v, err := sealAudit(seqKey(7), e)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name string
		raw  func(t *testing.T) []byte
	}{
		{"no changes", func(t *testing.T) []byte {
			v, err := sealAudit(seqKey(7), &AuditEntry{Seq: 7, Time: at, Action: "创建", Op: OpCreate})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}},
		{"adds, updates and a deletion", func(t *testing.T) []byte {
			return sealedOf(t, &AuditEntry{Seq: 7, Time: at, Author: "张三", Action: "导入", Op: OpDo})
		}},
		{"an undo of a merge", func(t *testing.T) []byte {
			return sealedOf(t, &AuditEntry{Seq: 7, Time: at, Action: "合并", Op: OpUndo, Target: 3, Merge: &MergeNote{Copy: model.NewID(), Mark: &MergeMark{}}})
		}},
		{"null changes, unknown and odd fields", func(t *testing.T) []byte {
			return []byte(`{"v":3,"c":"00000000","seq":7,"extra":[1,{"changes":2}],"changes":null,"Action":"x\u00e9\"","op":"do"}`)
		}},
		{"changes in the middle", func(t *testing.T) []byte {
			return []byte(`{"seq":9,"changes":[{"kind":"office","before":null},{"kind":"office","after":{"v":2,"id":"a"},"time":"2026-03-01T08:30:00Z"}],"op":"redo","target":4}`)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.raw(t)
			key := seqKey(7)
			var want AuditEntry
			if err := decodeAudit(key, raw, false, &want); err != nil {
				t.Fatal(err)
			}
			var got []AuditChange
			head, err := decodeAuditEach(key, raw, func(ac *AuditChange) error {
				c := *ac
				c.Before, c.After = slices.Clone(ac.Before), slices.Clone(ac.After)
				got = append(got, c)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if head.Changes != nil {
				t.Fatalf("head keeps %d changes", len(head.Changes))
			}
			head.Changes = got
			if !reflect.DeepEqual(norm(head), norm(want)) {
				t.Fatalf("got  %+v\nwant %+v", head, want)
			}
			for i := range got {
				gc, gerr := decodeChange(got[i])
				wc, werr := decodeChange(want.Changes[i])
				if (gerr == nil) != (werr == nil) || !reflect.DeepEqual(gc, wc) {
					t.Fatalf("change %d: got %+v (%v), want %+v (%v)", i, gc, gerr, wc, werr)
				}
			}
		})
	}
}

// oneOf is any one value of m.
func oneOf[K comparable, V any](m map[K]V) (v V) {
	for _, v = range m {
		break
	}
	return v
}

// norm makes an absent value and an empty one alike: the streamed decode
// reuses its buffers, so it gives empty ones.
func norm(e AuditEntry) AuditEntry {
	e.Changes = slices.Clone(e.Changes)
	for i := range e.Changes {
		for _, r := range []*json.RawMessage{&e.Changes[i].Before, &e.Changes[i].After} {
			if len(*r) == 0 {
				*r = nil
			}
		}
	}
	return e
}

// TestDecodeAuditEachRefusesWhatUnmarshalRefuses: a broken entry is an
// unreadable entry, and an error of the caller's comes back as it is.
func TestDecodeAuditEachRefusesWhatUnmarshalRefuses(t *testing.T) {
	key := seqKey(7)
	for _, raw := range []string{
		`{"seq":7,"changes":[{"kind":"duty"}`,
		`{"seq":7,"changes":[{"kind":"duty"},]}`,
		`{"seq":"7"}`,
		`[1]`,
		`{"seq":7} x`,
	} {
		var e AuditEntry
		if decodeAudit(key, []byte(raw), false, &e) == nil {
			t.Fatalf("Unmarshal reads %s", raw)
		}
		if _, err := decodeAuditEach(key, []byte(raw), func(*AuditChange) error { return nil }); err == nil {
			t.Errorf("the streamed decode reads %s", raw)
		}
	}
	stop := &Error{}
	_, err := decodeAuditEach(key, []byte(`{"changes":[{"kind":"duty"}]}`), func(*AuditChange) error { return stop })
	if err != stop {
		t.Fatalf("got %v, want the caller's error", err)
	}
}
