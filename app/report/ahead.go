package report

import (
	"unicode/utf8"

	"rpbmatrix/app/linebreak"
)

// aheadBatch is how many rows the maker hands over at a time.
const aheadBatch = 32

// aheadMin is the shortest text whose breaks are found ahead: a shorter
// one nearly always fits its cell, which needs no breaks.
const aheadMin = 12

// ahead makes n table rows with row, and finds where their longer texts
// may break (linebreak.Find), on another goroutine while this one draws:
// the findings list and the matrix have thousands of rows, and finding
// the breaks was a seventh of a report's time, which the second core now
// takes. row must only read (the project, the analysis, the catalogue).
// The rows come back by index, a batch at a time; a panic in row comes
// back on the goroutine that asks for a row not handed over.
func ahead(n int, row func(i int) []cell) func(i int) []cell {
	rows := make([][]cell, n)
	ready := make(chan int, n/aheadBatch+2)
	var failed any
	go func() {
		defer func() {
			failed = recover()
			close(ready)
		}()
		for i := range n {
			cells := row(i)
			for j := range cells {
				if utf8.RuneCountInString(cells[j].text) >= aheadMin {
					cells[j].breaks = linebreak.Find(cells[j].text)
				}
			}
			rows[i] = cells
			if (i+1)%aheadBatch == 0 || i == n-1 {
				ready <- i + 1
			}
		}
	}()
	done := 0
	return func(i int) []cell {
		for done <= i {
			next, ok := <-ready
			if !ok {
				panic(failed)
			}
			done = next
		}
		return rows[i]
	}
}
