package model

import (
	"cmp"
	"encoding/json"
	"slices"

	"rpbmatrix/model/words"
)

// Proposal is a department's request to give offices a new task (准入申请):
// its basis, what it needs and what comes with it (人财物随事转), and the
// admission decision.
type Proposal struct {
	Meta
	Department  string     `json:"department"` // 申请部门
	Name        string     `json:"name"`       // 事项名称
	Description string     `json:"description,omitempty"`
	Basis       string     `json:"basis,omitempty"`       // 依据（法规、文件名称及条款）
	BasisLevel  BasisLevel `json:"basis_level,omitempty"` // 依据层级
	// Scope names the offices the task would go to; empty means every office.
	Scope []ID `json:"scope,omitempty"`

	// What the task needs and what the department hands over with it.
	StaffNeeded  float64 `json:"staff_needed,omitempty"`  // 需要人力（FTE）
	StaffCarried float64 `json:"staff_carried,omitempty"` // 随事转移人力（FTE）
	FundsNeeded  float64 `json:"funds_needed,omitempty"`  // 需要经费，万元/年
	FundsCarried float64 `json:"funds_carried,omitempty"` // 随事转移经费，万元/年
	Required     []ID    `json:"required,omitempty"`      // 履职所需权限
	Granted      []ID    `json:"granted,omitempty"`       // 随事下放的权限

	Admission Admission `json:"admission,omitempty"`  // 准入结论
	Reason    string    `json:"reason,omitempty"`     // 理由
	DecidedOn string    `json:"decided_on,omitempty"` // 决定日期, YYYY-MM-DD
	DecidedBy string    `json:"decided_by,omitempty"` // 决定机关/人
	// Duty is the catalogue item the admitted task became; NilID until then.
	Duty  ID     `json:"duty,omitzero"`
	Notes string `json:"notes,omitempty"`
}

// AppliesTo reports whether the task would go to office.
func (q *Proposal) AppliesTo(office ID) bool { return inScope(q.Scope, office) }

// MissingAuthorities lists the required authorities not granted with the task.
func (q *Proposal) MissingAuthorities() []ID {
	var out []ID
	for _, r := range q.Required {
		if !slices.Contains(q.Granted, r) {
			out = append(out, r)
		}
	}
	return out
}

// ProposalList returns the proposals by department, then name.
func (p *Project) ProposalList() []*Proposal {
	return sortedValues(p.Proposals, func(a, b *Proposal) int {
		return cmp.Or(cmp.Compare(a.Department, b.Department), cmp.Compare(a.Name, b.Name), byID(a.ID, b.ID))
	})
}

func (*Proposal) EntityKind() EntityKind { return KindProposal }
func (q *Proposal) Identity() Identity   { return Identity{ID: q.ID} }
func (q *Proposal) Label() string        { return q.Name }
func (q *Proposal) Clone() Entity {
	x := *q
	x.Scope = append([]ID(nil), q.Scope...)
	x.Required = append([]ID(nil), q.Required...)
	x.Granted = append([]ID(nil), q.Granted...)
	return &x
}

// AppendRefs names the authorities required and granted, and the duty the
// task became. Like a duty's, its scope is not among them (DeleteOffice
// takes the office out of it).
func (q *Proposal) AppendRefs(refs []Ref) []Ref {
	for _, a := range q.Required {
		refs = append(refs, Ref{KindAuthority, a})
	}
	for _, a := range q.Granted {
		refs = append(refs, Ref{KindAuthority, a})
	}
	if q.Duty != NilID {
		refs = append(refs, Ref{KindDuty, q.Duty})
	}
	return refs
}
func (q *Proposal) in(p *Project) Entity  { return lookup(p.Proposals, q.ID) }
func (q *Proposal) storeIn(p *Project)    { p.Proposals[q.ID] = q }
func (q *Proposal) removeFrom(p *Project) { delete(p.Proposals, q.ID) }
func (*Proposal) refKinds() []EntityKind  { return []EntityKind{KindDuty, KindAuthority} }

// BasisLevel is the rank of the legal basis a proposed task rests on.
type BasisLevel int

const (
	BasisUnstated          BasisLevel = 0 // 未注明
	BasisLaw               BasisLevel = 1 // 法律
	BasisAdminRegulation   BasisLevel = 2 // 行政法规
	BasisLocalRegulation   BasisLevel = 3 // 地方性法规
	BasisRule              BasisLevel = 4 // 规章
	BasisNormativeDocument BasisLevel = 5 // 规范性文件
	BasisOther             BasisLevel = 6 // 其他
)

// BasisLevels lists the levels highest first, then other and unstated.
var BasisLevels = []BasisLevel{BasisLaw, BasisAdminRegulation, BasisLocalRegulation, BasisRule,
	BasisNormativeDocument, BasisOther, BasisUnstated}

var basisLevelCodes = map[BasisLevel]string{
	BasisUnstated: "unstated", BasisLaw: "law", BasisAdminRegulation: "admin_regulation",
	BasisLocalRegulation: "local_regulation", BasisRule: "rule", BasisNormativeDocument: "normative_document",
	BasisOther: "other",
}

func (l BasisLevel) Code() string    { return basisLevelCodes[l] }
func (l BasisLevel) Name() words.Msg { return enumName("basis_level.", l.Code()) }
func (l BasisLevel) Valid() bool     { _, ok := basisLevelCodes[l]; return ok }
func (l BasisLevel) String() string  { return l.Code() }

// ParseBasisLevel accepts a code or a name ("law", "法律", "规章" …).
func ParseBasisLevel(s string) (BasisLevel, bool) {
	return parseEnum(s, "basis_level.", basisLevelCodes)
}

func (l BasisLevel) MarshalJSON() ([]byte, error) { return json.Marshal(l.Code()) }
func (l *BasisLevel) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "basis level", func(s string) bool { v, ok := ParseBasisLevel(s); *l = v; return ok })
}

// Admission is what became of a proposed task (准入结论).
type Admission int

const (
	AdmissionPending      Admission = 0 // 待审
	AdmissionAdmitted     Admission = 1 // 准入
	AdmissionRejected     Admission = 2 // 不予准入
	AdmissionToSupporting Admission = 3 // 转为配合
	AdmissionDeferred     Admission = 4 // 暂缓
)

// Admissions lists the decisions in display order.
var Admissions = []Admission{AdmissionAdmitted, AdmissionToSupporting, AdmissionDeferred, AdmissionRejected, AdmissionPending}

var admissionCodes = map[Admission]string{
	AdmissionPending: "pending", AdmissionAdmitted: "admitted", AdmissionRejected: "rejected",
	AdmissionToSupporting: "to_supporting", AdmissionDeferred: "deferred",
}

func (a Admission) Code() string    { return admissionCodes[a] }
func (a Admission) Name() words.Msg { return enumName("admission.", a.Code()) }
func (a Admission) Valid() bool     { _, ok := admissionCodes[a]; return ok }
func (a Admission) String() string  { return a.Code() }

// Enters reports whether the task enters the offices' lists (admitted, or
// admitted as a supporting item).
func (a Admission) Enters() bool { return a == AdmissionAdmitted || a == AdmissionToSupporting }

// ParseAdmission accepts a code or a name ("admitted", "准入", "不予准入" …).
func ParseAdmission(s string) (Admission, bool) { return parseEnum(s, "admission.", admissionCodes) }

func (a Admission) MarshalJSON() ([]byte, error) { return json.Marshal(a.Code()) }
func (a *Admission) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "admission", func(s string) bool { v, ok := ParseAdmission(s); *a = v; return ok })
}
