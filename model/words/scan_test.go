package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, two folders up from model/words.
const root = "../.."

// goFiles lists the repository's non-test Go files.
func goFiles(t *testing.T) []string {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "bin" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// hanAllowed are the files that may hold Chinese outside the catalogue, and why.
var hanAllowed = map[string]string{
	"model/demo/demo_table.go":            "demo data",
	"assets/translations/translations.go": "each language's own name in the language menu",
}

// No user-visible string is built outside the catalogue: no Go file but the
// demo data holds a Han character in a string literal.
func TestNoChineseOutsideTheCatalogue(t *testing.T) {
	perFile := map[string][]string{}
	for _, path := range goFiles(t) {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if _, ok := hanAllowed[rel]; ok {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if ok && lit.Kind == token.STRING && hasHan(lit.Value) {
				perFile[rel] = append(perFile[rel], fset.Position(lit.Pos()).String()+" "+lit.Value)
			}
			return true
		})
	}
	files := make([]string, 0, len(perFile))
	for f := range perFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		lits := perFile[f]
		t.Errorf("%s: %d Chinese string literals outside the catalogue, e.g. %s", f, len(lits), lits[0])
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// wordCalls are the functions that take a catalogue key: the name, and the
// position of the key among the arguments.
var wordCalls = map[string]int{"words.M": 0, "words.T": 0, "words.Say": 1, "M": 0, "T": 0, "Say": 1, "tr": 0, "trf": 0}

// Every literal key passed to the catalogue exists in both languages, and
// every call that names its arguments literally gives exactly the arguments
// the template uses.
func TestEveryKeyAndArgumentIsSupplied(t *testing.T) {
	for _, path := range goFiles(t) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if !importsWords(f) && !strings.Contains(path, "model/words") && !strings.HasSuffix(path, "app/i18n.go") {
			if _, err := os.Stat(path); err == nil && !usesTr(f) {
				continue
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at, ok := wordCalls[calleeName(call.Fun)]
			if !ok || len(call.Args) <= at || call.Ellipsis.IsValid() {
				return true
			}
			key, ok := stringLit(call.Args[at])
			if !ok {
				return true
			}
			pos := fset.Position(call.Pos()).String()
			var names []string
			literal := true
			for i := at + 1; i < len(call.Args); i += 2 {
				name, ok := stringLit(call.Args[i])
				if !ok {
					literal = false
					break
				}
				names = append(names, name)
			}
			sort.Strings(names)
			for _, lang := range Languages {
				tmpl, ok := Template(lang, key)
				if !ok {
					t.Errorf("%s: key %q is not in the %s catalogue", pos, key, lang)
					continue
				}
				if want := Placeholders(tmpl); literal && strings.Join(want, ",") != strings.Join(names, ",") {
					t.Errorf("%s: %q takes %v in %s, the call gives %v", pos, key, want, lang, names)
				}
			}
			return true
		})
	}
}

func importsWords(f *ast.File) bool {
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "rpbmatrix/model/words" {
			return true
		}
	}
	return false
}

func usesTr(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if name := calleeName(c.Fun); name == "tr" || name == "trf" {
				found = true
			}
		}
		return !found
	})
	return found
}

func calleeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + x.Sel.Name
		}
	}
	return ""
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
