package storage

import (
	"fmt"
	"reflect"
	"testing"
)

// A project reads back the same whatever the segments its buckets are
// decoded in: one record, a few, a few bytes, enough to share out over
// the cores, or the default, so that no record at a segment's edge is lost
// or read twice.
func TestLoadSegments(t *testing.T) {
	p := synthetic(6, 100)
	want := p.Clone()
	if len(want.Assessments) < 512 || len(want.Incidents) == 0 {
		t.Fatalf("%d assessments, %d incidents: too few to cut", len(want.Assessments), len(want.Incidents))
	}
	path := mustCreate(t, p)
	defer func(n, b int) { segmentRecords, segmentBytes = n, b }(segmentRecords, segmentBytes)
	for _, seg := range []struct{ records, bytes int }{{1, 1 << 20}, {7, 1 << 20}, {1 << 10, 300}, {512, 1 << 20}, {32 << 10, 16 << 20}} {
		t.Run(fmt.Sprintf("%d records or %d bytes", seg.records, seg.bytes), func(t *testing.T) {
			segmentRecords, segmentBytes = seg.records, seg.bytes
			s := mustOpen(t, path, testOpts)
			defer s.Close()
			got := s.Project()
			if len(got.Assessments) != len(want.Assessments) || len(got.Incidents) != len(want.Incidents) {
				t.Fatalf("%d assessments, %d incidents; want %d, %d", len(got.Assessments), len(got.Incidents), len(want.Assessments), len(want.Incidents))
			}
			for _, c := range []struct {
				kind      string
				got, want any
			}{
				{"assessments", got.Assessments, want.Assessments},
				{"incidents", got.Incidents, want.Incidents},
				{"holdings", got.Holdings, want.Holdings},
				{"duties", got.Duties, want.Duties},
				{"off-list tasks", got.OffListTasks, want.OffListTasks},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s differ", c.kind)
				}
			}
		})
	}
}
