package report

import "rpbmatrix/app/linebreak"

// wrapText breaks text into lines no wider than width, measuring each
// character with advance, by the rules of package linebreak (UAX #14, the
// Chinese rules, a number kept with its unit). Gopdf's own splitters
// break by bytes or words.
func wrapText(text string, width float64, advance func(rune) float64) []string {
	return linebreak.Wrap(text, width, advance)
}
