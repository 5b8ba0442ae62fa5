package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model/words"
)

// Status is what happened to a row.
type Status int

const (
	StatusImported Status = iota + 1 // a new duty
	StatusUpdated                    // an existing duty (or an earlier row) updated
	StatusSkipped                    // left out on purpose: footnote, heading, duplicate, instruction sheet
	StatusRejected                   // bad input: nothing is written while any row is rejected
)

var statusCodes = map[Status]string{StatusImported: "imported", StatusUpdated: "updated", StatusSkipped: "skipped", StatusRejected: "rejected"}

// Name is the status's display name.
func (s Status) Name() words.Msg { return words.M("sheet.status." + statusCodes[s]) }

// Entry is one line of an import report. Row 0 speaks of the whole sheet or
// file; Column is "C 事项名称" style (the column's letter and header text),
// empty when the row as a whole is meant.
type Entry struct {
	File   string
	Sheet  string
	Row    int
	Column string
	Status Status
	Duty   string    // the duty's title, when the row names one
	Reason words.Msg // why it was skipped or rejected, or notes on an imported row
}

// Report lists every row imported, updated, skipped or rejected.
type Report struct {
	Entries        []Entry
	OfficesCreated []string // offices the import creates
	Backup         string   // the backup written before committing, if any
	Committed      bool     // the changes were written to the project

	// Unlisted counts, by status, the rows left out of Entries because
	// listLimit of that status were listed already: a million imported
	// rows are a count, not a million lines held in memory.
	Unlisted map[Status]int
	listed   map[Status]int // entries of each status trim has kept
	trimmed  int            // Entries[:trimmed] have been through trim

	// Assessments the import creates and updates, and rows whose
	// assessment columns were left out because the duty is not assessed.
	AssessmentsCreated, AssessmentsUpdated, AssessmentsUnassessed int
}

// listLimit is how many rows of each status a report lists.
const listLimit = 10_000

// trim keeps the first listLimit entries of each status among those added
// since the last trim, and counts the others in Unlisted.
func (r *Report) trim() {
	if r.listed == nil {
		r.listed, r.Unlisted = map[Status]int{}, map[Status]int{}
	}
	kept := r.Entries[:r.trimmed]
	for _, e := range r.Entries[r.trimmed:] {
		if r.listed[e.Status] >= listLimit {
			r.Unlisted[e.Status]++
			continue
		}
		r.listed[e.Status]++
		kept = append(kept, e)
	}
	clear(r.Entries[len(kept):])
	r.Entries = kept
	r.trimmed = len(kept)
}

// Count returns how many rows have status s, listed or not.
func (r *Report) Count(s Status) int {
	n := r.Unlisted[s]
	for _, e := range r.Entries {
		if e.Status == s {
			n++
		}
	}
	return n
}

// unlistedLines words the counts of rows not listed, one line a status;
// of the rows imported or updated only when all is asked for (a terminal
// report leaves out the rows plainly imported anyway).
func (r *Report) unlistedLines(lang string, all bool) []string {
	var out []string
	for _, s := range []Status{StatusImported, StatusUpdated, StatusSkipped, StatusRejected} {
		if n := r.Unlisted[s]; n > 0 && (all || s == StatusSkipped || s == StatusRejected) {
			out = append(out, words.Say(lang, "sheet.report.unlisted", "n", n, "status", s.Name(), "limit", listLimit))
		}
	}
	return out
}

// OK reports whether no row was rejected.
func (r *Report) OK() bool { return r.Count(StatusRejected) == 0 }

// Summary is the one-line count in lang.
func (r *Report) Summary(lang string) string { return r.summary(lang, "sheet.report.summary") }

// Outcome is the report's last line: the Summary once the changes are
// written; before (rows rejected, a dry run) it says nothing was written
// and counts what would have been, never "imported".
func (r *Report) Outcome(lang string) string {
	if r.Committed {
		return r.Summary(lang)
	}
	return r.summary(lang, "sheet.report.summary_unwritten")
}

func (r *Report) summary(lang, key string) string {
	return words.Say(lang, key, "imported", r.Count(StatusImported), "updated", r.Count(StatusUpdated),
		"skipped", r.Count(StatusSkipped), "rejected", r.Count(StatusRejected))
}

// Place names where the entry is: "file › sheet, row N, column C 事项名称".
func (e *Entry) Place() words.Msg {
	where := e.File
	if e.Sheet != "" {
		where += " › " + e.Sheet
	}
	switch {
	case e.Row > 0 && e.Column != "":
		return words.M("sheet.place.row_column", "where", where, "row", e.Row, "column", e.Column)
	case e.Row > 0:
		return words.M("sheet.place.row", "where", where, "row", e.Row)
	case e.Column != "":
		return words.M("sheet.place.column", "where", where, "column", e.Column)
	}
	return words.M("sheet.place", "where", where)
}

// PlaceIn is Place worded in lang.
func (e *Entry) PlaceIn(lang string) string { return e.Place().In(lang) }

// Line is the entry as one line of a report in lang: its status, place,
// duty and reason.
func (e *Entry) Line(lang string) string {
	status, place := e.Status.Name(), e.Place()
	switch {
	case e.Duty != "" && !e.Reason.IsZero():
		return words.Say(lang, "sheet.report.entry.duty_reason", "status", status, "place", place, "duty", e.Duty, "reason", e.Reason)
	case e.Duty != "":
		return words.Say(lang, "sheet.report.entry.duty", "status", status, "place", place, "duty", e.Duty)
	case !e.Reason.IsZero():
		return words.Say(lang, "sheet.report.entry.reason", "status", status, "place", place, "reason", e.Reason)
	}
	return words.Say(lang, "sheet.report.entry", "status", status, "place", place)
}

// WriteText writes the report in lang for a terminal: every row that was
// not plainly imported (all rows when verbose), then the summary.
func (r *Report) WriteText(w io.Writer, lang string, verbose bool) error {
	for _, e := range r.Entries {
		if e.Status == StatusImported && e.Reason.IsZero() && !verbose {
			continue
		}
		if _, err := fmt.Fprintln(w, e.Line(lang)); err != nil {
			return err
		}
	}
	for _, line := range r.unlistedLines(lang, verbose) {
		fmt.Fprintln(w, line)
	}
	for _, o := range r.OfficesCreated {
		fmt.Fprintln(w, words.Say(lang, "sheet.report.office_created", "office", o))
	}
	if line, ok := r.AssessmentCounts(lang); ok {
		fmt.Fprintln(w, line)
	}
	if r.Backup != "" {
		fmt.Fprintln(w, words.Say(lang, "sheet.report.backup", "path", r.Backup))
	}
	_, err := fmt.Fprintln(w, r.Outcome(lang))
	return err
}

// WriteCSV writes every entry in lang as CSV in UTF-8 with BOM, so Excel
// shows the Chinese.
func (r *Report) WriteCSV(w io.Writer, lang string) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	var hdr []string
	for _, k := range []string{"file", "sheet", "row", "column", "status", "duty", "reason"} {
		hdr = append(hdr, words.Say(lang, "sheet.report.col."+k))
	}
	_ = cw.Write(hdr)
	for _, e := range r.Entries {
		row := ""
		if e.Row > 0 {
			row = strconv.Itoa(e.Row)
		}
		_ = cw.Write(Neutralise([]string{e.File, e.Sheet, row, e.Column, e.Status.Name().In(lang), e.Duty, e.Reason.In(lang)}))
	}
	for _, line := range r.unlistedLines(lang, true) {
		_ = cw.Write(Neutralise([]string{"", "", "", "", "", "", line}))
	}
	if line, ok := r.AssessmentCounts(lang); ok {
		_ = cw.Write(Neutralise([]string{"", "", "", "", "", "", line}))
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
