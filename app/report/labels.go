package report

import (
	"strings"

	"rpbmatrix/model"
)

// labels are the report's own words; data (names, reasons) is printed as entered.
var labels = map[string]model.Msg{
	"file":             {Zh: "文件：", En: "File: "},
	"generated":        {Zh: "生成时间：", En: "Generated: "},
	"officeReport":     {Zh: "职责事项责权利匹配情况报告", En: "Duties, authority and resources: mismatch report"},
	"districtReport":   {Zh: "全区街道（乡镇）责权利匹配情况汇总", En: "District summary of duties, authority and resources"},
	"project":          {Zh: "项目", En: "Project"},
	"region":           {Zh: "区（县）", En: "District"},
	"office":           {Zh: "街道（乡镇）", En: "Office"},
	"officeKind":       {Zh: "类型", En: "Type"},
	"population":       {Zh: "常住人口", En: "Population"},
	"communities":      {Zh: "社区（村）数", En: "Communities"},
	"establishment":    {Zh: "核定编制", En: "Establishment"},
	"staffActual":      {Zh: "实有人员", En: "Staff"},
	"budget":           {Zh: "年度经费（万元）", En: "Budget (10k CNY)"},
	"date":             {Zh: "报告日期", En: "Date"},
	"author":           {Zh: "编制人", En: "Prepared by"},
	"balance":          {Zh: "责权利平衡指数", En: "Balance index"},
	"balanceNote":      {Zh: "1 为完全匹配；1 − 缺口合计 ÷ 责任权重合计", En: "1 = fully matched; 1 − ΣG ÷ ΣW"},
	"items":            {Zh: "职责事项", En: "Duties"},
	"findings":         {Zh: "错配", En: "Findings"},
	"countsByRule":     {Zh: "错配数量（按规则和等级）", En: "Findings by rule and severity"},
	"rule":             {Zh: "错配类型", En: "Rule"},
	"total":            {Zh: "合计", En: "Total"},
	"chartsTitle":      {Zh: "错配情况统计", En: "Findings at a glance"},
	"byRule":           {Zh: "按错配类型", En: "By rule"},
	"byCategory":       {Zh: "按事项类别", En: "By category"},
	"balanceByCat":     {Zh: "各类别责权利平衡指数", En: "Balance index by category"},
	"balanceByKind":    {Zh: "各清单类型责权利平衡指数", En: "Balance index by list"},
	"officeWide":       {Zh: "街道整体", En: "Office-wide"},
	"none":             {Zh: "无", En: "None"},
	"matrixTitle":      {Zh: "职责—权限—资源矩阵", En: "Duty, authority and resource matrix"},
	"continued":        {Zh: "（续）", En: " (continued)"},
	"matrixPart":       {Zh: "（第 %d 部分，共 %d 部分：权限 %d—%d）", En: " (part %d of %d: authorities %d–%d)"},
	"seq":              {Zh: "序号", En: "No."},
	"duty":             {Zh: "职责事项", En: "Duty"},
	"category":         {Zh: "类别", En: "Category"},
	"role":             {Zh: "实际\n角色", En: "Role"},
	"coverageA":        {Zh: "权限\n覆盖", En: "Auth.\ncov."},
	"coverageS":        {Zh: "资源\n覆盖", En: "Res.\ncov."},
	"gap":              {Zh: "缺口", En: "Gap"},
	"severity":         {Zh: "错配等级", En: "Severity"},
	"legend":           {Zh: "图例：", En: "Legend: "},
	"legendFull":       {Zh: "● 实际完全行使", En: "● fully exercised"},
	"legendPartial":    {Zh: "◐ 实际部分行使", En: "◐ partly exercised"},
	"legendPaper":      {Zh: "○ 仅书面赋予（接不住）", En: "○ on paper only"},
	"legendMissing":    {Zh: "× 未持有", En: "× not held"},
	"legendBlank":      {Zh: "空白 不需要", En: "blank: not required"},
	"legendScores":     {Zh: "权限覆盖 A、资源覆盖 S 为 0—100%；缺口 G = 责任权重 W ×（1 − min(A,S)）", En: "A, S: authority and resource coverage 0–100%; gap G = weight W × (1 − min(A,S))"},
	"noDuties":         {Zh: "本街道清单中没有职责事项。", En: "This office has no duties in its list."},
	"findingsTitle":    {Zh: "错配清单（按严重程度排序）", En: "Findings, worst first"},
	"itemOrAuth":       {Zh: "事项或权限", En: "Duty or authority"},
	"reason":           {Zh: "原因", En: "Reason"},
	"noFindings":       {Zh: "未发现错配。", En: "No mismatches found."},
	"decisionsTitle":   {Zh: "处理意见记录", En: "Decisions recorded"},
	"meeting":          {Zh: "会议", En: "Meeting"},
	"matter":           {Zh: "事项", En: "Item"},
	"opinion":          {Zh: "处理意见", En: "Decision"},
	"remark":           {Zh: "备注", En: "Remarks"},
	"noDecisions":      {Zh: "本街道暂无处理意见记录。", En: "No decisions recorded for this office."},
	"signHandler":      {Zh: "经办人：", En: "Prepared by: "},
	"signReviewer":     {Zh: "审核人：", En: "Reviewed by: "},
	"signDate":         {Zh: "日期：　　　　年　　月　　日", En: "Date: ____________"},
	"allOffices":       {Zh: "全部适用街道", En: "all offices concerned"},
	"grantOf":          {Zh: "赋予：", En: "grant: "},
	"staffAdd":         {Zh: "增加人力 %s 人", En: "add %s FTE"},
	"fundsAdd":         {Zh: "增加经费 %s 万元/年", En: "add %s (10k CNY)/yr"},
	"scenarioTitle":    {Zh: "改革方案对比（现状与落实处理意见后）", En: "Scenario: now and with the decisions carried out"},
	"before":           {Zh: "现状", En: "Now"},
	"after":            {Zh: "方案落实后", En: "With decisions"},
	"change":           {Zh: "变化", En: "Change"},
	"closed":           {Zh: "可消除的错配", En: "Findings closed"},
	"stillOpen":        {Zh: "仍存在的错配", En: "Findings still open"},
	"opened":           {Zh: "新出现的错配", En: "Findings newly opened"},
	"noChange":         {Zh: "处理意见不改变本街道的错配情况。", En: "The decisions do not change this office's findings."},
	"heatTitle":        {Zh: "各街道（乡镇）分类别责权利平衡指数", En: "Balance index by office and category"},
	"heatNote":         {Zh: "单元格上行为平衡指数（越低越失衡，底色越深），下行为缺口合计 ΣG。", En: "Top: balance index (lower is worse, darker). Bottom: total gap ΣG."},
	"rankingTitle":     {Zh: "街道（乡镇）平衡指数排名（由低到高）", En: "Offices ranked by balance index, lowest first"},
	"rank":             {Zh: "排名", En: "Rank"},
	"totalsTitle":      {Zh: "各街道（乡镇）汇总", En: "Totals per office"},
	"weightSum":        {Zh: "责任权重 ΣW", En: "Weight ΣW"},
	"gapSum":           {Zh: "缺口 ΣG", En: "Gap ΣG"},
	"districtTotal":    {Zh: "全区", En: "District"},
	"scenarioDistrict": {Zh: "改革方案对比（各街道）", En: "Scenario per office"},
	"offices":          {Zh: "街道（乡镇）数", En: "Offices"},
}

// label returns a report word in the report's language.
func (d *doc) label(key string) string {
	m, ok := labels[key]
	if !ok {
		return key
	}
	return m.In(d.opt.Lang)
}

// chineseNumerals number the parts of a report: 一、二、三 …
var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// sectionTitle numbers a heading within the current part.
func (d *doc) sectionTitle(n int, key string) string {
	if d.opt.Lang == "en" {
		return itoa(n) + ". " + d.label(key)
	}
	if n >= 1 && n <= len(chineseNumerals) {
		return chineseNumerals[n-1] + "、" + d.label(key)
	}
	return itoa(n) + "、" + d.label(key)
}

// colon follows a label: full-width in Chinese.
func (d *doc) colon() string {
	if d.opt.Lang == "en" {
		return ": "
	}
	return "："
}

// gap separates items on one line: ideographic spaces in Chinese.
func (d *doc) gap(n int) string {
	if d.opt.Lang == "en" {
		return strings.Repeat("   ", n)
	}
	return strings.Repeat("　", n)
}

// paren puts s in brackets: full-width in Chinese.
func (d *doc) paren(s string) string {
	if d.opt.Lang == "en" {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}

func (d *doc) comma() string {
	if d.opt.Lang == "en" {
		return ", "
	}
	return "，"
}

// officeRunning is the running header of an office's pages.
func (d *doc) officeRunning(o *model.Office) string {
	return o.Name + d.gap(1) + d.label("officeReport")
}
