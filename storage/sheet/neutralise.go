package sheet

import "strings"

// NeutraliseCell makes a text that a spreadsheet would read as a formula
// (= + - @, or a leading tab or carriage return that some programs strip
// before doing so) inert by prefixing an apostrophe, as OWASP advises for
// CSV injection. Other texts are returned unchanged.
func NeutraliseCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	if strings.HasPrefix(s, "＝") || strings.HasPrefix(s, "＋") || strings.HasPrefix(s, "－") || strings.HasPrefix(s, "＠") {
		return "'" + s // full-width forms: some spreadsheets fold them to ASCII
	}
	return s
}

// Neutralise applies NeutraliseCell to every cell of a row in place and returns it.
func Neutralise(row []string) []string {
	for i, c := range row {
		row[i] = NeutraliseCell(c)
	}
	return row
}

// unneutralise takes back the apostrophe NeutraliseCell put before a text,
// so that a list exported here imports as the text it held. Any other
// text, with or without an apostrophe, is returned unchanged.
func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && NeutraliseCell(s[1:]) == s {
		return s[1:]
	}
	return s
}
