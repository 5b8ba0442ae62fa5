package report

import (
	"bytes"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
)

// Written plain and deflated afterwards, a report is byte for byte the one
// gopdf deflates itself, in both languages, one office and the whole
// district (with its table of contents).
func TestDeflateContentsMatchesGopdf(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(p)
	office := p.OfficeList()[0].ID
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"one office", Options{Offices: []model.ID{office}, Sections: OfficeSections}},
		{"everything in English", Options{Lang: "en"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after, _ := write(t, p, r, tc.opt)
			deflateAfter = false
			own, _ := write(t, p, r, tc.opt)
			deflateAfter = true
			if !bytes.Equal(after, own) {
				t.Fatalf("deflated afterwards: %d bytes; by gopdf: %d bytes", len(after), len(own))
			}
			if n := pdfPages(t, after); n < 2 {
				t.Errorf("%d pages", n)
			}
		})
	}
}

// What is not in the form gopdf writes comes back as it is.
func TestDeflateContentsLeavesOtherFiles(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	deflateAfter = false
	plain, _ := write(t, p, nil, Options{Offices: []model.ID{p.OfficeList()[0].ID}, Sections: []Section{SectionCover}})
	deflateAfter = true
	for _, tc := range []struct {
		name string
		pdf  []byte
	}{
		{"empty", nil},
		{"not a PDF", []byte("hello\nstartxref\n5\n%%EOF\n")},
		{"truncated", plain[:len(plain)/2]},
		{"startxref past the end", bytes.Replace(plain, []byte("startxref\n"), []byte("startxref\n9"), 1)},
		{"compressed already", mustWrite(t, p)},
	} {
		if got := deflateContents(tc.pdf); !bytes.Equal(got, tc.pdf) {
			t.Errorf("%s: changed", tc.name)
		}
	}
}

// mustWrite is a report as gopdf compresses it.
func mustWrite(t *testing.T, p *model.Project) []byte {
	deflateAfter = false
	defer func() { deflateAfter = true }()
	pdf, _ := write(t, p, nil, Options{Offices: []model.ID{p.OfficeList()[0].ID}, Sections: []Section{SectionCover}})
	return pdf
}
