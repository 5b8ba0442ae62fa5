package words

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"

	"rpbmatrix/assets/translations"
)

// folders maps a language to its folder under assets/translations.
var folders = map[string]string{Zh: "zh-Hans", En: "en"}

var (
	loadOnce sync.Once
	loaded   map[string]map[string]string
	parsed   map[string]map[string][]piece // templates parsed once, for wording many findings
	loadErr  error
)

// catalogue returns lang's key → template table (Chinese for an unknown lang).
func catalogue(lang string) map[string]string {
	loadAll()
	if c, ok := loaded[lang]; ok {
		return c
	}
	return loaded[Zh]
}

// pieces returns lang's parsed template for key.
func pieces(lang, key string) ([]piece, bool) {
	loadAll()
	c, ok := parsed[lang]
	if !ok {
		c = parsed[Zh]
	}
	p, ok := c[key]
	return p, ok
}

// loadAll reads and parses the catalogue once.
func loadAll() {
	loadOnce.Do(func() {
		loaded, loadErr = load(translations.FS)
		parsed = map[string]map[string][]piece{}
		for lang, table := range loaded {
			ps := make(map[string][]piece, len(table))
			for k, t := range table {
				ps[k] = parse(t)
			}
			parsed[lang] = ps
		}
	})
}

func lookup(lang, key string) (string, bool) {
	t, ok := catalogue(lang)[key]
	return t, ok
}

// Check loads the catalogue and reports the first problem: a file that is
// not a flat JSON object of strings, or a key defined in two files.
func Check() error {
	catalogue(Zh)
	return loadErr
}

// load reads every language folder, refusing a key defined twice.
func load(fsys fs.FS) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	var firstErr error
	for lang, dir := range folders {
		table := map[string]string{}
		from := map[string]string{}
		files, err := fs.Glob(fsys, path.Join(dir, "*.json"))
		if err != nil || len(files) == 0 {
			firstErr = fmt.Errorf("assets/translations/%s: no catalogue files", dir)
		}
		sort.Strings(files)
		for _, name := range files {
			raw, err := fs.ReadFile(fsys, name)
			if err != nil {
				firstErr = err
				continue
			}
			var m map[string]string
			if err := json.Unmarshal(raw, &m); err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("assets/translations/%s: %w", name, err)
				}
				continue
			}
			for k, v := range m {
				if prev, dup := from[k]; dup && firstErr == nil {
					firstErr = fmt.Errorf("assets/translations: key %q is in both %s and %s", k, prev, name)
				}
				table[k], from[k] = v, name
			}
		}
		out[lang] = table
	}
	return out, firstErr
}
