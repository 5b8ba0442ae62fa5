//go:build ci

package app

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"rpbmatrix/model/words"
)

// Every key the package names exists in both languages of the catalogue,
// those built at run time (tabs, menus, thresholds) included; model/words
// checks the literal keys of tr and trf calls and their arguments.
func TestTranslationsComplete(t *testing.T) {
	for _, k := range usedKeys(t) {
		for _, l := range words.Languages {
			if !words.Has(l, k) {
				t.Errorf("key %q is used in package app but missing in %s", k, l)
			}
		}
	}
}

// usedKeys finds the literal keys passed to tr and trf, the tab and command
// keys, and the threshold labels.
func usedKeys(t *testing.T) []string {
	seen := map[string]bool{}
	call := regexp.MustCompile(`\btrf?\("([a-z_.0-9]+)"`)
	literal := regexp.MustCompile(`"((?:menu|tab|theme)\.[a-z_.0-9]+)"`)
	paths, _ := filepath.Glob("*.go")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{call, literal} {
			for _, m := range re.FindAllSubmatch(src, -1) {
				if k := string(m[1]); !strings.HasSuffix(k, ".") { // a prefix joined at run time
					seen[k] = true
				}
			}
		}
	}
	for _, th := range thresholds {
		seen["setting."+th.code] = true
		seen["setting."+th.code+".hint"] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSetLanguageSwitchesFyneWords(t *testing.T) {
	t.Cleanup(func() { SetLanguage("zh") })
	cases := []struct{ lang, ok, app string }{
		{"en", "OK", "RPB Matrix"},
		{"zh", "确定", "责权利矩阵"},
	}
	for _, c := range cases {
		if err := SetLanguage(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("OK"); got != c.ok {
			t.Errorf("%s: Fyne's OK is %q, want %q", c.lang, got, c.ok)
		}
		if got := tr("app.name"); got != c.app {
			t.Errorf("%s: app.name is %q, want %q", c.lang, got, c.app)
		}
		if Language() != c.lang {
			t.Errorf("Language() = %q", Language())
		}
	}
	if err := SetLanguage("fr"); err == nil {
		t.Error("an unknown language must be refused")
	}
}

// A C, POSIX or missing locale names English in LANGUAGE, so Fyne does not
// log "Error parsing user locale C" on every start; a real locale is left alone.
func TestQuietCLocale(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux reads these variables")
	}
	cases := []struct {
		lcAll, lang string
		want        string // LANGUAGE afterwards
	}{
		{"", "C.UTF-8", "en"},
		{"", "C", "en"},
		{"POSIX", "zh_CN.UTF-8", "en"},
		{"", "", "en"},
		{"", "zh_CN.UTF-8", ""},
		{"en_GB.UTF-8", "C", ""},
	}
	for _, c := range cases {
		t.Setenv("LANGUAGE", "")
		os.Unsetenv("LANGUAGE")
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		quietCLocale()
		if got := os.Getenv("LANGUAGE"); got != c.want {
			t.Errorf("LC_ALL=%q LANG=%q: LANGUAGE=%q, want %q", c.lcAll, c.lang, got, c.want)
		}
	}
}
