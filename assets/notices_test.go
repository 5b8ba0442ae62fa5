package assets

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite notices.txt from the module graph and the module cache")

// module is one line of `go list -m -json all`.
type module struct {
	Path, Version, Dir string
	Main               bool
}

// noticeHeading starts each module's part of notices.txt: "== path version (licences)".
var noticeHeading = regexp.MustCompile(`(?m)^== (\S+) (\S+) \(`)

// goEntry is the heading of Go's own licence, which has no module version.
const goEntry = "== Go: the standard library and runtime (BSD-3-Clause)"

// TestNoticesMatchModuleGraph checks that notices.txt names exactly the
// modules of `go list -m all` at their versions. It needs only the module
// graph (go.mod files), not the modules' sources; -update also needs the
// sources, for their licence files, and fetches them when missing.
func TestNoticesMatchModuleGraph(t *testing.T) {
	if _, err := os.Stat("../vendor/modules.txt"); err == nil {
		t.Skip("vendored source: the module graph is checked where it is not vendored")
	}
	mods := moduleGraph(t)
	if *update {
		if err := os.WriteFile("notices.txt", []byte(writeNotices(t, mods)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for _, m := range mods {
		want = append(want, m.Path+" "+m.Version)
	}
	var got []string
	for _, h := range noticeHeading.FindAllStringSubmatch(Notices, -1) {
		got = append(got, h[1]+" "+h[2])
	}
	if !slices.Equal(got, want) {
		t.Errorf("notices.txt is out of date (regenerate: go test ./assets -run Notices -update)\n only in notices: %v\n only in the module graph: %v",
			minus(got, want), minus(want, got))
	}
	if !strings.Contains(Notices, goEntry) {
		t.Errorf("notices.txt lacks Go's own licence")
	}
}

// moduleGraph lists every module but the main one, sorted by path.
func moduleGraph(t *testing.T) []module {
	out, err := exec.Command("go", "list", "-m", "-json", "all").Output()
	if err != nil {
		t.Fatalf("go list -m -json all: %v", err)
	}
	var mods []module
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var m module
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		if !m.Main {
			mods = append(mods, m)
		}
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods
}

// writeNotices builds notices.txt: Go's licence, then each module's licence
// files from the module cache (fetched with `go mod download` when missing).
func writeNotices(t *testing.T, mods []module) string {
	var b strings.Builder
	b.WriteString("RPB Matrix: third-party notices\n\n")
	b.WriteString("The licences of Go and of every module in RPB Matrix's module graph (`go list -m all`),\n")
	b.WriteString("written by `go test ./assets -run Notices -update`. Some of these modules serve only\n")
	b.WriteString("to build or test the others and are not part of the program.\n")
	goLicence, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	section(&b, goEntry, string(goLicence))
	for _, m := range mods {
		dir := m.Dir
		if dir == "" {
			dir = download(t, m)
		}
		texts := licenceFiles(t, dir)
		if len(texts) == 0 {
			t.Fatalf("%s %s: no licence file in %s", m.Path, m.Version, dir)
		}
		var all string
		for _, tx := range texts {
			all += tx
		}
		section(&b, fmt.Sprintf("== %s %s (%s)", m.Path, m.Version, licenceKinds(all)), strings.Join(texts, "\n"))
	}
	return b.String()
}

func section(b *strings.Builder, heading, text string) {
	b.WriteString("\n\n")
	b.WriteString(heading)
	b.WriteString("\n\n")
	b.WriteString(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")))
	b.WriteString("\n")
}

func download(t *testing.T, m module) string {
	out, err := exec.Command("go", "mod", "download", "-json", m.Path+"@"+m.Version).Output()
	if err != nil {
		t.Fatalf("go mod download %s@%s: %v", m.Path, m.Version, err)
	}
	var d struct{ Dir string }
	if err := json.Unmarshal(out, &d); err != nil || d.Dir == "" {
		t.Fatalf("go mod download %s@%s: no directory (%v)", m.Path, m.Version, err)
	}
	return d.Dir
}

// licenceFile matches the names modules give their licence and notice files.
var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|unlicense)([-._].*)?$`)

// licenceFiles reads the licence and notice files at the root of a module,
// and every file of a licences folder there (freetype keeps its texts in one).
func licenceFiles(t *testing.T, dir string) []string {
	texts := readFiles(t, dir, func(e os.DirEntry) bool { return !e.IsDir() && licenceFile.MatchString(e.Name()) })
	for _, sub := range []string{"licenses", "LICENSES"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			texts = append(texts, readFiles(t, filepath.Join(dir, sub), func(e os.DirEntry) bool { return e.Type().IsRegular() })...)
		}
	}
	return texts
}

// readFiles reads the files of dir that keep accepts, in name order.
func readFiles(t *testing.T, dir string, keep func(os.DirEntry) bool) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range entries {
		if !keep(e) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// spdx finds a licence's own SPDX expression.
var spdx = regexp.MustCompile(`SPDX-License-Identifier:\s*([^\n]+)`)

// licenceKinds names the licences a text holds by their SPDX identifiers.
func licenceKinds(text string) string {
	if m := spdx.FindStringSubmatch(text); m != nil {
		return strings.TrimSpace(m[1])
	}
	flat := strings.Join(strings.Fields(text), " ")
	var kinds []string
	has := func(s string) bool { return strings.Contains(flat, s) }
	switch {
	case has("Redistribution and use in source and binary forms") && has("endorse or promote"):
		kinds = append(kinds, "BSD-3-Clause")
	case has("Redistribution and use in source and binary forms"):
		kinds = append(kinds, "BSD-2-Clause")
	}
	if has("Permission is hereby granted, free of charge") {
		kinds = append(kinds, "MIT")
	}
	if has("Apache License") && has("Version 2.0") {
		kinds = append(kinds, "Apache-2.0")
	}
	if has("Mozilla Public License") && has("2.0") {
		kinds = append(kinds, "MPL-2.0")
	}
	if has("Permission to use, copy, modify, and/or distribute this software for any purpose") {
		kinds = append(kinds, "ISC")
	}
	if has("free and unencumbered software released into the public domain") {
		kinds = append(kinds, "Unlicense")
	}
	if has("The FreeType License") && has("GNU General Public License") {
		kinds = append(kinds, "FTL OR GPL-2.0-or-later")
	}
	if len(kinds) == 0 {
		return "see the text"
	}
	return strings.Join(kinds, " AND ")
}

// minus lists what a holds and b does not.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
