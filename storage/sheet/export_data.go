package sheet

import (
	"bytes"
	"encoding/json"
	"maps"
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

// data writes the data sheet of p, the records the workbook holds.
func (x *xlsxExport) data(p *model.Project) error {
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
	if err := put(&p.Info); err != nil {
		return err
	}
	if err := put(&p.Settings); err != nil {
		return err
	}
	for _, putAll := range []func() error{
		func() error { return putSorted(put, p.Offices) }, func() error { return putSorted(put, p.Authorities) },
		func() error { return putSorted(put, p.Duties) }, func() error { return putSorted(put, p.Holdings) },
		func() error { return putSorted(put, p.Assessments) }, func() error { return putSorted(put, p.Decisions) },
	} {
		if err := putAll(); err != nil {
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

// putSorted puts a map's records in the order of their identities, so
// that the same project always gives the same sheet.
func putSorted[K comparable, E model.Entity](put func(model.Entity) error, m map[K]E) error {
	es := slices.Collect(maps.Values(m))
	slices.SortFunc(es, func(a, b E) int {
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

// subsetOf is the part of p a workbook about offices holds: for a whole
// project every record (without holdings and assessments when facts is
// false); for one office its records, the duties in its list and the
// decisions about it, the offices those duties name and every authority.
func subsetOf(p *model.Project, offices []*model.Office, scoped, facts bool) *model.Project {
	if !scoped && facts {
		return p
	}
	q := &model.Project{Info: p.Info, Settings: p.Settings, Offices: p.Offices, Duties: p.Duties,
		Authorities: p.Authorities, Holdings: map[model.PairKey]*model.Holding{},
		Assessments: map[model.PairKey]*model.Assessment{}, Decisions: map[model.ID]*model.Decision{}}
	in := map[model.ID]bool{}
	for _, o := range offices {
		in[o.ID] = true
	}
	if scoped {
		q.Offices, q.Duties = map[model.ID]*model.Office{}, map[model.ID]*model.Duty{}
		for _, o := range offices {
			q.Offices[o.ID] = o
		}
		for _, d := range p.Duties {
			for _, o := range offices {
				if d.AppliesTo(o.ID) {
					q.Duties[d.ID] = d
					break
				}
			}
		}
	}
	for _, d := range decisionsOf(p, offices) {
		q.Decisions[d.ID] = d
	}
	if facts {
		for k, h := range p.Holdings {
			if in[k.Office] {
				q.Holdings[k] = h
			}
		}
		for k, a := range p.Assessments {
			if in[k.Office] {
				q.Assessments[k] = a
			}
		}
	}
	if scoped {
		// What the records kept refer to comes with them.
		need := func(id model.ID) {
			if d := p.Duties[id]; d != nil {
				q.Duties[id] = d
			}
		}
		for _, d := range q.Decisions {
			need(d.Duty)
		}
		for k := range q.Assessments {
			need(k.Other)
		}
		for _, d := range q.Duties {
			for _, id := range d.Scope {
				if o := p.Offices[id]; o != nil {
					q.Offices[id] = o
				}
			}
		}
	}
	return q
}
