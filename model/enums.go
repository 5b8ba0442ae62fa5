package model

import (
	"encoding/json"
	"fmt"
)

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
var listKindNames = map[ListKind]Msg{
	ListBasic:      {"基本履职", "Basic"},
	ListSupporting: {"配合履职", "Supporting"},
	ListReturned:   {"上级部门收回", "Returned"},
}

// Code is the stable English code used in files and on the command line.
func (k ListKind) Code() string { return listKindCodes[k] }

// Name is the display name.
func (k ListKind) Name() Msg { return listKindNames[k] }

// Valid reports whether k is one of the three kinds.
func (k ListKind) Valid() bool { _, ok := listKindCodes[k]; return ok }

func (k ListKind) String() string { return k.Code() }

// ParseListKind accepts a code or a Chinese name ("basic", "基本履职", "基本履职事项" …).
func ParseListKind(s string) (ListKind, bool) {
	for k, c := range listKindCodes {
		if s == c || s == listKindNames[k].Zh || s == listKindNames[k].Zh+"事项" || s == listKindNames[k].En {
			return k, true
		}
	}
	return 0, false
}

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
var roleNames = map[Role]Msg{RoleNone: {"不承担", "None"}, RoleSupport: {"配合", "Support"}, RoleLead: {"牵头", "Lead"}}

func (r Role) Code() string   { return roleCodes[r] }
func (r Role) Name() Msg      { return roleNames[r] }
func (r Role) Valid() bool    { _, ok := roleCodes[r]; return ok }
func (r Role) String() string { return r.Code() }

// ParseRole accepts a code or a Chinese/English name.
func ParseRole(s string) (Role, bool) {
	for r, c := range roleCodes {
		if s == c || s == roleNames[r].Zh || s == roleNames[r].En {
			return r, true
		}
	}
	switch s {
	case "主责", "主体责任", "负责":
		return RoleLead, true
	case "协同", "协助":
		return RoleSupport, true
	}
	return 0, false
}

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
var levelNames = map[Level]Msg{LevelNone: {"不能行使", "Cannot exercise"}, LevelPartial: {"部分行使", "Partly"}, LevelFull: {"完全行使", "Fully"}}

// Levels lists the levels in display order.
var Levels = []Level{LevelFull, LevelPartial, LevelNone}

func (l Level) Code() string   { return levelCodes[l] }
func (l Level) Name() Msg      { return levelNames[l] }
func (l Level) Valid() bool    { _, ok := levelCodes[l]; return ok }
func (l Level) String() string { return l.Code() }

// ParseLevel accepts a code or a name.
func ParseLevel(s string) (Level, bool) {
	for l, c := range levelCodes {
		if s == c || s == levelNames[l].Zh || s == levelNames[l].En {
			return l, true
		}
	}
	return 0, false
}

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
var officeKindNames = map[OfficeKind]Msg{OfficeStreet: {"街道", "Street"}, OfficeTownship: {"乡镇", "Township"}}

func (k OfficeKind) Code() string   { return officeKindCodes[k] }
func (k OfficeKind) Name() Msg      { return officeKindNames[k] }
func (k OfficeKind) Valid() bool    { _, ok := officeKindCodes[k]; return ok }
func (k OfficeKind) String() string { return k.Code() }

// ParseOfficeKind accepts a code or a name.
func ParseOfficeKind(s string) (OfficeKind, bool) {
	for k, c := range officeKindCodes {
		if s == c || s == officeKindNames[k].Zh || s == officeKindNames[k].En {
			return k, true
		}
	}
	switch s {
	case "镇", "乡":
		return OfficeTownship, true
	case "街道办事处", "街道办":
		return OfficeStreet, true
	}
	return 0, false
}

func (k OfficeKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.Code()) }
func (k *OfficeKind) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "office kind", func(s string) bool { v, ok := ParseOfficeKind(s); *k = v; return ok })
}

// Action is what the working group decided about an item.
type Action int

const (
	ActionPending      Action = 0 // 待定
	ActionKeep         Action = 1 // 保留
	ActionToSupporting Action = 2 // 调整为配合履职
	ActionReturn       Action = 3 // 退回上级部门
	ActionCancel       Action = 4 // 取消
	ActionGrant        Action = 5 // 赋予权限
	ActionAddResources Action = 6 // 增加资源
)

// Actions lists the actions in display order.
var Actions = []Action{ActionKeep, ActionToSupporting, ActionReturn, ActionCancel, ActionGrant, ActionAddResources, ActionPending}

var actionCodes = map[Action]string{
	ActionPending: "pending", ActionKeep: "keep", ActionToSupporting: "to_supporting", ActionReturn: "return",
	ActionCancel: "cancel", ActionGrant: "grant", ActionAddResources: "add_resources",
}
var actionNames = map[Action]Msg{
	ActionPending: {"待定", "Pending"}, ActionKeep: {"保留", "Keep"}, ActionToSupporting: {"调整为配合履职", "Reassign to supporting"},
	ActionReturn: {"退回上级部门", "Return to higher department"}, ActionCancel: {"取消", "Cancel"},
	ActionGrant: {"赋予权限", "Grant authority"}, ActionAddResources: {"增加资源", "Add resources"},
}

func (a Action) Code() string   { return actionCodes[a] }
func (a Action) Name() Msg      { return actionNames[a] }
func (a Action) Valid() bool    { _, ok := actionCodes[a]; return ok }
func (a Action) String() string { return a.Code() }

// ParseAction accepts a code or a name.
func ParseAction(s string) (Action, bool) {
	for a, c := range actionCodes {
		if s == c || s == actionNames[a].Zh || s == actionNames[a].En {
			return a, true
		}
	}
	return 0, false
}

func (a Action) MarshalJSON() ([]byte, error) { return json.Marshal(a.Code()) }
func (a *Action) UnmarshalJSON(b []byte) error {
	return unmarshalEnum(b, "action", func(s string) bool { v, ok := ParseAction(s); *a = v; return ok })
}

// ResourceKind is one kind of resource (利) an office may hold.
type ResourceKind string

const (
	ResourceEstablishment ResourceKind = "establishment" // 编制
	ResourceStaff         ResourceKind = "staff"         // 人员
	ResourceFunds         ResourceKind = "funds"         // 经费
	ResourceFacilities    ResourceKind = "facilities"    // 设施
	ResourceSystems       ResourceKind = "systems"       // 信息系统与数据
	ResourceIncentives    ResourceKind = "incentives"    // 考核激励
)

// ResourceKinds lists the resource kinds in display order.
var ResourceKinds = []ResourceKind{ResourceEstablishment, ResourceStaff, ResourceFunds, ResourceFacilities, ResourceSystems, ResourceIncentives}

var resourceNames = map[ResourceKind]Msg{
	ResourceEstablishment: {"编制", "Establishment"}, ResourceStaff: {"人员", "Staff"}, ResourceFunds: {"经费", "Funds"},
	ResourceFacilities: {"设施", "Facilities"}, ResourceSystems: {"信息系统与数据", "Systems and data"}, ResourceIncentives: {"考核激励", "Incentives"},
}

func (k ResourceKind) Name() Msg { return resourceNames[k] }

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
var sevNames = map[Severity]Msg{SevInfo: {"提示", "Info"}, SevWarning: {"一般", "Warning"}, SevSerious: {"严重", "Serious"}, SevCritical: {"重大", "Critical"}}

func (s Severity) Code() string   { return sevCodes[s] }
func (s Severity) Name() Msg      { return sevNames[s] }
func (s Severity) String() string { return s.Code() }

// ParseSeverity accepts a code or a name.
func ParseSeverity(str string) (Severity, bool) {
	for s, c := range sevCodes {
		if str == c || str == sevNames[s].Zh || str == sevNames[s].En {
			return s, true
		}
	}
	return 0, false
}

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
