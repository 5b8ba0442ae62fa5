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
	for para := range strings.SplitSeq(text, "\n") {
		lines = append(lines, wrapParagraph(para, width, advance, nil)...)
	}
	return lines
}

// Breaks is a text with its break opportunities found ahead of wrapping
// (Find): finding them is most of what wrapping a long text costs, and it
// does not depend on the width or the font, so it can be done on another
// core while this one draws.
type Breaks struct {
	text  string
	paras []opportunities // one per paragraph
}

// opportunities are a paragraph's break opportunities: UAX #14's alone
// (raw) and less those Glue takes away (glued).
type opportunities struct {
	raw, glued []bool
}

func findOpportunities(text []rune) opportunities {
	raw := uaxOpportunities(text)
	glued := append([]bool(nil), raw...)
	Glue(text, glued)
	return opportunities{raw, glued}
}

// Find finds where text may break. It is safe to call from any goroutine.
func Find(text string) *Breaks {
	b := &Breaks{text: text}
	for para := range strings.SplitSeq(text, "\n") {
		b.paras = append(b.paras, findOpportunities([]rune(para)))
	}
	return b
}

// Text is the text found.
func (b *Breaks) Text() string { return b.text }

// Wrap is Wrap(b.Text(), width, advance), without finding the breaks again.
func (b *Breaks) Wrap(width float64, advance func(rune) float64) []string {
	var lines []string
	i := 0
	for para := range strings.SplitSeq(b.text, "\n") {
		lines = append(lines, wrapParagraph(para, width, advance, &b.paras[i])...)
		i++
	}
	return lines
}

// BreakOpportunities reports, for each rune of text, whether a line may
// break before it: UAX #14's opportunities less those Glue takes away.
// The screen's wrapping uses it too.
func BreakOpportunities(text []rune) []bool { return findOpportunities(text).glued }

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

// fitSlack keeps a paragraph whose width comes within rounding of the
// line's from being taken as fitting without the filler's own sums.
const fitSlack = 1e-9

// wrapParagraph fills lines greedily with the pieces between break
// opportunities. A glued piece wider than the line is broken where UAX #14
// alone allows, and only a piece still wider than that by character. A
// paragraph that fits is one line without looking for breaks (most table
// cells: the search is what costs); in one that does not, each character
// is measured once more, then only added up.
// found, when not nil, are the paragraph's opportunities found ahead.
func wrapParagraph(para string, width float64, advance func(rune) float64, found *opportunities) []string {
	if para == "" {
		return []string{""}
	}
	var total float64
	n := 0
	for _, r := range para {
		total += advance(r)
		n++
	}
	if total+fitSlack <= width {
		return []string{strings.TrimRight(para, " \t")}
	}
	text := make([]rune, 0, n)
	adv := make([]float64, 0, n)
	for _, r := range para {
		text = append(text, r)
		adv = append(adv, advance(r))
	}
	f := filler{width: width, text: text, adv: adv}
	if found == nil {
		o := findOpportunities(text)
		found = &o
	}
	raw, glued := found.raw, found.glued
	eachPiece(glued, 0, len(text), func(at, end int) {
		if f.fits(at, end) || f.inked(at, end) <= width {
			f.add(at, end)
			return
		}
		eachPiece(raw, at, end, func(at, end int) {
			if f.fits(at, end) || f.inked(at, end) <= width {
				f.add(at, end)
				return
			}
			for i := at; i < end; i++ {
				f.add(i, i+1)
			}
		})
	})
	return f.done()
}

// eachPiece calls fn with the pieces of text[from:to] between break
// opportunities (can[i]: a break before text[i]), in order.
func eachPiece(can []bool, from, to int, fn func(at, end int)) {
	for start := from; start < to; {
		end := start + 1
		for end < to && !can[end] {
			end++
		}
		fn(start, end)
		start = end
	}
}

// filler fills lines with pieces of text, given in order. The current line
// is text[start:end].
type filler struct {
	width      float64
	text       []rune
	adv        []float64 // each character's advance
	lines      []string
	start, end int
	curW       float64
}

// inked is the width of text[at:end] without the spaces it ends with,
// which may hang past the line's end.
func (f *filler) inked(at, end int) float64 {
	for end > at && isSpace(f.text[end-1]) {
		end--
	}
	var w float64
	for _, a := range f.adv[at:end] {
		w += a
	}
	return w
}

// fits reports whether the piece fits on the current line.
func (f *filler) fits(at, end int) bool {
	return f.end > f.start && f.curW+f.inked(at, end) <= f.width
}

// add puts the piece on the current line, or on a new one when it does
// not fit there (a line always takes at least one piece).
func (f *filler) add(at, end int) {
	if f.end > f.start && f.curW+f.inked(at, end) > f.width {
		f.flush()
	}
	if f.end == f.start {
		if len(f.lines) > 0 {
			for at < end && isSpace(f.text[at]) { // a space at a break is dropped
				at++
			}
		}
		f.start = at
	}
	for _, a := range f.adv[at:end] {
		f.curW += a
	}
	f.end = end
}

func (f *filler) flush() {
	f.lines = append(f.lines, strings.TrimRight(string(f.text[f.start:f.end]), " \t"))
	f.start, f.curW = f.end, 0
}

func (f *filler) done() []string {
	if f.end > f.start || len(f.lines) == 0 {
		f.flush()
	}
	return f.lines
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }
