package report

import (
	"bytes"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// BenchmarkOfficeReport1000 writes the full report of one office with 1,000
// duties and 26 authorities (bar: < 2 s and < 3 MB) and reports the PDF
// size and page count.
func BenchmarkOfficeReport1000(b *testing.B) {
	p := synth.Generate(1, 1000, 1)
	r := model.Analyze(p)
	o := p.OfficeList()[0]
	if n := len(p.DutiesOf(o.ID)); n != 1000 {
		b.Fatalf("office has %d duties, want 1000", n)
	}
	opt := Options{Offices: []model.ID{o.ID}, Now: testNow, SourceFile: "bench.rpb"}
	var size, pages int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := Write(&buf, p, r, opt); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.StopTimer()
	pages = bytes.Count(mustPDF(b, p, r, opt), []byte("/Type /Page\n"))
	b.ReportMetric(float64(size)/1e6, "MB/pdf")
	b.ReportMetric(float64(pages), "pages")
}

func mustPDF(b *testing.B, p *model.Project, r *model.Result, opt Options) []byte {
	var buf bytes.Buffer
	if _, err := Write(&buf, p, r, opt); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
