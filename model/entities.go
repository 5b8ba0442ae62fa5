package model

import "slices"

// Office is a street office (街道) or township (乡镇).
type Office struct {
	Meta
	Name        string     `json:"name"`
	Kind        OfficeKind `json:"kind"`
	Description string     `json:"description,omitempty"` // e.g. 老城区街道
	Population  int        `json:"population,omitempty"`  // 常住人口
	Communities int        `json:"communities,omitempty"` // 社区（村）数
	BudgetWan   float64    `json:"budget_wan,omitempty"`  // 年度经费，万元
	Notes       string     `json:"notes,omitempty"`

	// Staffing (人员编制): the approved establishment and the people the
	// office really has, by status; see StaffAvailable for what counts.
	Establishment    int `json:"establishment,omitempty"`     // 核定编制
	OnStaff          int `json:"on_staff,omitempty"`          // 实有在编
	Auxiliary        int `json:"auxiliary,omitempty"`         // 编外/协管
	SecondedOut      int `json:"seconded_out,omitempty"`      // 借调出（被借调、抽调）
	SecondedIn       int `json:"seconded_in,omitempty"`       // 下沉入（上级下沉人员）
	CommunityWorkers int `json:"community_workers,omitempty"` // 社区工作者
}

// Duty is one item of the duty catalogue (履行职责事项清单).
type Duty struct {
	Meta
	Seq            int      `json:"seq,omitempty"` // 序号
	Name           string   `json:"name"`
	SubItem        string   `json:"sub_item,omitempty"`     // 子项
	Category       string   `json:"category"`               // 一级类别
	SubCategory    string   `json:"sub_category,omitempty"` // 二级类别
	Kind           ListKind `json:"kind"`
	LegalBasis     string   `json:"legal_basis,omitempty"`      // 履职依据
	Source         string   `json:"source,omitempty"`           // 来源（文件、清单）
	LeadDept       string   `json:"lead_dept,omitempty"`        // 主体责任部门/牵头部门
	SupportDepts   string   `json:"support_depts,omitempty"`    // 配合部门
	HigherDeptDuty string   `json:"higher_dept_duty,omitempty"` // 上级部门职责
	OfficeDuty     string   `json:"office_duty,omitempty"`      // 街道配合职责
	ReceivingDept  string   `json:"receiving_dept,omitempty"`   // 承接部门（收回事项）
	WorkingMethod  string   `json:"working_method,omitempty"`   // 工作方式（收回事项）
	Notes          string   `json:"notes,omitempty"`
	// Scope names the offices the duty applies to; empty means every office.
	Scope []ID `json:"scope,omitempty"`
	// Required lists the authorities needed to discharge the duty.
	Required []ID `json:"required,omitempty"`

	// kindIn is set only in scenario copies: the offices whose item of the
	// duty a decision moved to another list, and that list (see Scenario).
	kindIn map[ID]ListKind
}

// AppliesTo reports whether the duty is in office's list.
func (d *Duty) AppliesTo(office ID) bool { return inScope(d.Scope, office) }

// inScope reports whether a scope (empty: every office) names office.
func inScope(scope []ID, office ID) bool { return len(scope) == 0 || slices.Contains(scope, office) }

// Title is the name with the sub-item, as shown in lists.
func (d *Duty) Title() string {
	if d.SubItem == "" {
		return d.Name
	}
	return d.Name + "（" + d.SubItem + "）"
}

// Authority is one power an office may hold (权限).
type Authority struct {
	Meta
	Name       string        `json:"name"`
	Type       AuthorityType `json:"type"`
	LegalBasis string        `json:"legal_basis,omitempty"`
	Notes      string        `json:"notes,omitempty"`
}

// Holding says whether an office holds an authority: on paper and in fact.
type Holding struct {
	Meta
	Office    ID     `json:"office"`
	Authority ID     `json:"authority"`
	DeJure    bool   `json:"de_jure"`  // 依法赋予
	DeFacto   Level  `json:"de_facto"` // 实际行使程度
	Note      string `json:"note,omitempty"`
}

// Key is the holding's (office, authority) pair.
func (h *Holding) Key() PairKey { return PairKey{h.Office, h.Authority} }

// Assessment is the facts for one (office, duty) (履职评估).
type Assessment struct {
	Meta
	Office     ID   `json:"office"`
	Duty       ID   `json:"duty"`
	Role       Role `json:"role"`                  // 实际角色
	AssessedBy int  `json:"assessed_by,omitempty"` // 被考核部门数
	Veto       bool `json:"veto,omitempty"`        // 一票否决
	// VetoBasis is the regulation a veto item rests on; a veto with none
	// stated is an unfounded one (to be cleaned up).
	VetoBasis string `json:"veto_basis,omitempty"` // 一票否决的依据
	// Incidents is the number of times the office was held accountable in
	// the last year, as entered when there are no Incident records for the
	// pair; IncidentCount prefers the records.
	Incidents       int     `json:"incidents,omitempty"`       // 近一年被问责次数
	HoursPerMonth   float64 `json:"hours,omitempty"`           // 工作量，小时/月
	FormalismHours  float64 `json:"formalism_hours,omitempty"` // 其中填报、留痕、APP 小时/月
	ReportsPerMonth int     `json:"reports,omitempty"`         // 报表次数/月

	// Burdens that are not hours (形式主义、技术负担).
	InspectionsPerYear int `json:"inspections,omitempty"`     // 督查检查考核次数/年
	SignOffs           int `json:"sign_offs,omitempty"`       // 签责任状、签字背书次数/年
	Apps               int `json:"apps,omitempty"`            // 需使用的政务APP数
	WorkGroups         int `json:"work_groups,omitempty"`     // 需加入的工作群数
	DuplicateEntry     int `json:"duplicate_entry,omitempty"` // 同一数据重复录入的系统数（多头填报）
	CheckIns           int `json:"check_ins,omitempty"`       // 网格打卡、上报指标次数/月

	StaffNeeded float64 `json:"staff_needed,omitempty"` // 需要人力（FTE）
	StaffHeld   float64 `json:"staff_held,omitempty"`   // 实有人力（FTE）
	FundsNeeded float64 `json:"funds_needed,omitempty"` // 需要经费，万元/年
	// FundsHeld is the total the office has for the duty; the parts by
	// source below may leave some of it unattributed but never exceed it
	// (FundsUnsourced is the rest).
	FundsHeld        float64 `json:"funds_held,omitempty"`        // 实有经费，万元/年
	FundsDistrict    float64 `json:"funds_district,omitempty"`    // 其中区级财政专项
	FundsTransferred float64 `json:"funds_transferred,omitempty"` // 其中部门随事转移
	FundsSelf        float64 `json:"funds_self,omitempty"`        // 其中街道（乡镇）自筹
	SystemsNeeded    int     `json:"systems_needed,omitempty"`    // 需要信息系统/数据项
	SystemsHeld      int     `json:"systems_held,omitempty"`      // 已开通信息系统/数据项
	Notes            string  `json:"notes,omitempty"`
}

// Key is the assessment's (office, duty) pair.
func (a *Assessment) Key() PairKey { return PairKey{a.Office, a.Duty} }

// Decision is what the working group decided about a duty for an office.
type Decision struct {
	Meta
	Office ID     `json:"office"` // NilID: every office the duty applies to
	Duty   ID     `json:"duty"`
	Action Action `json:"action"`
	// Authority is the authority to grant (ActionGrant) or withdraw
	// (ActionWithdraw).
	Authority ID `json:"authority,omitempty"`
	// Department is who takes the duty back (ActionReturn), e.g. 区统计局.
	Department string `json:"department,omitempty"`
	// The resources added (positive) or removed (negative) by
	// ActionAddResources.
	StaffDelta   float64 `json:"staff_delta,omitempty"`   // FTE
	FundsDelta   float64 `json:"funds_delta,omitempty"`   // 万元/年
	SystemsDelta int     `json:"systems_delta,omitempty"` // 信息系统/数据项
	Note         string  `json:"note,omitempty"`

	Meeting         ID             `json:"meeting_id,omitzero"`        // the meeting that took it; NilID: none recorded
	ResponsibleUnit string         `json:"responsible_unit,omitempty"` // 责任单位
	Deadline        string         `json:"deadline,omitempty"`         // 完成时限, YYYY-MM-DD
	Status          DecisionStatus `json:"status,omitempty"`           // 待落实 / 已落实
	RecordedBy      string         `json:"recorded_by,omitempty"`      // 记录人
}

// PairKey indexes holdings (office, authority) and assessments (office, duty).
type PairKey struct {
	Office ID
	Other  ID
}

// metaOf is how MetaOf reaches the Meta an entity embeds.
func (m *Meta) metaOf() *Meta { return m }

// MetaOf returns the Meta of an entity that carries one (every kind but
// Info and Settings), to read or set who changed it and when; nil for the
// others.
func MetaOf(e Entity) *Meta {
	if x, ok := e.(interface{ metaOf() *Meta }); ok {
		return x.metaOf()
	}
	return nil
}
