package report

import (
	"strings"
	"testing"
)

// ahead gives every row back in order, with breaks found for the longer
// texts only; a panic in the maker comes back to the goroutine asking.
func TestAhead(t *testing.T) {
	for _, n := range []int{0, 1, aheadBatch - 1, aheadBatch, 3*aheadBatch + 5} {
		long := strings.Repeat("街道", aheadMin)
		row := ahead(n, func(i int) []cell { return []cell{{text: itoa(i)}, {text: long + itoa(i)}} })
		for i := range n {
			cells := row(i)
			if cells[0].text != itoa(i) || cells[0].breaks != nil {
				t.Fatalf("n %d: row %d is %+v", n, i, cells[0])
			}
			if b := cells[1].breaks; b == nil || b.Text() != cells[1].text {
				t.Fatalf("n %d: row %d: no breaks found for %q", n, i, cells[1].text)
			}
		}
	}
	row := ahead(3, func(i int) []cell {
		if i == 1 {
			panic("boom")
		}
		return []cell{{text: "x"}}
	})
	defer func() {
		if p := recover(); p != "boom" {
			t.Errorf("recovered %v, want the maker's panic", p)
		}
	}()
	row(0)
	row(1)
	t.Error("row 1 came back")
}
