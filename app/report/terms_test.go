package report

import (
	"strings"
	"testing"

	"rpbmatrix/model/words"
)

// A term printed inside a sentence has a lower-case form: in English the
// term with a small first letter, in Chinese the term itself, so that each
// term keeps one name.
func TestTermsLowerForms(t *testing.T) {
	for _, term := range []string{"balance_index", "gap", "gap_ratio", "resource_coverage", "weight"} {
		key := "term." + term
		for _, lang := range words.Languages {
			name, lower := words.Say(lang, key), words.Say(lang, key+".lower")
			want := name
			if lang == words.En {
				want = strings.ToLower(name[:1]) + name[1:]
			}
			if lower != want {
				t.Errorf("%s.lower in %s is %q, want %q", key, lang, lower, want)
			}
		}
	}
	got := words.Say(words.En, "report.ranking.title", "index", words.M("term.balance_index.lower"))
	if got != "Offices by balance index, lowest first" {
		t.Errorf("ranking title %q", got)
	}
}
