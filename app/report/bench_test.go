package report

import (
	"bytes"
	"testing"

	"rpbmatrix/model"
)

// BenchmarkOfficeReport1000 writes the full report of one office with 1,000
// duties (bar: < 2 s and < 3 MB) and reports the PDF size.
func BenchmarkOfficeReport1000(b *testing.B) {
	f := newFixture(990)
	if n := len(f.p.DutiesOf(f.east.ID)); n != 1000 {
		b.Fatalf("fixture has %d duties for the office, want 1000", n)
	}
	opt := Options{Offices: []model.ID{f.east.ID}, Now: testNow, SourceFile: "bench.rpb"}
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := Write(&buf, f.p, f.r, opt); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}
