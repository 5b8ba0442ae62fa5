// Package linebreak breaks mixed Chinese and Latin text into lines, for the
// printed report and for labels on screen alike. It breaks where the
// Unicode line-breaking algorithm (UAX #14, go-text's segmenter) allows:
// between two CJK characters, never inside a Latin word or number, and by
// the Chinese rules (禁则) that UAX #14 carries — closing punctuation never
// starts a line, opening punctuation never ends one. Two rules UAX #14
// leaves out are added (Glue): a number keeps its unit on its line
// ("0.6 万元", "12 人"), and a one- or two-letter symbol keeps its number
// ("缺口 G 1.7"). Every character is kept; only spaces at a break are
// dropped. A piece wider than the line is broken by character.
package linebreak

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// Wrap breaks text into lines no wider than width, measuring each
// character with advance. Explicit newlines are kept as breaks.
func Wrap(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph([]rune(para), width, advance)...)
	}
	return lines
}

// BreakOpportunities reports, for each rune of text, whether a line may
// break before it: UAX #14's opportunities less those Glue takes away.
// The screen's wrapping uses it too.
func BreakOpportunities(text []rune) []bool {
	can := uaxOpportunities(text)
	Glue(text, can)
	return can
}

// uaxOpportunities are UAX #14's break opportunities alone.
func uaxOpportunities(text []rune) []bool {
	can := make([]bool, len(text))
	if len(text) == 0 {
		return can
	}
	var seg segmenter.Segmenter
	seg.Init(text)
	it := seg.LineIterator()
	for it.Next() {
		if l := it.Line(); l.Offset > 0 && l.Offset < len(text) {
			can[l.Offset] = true
		}
	}
	return can
}

// unitLen is how many CJK characters after a number count as its unit
// and stay with it ("万元", "小时"): a longer unit is rare, and a longer
// reach would keep ordinary words from breaking.
const unitLen = 2

// symbolLen is the longest run of Latin letters read as a symbol that
// keeps the number after it ("G 1.7", "ΣW 3"): a longer run is a word.
const symbolLen = 2

// Glue takes away the break opportunities (can[i]: a break before text[i])
// that would part a number from its unit or a symbol from its number.
func Glue(text []rune, can []bool) {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		// The end of the number, then any spaces, then its unit.
		j := i
		for j < len(text) && (isDigit(text[j]) || text[j] == '.' || text[j] == ',') {
			j++
		}
		if j > i+1 && (text[j-1] == '.' || text[j-1] == ',') {
			j-- // a full stop or comma after the number is punctuation
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		for n := 0; n < unitLen && k+n < len(text) && isIdeograph(text[k+n]); n++ {
			can[k+n] = false
		}
		if k > j && k < len(text) && isLetter(text[k]) {
			can[k] = false // "3 km", "12 APP"
		}
		// A symbol before the number: "G 1.7", "W3".
		s := i
		for s > 0 && text[s-1] == ' ' {
			s--
		}
		l := s
		for l > 0 && isLetter(text[l-1]) {
			l--
		}
		if n := s - l; n > 0 && n <= symbolLen && (l == 0 || !isLetter(text[l-1]) && !isDigit(text[l-1])) {
			for x := s; x <= i; x++ {
				can[x] = false
			}
		}
		i = j - 1
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLetter(r rune) bool {
	return r < 0x2E80 && unicode.IsLetter(r)
}

func isIdeograph(r rune) bool { return unicode.Is(unicode.Han, r) }

// wrapParagraph fills lines greedily with the pieces between break
// opportunities. A glued piece wider than the line is broken where UAX #14
// alone allows, and only a piece still wider than that by character.
func wrapParagraph(text []rune, width float64, advance func(rune) float64) []string {
	if len(text) == 0 {
		return []string{""}
	}
	f := filler{width: width, advance: advance}
	raw := uaxOpportunities(text)
	glued := append([]bool(nil), raw...)
	Glue(text, glued)
	for _, p := range pieces(text, glued) {
		if f.fits(p) || f.inked(p) <= width {
			f.add(p)
			continue
		}
		for _, q := range pieces(p.runes, raw[p.at:p.at+len(p.runes)]) {
			if f.fits(q) || f.inked(q) <= width {
				f.add(q)
				continue
			}
			for i := range q.runes {
				f.add(piece{runes: q.runes[i : i+1]})
			}
		}
	}
	return f.done()
}

// piece is text between two break opportunities; at is where it starts.
type piece struct {
	runes []rune
	at    int
}

// pieces cuts text at its opportunities (can[i]: a break before text[i]).
func pieces(text []rune, can []bool) []piece {
	var out []piece
	for start := 0; start < len(text); {
		end := start + 1
		for end < len(text) && !can[end] {
			end++
		}
		out = append(out, piece{runes: text[start:end], at: start})
		start = end
	}
	return out
}

// filler fills lines with pieces.
type filler struct {
	width   float64
	advance func(rune) float64
	lines   []string
	cur     []rune
	curW    float64
}

// inked is the piece's width without the spaces it ends with, which may
// hang past the line's end.
func (f *filler) inked(p piece) float64 {
	rs := p.runes
	for len(rs) > 0 && isSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	var w float64
	for _, r := range rs {
		w += f.advance(r)
	}
	return w
}

// fits reports whether the piece fits on the current line.
func (f *filler) fits(p piece) bool { return len(f.cur) > 0 && f.curW+f.inked(p) <= f.width }

// add puts the piece on the current line, or on a new one when it does
// not fit there (a line always takes at least one piece).
func (f *filler) add(p piece) {
	if len(f.cur) > 0 && f.curW+f.inked(p) > f.width {
		f.flush()
	}
	rs := p.runes
	if len(f.cur) == 0 && len(f.lines) > 0 {
		for len(rs) > 0 && isSpace(rs[0]) { // a space at a break is dropped
			rs = rs[1:]
		}
	}
	for _, r := range rs {
		f.curW += f.advance(r)
	}
	f.cur = append(f.cur, rs...)
}

func (f *filler) flush() {
	f.lines = append(f.lines, strings.TrimRight(string(f.cur), " \t"))
	f.cur, f.curW = nil, 0
}

func (f *filler) done() []string {
	if len(f.cur) > 0 || len(f.lines) == 0 {
		f.flush()
	}
	return f.lines
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }
