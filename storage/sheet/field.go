// Package sheet reads duty lists from the spreadsheets and CSV files street
// offices publish (xlsx, xlsm, csv, txt) and turns them into one all-or-nothing
// batch of project changes. It also writes the workbooks that go upward —
// the colour-coded matrix (xlsx or CSV) and the three published lists with
// the 处理意见清单 — streamed by its own xlsx writer, and reads a workbook it
// wrote back as the project it holds, from the hidden data sheet every one
// carries. It imports no Fyne.
package sheet

import "rpbmatrix/model/words"

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
	FieldSubCategory                 // 二级类别
	fieldCount
)

// Fields lists every field in the order the wizard offers them.
var Fields = []Field{FieldNone, FieldSeq, FieldName, FieldSubItem, FieldCategory, FieldSubCategory, FieldKind, FieldLegalBasis,
	FieldLeadDept, FieldSupportDepts, FieldHigherDeptDuty, FieldOfficeDuty, FieldReceivingDept,
	FieldWorkingMethod, FieldOffice, FieldNotes, FieldSource}

// fieldCodes name the fields in catalogue keys (sheet.field.<code>,
// sheet.header.<code>.synonyms) and on the command line.
var fieldCodes = [fieldCount]string{
	FieldNone: "none", FieldSeq: "seq", FieldName: "name", FieldSubItem: "sub_item", FieldCategory: "category",
	FieldKind: "kind", FieldLegalBasis: "legal_basis", FieldLeadDept: "lead_dept", FieldSupportDepts: "support_depts",
	FieldHigherDeptDuty: "higher_dept_duty", FieldOfficeDuty: "office_duty", FieldReceivingDept: "receiving_dept",
	FieldWorkingMethod: "working_method", FieldOffice: "office", FieldNotes: "notes", FieldSource: "source", FieldSubCategory: "sub_category",
}

// Code is the field's stable name ("name", "lead_dept").
func (f Field) Code() string {
	if f < 0 || f >= fieldCount {
		return "none"
	}
	return fieldCodes[f]
}

// Name is the field's display name.
func (f Field) Name() words.Msg { return words.M("sheet.field." + f.Code()) }

func (f Field) String() string { return f.Code() }

// textLimited reports whether the field holds free text subject to model.MaxText.
func (f Field) textLimited() bool { return f != FieldNone && f != FieldSeq }
