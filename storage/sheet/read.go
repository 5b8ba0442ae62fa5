package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"rpbmatrix/model/words"
)

// Limits on what one input may hold, so that a hostile or broken file
// (a zip bomb, a 2 GB log renamed .csv) fails with a message instead of
// exhausting memory.
const (
	MaxFileSize     = 256 << 20 // bytes on disk
	MaxUnzipSize    = 1 << 30   // bytes a workbook may unpack to (a sheet is read as it unpacks; 1,000,000 rows of inline text are 600 MB)
	MaxUnzipXMLSize = 64 << 20  // bytes of one worksheet unpacked in memory (more spills to a temp file)
	// MaxRows is the most rows per sheet (or CSV file): Excel's own limit.
	// An import plans each row as it reads it and keeps of it only the
	// duty it makes; a new file is written in batches (storage.CreateAs).
	// Measured as a whole process, a 1,000,000-row CSV imports within
	// MaxRowsMemoryGB (see the README).
	MaxRows         = 1_048_576
	MaxRowsMemoryGB = 1.5
	MaxCols         = 256 // columns per sheet
	// ImportMemoryLimit is the heap a large import keeps to when it can
	// (the import command sets it as the runtime's soft memory limit).
	// The garbage collector otherwise lets the heap grow to twice what is
	// live: a million-row import holds about 750 MB and would peak near
	// 1.6 GB instead of 1.15 GB, for about a tenth less CPU time.
	ImportMemoryLimit = 1100 << 20
)

// Table is one sheet of a workbook, or one CSV file, as read: every cell as
// text, merged blocks filled into every cell they cover.
type Table struct {
	File      string     // the file's base name, for messages
	Sheet     string     // the sheet's name; "" for a CSV file
	Rows      [][]string // Rows[0] is spreadsheet row 1; rows may be ragged
	Hidden    bool       // the sheet is hidden in the workbook
	Encoding  Encoding   // CSV only
	Delimiter rune       // CSV only
}

// Where names the table in messages: "file" or "file › sheet".
func (t *Table) Where() string {
	if t.Sheet == "" {
		return t.File
	}
	return t.File + " › " + t.Sheet
}

// Cell returns the text at (row, col), both from 0, or "".
func (t *Table) Cell(row, col int) string {
	if row < 0 || row >= len(t.Rows) || col < 0 || col >= len(t.Rows[row]) {
		return ""
	}
	return t.Rows[row][col]
}

// Width is the number of columns of the widest row.
func (t *Table) Width() int {
	w := 0
	for _, r := range t.Rows {
		w = max(w, len(r))
	}
	return w
}

var (
	zipMagic  = []byte("PK\x03\x04")
	ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// ReadFile reads a workbook (.xlsx, .xlsm) or a text table (.csv, .txt, any
// other name) into tables. The format is decided by the content, not the
// name, except that a workbook name on text content is refused with a
// message saying so.
func ReadFile(path string) ([]*Table, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.open", "err", errText(err)), Err: err}
	}
	if fi.IsDir() {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.folder")}
	}
	if fi.Size() > MaxFileSize {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.too_large", "size", int(fi.Size()>>20), "limit", MaxFileSize>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.read", "err", errText(err)), Err: err}
	}
	return Read(name, data)
}

// Read reads the bytes of a file called name (used for messages and to
// recognise workbook extensions).
func Read(name string, data []byte) ([]*Table, error) {
	ext := strings.ToLower(filepath.Ext(name))
	workbookName := ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".et"
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0:
		return nil, &FileError{File: name, Problem: words.M("sheet.read.empty")}
	case len(data) > MaxFileSize:
		return nil, &FileError{File: name, Problem: words.M("sheet.read.too_large_limit", "limit", MaxFileSize>>20)}
	case bytes.HasPrefix(data, zipMagic):
		return readWorkbook(name, data)
	case bytes.HasPrefix(data, ole2Magic):
		return nil, &FileError{File: name, Problem: words.M("sheet.read.old_xls")}
	case workbookName && looksLikeText(data):
		return nil, &FileError{File: name, Problem: words.M("sheet.read.named_workbook_holds_text", "ext", ext)}
	case workbookName:
		return nil, &FileError{File: name, Problem: words.M("sheet.read.named_workbook_not_workbook", "ext", ext)}
	case !looksLikeText(data):
		return nil, &FileError{File: name, Problem: words.M("sheet.read.not_a_table")}
	}
	return readTextTable(name, data)
}

func readTextTable(name string, data []byte) ([]*Table, error) {
	text, enc, err := decodeBytes(data)
	if ee, ok := err.(*EncodingError); ok {
		return nil, &FileError{File: name, Problem: ee.Msg(), Err: ee}
	}
	if err != nil {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.encoding", "err", errText(err)), Err: err}
	}
	rows, delim, err := readCSV(text)
	if err != nil {
		if re, ok := err.(*RowError); ok {
			return nil, &FileError{File: name, Problem: words.M("sheet.read.csv_row", "row", re.Row, "msg", re.Problem)}
		}
		return nil, &FileError{File: name, Problem: words.M("sheet.read.csv", "err", errText(err)), Err: err}
	}
	if err := checkShape(name, "", rows); err != nil {
		return nil, err
	}
	return []*Table{{File: name, Rows: rows, Encoding: enc, Delimiter: delim}}, nil
}

func checkShape(file, sheet string, rows [][]string) error {
	if len(rows) > MaxRows {
		if sheet != "" {
			return &FileError{File: file, Problem: words.M("sheet.read.sheet_too_many_rows", "sheet", sheet, "row", MaxRows+1, "limit", MaxRows, "memory", MaxRowsMemoryGB)}
		}
		return &FileError{File: file, Problem: words.M("sheet.read.too_many_rows", "row", MaxRows+1, "limit", MaxRows, "memory", MaxRowsMemoryGB)}
	}
	for i, r := range rows {
		if len(r) > MaxCols {
			for _, c := range r[MaxCols:] {
				if strings.TrimSpace(c) == "" {
					continue
				}
				if sheet != "" {
					return &FileError{File: file, Problem: words.M("sheet.read.sheet_row_too_wide", "sheet", sheet, "row", i+1, "cols", len(r), "limit", MaxCols)}
				}
				return &FileError{File: file, Problem: words.M("sheet.read.row_too_wide", "row", i+1, "cols", len(r), "limit", MaxCols)}
			}
			rows[i] = r[:MaxCols]
		}
	}
	return nil
}

// looksLikeText reports whether the start of data has no NUL bytes and few
// control characters, i.e. is a text file in some encoding.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 8192)]
	bad := 0
	for _, b := range head {
		if b == 0 {
			return false
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			bad++
		}
	}
	return bad*100 <= len(head)
}
