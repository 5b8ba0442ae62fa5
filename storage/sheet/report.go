package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
)

// Status is what happened to a row.
type Status int

const (
	StatusImported Status = iota + 1 // a new duty
	StatusUpdated                    // an existing duty (or an earlier row) updated
	StatusSkipped                    // left out on purpose: footnote, heading, duplicate, instruction sheet
	StatusRejected                   // bad input: nothing is written while any row is rejected
)

var statusNames = map[Status]model.Msg{
	StatusImported: {Zh: "导入", En: "imported"},
	StatusUpdated:  {Zh: "更新", En: "updated"},
	StatusSkipped:  {Zh: "跳过", En: "skipped"},
	StatusRejected: {Zh: "拒绝", En: "rejected"},
}

// Name is the status's display name.
func (s Status) Name() model.Msg { return statusNames[s] }

// Entry is one line of an import report. Row 0 speaks of the whole sheet or
// file; Column is "C 事项名称" style, empty when the row as a whole is meant.
type Entry struct {
	File   string
	Sheet  string
	Row    int
	Column string
	Status Status
	Duty   string    // the duty's title, when the row names one
	Reason model.Msg // why it was skipped or rejected, or notes on an imported row
}

// Report lists every row imported, updated, skipped or rejected.
type Report struct {
	Entries        []Entry
	OfficesCreated []string // offices the import creates
	Backup         string   // the backup written before committing, if any
	Committed      bool     // the changes were written to the project
}

// Count returns how many entries have status s.
func (r *Report) Count(s Status) int {
	n := 0
	for _, e := range r.Entries {
		if e.Status == s {
			n++
		}
	}
	return n
}

// OK reports whether no row was rejected.
func (r *Report) OK() bool { return r.Count(StatusRejected) == 0 }

// Summary is the one-line count in lang ("zh" or "en").
func (r *Report) Summary(lang string) string {
	if lang == "en" {
		return fmt.Sprintf("imported %d, updated %d, skipped %d, rejected %d", r.Count(StatusImported), r.Count(StatusUpdated),
			r.Count(StatusSkipped), r.Count(StatusRejected))
	}
	return fmt.Sprintf("导入 %d 项，更新 %d 项，跳过 %d 行，拒绝 %d 行", r.Count(StatusImported), r.Count(StatusUpdated),
		r.Count(StatusSkipped), r.Count(StatusRejected))
}

// Place is "file › sheet，第 N 行，C 事项名称 列" for messages.
func (e *Entry) Place() string { return e.PlaceIn("zh") }

// PlaceIn is Place in lang ("zh" or "en"): "file › sheet, row N, column C 事项名称".
func (e *Entry) PlaceIn(lang string) string {
	s := e.File
	if e.Sheet != "" {
		s += " › " + e.Sheet
	}
	if lang == "en" {
		if e.Row > 0 {
			s += fmt.Sprintf(", row %d", e.Row)
		}
		if e.Column != "" {
			s += ", column " + e.Column
		}
		return s
	}
	if e.Row > 0 {
		s += fmt.Sprintf("，第 %d 行", e.Row)
	}
	if e.Column != "" {
		s += "，" + e.Column + " 列"
	}
	return s
}

// WriteText writes the report for a terminal: the summary, then every row
// that was not plainly imported (all rows when verbose).
func (r *Report) WriteText(w io.Writer, verbose bool) error {
	for _, e := range r.Entries {
		if e.Status == StatusImported && e.Reason.Zh == "" && !verbose {
			continue
		}
		line := fmt.Sprintf("[%s] %s", e.Status.Name().Zh, e.Place())
		if e.Duty != "" {
			line += "：「" + e.Duty + "」"
		}
		if e.Reason.Zh != "" {
			line += " — " + e.Reason.Zh + " / " + e.Reason.En
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	for _, o := range r.OfficesCreated {
		fmt.Fprintf(w, "新建街道（乡镇）/ new office: %s\n", o)
	}
	if r.Backup != "" {
		fmt.Fprintf(w, "导入前备份 / backup: %s\n", r.Backup)
	}
	_, err := fmt.Fprintf(w, "%s\n%s\n", r.Summary("zh"), r.Summary("en"))
	return err
}

// WriteCSV writes every entry as CSV in UTF-8 with BOM, so Excel shows the Chinese.
func (r *Report) WriteCSV(w io.Writer) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write([]string{"文件 File", "工作表 Sheet", "行 Row", "列 Column", "结果 Status", "事项 Duty", "原因 Reason", "Reason (English)"})
	for _, e := range r.Entries {
		row := ""
		if e.Row > 0 {
			row = strconv.Itoa(e.Row)
		}
		_ = cw.Write(Neutralise([]string{e.File, e.Sheet, row, e.Column, e.Status.Name().Zh + " " + e.Status.Name().En, e.Duty, e.Reason.Zh, e.Reason.En}))
	}
	cw.Flush()
	return cw.Error()
}

// columnLabel names a column as the spreadsheet does, with its header: "C 事项名称".
func columnLabel(col int, header string) string {
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		name = strconv.Itoa(col + 1)
	}
	if h := cleanText(header, true); h != "" {
		return name + " " + clip(h)
	}
	return name
}
