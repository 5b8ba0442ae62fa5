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
	demoFullListFile    = "duties_full.csv" // the generated rest of the full lists (demo_gen_list_test.go)
	demoHoldingsFile    = "holdings.csv"
	demoAssessmentsFile = "assessments.csv"
	demoMeetingsFile    = "meetings.csv"
	demoDecisionsFile   = "decisions.csv"
	demoIncidentsFile   = "incidents.csv"
	demoProposalsFile   = "proposals.csv"
	demoOffListFile     = "offlist.csv"
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
	colOnStaff     = "实有在编"
	colAuxiliary   = "编外协管"
	colSecondedOut = "借调出"
	colSecondedIn  = "下沉入"
	colCommunity   = "社区工作者"
	colBudget      = "年度经费（万元）"
	colLegalBasis  = "法律依据"

	colListKind      = "清单类型"
	colSeq           = "序号"
	colCategory      = "事项类别"
	colSubCategory   = "二级类别"
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
	colVetoBasis      = "一票否决依据"
	colInspections    = "督查检查考核（次/年）"
	colSignOffs       = "签字背书（次/年）"
	colApps           = "政务APP（个）"
	colWorkGroups     = "工作群（个）"
	colDuplicate      = "重复录入系统（个）"
	colCheckIns       = "打卡上报（次/月）"
	colFundsDistrict  = "其中区级财政专项"
	colFundsTransfer  = "其中部门随事转移"
	colFundsSelf      = "其中街道自筹"

	colMeeting     = "会议"
	colDate        = "日期"
	colAction      = "处理方式"
	colStaffAdd    = "增加人力（人）"
	colFundsAdd    = "增加经费（万元/年）"
	colSystemsAdd  = "增加系统（个）"
	colDepartment  = "收回部门"
	colResponsible = "责任单位"
	colDeadline    = "完成时限"
	colStatus      = "状态"
	colRecorder    = "记录人"

	colPlace     = "地点"
	colChair     = "主持人"
	colAttendees = "参会单位"
	colMinutes   = "会议纪要"

	colIncidentKind = "问责类型"
	colCause        = "原因"
	colTolerance    = "容错纠错"

	colProposer     = "申请部门"
	colBasisLevel   = "依据层级"
	colStaffCarried = "随事转移人力（人）"
	colFundsCarried = "随事转移经费（万元/年）"
	colGranted      = "随事下放权限"
	colAdmission    = "准入结论"
	colReason       = "理由"
	colDecidedOn    = "决定日期"
	colDecidedBy    = "决定机关"
	colTimesPerYear = "频次（次/年）"
	colAssignedBy   = "交办部门"
	colSince        = "起始日期"
)

// The columns each file must have, in the order the files list them.
var (
	officeColumns = []string{colName, colType, colDescription, colPopulation, colCommunities,
		colEstablished, colOnStaff, colAuxiliary, colSecondedOut, colSecondedIn, colCommunity, colBudget, colNotes}
	authorityColumns = []string{colName, colType, colLegalBasis, colNotes}
	dutyColumns      = []string{colListKind, colSeq, colCategory, colSubCategory, colDutyName, colSubItem, colDutyBasis, colSource,
		colLeadDept, colSupportDepts, colHigherDuty, colOfficeDuty, colReceivingDept, colWorkingMethod,
		colRequired, colScope, colNotes}
	holdingColumns    = []string{colOffice, colAuthority, colDeJure, colDeFacto, colNote}
	assessmentColumns = []string{colOffice, colListKind, colSeq, colDutyName, colRole,
		colAssessedBy, colVeto, colIncidents, colHours, colFormalismHours, colReports,
		colStaffNeeded, colStaffHeld, colFundsNeeded, colFundsHeld, colSystemsNeeded, colSystemsHeld,
		colVetoBasis, colInspections, colSignOffs, colApps, colWorkGroups, colDuplicate, colCheckIns,
		colFundsDistrict, colFundsTransfer, colFundsSelf, colNote}
	meetingColumns  = []string{colMeeting, colDate, colPlace, colChair, colAttendees, colMinutes}
	decisionColumns = []string{colMeeting, colDate, colOffice, colListKind, colSeq, colDutyName, colAction,
		colAuthority, colDepartment, colStaffAdd, colFundsAdd, colSystemsAdd, colResponsible, colDeadline, colStatus, colRecorder, colNote}
	incidentColumns = []string{colOffice, colListKind, colSeq, colDutyName, colDate, colIncidentKind, colCause, colTolerance, colNote}
	proposalColumns = []string{colProposer, colDutyName, colDescription, colDutyBasis, colBasisLevel, colScope,
		colStaffNeeded, colStaffCarried, colFundsNeeded, colFundsCarried, colRequired, colGranted,
		colAdmission, colReason, colDecidedOn, colDecidedBy, colNotes}
	offListColumns = []string{colOffice, colDutyName, colAssignedBy, colTimesPerYear, colHours, colSince, colNotes}
)

// How a yes/no cell may say yes and no; an empty cell says no.
var (
	yesWords = []string{"是", "Y", "y", "yes", "true"}
	noWords  = []string{"否", "", "N", "n", "no", "false"}
)
