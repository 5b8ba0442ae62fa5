package sheet

import (
	"encoding/csv"
	"io"
	"strings"

	"rpbmatrix/model"
)

// WriteCSV writes the matrix of every office (or only the office named) as
// one flat table in UTF-8 with BOM, so Excel on Chinese Windows shows the
// Chinese. The authorities a duty requires share one column, each with its
// mark: "● 行政检查；× 行政处罚".
func WriteCSV(w io.Writer, p *model.Project, res *model.Result, office string) error {
	offices, err := selectOffices(p, office)
	if err != nil {
		return err
	}
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	hdr := []string{"街道（乡镇）"}
	for _, group := range [][]model.Msg{leadColumns, respColumns} {
		for _, h := range group {
			hdr = append(hdr, h.Zh)
		}
	}
	hdr = append(hdr, "所需权限（● 实际持有 ◐ 部分行使 ○ 仅纸面持有 × 缺失）")
	for _, group := range [][]model.Msg{resColumns, tailColumns} {
		for _, h := range group {
			hdr = append(hdr, h.Zh)
		}
	}
	if err := cw.Write(hdr); err != nil {
		return err
	}
	for _, o := range offices {
		m := buildMatrix(p, res, o)
		for _, r := range m.rows {
			rec := []string{o.Name}
			for _, v := range r.leadCells() {
				rec = append(rec, text(v))
			}
			for _, v := range r.respCells() {
				rec = append(rec, text(v))
			}
			var auths []string
			for i, mk := range r.marks {
				if mk != model.MarkNotNeeded {
					auths = append(auths, mk.Symbol()+" "+m.auths[i].Name)
				}
			}
			rec = append(rec, strings.Join(auths, "；"))
			for _, v := range r.resourceCells() {
				rec = append(rec, text(v))
			}
			for _, v := range r.tailCells() {
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
