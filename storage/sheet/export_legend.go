package sheet

import (
	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// legend writes the legend sheet: every mark and fill the workbook uses,
// named as the screen and the printed report name them, the measures, and
// what each mismatch rule means.
func (x *xlsxExport) legend() error {
	widths := []float64{18, 90}
	w, err := x.newSheet(x.say("sheet.name.legend"), sheetLayout{widths: widths, columns: 2})
	if err != nil {
		return err
	}
	if err := w.put(24, w.cell(kindTitle, noFill, x.say("sheet.legend.title"))); err != nil {
		return err
	}
	meaning := x.say("sheet.legend.col.meaning")
	if err := w.headerRow([]string{x.say("sheet.legend.col.mark"), meaning}); err != nil {
		return err
	}
	for _, m := range model.Marks {
		if err := w.put(0, w.cell(kindCentered, markFill(m), palette.Mark(m).Glyph), w.cell(kindText, noFill, m.Name().In(x.lang))); err != nil {
			return err
		}
	}

	if err := w.put(0); err != nil {
		return err
	}
	if err := w.headerRow([]string{x.say("sheet.legend.col.fill"), meaning}); err != nil {
		return err
	}
	for _, s := range model.Severities {
		name := s.Name().In(x.lang)
		if err := w.put(0, w.cell(kindCentered, severityFill(s), name), w.cell(kindText, noFill, x.say("sheet.legend.severity", "severity", name))); err != nil {
			return err
		}
	}

	if err := w.put(0); err != nil {
		return err
	}
	if err := w.headerRow([]string{x.say("sheet.legend.col.measure"), meaning}); err != nil {
		return err
	}
	index := words.M("term.balance_index")
	measures := []struct{ term, meaning words.Msg }{
		{words.M("term.weight"), words.M("sheet.legend.measure.weight")},
		{words.M("term.authority_coverage"), words.M("sheet.legend.measure.authority_coverage")},
		{words.M("term.resource_coverage"), words.M("sheet.legend.measure.resource_coverage")},
		{words.M("term.gap"), words.M("sheet.legend.measure.gap")},
		{index, words.M("sheet.legend.measure.balance_index")},
		{words.M("term.gap_ratio"), words.M("sheet.legend.measure.gap_ratio", "index", index)},
	}
	for _, m := range measures {
		if err := w.put(0, w.cell(kindText, noFill, m.term.In(x.lang)), w.cell(kindText, noFill, m.meaning.In(x.lang))); err != nil {
			return err
		}
	}

	// The gap ramp: the fill at each quarter of the ratio that saturates it.
	if err := w.put(0); err != nil {
		return err
	}
	gapRatio := words.M("term.gap_ratio")
	if err := w.headerRow([]string{gapRatio.In(x.lang), x.say("sheet.legend.gap_ratio", "measure", gapRatio)}); err != nil {
		return err
	}
	for i := 0; i <= 4; i++ {
		r := palette.GapSaturation * float64(i) / 4
		if err := w.put(0, w.cell(kindCentered, palette.Gap(r), x.say("sheet.legend.at_least", "ratio", words.Pct(r))), w.cell(kindText, noFill, "")); err != nil {
			return err
		}
	}
	if err := w.put(0, w.cell(kindCentered, palette.NoData, x.say("sheet.summary.no_data")), w.cell(kindText, noFill, x.say("sheet.legend.no_data"))); err != nil {
		return err
	}

	if rules := model.Rules(); len(rules) > 0 {
		if err := w.put(0); err != nil {
			return err
		}
		if err := w.headerRow([]string{x.say("sheet.legend.col.rule"), x.say("sheet.legend.col.when")}); err != nil {
			return err
		}
		for _, r := range rules {
			name, desc := x.say("sheet.legend.rule", "name", r.Name.In(x.lang), "code", string(r.Code)), r.Description.In(x.lang)
			if err := w.put(rowHeight([]any{name, desc}, widths), w.cell(kindText, noFill, name), w.cell(kindText, noFill, desc)); err != nil {
				return err
			}
		}
	}
	if (x.kind == workbookMatrix || x.kind == workbookLists) && !x.noData {
		if err := w.put(0); err != nil {
			return err
		}
		note := x.say("sheet.legend.data_sheet", "sheet", dataSheetName)
		if err := w.put(rowHeight([]any{"", note}, widths), w.cell(kindNote, noFill, ""), w.cell(kindNote, noFill, note)); err != nil {
			return err
		}
	}
	return nil
}
