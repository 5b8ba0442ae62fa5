// Package sheet reads duty lists from the spreadsheets and CSV files street
// offices publish (xlsx, xlsm, csv, txt) and turns them into one all-or-nothing
// batch of project changes; it also writes the colour-coded matrix back out
// as xlsx or CSV. It imports no Fyne.
package sheet

import "rpbmatrix/model"

// Field is the duty field a column feeds.
type Field int

const (
	FieldNone           Field = iota // column ignored
	FieldSeq                         // 序号
	FieldName                        // 事项名称
	FieldSubItem                     // 子项
	FieldCategory                    // 事项类别
	FieldKind                        // 清单类型
	FieldLegalBasis                  // 履职依据
	FieldLeadDept                    // 主体责任部门 / 对应上级部门
	FieldSupportDepts                // 配合部门
	FieldHigherDeptDuty              // 上级部门职责
	FieldOfficeDuty                  // 街道配合职责
	FieldReceivingDept               // 承接部门
	FieldWorkingMethod               // 工作方式
	FieldOffice                      // 街道（乡镇）: scopes the row to that office
	FieldNotes                       // 备注
	FieldSource                      // 来源
	fieldCount
)

// Fields lists every field in the order the wizard offers them.
var Fields = []Field{FieldNone, FieldSeq, FieldName, FieldSubItem, FieldCategory, FieldKind, FieldLegalBasis,
	FieldLeadDept, FieldSupportDepts, FieldHigherDeptDuty, FieldOfficeDuty, FieldReceivingDept,
	FieldWorkingMethod, FieldOffice, FieldNotes, FieldSource}

var fieldNames = [fieldCount]model.Msg{
	FieldNone:           {Zh: "（不导入）", En: "(ignore)"},
	FieldSeq:            {Zh: "序号", En: "No."},
	FieldName:           {Zh: "事项名称", En: "Duty name"},
	FieldSubItem:        {Zh: "子项", En: "Sub-item"},
	FieldCategory:       {Zh: "事项类别", En: "Category"},
	FieldKind:           {Zh: "清单类型", En: "List kind"},
	FieldLegalBasis:     {Zh: "履职依据", En: "Legal basis"},
	FieldLeadDept:       {Zh: "主体责任部门", En: "Lead department"},
	FieldSupportDepts:   {Zh: "配合部门", En: "Supporting departments"},
	FieldHigherDeptDuty: {Zh: "上级部门职责", En: "Higher department's duty"},
	FieldOfficeDuty:     {Zh: "街道配合职责", En: "Office's supporting duty"},
	FieldReceivingDept:  {Zh: "承接部门", En: "Receiving department"},
	FieldWorkingMethod:  {Zh: "工作方式", En: "Working method"},
	FieldOffice:         {Zh: "街道（乡镇）", En: "Office"},
	FieldNotes:          {Zh: "备注", En: "Notes"},
	FieldSource:         {Zh: "来源", En: "Source"},
}

// Name is the field's display name.
func (f Field) Name() model.Msg {
	if f < 0 || f >= fieldCount {
		return model.Msg{Zh: "？", En: "?"}
	}
	return fieldNames[f]
}

func (f Field) String() string { return f.Name().En }

// headerSynonyms maps a normalised header text to its field. Longer, more
// specific texts are listed too so that 上级部门职责 never reads as 上级部门.
var headerSynonyms = map[string]Field{
	"序号": FieldSeq, "编号": FieldSeq, "序": FieldSeq, "事项编号": FieldSeq,

	"事项名称": FieldName, "职责事项": FieldName, "职责名称": FieldName, "事项": FieldName,
	"履职事项": FieldName, "职责事项名称": FieldName, "履职事项名称": FieldName, "事项内容": FieldName,
	"工作事项": FieldName, "主项名称": FieldName, "主项": FieldName, "名称": FieldName, "职责": FieldName,

	"子项": FieldSubItem, "子项名称": FieldSubItem, "子事项": FieldSubItem, "子项事项": FieldSubItem,

	"事项类别": FieldCategory, "职责类别": FieldCategory, "领域": FieldCategory, "类别": FieldCategory,
	"分类": FieldCategory, "事项分类": FieldCategory, "所属领域": FieldCategory, "职责领域": FieldCategory,
	"事项领域": FieldCategory, "工作领域": FieldCategory,

	"清单类型": FieldKind, "事项类型": FieldKind, "清单类别": FieldKind, "清单": FieldKind,

	"履职依据": FieldLegalBasis, "实施依据": FieldLegalBasis, "依据": FieldLegalBasis, "法律依据": FieldLegalBasis,
	"政策依据": FieldLegalBasis, "设定依据": FieldLegalBasis, "法定依据": FieldLegalBasis, "法律法规依据": FieldLegalBasis,

	"主体责任部门": FieldLeadDept, "牵头部门": FieldLeadDept, "责任主体": FieldLeadDept, "责任部门": FieldLeadDept,
	"主责部门": FieldLeadDept, "对应上级部门": FieldLeadDept, "上级部门": FieldLeadDept, "主管部门": FieldLeadDept,
	"上级主管部门": FieldLeadDept, "对应区级部门": FieldLeadDept, "区级部门": FieldLeadDept,

	"配合部门": FieldSupportDepts, "协同部门": FieldSupportDepts, "协同配合部门": FieldSupportDepts, "协办部门": FieldSupportDepts,

	"上级部门职责": FieldHigherDeptDuty, "部门职责": FieldHigherDeptDuty, "主体责任部门职责": FieldHigherDeptDuty,
	"上级部门职责任务": FieldHigherDeptDuty, "区级部门职责": FieldHigherDeptDuty,

	"镇街配合职责": FieldOfficeDuty, "街道配合职责": FieldOfficeDuty, "乡镇配合职责": FieldOfficeDuty,
	"配合职责": FieldOfficeDuty, "街道职责": FieldOfficeDuty, "乡镇职责": FieldOfficeDuty, "镇街职责": FieldOfficeDuty,
	"乡镇（街道）配合职责": FieldOfficeDuty, "街道（乡镇）配合职责": FieldOfficeDuty,

	"承接部门": FieldReceivingDept, "收回部门": FieldReceivingDept, "承接单位": FieldReceivingDept,

	"工作方式": FieldWorkingMethod, "履职方式": FieldWorkingMethod, "收回方式": FieldWorkingMethod,

	"街道": FieldOffice, "乡镇": FieldOffice, "单位": FieldOffice, "镇街": FieldOffice, "街道名称": FieldOffice,
	"乡镇名称": FieldOffice, "街道（乡镇）": FieldOffice, "乡镇（街道）": FieldOffice, "所属街道": FieldOffice,
	"所属乡镇": FieldOffice, "单位名称": FieldOffice, "街镇": FieldOffice,

	"备注": FieldNotes, "说明": FieldNotes, "备注说明": FieldNotes,

	"来源": FieldSource, "事项来源": FieldSource, "文件来源": FieldSource, "来源文件": FieldSource,
}

// textLimited reports whether the field holds free text subject to model.MaxText.
func (f Field) textLimited() bool { return f != FieldNone && f != FieldSeq }
