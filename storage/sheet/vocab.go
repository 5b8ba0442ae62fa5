package sheet

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The words the importer recognises — header synonyms, footnote and total
// rows, list kinds, instruction sheets — live in the catalogue under
// sheet.header.* and sheet.recognise.*, one "|"-separated list per
// language. A sheet is read with the lists of every language at once: a
// Chinese list may be opened by an English user and the other way round.

// vocab is the recognition vocabulary, folded (NFKC, lower case) once.
type vocab struct {
	synonyms map[string]Field // normalised header text → field
	// partial are the synonyms a longer header may contain, longest first.
	// Only Chinese ones: a Chinese header is a compound of them (事项名称（主项）),
	// while Latin words nest inside unrelated ones (source in resource).
	partial        []synonym
	headerSuffixes []string

	footnoteWords, footnotePrefixes []string
	totalWords, totalPrefixes       []string
	headingPrefix, headingCount     *regexp.Regexp
	kinds                           []kindWords // in the order they are tried
	sheetKinds                      []kindWords
	instructionSheets               []string
	analysisSheets                  []string // the exporter's sheets that hold no list
	decisionHeaders                 []string // header texts of a column of decisions (normalised)
	allOffices                      []string // what a scope cell says for "every office"
	officeSeps                      []string // what separates the offices named in one cell (not folded)
	townshipSuffixes                []string

	// What a test checks: keys the catalogue lacks, texts two fields claim.
	missing, conflicts []string
}

type synonym struct {
	text  string
	field Field
}

// kindWords recognise one list kind: a text equal to, starting with or
// containing one of them.
type kindWords struct {
	kind                      model.ListKind
	exact, prefixes, contains []string
}

var (
	vocabOnce sync.Once
	theVocab  *vocab
)

// recognise returns the vocabulary, read from the catalogue on first use.
func recognise() *vocab {
	vocabOnce.Do(func() { theVocab = loadVocab() })
	return theVocab
}

// list is the vocabulary under key in every language, folded, without
// blanks or repeats.
func (v *vocab) list(key string) []string {
	var out []string
	for _, lang := range words.Languages {
		t, ok := words.Template(lang, key)
		if !ok {
			v.missing = append(v.missing, lang+":"+key)
		}
		for _, w := range strings.Split(t, "|") {
			if w = fold(w); w != "" && !containsString(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// fold is how recognised texts are compared: full-width forms folded
// (NFKC), Latin letters in lower case, outer spaces trimmed.
func fold(s string) string { return strings.ToLower(norm.NFKC.String(strings.TrimSpace(s))) }

func loadVocab() *vocab {
	v := &vocab{synonyms: map[string]Field{}}
	v.headerSuffixes = v.list("sheet.recognise.header.suffixes")
	add := func(text string, f Field) {
		n := normalizeHeaderWith(text, v.headerSuffixes)
		if n == "" {
			return
		}
		if g, taken := v.synonyms[n]; taken {
			if g != f {
				v.conflicts = append(v.conflicts, text+": "+g.Code()+", "+f.Code())
			}
			return
		}
		v.synonyms[n] = f
		if hasHan(n) {
			v.partial = append(v.partial, synonym{n, f})
		}
	}
	for _, f := range Fields[1:] {
		for _, w := range v.list("sheet.header." + f.Code() + ".synonyms") {
			add(w, f)
		}
		for _, lang := range words.Languages {
			add(f.Name().In(lang), f)
		}
	}
	// The exporter's own headers read back as the fields they came from.
	for _, c := range importableColumns {
		for _, lang := range words.Languages {
			add(c.name.In(lang), c.field)
		}
	}
	sort.SliceStable(v.partial, func(i, j int) bool {
		if len(v.partial[i].text) != len(v.partial[j].text) {
			return len(v.partial[i].text) > len(v.partial[j].text)
		}
		return v.partial[i].text < v.partial[j].text
	})

	v.footnoteWords = v.list("sheet.recognise.footnote.words")
	v.footnotePrefixes = v.list("sheet.recognise.footnote.prefixes")
	v.totalWords = v.list("sheet.recognise.total.words")
	v.totalPrefixes = v.list("sheet.recognise.total.prefixes")
	v.instructionSheets = v.list("sheet.recognise.instruction_sheet")
	v.townshipSuffixes = v.list("sheet.recognise.township_suffixes")
	v.allOffices = v.list("sheet.recognise.all_offices")
	for _, lang := range words.Languages {
		t, _ := words.Template(lang, "sheet.recognise.office_seps")
		for _, sep := range strings.Split(t, "|") {
			if sep != "" && !containsString(v.officeSeps, sep) {
				v.officeSeps = append(v.officeSeps, sep)
			}
		}
	}
	for _, w := range v.list("sheet.recognise.decision_header") {
		v.decisionHeaders = append(v.decisionHeaders, normalizeHeaderWith(w, v.headerSuffixes))
	}
	for _, m := range []words.Msg{words.M("sheet.name.summary"), words.M("sheet.name.findings"), words.M("sheet.name.legend"),
		words.M("sheet.name.by_rule")} {
		for _, lang := range words.Languages {
			v.analysisSheets = append(v.analysisSheets, fold(m.In(lang)))
		}
	}

	// A heading is numbered "一、", "（三）" …; it may end with its item count "（12项）".
	numerals := strings.Join(v.list("sheet.recognise.heading.numerals"), "")
	if numerals == "" {
		v.headingPrefix = regexp.MustCompile(`^\b\B`) // matches nothing
	} else {
		v.headingPrefix = regexp.MustCompile(`^[(（]?[` + regexp.QuoteMeta(numerals) + `]+[)）]?[、.．\s]*`)
	}
	v.headingCount = regexp.MustCompile(`(?i)[(（]\s*` + optionalWords(v.list("sheet.recognise.heading.count_words")) +
		`\s*\d+\s*` + alternatives(v.list("sheet.recognise.heading.count_units")) + `\s*[)）]\s*$`)

	for _, k := range []model.ListKind{model.ListReturned, model.ListSupporting, model.ListBasic} {
		key := "sheet.recognise.kind." + k.Code()
		v.kinds = append(v.kinds, kindWords{kind: k, exact: v.list(key + ".exact"),
			prefixes: v.list(key + ".prefix"), contains: v.list(key + ".contains")})
	}
	for _, k := range []model.ListKind{model.ListBasic, model.ListSupporting} {
		v.sheetKinds = append(v.sheetKinds, kindWords{kind: k, contains: v.list("sheet.recognise.sheet_kind." + k.Code())})
	}
	return v
}

// alternatives is a regexp group matching any of ws (nothing when ws is empty).
func alternatives(ws []string) string {
	if len(ws) == 0 {
		return `(?:\b\B)`
	}
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

// optionalWords is a regexp group matching one of ws or nothing.
func optionalWords(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return alternatives(ws) + "?"
}

// match reports whether the folded text s is one of k's words.
func (k *kindWords) match(s string) bool {
	for _, w := range k.exact {
		if s == w {
			return true
		}
	}
	for _, w := range k.prefixes {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for _, w := range k.contains {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasPrefixIn(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasSuffixIn(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}
