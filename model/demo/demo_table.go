package demo

// The demo files and their columns. The files are written for the Chinese
// domain people who edit them in a spreadsheet (see assets/demo/README.md):
// their headers, like the names in their rows, are demo data, not words of
// the program, so they live here and not in the catalogue.

// Demo data files, in the order they are read.
const (
	demoProjectFile     = "project.json"
	demoOfficesFile     = "offices.csv"
	demoAuthoritiesFile = "authorities.csv"
	demoDutiesFile      = "duties.csv"
	demoHoldingsFile    = "holdings.csv"
	demoAssessmentsFile = "assessments.csv"
	demoDecisionsFile   = "decisions.csv"
)

// Column headers. A column of the same name means the same in every file.
const (
	colName        = "名称"
	colType        = "类型"
	colNotes       = "备注"
	colDescription = "简介"
	colPopulation  = "常住人口"
	colCommunities = "社区（村）数"
	colEstablished = "核定编制"
	colStaffActual = "实有人员"
	colBudget      = "年度经费（万元）"
	colLegalBasis  = "法律依据"

	colListKind      = "清单类型"
	colSeq           = "序号"
	colCategory      = "事项类别"
	colDutyName      = "事项名称"
	colSubItem       = "子项"
	colDutyBasis     = "履职依据"
	colSource        = "来源"
	colLeadDept      = "主责部门"
	colSupportDepts  = "配合部门"
	colHigherDuty    = "上级部门职责"
	colOfficeDuty    = "街道配合职责"
	colReceivingDept = "承接部门"
	colWorkingMethod = "工作方式"
	colRequired      = "所需权限"
	colScope         = "适用范围"

	colOffice    = "街道"
	colAuthority = "权限"
	colDeJure    = "依法赋予"
	colDeFacto   = "实际行使"
	colNote      = "说明"

	colRole           = "实际角色"
	colAssessedBy     = "考核部门数"
	colVeto           = "一票否决"
	colIncidents      = "近一年问责次数"
	colHours          = "工作量（小时/月）"
	colFormalismHours = "其中填报留痕（小时/月）"
	colReports        = "报表（次/月）"
	colStaffNeeded    = "需要人力（人）"
	colStaffHeld      = "实有人力（人）"
	colFundsNeeded    = "需要经费（万元/年）"
	colFundsHeld      = "实有经费（万元/年）"
	colSystemsNeeded  = "需要系统（个）"
	colSystemsHeld    = "已有系统（个）"

	colMeeting  = "会议"
	colDate     = "日期"
	colAction   = "处理方式"
	colStaffAdd = "增加人力（人）"
	colFundsAdd = "增加经费（万元/年）"
)

// The columns each file must have, in the order the files list them.
var (
	officeColumns = []string{colName, colType, colDescription, colPopulation, colCommunities,
		colEstablished, colStaffActual, colBudget, colNotes}
	authorityColumns = []string{colName, colType, colLegalBasis, colNotes}
	dutyColumns      = []string{colListKind, colSeq, colCategory, colDutyName, colSubItem, colDutyBasis, colSource,
		colLeadDept, colSupportDepts, colHigherDuty, colOfficeDuty, colReceivingDept, colWorkingMethod,
		colRequired, colScope, colNotes}
	holdingColumns    = []string{colOffice, colAuthority, colDeJure, colDeFacto, colNote}
	assessmentColumns = []string{colOffice, colListKind, colSeq, colDutyName, colRole,
		colAssessedBy, colVeto, colIncidents, colHours, colFormalismHours, colReports,
		colStaffNeeded, colStaffHeld, colFundsNeeded, colFundsHeld, colSystemsNeeded, colSystemsHeld, colNote}
	decisionColumns = []string{colMeeting, colDate, colOffice, colListKind, colSeq, colDutyName, colAction,
		colAuthority, colStaffAdd, colFundsAdd, colNote}
)

// How a yes/no cell may say yes and no; an empty cell says no.
var (
	yesWords = []string{"是", "Y", "y", "yes", "true"}
	noWords  = []string{"否", "", "N", "n", "no", "false"}
)
