// Package report writes the printed matrix reports as PDF: for each office a
// cover, summary charts, the duty × authority matrix, the findings, the
// decisions as meeting minutes and the scenario comparison; and a district
// summary across offices. It uses the embedded Noto Sans SC font, falls back
// to system fonts for characters the font lacks and reports them. It imports
// no Fyne, so the headless `report` command uses it too.
package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"rpbmatrix/model"
)

// Write writes the report on p to w. r is the analysis of p; nil means
// analyse now. The warnings list characters the embedded font lacks.
func Write(w io.Writer, p *model.Project, r *model.Result, opt Options) (Warnings, error) {
	if p == nil {
		return nil, fmt.Errorf("没有项目 / no project")
	}
	if r == nil {
		r = model.Analyze(p)
	}
	opt, offices, err := resolve(p, opt)
	if err != nil {
		return nil, err
	}
	fonts, err := newFontSet()
	if err != nil {
		return nil, err
	}
	d, err := newDoc(p, r, opt, fonts)
	if err != nil {
		return nil, err
	}
	var cmp *model.Comparison
	if opt.Has(SectionScenario) && len(p.Decisions) > 0 {
		cmp = model.Compare(r, model.Analyze(model.Scenario(p)))
	}
	if opt.officeParts() {
		for _, o := range offices {
			d.officeReport(o, cmp)
		}
	}
	if opt.Has(SectionDistrict) {
		all := p.OfficeList()
		n := d.district(all)
		if cmp != nil {
			d.districtScenario(n+1, all, cmp)
		}
	}
	if d.pdf.GetNumberOfPages() == 0 {
		return nil, fmt.Errorf("所选内容为空，没有可打印的页面 / nothing selected to print")
	}
	if err := d.finish(opt.SourceFile, opt.Now.Format("2006-01-02 15:04")); err != nil {
		return fonts.warnings(), err
	}
	if _, err := d.pdf.WriteTo(w); err != nil {
		return fonts.warnings(), fmt.Errorf("写入 PDF 失败 / writing the PDF: %w", err)
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
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return warnings, fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return warnings, fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return warnings, fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err := tmp.Close(); err != nil {
		return warnings, fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return warnings, fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	return warnings, nil
}

// resolve fills in defaults and finds the offices to report on.
func resolve(p *model.Project, opt Options) (Options, []*model.Office, error) {
	if opt.Lang != "en" {
		opt.Lang = "zh"
	}
	if opt.Paper == "" {
		opt.Paper = A4
	}
	if opt.Paper != A4 && opt.Paper != A3 {
		return opt, nil, fmt.Errorf("纸张只能是 A4 或 A3，收到 %q / paper must be A4 or A3, got %q", opt.Paper, opt.Paper)
	}
	for _, s := range opt.Sections {
		if _, ok := sectionNames[s]; !ok {
			return opt, nil, fmt.Errorf("未知的报告部分 %q / unknown section %q", s, s)
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
			return opt, nil, fmt.Errorf("项目中没有编号为 %s 的街道 / no office with id %s in the project", id, id)
		}
		offices = append(offices, o)
	}
	return opt, offices, nil
}

// officeReport prints the office sections the options ask for.
func (d *doc) officeReport(o *model.Office, cmp *model.Comparison) {
	fs := officeFindings(d.r, o.ID)
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
	if cmp != nil && len(d.officeDecisions(o)) > 0 {
		n++
		d.officeScenario(n, o, cmp)
	}
}
