package sheet

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// MaxProjectSize is the most bytes a workbook's data sheets may unpack to:
// as much as a project document in JSON may hold.
const MaxProjectSize = 1 << 30

// ErrNoProjectData says a workbook has no data sheet: it was not exported
// here (or the sheet was deleted), and is imported as lists.
var ErrNoProjectData = errors.New("sheet: the workbook holds no project data sheet")

// IsProjectFile reports whether the file at path is a workbook exported
// here with its data sheet. It reads only the workbook's list of sheets.
func IsProjectFile(path string) bool {
	f, zr, err := openZip(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b, err := openFastBook(filepath.Base(path), zr, MaxUnzipSize)
	return err == nil && len(dataSheets(b)) > 0
}

// ReadProjectFile reads back the project a workbook exported here holds:
// every record of its data sheet, with its identity, validated as a
// project document is. It returns ErrNoProjectData for a workbook without
// a data sheet, and a *FileError for one that cannot be read.
func ReadProjectFile(path string) (*model.Project, error) {
	name := filepath.Base(path)
	f, zr, err := openZip(path)
	if err != nil {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.open", "err", errText(err)), Err: err}
	}
	defer f.Close()
	b, err := openFastBook(name, zr, MaxProjectSize)
	if err != nil {
		return nil, workbookError(name, err)
	}
	sheets := dataSheets(b)
	if len(sheets) == 0 {
		return nil, ErrNoProjectData
	}
	r := &projectReader{file: name, p: model.NewProject("", "", "")}
	for _, s := range sheets {
		t, err := b.table(s)
		if err != nil {
			if fe, ok := err.(*FileError); ok {
				return nil, fe
			}
			return nil, &FileError{File: name, Problem: words.M("sheet.data.unreadable", "sheet", s.name, "err", errText(err)), Err: err}
		}
		if err := r.sheet(t); err != nil {
			return nil, err
		}
	}
	if !r.ended {
		return nil, r.fail(words.M("sheet.data.truncated", "sheet", sheets[len(sheets)-1].name))
	}
	if ps := model.Validate(r.p); len(ps) > 0 {
		return nil, r.fail(words.M("sheet.data.invalid", "problem", ps[0].Msg, "n", len(ps)))
	}
	return r.p, nil
}

func openZip(path string) (*os.File, *zip.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, zr, nil
}

// dataSheets lists a workbook's data sheets in order.
func dataSheets(b *fastBook) []sheetRef {
	var out []sheetRef
	for _, s := range b.sheets {
		if isDataSheet(s.name) {
			out = append(out, s)
		}
	}
	return out
}

// isDataSheet reports whether a sheet name is the data sheet's or a continuation's.
func isDataSheet(name string) bool {
	return name == dataSheetName || strings.HasPrefix(name, dataSheetName+"(")
}

// projectReader builds a project from data sheets.
type projectReader struct {
	file  string
	p     *model.Project
	n     int  // records read
	ended bool // the closing row was read
}

func (r *projectReader) fail(m words.Msg) error { return &FileError{File: r.file, Problem: m} }

// sheet reads one data sheet: its first row names the format; each
// further row is one record, or the closing row with the count of records.
func (r *projectReader) sheet(t *Table) error {
	if len(t.Rows) == 0 || t.Cell(0, 0) != dataFormat {
		return r.fail(words.M("sheet.data.not_data", "sheet", t.Sheet))
	}
	version, _ := strconv.Atoi(t.Cell(0, 1))
	schema, _ := strconv.Atoi(t.Cell(0, 2))
	switch {
	case version < 1 || version > dataVersion:
		return r.fail(words.M("sheet.data.version", "version", t.Cell(0, 1), "max", dataVersion))
	case schema > model.SchemaVersion:
		return r.fail(words.M("sheet.data.newer_schema", "schema", schema, "supported", model.SchemaVersion))
	case r.ended:
		return r.fail(words.M("sheet.data.after_end", "sheet", t.Sheet))
	}
	for i, row := range t.Rows[1:] {
		rowNo := i + 2
		if blankRow(row) {
			continue
		}
		if r.ended {
			return r.fail(words.M("sheet.data.after_end", "sheet", t.Sheet))
		}
		kind := t.Cell(i+1, 0)
		body := strings.Join(row[1:], "")
		if kind == dataEnd {
			n, err := strconv.Atoi(body)
			if err != nil || n != r.n {
				return r.fail(words.M("sheet.data.count", "sheet", t.Sheet, "row", rowNo, "want", body, "got", r.n))
			}
			r.ended = true
			continue
		}
		e, err := model.NewEntity(model.EntityKind(kind))
		if err != nil {
			return r.fail(words.M("sheet.data.unknown_kind", "sheet", t.Sheet, "row", rowNo, "kind", clip(kind)))
		}
		raw, err := r.migrate(e.EntityKind(), schema, []byte(body))
		if err != nil {
			return r.fail(words.M("sheet.data.bad_row", "sheet", t.Sheet, "row", rowNo, "err", errText(err)))
		}
		if err := json.Unmarshal(raw, e); err != nil {
			return r.fail(words.M("sheet.data.bad_row", "sheet", t.Sheet, "row", rowNo, "err", errText(err)))
		}
		switch e.(type) {
		case *model.Info, *model.Settings:
		default:
			if r.p.Has(e) {
				return r.fail(words.M("sheet.data.duplicate", "sheet", t.Sheet, "row", rowNo, "id", e.Identity().String()))
			}
		}
		r.p.Insert(e)
		r.n++
	}
	return nil
}

// migrate brings a record of an older entity schema to the current one, as
// a project file's would be, and adds the meeting an older decision named
// only by a label.
func (r *projectReader) migrate(k model.EntityKind, schema int, raw []byte) ([]byte, error) {
	if schema >= model.SchemaVersion || schema < 1 {
		return raw, nil
	}
	if k == model.KindDecision {
		m, err := storage.LegacyMeeting(schema, raw)
		if err != nil {
			return nil, err
		}
		if m != nil && !r.p.Has(m) {
			r.p.Insert(m)
		}
	}
	return storage.MigrateValue(k, schema, raw)
}

// dataEnd is the kind cell of the data sheet's closing row, whose next
// cell counts the records above it: a sheet cut short is told from a whole one.
const dataEnd = "end"

// MergeChanges lists the changes that bring the records of q (a project
// read from a workbook or a JSON document) into p, every kind after the
// kinds it refers to: a record p lacks is added; one p has is replaced
// when replace is set, else kept. The project's info and settings stay p's.
func MergeChanges(p, q *model.Project, replace bool) (changes []model.Change, added, replaced, kept int) {
	// A duty names the authorities it requires, and the store checks that
	// as each change goes in: authorities come first.
	kinds := model.Kinds()
	for i, k := range kinds {
		if k == model.KindDuty {
			if j := slices.Index(kinds, model.KindAuthority); j > i {
				kinds[i], kinds[j] = kinds[j], kinds[i]
			}
			break
		}
	}
	for _, k := range kinds {
		if k == model.KindInfo || k == model.KindSettings {
			continue
		}
		for e := range q.All(k) {
			switch {
			case !p.Has(e):
				added++
			case replace:
				replaced++
			default:
				kept++
				continue
			}
			changes = append(changes, p.Put(e))
		}
	}
	return changes, added, replaced, kept
}
