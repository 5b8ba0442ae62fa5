package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model/words"
)

// readWorkbook reads every sheet of an xlsx/xlsm workbook: with the fast
// reader, or through excelize when the fast one gives up. A panic inside
// either on a malformed file becomes a message.
func readWorkbook(name string, data []byte) (tables []*Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			tables, err = nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_damaged", "err", errText(r))}
		}
	}()
	zr, err := checkWorkbookZip(name, data)
	if err != nil {
		return nil, err
	}
	if tables, err := readWorkbookFast(name, zr); err == nil {
		return tables, nil
	} else if fe, ok := err.(*FileError); ok {
		return nil, fe
	}
	// The fast reader met something it does not handle: read it in full.
	return readWorkbookFull(name, data)
}

// readWorkbookFull reads the workbook through excelize, with the unzip
// limits set so that a zip bomb fails instead of filling memory.
func readWorkbookFull(name string, data []byte) (tables []*Table, err error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxUnzipSize,
		UnzipXMLSizeLimit: MaxUnzipXMLSize,
	})
	if err != nil {
		return nil, workbookError(name, err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		t, err := readWorksheet(f, name, sheet)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_no_sheets")}
	}
	return tables, nil
}

// checkWorkbookZip tells a damaged zip, and a zip that is some other kind
// of document (.docx, an archive), from a workbook before excelize sees it.
func checkWorkbookZip(name string, data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_not_zip", "err", errText(err)), Err: err}
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > MaxUnzipSize {
		return nil, workbookError(name, errors.New("unzip size exceeds the limit"))
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/workbook.xml") || strings.EqualFold(f.Name, "xl/workbook.bin") {
			if strings.HasSuffix(strings.ToLower(f.Name), ".bin") {
				return nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_xlsb")}
			}
			return zr, nil
		}
	}
	return nil, &FileError{File: name, Problem: words.M("sheet.read.workbook_other_zip")}
}

func workbookError(name string, err error) error {
	switch {
	case strings.Contains(err.Error(), "unzip size exceeds"): // excelize has no sentinel for this one
		return &FileError{File: name, Problem: words.M("sheet.read.workbook_zip_bomb", "limit", MaxUnzipSize>>20)}
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return &FileError{File: name, Problem: words.M("sheet.read.workbook_not_excel")}
	}
	return &FileError{File: name, Problem: words.M("sheet.read.workbook", "err", errText(err)), Err: err}
}

func readWorksheet(f *excelize.File, file, sheet string) (*Table, error) {
	t := &Table{File: file, Sheet: sheet}
	if v, err := f.GetSheetVisible(sheet); err == nil && !v {
		t.Hidden = true
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &FileError{File: file, Problem: words.M("sheet.read.workbook_sheet", "sheet", sheet, "err", errText(err)), Err: err}
	}
	defer rows.Close()
	for rows.Next() {
		if len(t.Rows) >= MaxRows {
			return nil, &FileError{File: file, Problem: words.M("sheet.read.sheet_too_many_rows", "sheet", sheet, "row", len(t.Rows)+1, "limit", MaxRows, "memory", MaxRowsMemoryGB)}
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, &FileError{File: file, Problem: words.M("sheet.read.workbook_row", "sheet", sheet, "row", len(t.Rows)+1, "err", errText(err)), Err: err}
		}
		t.Rows = append(t.Rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, &FileError{File: file, Problem: words.M("sheet.read.workbook_sheet_rows", "sheet", sheet, "err", errText(err)), Err: err}
	}
	trimTrailingBlankRows(t)
	if err := checkShape(file, sheet, t.Rows); err != nil {
		return nil, err
	}
	if err := fillMerged(f, t); err != nil {
		return nil, err
	}
	return t, nil
}

// fillMerged copies the value of every merged block into each cell it
// covers: a category written once beside a block of rows applies to all of them.
func fillMerged(f *excelize.File, t *Table) error {
	merged, err := f.GetMergeCells(t.Sheet)
	if err != nil {
		return &FileError{File: t.File, Problem: words.M("sheet.read.workbook_merged", "sheet", t.Sheet, "err", errText(err)), Err: err}
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue // a malformed range names no cell we could fill
		}
		v := m.GetCellValue()
		if v == "" {
			v = t.Cell(r1-1, c1-1)
		}
		if v == "" {
			continue
		}
		r2 = min(r2, len(t.Rows))
		c2 = min(c2, MaxCols)
		for r := r1 - 1; r < r2; r++ {
			row := t.Rows[r]
			if len(row) < c2 {
				row = append(row, make([]string, c2-len(row))...)
			}
			for c := c1 - 1; c < c2; c++ {
				row[c] = v
			}
			t.Rows[r] = row
		}
	}
	return nil
}

func trimTrailingBlankRows(t *Table) {
	n := len(t.Rows)
	for n > 0 && blankRow(t.Rows[n-1]) {
		n--
	}
	t.Rows = t.Rows[:n]
}

func blankRow(r []string) bool {
	for _, c := range r {
		if !isBlank(c) {
			return false
		}
	}
	return true
}
