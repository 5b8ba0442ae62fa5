package sheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"rpbmatrix/model"
)

// Limits on what one input may hold, so that a hostile or broken file
// (a zip bomb, a 2 GB log renamed .csv) fails with a message instead of
// exhausting memory.
const (
	MaxFileSize     = 256 << 20 // bytes on disk
	MaxUnzipSize    = 512 << 20 // bytes a workbook may unpack to
	MaxUnzipXMLSize = 64 << 20  // bytes of one worksheet unpacked in memory (more spills to a temp file)
	MaxRows         = 1_000_000 // rows per sheet
	MaxCols         = 256       // columns per sheet
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
		return nil, &FileError{File: name, Msg: msgf("无法打开文件：%v", "cannot open the file: %v", err)}
	}
	if fi.IsDir() {
		return nil, &FileError{File: name, Msg: msgf("这是一个文件夹，不是文件", "this is a folder, not a file")}
	}
	if fi.Size() > MaxFileSize {
		return nil, &FileError{File: name, Msg: msgf("文件过大（%d MB，上限 %d MB）", "file too large (%d MB, limit %d MB)",
			fi.Size()>>20, MaxFileSize>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{File: name, Msg: msgf("无法读取文件：%v", "cannot read the file: %v", err)}
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
		return nil, &FileError{File: name, Msg: msgf("文件为空", "the file is empty")}
	case len(data) > MaxFileSize:
		return nil, &FileError{File: name, Msg: msgf("文件过大（上限 %d MB）", "file too large (limit %d MB)", MaxFileSize>>20)}
	case bytes.HasPrefix(data, zipMagic):
		return readWorkbook(name, data)
	case bytes.HasPrefix(data, ole2Magic):
		return nil, &FileError{File: name, Msg: msgf(
			"这是旧版 Excel（.xls）或加密的工作簿，无法直接导入。请在 Excel/WPS 中打开，另存为 .xlsx（取消密码）后再导入",
			"this is an old binary Excel file (.xls) or an encrypted workbook. Open it in Excel/WPS and save it as .xlsx (without a password), then import that")}
	case workbookName && looksLikeText(data):
		return nil, &FileError{File: name, Msg: msgf(
			"文件扩展名是 %s，但内容是文本（可能是改了扩展名的 CSV）。请把扩展名改为 .csv 后再导入，或在 Excel/WPS 中另存为 .xlsx",
			"the file is named %s but holds text (probably a CSV renamed). Rename it to .csv, or save it as .xlsx in Excel/WPS", ext)}
	case workbookName:
		return nil, &FileError{File: name, Msg: msgf("文件扩展名是 %s，但内容不是 Excel 工作簿（文件可能已损坏）",
			"the file is named %s but is not an Excel workbook (it may be damaged)", ext)}
	case !looksLikeText(data):
		return nil, &FileError{File: name, Msg: msgf("不是文本表格（CSV）也不是 Excel 工作簿", "neither a text table (CSV) nor an Excel workbook")}
	}
	return readTextTable(name, data)
}

func readTextTable(name string, data []byte) ([]*Table, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, &FileError{File: name, Msg: msgf("无法识别文字编码：%v", "cannot decode the text: %v", err)}
	}
	rows, delim, err := readCSV(text)
	if err != nil {
		if re, ok := err.(*RowError); ok {
			return nil, &FileError{File: name, Msg: model.Msg{Zh: fmt.Sprintf("第 %d 行：%s", re.Row, re.Msg.Zh), En: fmt.Sprintf("row %d: %s", re.Row, re.Msg.En)}}
		}
		return nil, &FileError{File: name, Msg: msgf("无法读取 CSV：%v", "cannot read the CSV: %v", err)}
	}
	if err := checkShape(name, "", rows); err != nil {
		return nil, err
	}
	return []*Table{{File: name, Rows: rows, Encoding: enc, Delimiter: delim}}, nil
}

func checkShape(file, sheet string, rows [][]string) error {
	if len(rows) > MaxRows {
		return &FileError{File: file, Msg: msgf("%s行数过多（%d 行，上限 %d）", "%stoo many rows (%d, limit %d)",
			sheetPrefix(sheet), len(rows), MaxRows)}
	}
	for i, r := range rows {
		if len(r) > MaxCols {
			for _, c := range r[MaxCols:] {
				if strings.TrimSpace(c) != "" {
					return &FileError{File: file, Msg: msgf("%s第 %d 行列数过多（%d 列，上限 %d）", "%srow %d has too many columns (%d, limit %d)",
						sheetPrefix(sheet), i+1, len(r), MaxCols)}
				}
			}
			rows[i] = r[:MaxCols]
		}
	}
	return nil
}

func sheetPrefix(sheet string) string {
	if sheet == "" {
		return ""
	}
	return fmt.Sprintf("「%s」", sheet)
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
