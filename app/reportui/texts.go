package reportui

import "rpbmatrix/model"

// texts are this dialog's words. The dialog takes the UI language as a
// parameter, so it carries its own strings rather than registering
// translation keys it does not own.
var texts = map[string]model.Msg{
	"title":        {Zh: "打印报告", En: "Print report"},
	"write":        {Zh: "生成 PDF…", En: "Create PDF…"},
	"cancel":       {Zh: "取消", En: "Cancel"},
	"language":     {Zh: "报告语言", En: "Language"},
	"paper":        {Zh: "纸张（横向）", En: "Paper (landscape)"},
	"offices":      {Zh: "街道（乡镇）", En: "Offices"},
	"all":          {Zh: "全选", En: "All"},
	"none":         {Zh: "全不选", En: "None"},
	"sections":     {Zh: "报告内容", En: "Sections"},
	"author":       {Zh: "编制人", En: "Prepared by"},
	"noSection":    {Zh: "请至少选择一项报告内容。", En: "Choose at least one section."},
	"noOffice":     {Zh: "请至少选择一个街道（乡镇），或只打印全区汇总。", En: "Choose at least one office, or print the district summary only."},
	"saveTitle":    {Zh: "保存报告", En: "Save report"},
	"writing":      {Zh: "正在生成报告…", En: "Creating the report…"},
	"writingTo":    {Zh: "写入 %s", En: "Writing %s"},
	"warnings":     {Zh: "报告已生成，但有字符不在内置字体中", En: "Report created, with characters missing from the embedded font"},
	"openFailed":   {Zh: "报告已保存到 %s，但无法用系统查看器打开：%v", En: "The report was saved to %s but could not be opened in the system viewer: %v"},
	"notLocalFile": {Zh: "只能保存到本机文件夹中。", En: "The report can only be saved to a local folder."},
	"reportFile":   {Zh: "报告", En: "report"},
	"district":     {Zh: "全区", En: "district"},
}

func tr(lang, key string) string { return texts[key].In(lang) }
