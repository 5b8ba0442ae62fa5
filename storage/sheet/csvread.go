package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"rpbmatrix/model/words"
)

// readCSV parses decoded text into rows. The delimiter (comma, tab or
// semicolon) is sniffed from the first lines; quoted fields may hold the
// delimiter and line breaks; ragged rows and stray quotes are accepted,
// because hand-edited files have both.
func readCSV(text []byte) ([][]string, rune, error) {
	delim := sniffDelimiter(string(text[:min(len(text), 64<<10)]))
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = delim
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, delim, &RowError{Row: pe.Line, Col: pe.Column, Problem: words.M("sheet.read.csv_malformed", "err", errText(pe.Err))}
			}
			return nil, delim, err
		}
		rows = append(rows, rec)
		if len(rows) > MaxRows {
			break // refused by checkShape; reading on would only cost memory
		}
	}
	return rows, delim, nil
}

// sniffDelimiter picks the candidate that splits the first lines most
// consistently into more than one field, counting only outside quotes.
func sniffDelimiter(text string) rune {
	lines := firstLines(text, 20)
	best, bestScore := ',', -1
	for _, d := range []rune{',', '\t', ';'} {
		score := 0
		for _, l := range lines {
			n := countOutsideQuotes(l, d)
			if n > 0 {
				score += 1 + min(n, 30)
			}
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func firstLines(text string, n int) []string {
	var out []string
	for len(out) < n && text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i])
		text = text[i+1:]
	}
	return out
}

func countOutsideQuotes(line string, d rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			n++
		}
	}
	return n
}
