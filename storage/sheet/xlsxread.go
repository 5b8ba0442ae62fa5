package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readWorkbook reads every sheet of an xlsx/xlsm workbook: with the fast
// reader, or through excelize when the fast one gives up. A panic inside
// either on a malformed file becomes a message.
func readWorkbook(name string, data []byte) (tables []*Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			tables, err = nil, &FileError{File: name, Msg: msgf("工作簿已损坏，无法读取（%v）", "the workbook is damaged and cannot be read (%v)", r)}
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
		return nil, &FileError{File: name, Msg: msgf("工作簿中没有工作表", "the workbook has no sheets")}
	}
	return tables, nil
}

// checkWorkbookZip tells a damaged zip, and a zip that is some other kind
// of document (.docx, an archive), from a workbook before excelize sees it.
func checkWorkbookZip(name string, data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FileError{File: name, Msg: msgf("工作簿已损坏（不是完整的 xlsx 压缩包）：%v", "the workbook is damaged (not a complete xlsx zip): %v", err)}
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
				return nil, &FileError{File: name, Msg: msgf("这是二进制工作簿（.xlsb），请在 Excel/WPS 中另存为 .xlsx 后再导入",
					"this is a binary workbook (.xlsb); save it as .xlsx in Excel/WPS, then import that")}
			}
			return zr, nil
		}
	}
	return nil, &FileError{File: name, Msg: msgf("不是有效的 Excel 工作簿（可能是 Word 文档或其他压缩包）",
		"not a valid Excel workbook (perhaps a Word document or another zip archive)")}
}

func workbookError(name string, err error) error {
	switch {
	case strings.Contains(err.Error(), "unzip size exceeds"): // excelize has no sentinel for this one
		return &FileError{File: name, Msg: msgf("工作簿解压后超过 %d MB，拒绝读取（可能是压缩炸弹）",
			"the workbook unpacks to more than %d MB and was refused (possibly a zip bomb)", MaxUnzipSize>>20)}
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return &FileError{File: name, Msg: msgf("不是有效的 Excel 工作簿（可能是其他压缩文件或已损坏）",
			"not a valid Excel workbook (another kind of zip file, or damaged)")}
	}
	return &FileError{File: name, Msg: msgf("无法读取工作簿：%v", "cannot read the workbook: %v", err)}
}

func readWorksheet(f *excelize.File, file, sheet string) (*Table, error) {
	t := &Table{File: file, Sheet: sheet}
	if v, err := f.GetSheetVisible(sheet); err == nil && !v {
		t.Hidden = true
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &FileError{File: file, Msg: msgf("无法读取工作表「%s」：%v", "cannot read sheet %q: %v", sheet, err)}
	}
	defer rows.Close()
	for rows.Next() {
		if len(t.Rows) >= MaxRows {
			return nil, &FileError{File: file, Msg: msgf("工作表「%s」行数超过上限 %d", "sheet %q has more than %d rows", sheet, MaxRows)}
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, &FileError{File: file, Msg: msgf("工作表「%s」第 %d 行无法读取：%v", "sheet %q row %d cannot be read: %v",
				sheet, len(t.Rows)+1, err)}
		}
		t.Rows = append(t.Rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, &FileError{File: file, Msg: msgf("工作表「%s」无法读取：%v", "sheet %q cannot be read: %v", sheet, err)}
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
		return &FileError{File: t.File, Msg: msgf("工作表「%s」的合并单元格无法读取：%v", "sheet %q: merged cells cannot be read: %v", t.Sheet, err)}
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
