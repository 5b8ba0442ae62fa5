package model

import (
	"encoding/json"
	"fmt"
	"strings"

	"rpbmatrix/model/words"
)

// Every enumeration has a stable English code, used in files and on the
// command line, and a name from the word catalogue under <kind>.<code>.
// Parse functions accept the code or the name in either language, and the
// synonyms the catalogue lists under <kind>.<code>.also ("主责|主体责任").

// ListKind is which of the three duty lists an item belongs to.
type ListKind int

const (
	ListBasic      ListKind = 1 // 基本履职事项
	ListSupporting ListKind = 2 // 配合履职事项
	ListReturned   ListKind = 3 // 上级部门收回事项
)

// ListKinds lists the kinds in display order.
var ListKinds = []ListKind{ListBasic, ListSupporting, ListReturned}

var listKindCodes = map[ListKind]string{ListBasic: "basic", ListSupporting: "supporting", ListReturned: "returned"}

// Code is the stable English code used in files and on the command line.
func (k ListKind) Code() string { return listKindCodes[k] }

// Name is the display name.
func (k ListKind) Name() words.Msg { return enumName("list_kind.", k.Code()) }

// Valid reports whether k is one of the three kinds.
func (k ListKind) Valid() bool { _, ok := listKindCodes[k]; return ok }

// ExpectedRole is the role an office is expected to play in a duty of the
// list kind: the role a new assessment starts from when nobody said.
func (k ListKind) ExpectedRole() Role {
	switch k {
	case ListBasic:
		return RoleLead
	case ListSupporting:
		return RoleSupport
	}
	return RoleNone
}

func (k ListKind) String() string { return k.Code() }

// ParseListKind accepts a code or a name ("basic", "基本履职", "基本履职事项" …).
func ParseListKind(s string) (ListKind, bool) { return parseEnum(s, "list_kind.", listKindCodes) }

func (k ListKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.Code()) }
func (k *ListKind) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "list kind", func(s string) bool { v, ok := ParseListKind(s); *k = v; return ok })
}

// Role is the part an office actually plays in a duty.
type Role int

const (
	RoleNone    Role = 0 // 不承担
	RoleSupport Role = 1 // 配合
	RoleLead    Role = 2 // 牵头/主责
)

// Roles lists the roles in display order.
var Roles = []Role{RoleLead, RoleSupport, RoleNone}

var roleCodes = map[Role]string{RoleNone: "none", RoleSupport: "support", RoleLead: "lead"}

func (r Role) Code() string    { return roleCodes[r] }
func (r Role) Name() words.Msg { return enumName("role.", r.Code()) }
func (r Role) Valid() bool     { _, ok := roleCodes[r]; return ok }
func (r Role) String() string  { return r.Code() }

// ParseRole accepts a code or a name ("lead", "牵头", "主责" …).
func ParseRole(s string) (Role, bool) { return parseEnum(s, "role.", roleCodes) }

func (r Role) MarshalJSON() ([]byte, error) { return json.Marshal(r.Code()) }
func (r *Role) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "role", func(s string) bool { v, ok := ParseRole(s); *r = v; return ok })
}

// Level is how far an office can really exercise an authority it holds.
type Level int

const (
	LevelNone    Level = 0 // 不能行使
	LevelPartial Level = 1 // 部分行使
	LevelFull    Level = 2 // 完全行使
)

var levelCodes = map[Level]string{LevelNone: "none", LevelPartial: "partial", LevelFull: "full"}

// Levels lists the levels in display order.
var Levels = []Level{LevelFull, LevelPartial, LevelNone}

func (l Level) Code() string    { return levelCodes[l] }
func (l Level) Name() words.Msg { return enumName("level.", l.Code()) }
func (l Level) Valid() bool     { _, ok := levelCodes[l]; return ok }
func (l Level) String() string  { return l.Code() }

// ParseLevel accepts a code or a name.
func ParseLevel(s string) (Level, bool) { return parseEnum(s, "level.", levelCodes) }

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(l.Code()) }
func (l *Level) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "level", func(s string) bool { v, ok := ParseLevel(s); *l = v; return ok })
}

// OfficeKind distinguishes streets from townships.
type OfficeKind int

const (
	OfficeStreet   OfficeKind = 1 // 街道
	OfficeTownship OfficeKind = 2 // 乡镇
)

var officeKindCodes = map[OfficeKind]string{OfficeStreet: "street", OfficeTownship: "township"}

func (k OfficeKind) Code() string    { return officeKindCodes[k] }
func (k OfficeKind) Name() words.Msg { return enumName("office_kind.", k.Code()) }
func (k OfficeKind) Valid() bool     { _, ok := officeKindCodes[k]; return ok }
func (k OfficeKind) String() string  { return k.Code() }

// ParseOfficeKind accepts a code or a name ("township", "乡镇", "镇" …).
func ParseOfficeKind(s string) (OfficeKind, bool) {
	return parseEnum(s, "office_kind.", officeKindCodes)
}

func (k OfficeKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.Code()) }
func (k *OfficeKind) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "office kind", func(s string) bool { v, ok := ParseOfficeKind(s); *k = v; return ok })
}

// Action is what the working group decided about an item. The values are
// stored by code, so a code keeps its meaning: "return" is still the duty
// handed back to a higher department (now naming it in
// Decision.Department), "add_resources" now adds or removes (signed
// Decision deltas).
type Action int

const (
	ActionPending         Action = 0  // 待定
	ActionKeep            Action = 1  // 保留
	ActionToSupporting    Action = 2  // 调整为配合履职
	ActionReturn          Action = 3  // 退回上级部门（Decision.Department 承接）
	ActionCancel          Action = 4  // 取消
	ActionGrant           Action = 5  // 赋予权限（Decision.Authority）
	ActionAddResources    Action = 6  // 增减人员、经费、信息系统（Decision 的 Delta）
	ActionToBasic         Action = 7  // 调整为基本履职
	ActionToReturned      Action = 8  // 调整为上级部门收回
	ActionConfirmReturned Action = 9  // 确认收回（收回事项维持收回）
	ActionWithdraw        Action = 10 // 收回权限（Decision.Authority）
)

// Actions lists the actions in display order.
var Actions = []Action{ActionKeep, ActionToBasic, ActionToSupporting, ActionToReturned, ActionConfirmReturned,
	ActionReturn, ActionCancel, ActionGrant, ActionWithdraw, ActionAddResources, ActionPending}

var actionCodes = map[Action]string{
	ActionPending: "pending", ActionKeep: "keep", ActionToSupporting: "to_supporting", ActionReturn: "return",
	ActionCancel: "cancel", ActionGrant: "grant", ActionAddResources: "add_resources",
	ActionToBasic: "to_basic", ActionToReturned: "to_returned", ActionConfirmReturned: "confirm_returned",
	ActionWithdraw: "withdraw",
}

func (a Action) Code() string    { return actionCodes[a] }
func (a Action) Name() words.Msg { return enumName("decision.", a.Code()) }
func (a Action) Valid() bool     { _, ok := actionCodes[a]; return ok }
func (a Action) String() string  { return a.Code() }

// NeedsAuthority reports whether the action names an authority (grant, withdraw).
func (a Action) NeedsAuthority() bool { return a == ActionGrant || a == ActionWithdraw }

// ListKindAfter is the list a reassigning action moves a duty to, and
// whether a is one.
func (a Action) ListKindAfter() (ListKind, bool) {
	switch a {
	case ActionToBasic:
		return ListBasic, true
	case ActionToSupporting:
		return ListSupporting, true
	case ActionToReturned:
		return ListReturned, true
	}
	return 0, false
}

// ParseAction accepts a code or a name.
func ParseAction(s string) (Action, bool) { return parseEnum(s, "decision.", actionCodes) }

func (a Action) MarshalJSON() ([]byte, error) { return json.Marshal(a.Code()) }
func (a *Action) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "action", func(s string) bool { v, ok := ParseAction(s); *a = v; return ok })
}

// DecisionStatus says whether a decision has been carried out.
type DecisionStatus int

const (
	DecisionOpen DecisionStatus = 0 // 待落实
	DecisionDone DecisionStatus = 1 // 已落实
)

// DecisionStatuses lists the statuses in display order.
var DecisionStatuses = []DecisionStatus{DecisionOpen, DecisionDone}

var decisionStatusCodes = map[DecisionStatus]string{DecisionOpen: "open", DecisionDone: "done"}

func (s DecisionStatus) Code() string    { return decisionStatusCodes[s] }
func (s DecisionStatus) Name() words.Msg { return enumName("decision_status.", s.Code()) }
func (s DecisionStatus) Valid() bool     { _, ok := decisionStatusCodes[s]; return ok }
func (s DecisionStatus) String() string  { return s.Code() }

// ParseDecisionStatus accepts a code or a name ("done", "已落实" …).
func ParseDecisionStatus(str string) (DecisionStatus, bool) {
	return parseEnum(str, "decision_status.", decisionStatusCodes)
}

func (s DecisionStatus) MarshalJSON() ([]byte, error) { return json.Marshal(s.Code()) }
func (s *DecisionStatus) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "decision status", func(str string) bool { v, ok := ParseDecisionStatus(str); *s = v; return ok })
}

// Severity ranks a finding.
type Severity int

const (
	SevInfo     Severity = 1
	SevWarning  Severity = 2
	SevSerious  Severity = 3
	SevCritical Severity = 4
)

// Severities lists severities worst first.
var Severities = []Severity{SevCritical, SevSerious, SevWarning, SevInfo}

var sevCodes = map[Severity]string{SevInfo: "info", SevWarning: "warning", SevSerious: "serious", SevCritical: "critical"}

func (s Severity) Code() string    { return sevCodes[s] }
func (s Severity) Name() words.Msg { return enumName("severity.", s.Code()) }
func (s Severity) String() string  { return s.Code() }

// ParseSeverity accepts a code or a name.
func ParseSeverity(str string) (Severity, bool) { return parseEnum(str, "severity.", sevCodes) }

func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.Code()) }
func (s *Severity) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "severity", func(str string) bool { v, ok := ParseSeverity(str); *s = v; return ok })
}

func unmarshalEnum(b []byte, what string, parse func(string) bool) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !parse(s) {
		return fmt.Errorf("unknown %s %q", what, s)
	}
	return nil
}

// enumName is the catalogue name of a value; the zero Msg for a value
// without a code (an invalid one, or "no severity").
func enumName(prefix, code string) words.Msg {
	if code == "" {
		return words.Msg{}
	}
	return words.M(prefix + code)
}

// parseEnum finds the value whose code or name (catalogue key prefix+code)
// is s.
func parseEnum[T comparable](s, prefix string, codes map[T]string) (T, bool) {
	for v, c := range codes {
		if s == c || isName(s, prefix+c) {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// isName reports whether s is key's word in either language (English in
// any case) or one of the synonyms listed under key+".also", split by "|".
func isName(s, key string) bool {
	if s == "" {
		return false
	}
	for _, lang := range words.Languages {
		if name, ok := words.Template(lang, key); ok && strings.EqualFold(s, name) {
			return true
		}
		also, _ := words.Template(lang, key+".also")
		for also != "" {
			var name string
			name, also, _ = strings.Cut(also, "|")
			if strings.EqualFold(s, name) {
				return true
			}
		}
	}
	return false
}
