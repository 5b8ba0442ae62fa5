package linebreak

import "strings"

// The line filler as it was before it measured each character once and
// took a paragraph that fits without looking for breaks: the reference
// the faster one must agree with (TestWrapAgreesWithReference).

// refWrap is Wrap by the reference filler.
func refWrap(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, refWrapParagraph([]rune(para), width, advance)...)
	}
	return lines
}

// refWrapParagraph fills lines greedily with the pieces between break
// opportunities. A glued piece wider than the line is broken where UAX #14
// alone allows, and only a piece still wider than that by character.
func refWrapParagraph(text []rune, width float64, advance func(rune) float64) []string {
	if len(text) == 0 {
		return []string{""}
	}
	f := refFiller{width: width, advance: advance}
	raw := uaxOpportunities(text)
	glued := append([]bool(nil), raw...)
	Glue(text, glued)
	for _, p := range refPieces(text, glued) {
		if f.fits(p) || f.inked(p) <= width {
			f.add(p)
			continue
		}
		for _, q := range refPieces(p.runes, raw[p.at:p.at+len(p.runes)]) {
			if f.fits(q) || f.inked(q) <= width {
				f.add(q)
				continue
			}
			for i := range q.runes {
				f.add(refPiece{runes: q.runes[i : i+1]})
			}
		}
	}
	return f.done()
}

// piece is text between two break opportunities; at is where it starts.
type refPiece struct {
	runes []rune
	at    int
}

// pieces cuts text at its opportunities (can[i]: a break before text[i]).
func refPieces(text []rune, can []bool) []refPiece {
	var out []refPiece
	for start := 0; start < len(text); {
		end := start + 1
		for end < len(text) && !can[end] {
			end++
		}
		out = append(out, refPiece{runes: text[start:end], at: start})
		start = end
	}
	return out
}

// refFiller fills lines with pieces.
type refFiller struct {
	width   float64
	advance func(rune) float64
	lines   []string
	cur     []rune
	curW    float64
}

// inked is the piece's width without the spaces it ends with, which may
// hang past the line's end.
func (f *refFiller) inked(p refPiece) float64 {
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
func (f *refFiller) fits(p refPiece) bool { return len(f.cur) > 0 && f.curW+f.inked(p) <= f.width }

// add puts the piece on the current line, or on a new one when it does
// not fit there (a line always takes at least one refPiece).
func (f *refFiller) add(p refPiece) {
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

func (f *refFiller) flush() {
	f.lines = append(f.lines, strings.TrimRight(string(f.cur), " \t"))
	f.cur, f.curW = nil, 0
}

func (f *refFiller) done() []string {
	if len(f.cur) > 0 || len(f.lines) == 0 {
		f.flush()
	}
	return f.lines
}
