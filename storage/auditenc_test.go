package storage

import (
	"bytes"
	"testing"
	"time"

	"rpbmatrix/model"
)

// TestSealAuditAsEncodingJSON holds the hand-written audit entry to the
// bytes encoding/json gives for the same entry, with every After taken
// from its sealed record and every Before encoded by hand.
func TestSealAuditAsEncodingJSON(t *testing.T) {
	p := handMade()
	var duty *model.Duty
	for _, d := range p.Duties {
		if d.SubItem != "" {
			duty = d
		}
	}
	odd := duty.Clone().(*model.Duty)
	odd.ID, odd.Name, odd.Notes = model.NewID(), `<a href="x">&</a>`, "line\nbreak\u2028"
	var office *model.Office
	for _, o := range p.Offices {
		office = o
	}
	renamed := office.Clone().(*model.Office)
	renamed.Name = "新城街道"
	var as *model.Assessment
	for _, a := range p.Assessments {
		as = a
	}
	changes := []model.Change{
		{Kind: model.KindDuty, After: duty},
		{Kind: model.KindDuty, After: odd},
		{Kind: model.KindOffice, Before: office, After: renamed},
		{Kind: model.KindDuty, Before: odd, After: duty},
		{Kind: model.KindAssessment, Before: as},
	}
	at := time.Date(2026, 3, 1, 8, 30, 0, 123456789, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		name    string
		changes []model.Change
		by      string // the second change's own author, as a merge sets it
		merge   *MergeNote
	}{
		{name: "no changes"},
		{name: "adds, updates and a deletion", changes: changes},
		{name: "a merge", changes: changes, by: "王五<>", merge: &MergeNote{Copy: model.NewID(), Mark: &MergeMark{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var enc recordEncoder
			sealed := make([][]byte, len(tc.changes))
			want := make([]AuditChange, len(tc.changes))
			for i, c := range tc.changes {
				want[i].Kind = c.Kind
				var err error
				if c.After != nil {
					if sealed[i], err = enc.seal(keyOf(c.After), c.After); err != nil {
						t.Fatal(err)
					}
					if want[i].After, err = encode(c.After); err != nil {
						t.Fatal(err)
					}
				}
				if c.Before != nil {
					if want[i].Before, err = encode(c.Before); err != nil {
						t.Fatal(err)
					}
				}
			}
			got, err := auditChanges(tc.changes, sealed)
			if err != nil {
				t.Fatal(err)
			}
			if tc.by != "" {
				got[1].Author, got[1].Time = tc.by, at
				want[1].Author, want[1].Time = tc.by, at
			}
			entry := func(cs []AuditChange) *AuditEntry {
				return &AuditEntry{Seq: 7, Time: at, Author: "张三", Action: "导入", Op: OpDo, Target: 3, Changes: cs, Merge: tc.merge}
			}
			key := seqKey(7)
			wantV, err := sealJSON(key, entry(want))
			if err != nil {
				t.Fatal(err)
			}
			gotV, err := sealAudit(key, entry(got))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gotV, wantV) {
				t.Fatalf("got  %s\nwant %s", gotV, wantV)
			}
			var back AuditEntry
			if err := decodeAudit(key, gotV, true, &back); err != nil {
				t.Fatal(err)
			}
		})
	}
}
