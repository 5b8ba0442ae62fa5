package report

import (
	"testing"

	"github.com/signintech/gopdf"
)

// The last row of a table that a signature block follows keeps the block
// on its page: when the two do not fit below the rows before, the row goes
// over with the block (its header repeated) rather than leave the block
// alone on a page; when they fit, nothing moves.
func TestLastRowKeepsTheSignatureBlock(t *testing.T) {
	f := newFixture(0)
	for _, tc := range []struct {
		name    string
		room    float64 // left on the page before the last row, in rows
		newPage bool
	}{
		{"row and block fit", 8, false},
		{"row fits, block does not", 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fonts, err := newFontSet()
			if err != nil {
				t.Fatal(err)
			}
			d, err := newDoc(f.p, f.r, Options{Lang: "zh", Paper: A4, Now: testNow}, fonts)
			if err != nil {
				t.Fatal(err)
			}
			d.newPage("")
			tb := newTable(d, []column{{title: "事项", width: 200, align: gopdf.Left}}, body)
			rowH := lineHeight(body) + 2*tb.pad
			for d.y+rowH*(tc.room+1) <= d.bottom-signHeight {
				tb.row([]cell{{text: "街道"}})
			}
			for d.y+rowH*(tc.room+1) <= d.bottom {
				tb.row([]cell{{text: "街道"}})
			}
			before := d.pdf.GetNumberOfPages()
			tb.last(signHeight)
			tb.row([]cell{{text: "最后一行"}})
			rowPage := d.pdf.GetNumberOfPages()
			d.signBlock()
			if d.pdf.GetNumberOfPages() != rowPage {
				t.Errorf("the block went to page %d, the last row is on page %d", d.pdf.GetNumberOfPages(), rowPage)
			}
			if moved := rowPage != before; moved != tc.newPage {
				t.Errorf("the last row moved to a new page: %v, want %v", moved, tc.newPage)
			}
		})
	}
}
