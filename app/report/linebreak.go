package report

import (
	"strings"
	"unicode"
)

// Line breaking for mixed Chinese and Latin text. Gopdf's own splitters
// measure and break by bytes or words; this one breaks between any two CJK
// characters, keeps Latin words and numbers whole where it can, and follows
// the Chinese line-breaking rules (禁则): closing punctuation never starts a
// line and opening punctuation never ends one. Every character is kept; only
// spaces at a break are dropped.

// noLineStart are characters that must not begin a line.
const noLineStart = "，。、；：？！）】》」』〉〕”’…—·％‰°℃,.;:?!)]}>%/" + "～・ー"

// noLineEnd are characters that must not end a line.
const noLineEnd = "（【《「『〈〔“‘([{<"

// wrapText breaks text into lines no wider than width, measuring each
// character with advance. Explicit newlines are kept as breaks.
func wrapText(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph([]rune(para), width, advance)...)
	}
	return lines
}

// unit is an unbreakable piece: one CJK character, one Latin word or a run of spaces.
type unit struct {
	runes []rune
	width float64
	space bool
}

func splitUnits(text []rune, advance func(rune) float64) []unit {
	var us []unit
	for i := 0; i < len(text); {
		r := text[i]
		j := i + 1
		switch {
		case r == ' ' || r == '\t':
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
		case isWordRune(r):
			for j < len(text) && isWordRune(text[j]) {
				j++
			}
		}
		u := unit{runes: text[i:j], space: r == ' ' || r == '\t'}
		for _, x := range u.runes {
			u.width += advance(x)
		}
		us = append(us, u)
		i = j
	}
	return us
}

// isWordRune is a character that belongs to a Latin word or number, which
// is kept whole where it fits ("3.5", "APP", "(2024)"). CJK characters and
// the wide punctuation the 禁则 rules look at stand alone.
func isWordRune(r rune) bool {
	if r <= ' ' || r >= 0x2E80 || unicode.IsSpace(r) {
		return false
	}
	return r < 0x80 || !strings.ContainsRune(noLineStart+noLineEnd, r)
}

func wrapParagraph(text []rune, width float64, advance func(rune) float64) []string {
	if len(text) == 0 {
		return []string{""}
	}
	units := splitUnits(text, advance)
	var lines []string
	var cur []unit
	var curW float64
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].space {
			curW -= cur[len(cur)-1].width
			cur = cur[:len(cur)-1]
		}
		var b strings.Builder
		for _, u := range cur {
			b.WriteString(string(u.runes))
		}
		lines = append(lines, b.String())
		cur, curW = nil, 0
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		if u.space && len(cur) == 0 && len(lines) > 0 {
			continue // a space at a break is dropped
		}
		if curW+u.width <= width || len(cur) == 0 && u.width <= width {
			cur = append(cur, u)
			curW += u.width
			continue
		}
		if u.space {
			flush()
			continue
		}
		if u.width > width && len(u.runes) > 1 {
			// A word wider than the line: break it by character.
			var rest []unit
			for _, r := range u.runes {
				rest = append(rest, unit{runes: []rune{r}, width: advance(r)})
			}
			units = append(units[:i], append(rest, units[i+1:]...)...)
			i--
			continue
		}
		if len(cur) == 0 {
			cur = append(cur, u) // a single character wider than the line
			curW += u.width
			continue
		}
		// 禁则: take characters that may not be separated onto the next line.
		carry := 0
		if isNoLineStart(u) {
			carry = 1
			for carry < len(cur) && isNoLineStart(cur[len(cur)-carry]) {
				carry++
			}
		}
		for carry < len(cur) && isNoLineEnd(cur[len(cur)-1-carry]) {
			carry++
		}
		if carry >= len(cur) {
			carry = 0 // cannot satisfy the rule without an empty line
		}
		moved := append([]unit(nil), cur[len(cur)-carry:]...)
		cur = cur[:len(cur)-carry]
		for _, m := range moved {
			curW -= m.width
		}
		flush()
		for _, m := range moved {
			cur = append(cur, m)
			curW += m.width
		}
		i--
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

func isNoLineStart(u unit) bool {
	return len(u.runes) == 1 && strings.ContainsRune(noLineStart, u.runes[0])
}

func isNoLineEnd(u unit) bool {
	return len(u.runes) == 1 && strings.ContainsRune(noLineEnd, u.runes[0])
}
