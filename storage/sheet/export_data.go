package sheet

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"rpbmatrix/model"
)

// A workbook the exporter writes carries, in a hidden sheet at its end,
// every record it shows, one per row: the record's kind in column A and
// its JSON (the form `export -o X.json` writes) in column B and on, cut
// into pieces a cell holds. The importer recognises the sheet and takes
// the project back from it whole, with its identities, so that a
// workbook sent up and back merges into the project it came from. The
// visible sheets stay what people read, print and import as lists.

const (
	// dataSheetName names the data sheet; more rows than a sheet holds go
	// on in "_rpbmatrix_data(2)" and so on.
	dataSheetName = "_rpbmatrix_data"
	// dataFormat is the first cell of every data sheet, and the name of
	// the document property that says which kind of workbook it is.
	dataFormat = "rpbmatrix.workbook"
	// dataVersion is the layout of the data sheet; the reader takes every
	// version up to it.
	dataVersion = 1
	// dataChunk is the most bytes of JSON one cell takes: fewer than the
	// 32,767 characters a cell holds, however the text is counted.
	dataChunk = 30_000
)

// data writes the data sheet of p, the records the workbook holds, unless
// the export leaves it out.
func (x *xlsxExport) data(p *model.Project) error {
	if x.noData {
		return nil
	}
	var w *sheetWriter
	start := func() error {
		var err error
		w, err = x.wb.newSheet(x.wb.sheetName(dataSheetName, dataSheetName), sheetLayout{hidden: true, widths: []float64{12, 100}})
		if err != nil {
			return err
		}
		return w.put(0, textCell(dataFormat), textCell(strconv.Itoa(dataVersion)), textCell(strconv.Itoa(model.SchemaVersion)),
			textCell(x.kind), textCell(x.say("sheet.data.note")))
	}
	if err := start(); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	cells := make([]xcell, 0, 4)
	records := 0
	put := func(e model.Entity) error {
		records++
		buf.Reset()
		if err := enc.Encode(e); err != nil {
			return err
		}
		if w.full() {
			if err := start(); err != nil {
				return err
			}
		}
		cells = append(cells[:0], textCell(string(e.EntityKind())))
		for _, piece := range chunks(bytes.TrimRight(buf.Bytes(), "\n"), dataChunk) {
			cells = append(cells, textCell(piece))
		}
		return w.put(0, cells...)
	}
	// Every kind of record, each after the kinds it refers to.
	for _, k := range model.Kinds() {
		if err := putSorted(put, slices.Collect(p.All(k))); err != nil {
			return err
		}
	}
	if w.full() {
		if err := start(); err != nil {
			return err
		}
	}
	return w.put(0, textCell(dataEnd), textCell(strconv.Itoa(records)))
}

// putSorted puts records in the order of their identities, so that the
// same project always gives the same sheet.
func putSorted(put func(model.Entity) error, es []model.Entity) error {
	slices.SortFunc(es, func(a, b model.Entity) int {
		x, y := a.Identity(), b.Identity()
		if c := bytes.Compare(x.ID[:], y.ID[:]); c != 0 {
			return c
		}
		return bytes.Compare(x.Other[:], y.Other[:])
	})
	for _, e := range es {
		if err := put(e); err != nil {
			return err
		}
	}
	return nil
}

// chunks cuts b into pieces of at most n bytes, between characters.
func chunks(b []byte, n int) []string {
	var out []string
	for len(b) > n {
		i := n
		for i > 0 && !utf8.RuneStart(b[i]) {
			i--
		}
		out = append(out, string(b[:i]))
		b = b[i:]
	}
	return append(out, string(b))
}

func textCell(s string) xcell { return xcell{kind: 's', str: s} }

// subsetOf is the part of p a workbook about offices holds. A whole
// project's workbook holds every record; without facts (the lists) only
// the offices, duties, authorities, decisions and the meetings that took
// them — what the lists show. One office's workbook holds the duties in
// its list, the decisions about it and, with facts, the records about it
// alone (holdings, assessments, incidents, requests for it …); the
// offices, authorities and meetings come whole, and the duties the
// records kept refer to, so that the part is a valid project.
func subsetOf(p *model.Project, offices []*model.Office, scoped, facts bool) *model.Project {
	if !scoped && facts {
		return p
	}
	in := map[model.ID]bool{}
	for _, o := range offices {
		in[o.ID] = true
	}
	q := model.NewProject("", "", "")
	q.Info, q.Settings = p.Info, p.Settings
	var refs []model.Ref
	keep := func(e model.Entity) bool {
		switch x := e.(type) {
		case *model.Info, *model.Settings, *model.Decision:
			return false // set above, or chosen by decisionsOf below
		case *model.Office:
			// Every office comes, even in one office's workbook: records
			// kept may name others (a duty's or a request's scope).
			return true
		case *model.Duty:
			if !scoped {
				return true
			}
			for _, o := range offices {
				if x.AppliesTo(o.ID) {
					return true
				}
			}
			return false
		case *model.Authority, *model.Meeting:
			return true
		}
		if !facts {
			return false
		}
		if !scoped {
			return true
		}
		if x, ok := e.(*model.Proposal); ok { // a request for the offices of its scope, or all
			return slices.ContainsFunc(offices, func(o *model.Office) bool { return x.AppliesTo(o.ID) })
		}
		refs = e.AppendRefs(refs[:0])
		for _, r := range refs {
			if r.Kind == model.KindOffice && !in[r.ID] {
				return false
			}
		}
		return true
	}
	for _, k := range model.Kinds() {
		for e := range p.All(k) {
			if keep(e) {
				q.Insert(e)
			}
		}
	}
	for _, d := range decisionsOf(p, offices) {
		q.Insert(d)
	}
	if scoped {
		// What the records kept refer to comes with them: the duties and
		// offices they name, and the offices the duties are limited to.
		var all []model.Entity
		for _, k := range model.Kinds() {
			all = append(all, slices.Collect(q.All(k))...)
		}
		for _, e := range all {
			for _, r := range e.AppendRefs(nil) {
				if d := p.Duties[r.ID]; r.Kind == model.KindDuty && d != nil {
					q.Insert(d)
				}
			}
		}
	}
	return q
}
