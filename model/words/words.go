// Package words is the one catalogue of user-visible words of RPB Matrix:
// every string shown on screen, printed, written to a workbook or said by a
// command comes from it, in Chinese (zh) or English (en).
//
// The catalogue is the JSON files under assets/translations/zh-Hans and
// assets/translations/en, one flat key per string, split into files by area
// (app.json, rules.json, …) and loaded as one. A message is a key and named
// arguments (Msg); it is worded only where it is shown (Msg.In), so the same
// fact reads the same on screen, on paper and in a workbook.
//
// Templates name their arguments in braces: "需要 {n} 项权限". English
// plurals pick a form by a number: "{n} {n|authority|authorities}". "{{"
// is a literal brace. How an argument is written depends on its type: see
// format.
package words

import (
	"sort"
	"strings"
)

// The languages of the catalogue.
const (
	Zh = "zh"
	En = "en"
)

// Languages lists the catalogue's languages, Chinese first.
var Languages = []string{Zh, En}

// Msg is a message: a catalogue key and its named arguments. The zero Msg
// words as "".
type Msg struct {
	Key  string         `json:"key"`
	Args map[string]any `json:"args,omitempty"`
}

// M makes a message from a key and alternating argument names and values.
func M(key string, kv ...any) Msg {
	m := Msg{Key: key}
	if len(kv) > 0 {
		m.Args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			name, _ := kv[i].(string)
			m.Args[name] = kv[i+1]
		}
	}
	return m
}

// With returns a copy of m with one more argument.
func (m Msg) With(name string, v any) Msg {
	args := make(map[string]any, len(m.Args)+1)
	for k, x := range m.Args {
		args[k] = x
	}
	args[name] = v
	return Msg{Key: m.Key, Args: args}
}

// IsZero reports whether m is the empty message.
func (m Msg) IsZero() bool { return m.Key == "" }

// In words m in lang ("zh" or "en"; anything else is Chinese). A key the
// catalogue lacks is returned as is, so a gap shows rather than hides.
func (m Msg) In(lang string) string {
	if m.Key == "" {
		return ""
	}
	ps, ok := pieces(lang, m.Key)
	if !ok {
		return m.Key
	}
	return fill(lang, ps, m.Args)
}

// Say words key with alternating argument names and values in lang.
func Say(lang, key string, kv ...any) string { return M(key, kv...).In(lang) }

// Has reports whether lang's catalogue has key.
func Has(lang, key string) bool {
	_, ok := lookup(lang, key)
	return ok
}

// Keys lists lang's keys, sorted.
func Keys(lang string) []string {
	c := catalogue(lang)
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Template returns lang's template for key, as written in the catalogue.
func Template(lang, key string) (string, bool) { return lookup(lang, key) }

// Placeholders lists the argument names a template uses, sorted, once each.
func Placeholders(template string) []string {
	seen := map[string]bool{}
	for _, p := range parse(template) {
		if p.arg != "" {
			seen[p.arg] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Missing lists the arguments lang's template of m names and m lacks, and
// the nested messages' missing ones, as "key:arg".
func Missing(lang string, m Msg) []string {
	t, ok := lookup(lang, m.Key)
	if !ok {
		return []string{m.Key + ":(no such key)"}
	}
	var out []string
	for _, name := range Placeholders(t) {
		if _, ok := m.Args[name]; !ok {
			out = append(out, m.Key+":"+name)
		}
	}
	for _, v := range m.Args {
		switch x := v.(type) {
		case Msg:
			out = append(out, Missing(lang, x)...)
		case []Msg:
			for _, n := range x {
				out = append(out, Missing(lang, n)...)
			}
		}
	}
	return out
}

// Lang normalises a language name or locale ("zh_CN.UTF-8", "en-GB") to
// Zh or En; anything not Chinese is English.
func Lang(s string) string {
	if strings.HasPrefix(strings.ToLower(s), "zh") {
		return Zh
	}
	return En
}

// current is the language of T: the UI's language, set once at start and on
// a switch, as a desktop has one language at a time.
var current = Zh

// Use makes lang the language of T and Current.
func Use(lang string) { current = Lang(lang) }

// Current is the language T words in.
func Current() string { return current }

// T words key with alternating argument names and values in the current language.
func T(key string, kv ...any) string { return M(key, kv...).In(current) }
