package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"rpbmatrix/assets/translations"
)

// Every key the package asks for exists in both languages, and both
// languages have the same keys.
func TestTranslationsComplete(t *testing.T) {
	files := map[string]map[string]any{}
	for _, l := range translations.Languages {
		raw, err := translations.FS.ReadFile(l.Locale + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s.json: %v", l.Locale, err)
		}
		files[l.Locale] = m
	}
	zh, en := files["zh-Hans"], files["en"]
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in zh-Hans.json but not in en.json", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("key %q is in en.json but not in zh-Hans.json", k)
		}
	}
	for _, k := range usedKeys(t) {
		if _, ok := zh[k]; !ok {
			t.Errorf("key %q is used in package app but not translated", k)
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
		seen["threshold."+th.code] = true
		seen["threshold."+th.code+".hint"] = true
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
		if got := tr("OK"); got != c.ok {
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
