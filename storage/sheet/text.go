package sheet

import (
	"hash/maphash"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"rpbmatrix/model"
)

func isBlank(s string) bool { return strings.TrimSpace(strings.Trim(s, "\u3000\u00a0")) == "" }

// cleanText trims a cell; fields that are one line on screen also lose the
// manual line breaks people type to wrap long names in a cell.
func cleanText(s string, oneLine bool) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if oneLine && strings.IndexByte(s, '\n') >= 0 {
		s = strings.Map(func(r rune) rune {
			if r == '\n' {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' })
}

// dutyKey is the identity used to find duplicates: the name and sub-item
// with width, case and spacing folded, the list kind and the scope.
func dutyKey(d *model.Duty) textKey {
	var k keyHasher
	k.text(foldKey(d.Name))
	k.text(foldKey(d.SubItem))
	k.text(d.Kind.Code())
	for _, id := range d.Scope {
		k.text(string(id[:]))
	}
	return k.sum()
}

// textKey stands for a text built of parts, as two 64-bit hashes of it
// with independent seeds: the maps of a large import keep 16 bytes a row
// instead of the text. (A million rows make a chance collision about
// 10^-27.)
type textKey [2]uint64

var keySeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// keyHasher builds a textKey part by part.
type keyHasher struct {
	h       [2]maphash.Hash
	started bool
}

// text adds one part; parts are kept apart, so ("ab","c") ≠ ("a","bc").
func (k *keyHasher) text(s string) {
	if !k.started {
		k.h[0].SetSeed(keySeeds[0])
		k.h[1].SetSeed(keySeeds[1])
		k.started = true
	}
	for i := range k.h {
		k.h[i].WriteString(s)
		k.h[i].WriteByte(0)
	}
}

func (k *keyHasher) sum() textKey { return textKey{k.h[0].Sum64(), k.h[1].Sum64()} }

func foldKey(s string) string {
	if folded(s) {
		return strings.TrimRight(s, "。.;；")
	}
	return foldSlow(s)
}

// foldSlow is foldKey for any text: NFKC, lower case, no spaces.
func foldSlow(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, "。.;；")
}

var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// parseSeq reads a sequence number: "12", "12.0", "012", "12、", "（三）",
// "十二". Anything else ("1.2", "A3") is not a whole number.
func parseSeq(s string) (int, bool) {
	s = norm.NFKC.String(strings.TrimSpace(s))
	s = strings.TrimRight(s, "、.,，")
	s = strings.TrimPrefix(strings.TrimSuffix(s, ")"), "(")
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int(f)) && f >= 0 && f < 1e9 {
		return int(f), true
	}
	return parseChineseNumber(s)
}

// parseChineseNumber reads 一 … 九十九 and 一百 … 九百九十九.
func parseChineseNumber(s string) (int, bool) {
	total, cur, seen := 0, 0, false
	for _, r := range s {
		if d, ok := chineseDigits[r]; ok {
			cur, seen = d, true
			continue
		}
		switch r {
		case '十':
			if !seen {
				cur = 1
			}
			total += cur * 10
		case '百':
			total += cur * 100
		default:
			return 0, false
		}
		cur, seen = 0, false
	}
	total += cur
	return total, total > 0
}

// kindFromText recognises a list kind named in a title, heading, sheet name
// or list-kind cell.
func kindFromText(s string) (model.ListKind, bool) {
	s = norm.NFKC.String(strings.TrimSpace(s))
	if k, ok := model.ParseListKind(s); ok {
		return k, true
	}
	s = fold(s)
	for _, k := range recognise().kinds {
		if k.match(s) {
			return k.kind, true
		}
	}
	return 0, false
}

// sheetKind recognises the list kind from a sheet's name, which is often
// shortened ("基本", "配合清单", "收回").
func sheetKind(name string) (model.ListKind, bool) {
	if k, ok := kindFromText(name); ok {
		return k, true
	}
	name = fold(name)
	for _, k := range recognise().sheetKinds {
		if k.match(name) {
			return k.kind, true
		}
	}
	return 0, false
}

// officeKindOf guesses street or township from an office's name.
func officeKindOf(name string) model.OfficeKind {
	if hasSuffixIn(fold(name), recognise().townshipSuffixes) {
		return model.OfficeTownship
	}
	return model.OfficeStreet
}

// folded reports whether foldKey would change nothing in s but its end:
// every character is a lower-case letter, digit or sign of ASCII, or a
// CJK ideograph (U+4E00–U+9FFF, which NFKC keeps) — most names are.
func folded(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
		case r > 0x20 && r < 0x7F && (r < 'A' || r > 'Z'):
		default:
			return false
		}
	}
	return true
}
