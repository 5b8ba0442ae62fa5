package sheet

import (
	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
)

// legend writes the 图例 sheet: every symbol and fill the matrix uses, the
// measures, and what each mismatch rule means.
func (x *xlsxExport) legend() error {
	w, _, err := x.newSheet("图例", func(sheet string) error { return setPrintLayout(x.f, sheet, 3, 0) })
	if err != nil {
		return err
	}
	if err := w.widths(14, 60, 70); err != nil {
		return err
	}
	if err := w.put(24, w.cell(kindTitle, "", "图例与说明 Legend")); err != nil {
		return err
	}
	if err := w.headerRow([]string{"权限格", "含义", "Meaning"}); err != nil {
		return err
	}
	for _, m := range model.Marks {
		if m == model.MarkNotNeeded {
			continue // its row, with a longer wording, follows
		}
		if err := w.put(0, w.cell(kindCentered, markFill[m], m.Symbol()), w.cell(kindText, "", m.Name().Zh), w.cell(kindText, "", m.Name().En)); err != nil {
			return err
		}
	}
	if err := w.put(0, w.cell(kindCentered, "", ""), w.cell(kindText, "", "该事项不需要此项权限"), w.cell(kindText, "", "the duty does not need this authority")); err != nil {
		return err
	}
	if err := w.put(0); err != nil {
		return err
	}
	if err := w.headerRow([]string{"错配底色", "最严重错配", "Worst finding"}); err != nil {
		return err
	}
	for _, s := range model.Severities {
		if err := w.put(0, w.cell(kindCentered, fillOf(s), s.Name().Zh), w.cell(kindText, "", "“错配”“缺口”列按该事项最严重的错配着色"),
			w.cell(kindText, "", "Findings and gap cells are filled by the duty's worst finding: "+s.Name().En)); err != nil {
			return err
		}
	}
	if err := w.put(0); err != nil {
		return err
	}
	if err := w.headerRow([]string{"指标", "说明", "Meaning"}); err != nil {
		return err
	}
	measures := [][3]string{
		{"责任权重 W", "1–5，由实际角色和问责压力（一票否决、问责次数、考核部门数）得出", "1–5, from the actual role and accountability exposure"},
		{"权限覆盖率 A", "实际能行使的所需权限占比（部分行使按设置折算）", "share of the required authorities exercised in fact (partial use counts per settings)"},
		{"资源覆盖率 S", "人力、经费、信息系统的实有与需要之比", "resources held against resources needed: staff, funds, systems"},
		{"缺口 G", "G = W ×（1 − min(A, S)）", "G = W × (1 − min(A, S))"},
		{"均衡指数", "1 − ΣG/ΣW，1 为责权利完全匹配", "1 − ΣG/ΣW; 1 means duties, powers and resources match"},
	}
	for _, m := range measures {
		if err := w.put(0, w.cell(kindText, "", m[0]), w.cell(kindText, "", m[1]), w.cell(kindText, "", m[2])); err != nil {
			return err
		}
	}
	if rules := model.Rules(); len(rules) > 0 {
		if err := w.put(0); err != nil {
			return err
		}
		if err := w.headerRow([]string{"错配类型", "何时出现", "When it fires"}); err != nil {
			return err
		}
		widths := []float64{14, 60, 70}
		for _, r := range rules {
			texts := []any{r.Name.Zh, r.Description.Zh, r.Description.En}
			cells := []excelize.Cell{w.cell(kindText, "", r.Name.Zh+"\n"+string(r.Code)), w.cell(kindText, "", r.Description.Zh), w.cell(kindText, "", r.Description.En)}
			if err := w.put(rowHeight(texts, widths), cells...); err != nil {
				return err
			}
		}
	}
	return w.sw.Flush()
}
