package storage_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/storage"
	"rpbmatrix/storage/sheet"
)

// BenchmarkImportIntoExisting imports the rows of RPB_IMPORT_INPUT (a CSV
// or workbook of basic duties) into a copy of RPB_IMPORT_INTO, an existing
// project file: the one commit with the undo record of every change that
// -cpuprofile / -memprofile show; RPB_IMPORT_POLICY=update updates the
// duties the file has. Skipped without both.
func BenchmarkImportIntoExisting(b *testing.B) {
	in, into := os.Getenv("RPB_IMPORT_INPUT"), os.Getenv("RPB_IMPORT_INTO")
	if in == "" || into == "" {
		b.Skip("set RPB_IMPORT_INPUT to a CSV and RPB_IMPORT_INTO to a project file")
	}
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "into.rpb")
		copyFile(b, into, path)
		st, err := storage.Open(path, storage.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		pol, _ := sheet.ParsePolicy(os.Getenv("RPB_IMPORT_POLICY"))
		plan := sheet.PlanFiles(st.Project(), []string{in}, sheet.Options{Kind: model.ListBasic, OnDuplicate: pol})
		if err := plan.Apply(st, dir, []string{in}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	src, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkUndoLarge undoes the newest action of a copy of RPB_UNDO_FILE
// (a file an import was committed into), the undo a user may try after
// a large import; skipped without it.
func BenchmarkUndoLarge(b *testing.B) {
	from := os.Getenv("RPB_UNDO_FILE")
	if from == "" {
		b.Skip("set RPB_UNDO_FILE to a project file with an action to undo")
	}
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "undo.rpb")
		copyFile(b, from, path)
		st, err := storage.Open(path, storage.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := st.Undo(); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
