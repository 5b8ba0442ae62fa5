package report

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"rpbmatrix/assets"
	"rpbmatrix/model/words"
)

// face is one TrueType font the document can draw with.
type face struct {
	family string // gopdf family name
	path   string // file it came from; "" for the embedded fonts
	data   []byte
	font   *sfnt.Font
	buf    sfnt.Buffer
	has    runeTable[bool]
	added  bool // registered with the PDF
	broken bool // the PDF library cannot embed it; never picked again
}

func newFace(family, path string, data []byte) (*face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &face{family: family, path: path, data: data, font: f}, nil
}

// covers reports whether the font has a glyph for r, reading its cmap.
func (f *face) covers(r rune) bool {
	if f.broken {
		return false
	}
	if v, ok := f.has.get(r); ok {
		return v
	}
	i, err := f.font.GlyphIndex(&f.buf, r)
	v := err == nil && i != 0
	f.has.put(r, v)
	return v
}

// fontSet picks, for every character, a font that has it: the embedded Noto
// Sans SC first, then system fonts, and records what it had to substitute.
type fontSet struct {
	regular, bold *face
	fallbacks     []*face         // loaded on first need
	candidates    func() []string // system font files, best first
	candidateList []string
	nextCandidate int
	bytesRead     int
	missing       map[rune]string // character → first text it occurred in
	substituted   map[rune]*face
	samples       map[rune]string
}

func newFontSet() (*fontSet, error) {
	reg, err := newFace("noto", "", assets.FontRegular)
	if err != nil {
		return nil, failWith(err, words.M("report.err.font", "font", "noto", "cause", err.Error()))
	}
	bold, err := newFace("noto-bold", "", assets.FontBold)
	if err != nil {
		return nil, failWith(err, words.M("report.err.font", "font", "noto-bold", "cause", err.Error()))
	}
	return &fontSet{regular: reg, bold: bold, candidates: fallbackFontFiles,
		missing: map[rune]string{}, substituted: map[rune]*face{}, samples: map[rune]string{}}, nil
}

// pick returns the face to draw r with. main is the face the text asks for.
// context is the text r occurs in, kept for the warning.
func (s *fontSet) pick(main *face, r rune, context string) *face {
	if r < 0x20 || main.covers(r) {
		return main
	}
	if f, ok := s.substituted[r]; ok {
		return f
	}
	if _, ok := s.missing[r]; ok {
		return main
	}
	if f := s.findFallback(r); f != nil {
		s.substituted[r] = f
		s.samples[r] = context
		return f
	}
	s.missing[r] = context
	return main
}

// maxFallbackBytes bounds how much of the system's fonts one report reads
// while looking for a missing character.
const maxFallbackBytes = 256 << 20

func (s *fontSet) findFallback(r rune) *face {
	for _, f := range s.fallbacks {
		if f.covers(r) {
			return f
		}
	}
	if s.candidateList == nil {
		s.candidateList = s.candidates()
	}
	for s.nextCandidate < len(s.candidateList) && s.bytesRead < maxFallbackBytes {
		path := s.candidateList[s.nextCandidate]
		s.nextCandidate++
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		s.bytesRead += len(data)
		f, err := newFace(fmt.Sprintf("fallback%d", len(s.fallbacks)+1), path, data)
		if err != nil {
			continue
		}
		s.fallbacks = append(s.fallbacks, f)
		if f.covers(r) {
			return f
		}
	}
	return nil
}

// drop gives up a fallback font the PDF cannot embed; the characters it
// was chosen for look for another font.
func (s *fontSet) drop(f *face) {
	f.broken = true
	for r, g := range s.substituted {
		if g == f {
			delete(s.substituted, r)
			delete(s.samples, r)
		}
	}
}

// warnings lists every character that was substituted or could not be drawn.
func (s *fontSet) warnings() Warnings {
	var w Warnings
	for r, f := range s.substituted {
		w = append(w, Warning{Char: r, FallbackFont: f.path, Context: s.samples[r]})
	}
	for r, ctx := range s.missing {
		w = append(w, Warning{Char: r, Context: ctx})
	}
	sort.Slice(w, func(i, j int) bool { return w[i].Char < w[j].Char })
	return w
}

// Warning says that one character is not in the embedded font.
type Warning struct {
	Char         rune
	FallbackFont string // system font used instead; "" when none had it
	Context      string // first text the character occurred in
}

// Msg is the warning as a catalogue message.
func (w Warning) Msg() words.Msg {
	ctx := w.Context
	if r := []rune(ctx); len(r) > 30 {
		ctx = string(r[:30]) + "…"
	}
	char, code := string(w.Char), fmt.Sprintf("U+%04X", w.Char)
	if w.FallbackFont != "" {
		return words.M("report.warn.fallback", "char", char, "code", code, "font", filepath.Base(w.FallbackFont), "context", ctx)
	}
	return words.M("report.warn.missing", "char", char, "code", code, "context", ctx)
}

// In words the warning in lang.
func (w Warning) In(lang string) string { return w.Msg().In(lang) }

// String words the warning in the current UI language.
func (w Warning) String() string { return w.In(words.Current()) }

// Warnings are the problems a report was written with.
type Warnings []Warning

// In lists the warnings in lang, one per line.
func (ws Warnings) In(lang string) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.In(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// fallbackFontFiles lists the system fonts to search; tests replace it.
var fallbackFontFiles = systemFontFiles

var (
	systemFontsOnce sync.Once
	systemFonts     []string
)

// systemFontFiles lists TrueType files that may stand in for missing
// characters, broad CJK fonts first. TrueType collections (.ttc) and CFF
// fonts are left out because gopdf cannot embed them.
func systemFontFiles() []string {
	systemFontsOnce.Do(func() {
		var preferred, dirs []string
		home, _ := os.UserHomeDir()
		switch runtime.GOOS {
		case "windows":
			win := os.Getenv("WINDIR")
			if win == "" {
				win = `C:\Windows`
			}
			fonts := filepath.Join(win, "Fonts")
			preferred = []string{filepath.Join(fonts, "simhei.ttf"), filepath.Join(fonts, "simkai.ttf"),
				filepath.Join(fonts, "simfang.ttf"), filepath.Join(fonts, "simsunb.ttf"), filepath.Join(fonts, "seguisym.ttf")}
			dirs = []string{fonts}
		case "darwin":
			preferred = []string{"/Library/Fonts/Arial Unicode.ttf", "/System/Library/Fonts/Supplemental/Arial Unicode.ttf"}
			dirs = []string{"/Library/Fonts", "/System/Library/Fonts/Supplemental", filepath.Join(home, "Library/Fonts")}
		default:
			preferred = []string{"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
				"/usr/share/fonts/truetype/arphic/uming.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}
			dirs = []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts")}
		}
		seen := map[string]bool{}
		for _, p := range preferred {
			if _, err := os.Stat(p); err == nil && !seen[p] {
				seen[p] = true
				systemFonts = append(systemFonts, p)
			}
		}
		for _, d := range dirs {
			filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
				if err == nil && !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".ttf") && !seen[p] {
					seen[p] = true
					systemFonts = append(systemFonts, p)
				}
				return nil
			})
		}
	})
	return systemFonts
}
