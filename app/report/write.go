// Package report writes the printed matrix reports as PDF: for each office a
// cover with the narrative summary, summary charts, the duty × authority
// matrix, the findings, its decisions (处理意见清单), its admission requests
// and off-list tasks (准入) and the scenario comparison; a district summary
// across offices; and the minutes of every meeting (会议纪要) with the
// decisions taken in it. A report of more than
// one part opens with a master cover and a table of contents and puts the
// district first (先总后分); the project's title block (identity.go) is on
// every cover, header and footer, and the decisions, scenario and district
// pages end with signature blocks. It uses the embedded Noto Sans SC font, falls back
// to system fonts for characters the font lacks and reports them.
//
// It lives under app/ because it is the app's printer: the Print dialog
// (app/reportui) and the headless `report` command (app/cli) both call it.
// It imports no Fyne, so the headless commands can print without a display.
// Every word it prints comes from the catalogue (model/words, keys
// "report.*" and the shared "term.*"), every colour and glyph from
// model/palette, so paper, screen and workbook say and show the same.
package report

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Write writes the report on p to w. r is the analysis of p; nil means
// analyse now: only the chosen offices when the district is not printed.
// The report asks r only for what it prints: one office's findings at a
// time, counts from the summaries. The warnings list
// characters the embedded font lacks.
func Write(w io.Writer, p *model.Project, r *model.Result, opt Options) (Warnings, error) {
	if p == nil {
		return nil, fail(words.M("report.err.no_project"))
	}
	opt, offices, err := resolve(p, opt)
	if err != nil {
		return nil, err
	}
	if r == nil {
		// Without the district, only the chosen offices are analysed: cut
		// from the whole project, or from the part of the file read for
		// them (storage.ReadOffices), to the same records either way.
		if !opt.Has(SectionDistrict) && len(opt.Offices) > 0 {
			p = officesOnly(p, offices)
		}
		if err := model.CheckProjectSize(p); err != nil {
			return nil, err
		}
		r = model.Analyze(p)
	}
	fonts, err := newFontSet()
	if err != nil {
		return nil, err
	}
	d, err := newDoc(p, r, opt, fonts)
	if err != nil {
		return nil, err
	}
	if combined(opt, len(offices)) {
		d.masterCover(len(offices), opt.Has(SectionDistrict))
		d.reserveContents(tocEntries(opt, len(offices)))
	}
	front := d.pdf.GetNumberOfPages() // the master cover and the contents
	part := 0
	// 先总后分: the district first, then each office.
	if opt.Has(SectionDistrict) {
		first := d.pdf.GetNumberOfPages() + 1
		all := p.OfficeList()
		// The signature block ends the part: its last table keeps room
		// for it (the scenario's keeps it always).
		admission, scenario := opt.Has(SectionAdmission), d.scenarioWanted()
		n := d.district(all, signedIf(!admission && !scenario))
		if admission {
			n++
			d.districtAdmission(n, all, signedIf(!scenario))
		}
		if scenario {
			d.districtScenario(n+1, all)
		}
		d.signBlock()
		part++
		d.entry(0, d.sectionTitle(part, words.Say(d.lang, "report.toc.district")), first)
	}
	if opt.Has(SectionMinutes) {
		first := d.pdf.GetNumberOfPages() + 1
		d.minutes()
		part++
		d.entry(0, d.sectionTitle(part, words.Say(d.lang, "report.toc.minutes")), first)
	}
	if opt.officeParts() {
		at := 0
		if d.toc != nil {
			at = len(d.toc.entries)
		}
		first := d.pdf.GetNumberOfPages() + 1
		for _, o := range offices {
			start := d.pdf.GetNumberOfPages() + 1
			d.officeReport(o)
			d.entry(1, o.Name, start)
		}
		if d.toc != nil && len(d.toc.entries) > at {
			part++
			d.toc.entries = slices.Insert(d.toc.entries, at, tocEntry{0, d.sectionTitle(part, words.Say(d.lang, "report.toc.offices")), first})
		}
	}
	if d.pdf.GetNumberOfPages() == front {
		return nil, fail(words.M("report.err.nothing"))
	}
	if err := d.finish(); err != nil {
		return fonts.warnings(), err
	}
	var plain bytes.Buffer
	if _, err := d.pdf.WriteTo(&plain); err != nil {
		return fonts.warnings(), failWith(err, words.M("report.err.pdf", "cause", err.Error()))
	}
	out := plain.Bytes()
	if deflateAfter {
		out = deflateContents(out)
	}
	if _, err := w.Write(out); err != nil {
		return fonts.warnings(), failWith(err, words.M("report.err.pdf", "cause", err.Error()))
	}
	return fonts.warnings(), nil
}

// WriteFile writes the report to path. The file appears complete or not at
// all: it is written beside the target and renamed into place.
func WriteFile(path string, p *model.Project, r *model.Result, opt Options) (Warnings, error) {
	var buf bytes.Buffer
	warnings, err := Write(&buf, p, r, opt)
	if err != nil {
		return warnings, err
	}
	if err := writeBeside(path, buf.Bytes()); err != nil {
		return warnings, failWith(err, words.M("report.err.write", "path", path, "cause", err.Error()))
	}
	return warnings, nil
}

// writeBeside writes data to a temporary file beside path and renames it over path.
func writeBeside(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// resolve fills in defaults and finds the offices to report on.
func resolve(p *model.Project, opt Options) (Options, []*model.Office, error) {
	if opt.Lang == "" {
		opt.Lang = words.Zh // the default
	}
	opt.Lang = words.Lang(opt.Lang)
	if opt.Paper == "" {
		opt.Paper = A4
	}
	if opt.Paper != A4 && opt.Paper != A3 {
		return opt, nil, fail(words.M("report.err.paper", "paper", string(opt.Paper)))
	}
	for _, s := range opt.Sections {
		if _, ok := sectionNames[s]; !ok {
			return opt, nil, fail(words.M("report.err.section", "section", string(s)))
		}
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if len(opt.Offices) == 0 {
		return opt, p.OfficeList(), nil
	}
	var offices []*model.Office
	for _, id := range opt.Offices {
		o, ok := p.Offices[id]
		if !ok {
			return opt, nil, fail(words.M("report.err.office", "id", id.String()))
		}
		offices = append(offices, o)
	}
	return opt, offices, nil
}

// officeReport prints the office sections the options ask for. The office's
// findings are asked for once, here, and only when a section prints them.
func (d *doc) officeReport(o *model.Office) {
	var fs []model.Finding
	if d.opt.Has(SectionCover) || d.opt.Has(SectionCharts) || d.opt.Has(SectionFindings) {
		fs = d.r.FindingsOfOffice(o.ID)
	}
	n := 0
	if d.opt.Has(SectionCover) {
		d.cover(o, fs)
	}
	if d.opt.Has(SectionCharts) {
		n++
		d.charts(n, o, fs)
	}
	if d.opt.Has(SectionMatrix) {
		n++
		d.matrix(n, o)
	}
	if d.opt.Has(SectionFindings) {
		n++
		d.findingsList(n, o, fs)
	}
	if d.opt.Has(SectionDecisions) {
		n++
		d.decisions(n, o)
	}
	if d.opt.Has(SectionAdmission) {
		n++
		d.officeAdmission(n, o)
	}
	if d.scenarioWanted() && len(d.officeDecisions(o)) > 0 {
		n++
		d.officeScenario(n, o)
	}
}
