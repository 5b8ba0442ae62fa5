package sheet

import (
	"encoding/csv"
	"io"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// WriteCSV writes the matrix of every office (or only the office named) in
// lang as one flat table in UTF-8 with BOM, so Excel on Chinese Windows
// shows the Chinese. The authorities a duty requires share one column, each
// with its mark: "● 行政检查；× 行政处罚". Rows are worded as they are
// written, one office at a time. No option applies to a CSV (it has no
// data sheet); opts are taken so that every export is called alike.
func WriteCSV(w io.Writer, p *model.Project, res *model.Result, office, lang string, _ ...Option) error {
	offices, err := selectOffices(p, office)
	if err != nil {
		return err
	}
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	hdr := []string{officeColumn.name.In(lang)}
	for _, c := range leadColumns {
		hdr = append(hdr, c.name.In(lang))
	}
	for _, h := range respColumns {
		hdr = append(hdr, h.In(lang))
	}
	hdr = append(hdr, words.Say(lang, "sheet.column.required", "marks", markLegend(lang)))
	for _, group := range [][]words.Msg{resColumns, tailColumns} {
		for _, h := range group {
			hdr = append(hdr, h.In(lang))
		}
	}
	if err := cw.Write(hdr); err != nil {
		return err
	}
	sep := cellSep(lang)
	for _, o := range offices {
		m := buildMatrix(p, res, o)
		for _, r := range m.rows {
			rec := []string{o.Name}
			for _, v := range r.leadCells(lang) {
				rec = append(rec, text(v))
			}
			for _, v := range r.respCells(lang) {
				rec = append(rec, text(v))
			}
			var auths []string
			for i, mk := range r.marks {
				if mk != model.MarkNotNeeded {
					auths = append(auths, markText(lang, mk, m.auths[i].Name))
				}
			}
			rec = append(rec, strings.Join(auths, sep))
			for _, v := range r.resourceCells() {
				rec = append(rec, text(v))
			}
			for _, v := range r.tailCells(lang) {
				rec = append(rec, text(v))
			}
			if err := cw.Write(Neutralise(rec)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
