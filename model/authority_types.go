package model

// AuthorityType classifies an authority: the ten standard administrative power
// types, or one of the powers street offices hold by statute (DESIGN §2).
type AuthorityType string

// The ten standard administrative power types.
const (
	AuthLicensing    AuthorityType = "licensing"    // 行政许可
	AuthPenalty      AuthorityType = "penalty"      // 行政处罚
	AuthCoercion     AuthorityType = "coercion"     // 行政强制
	AuthLevy         AuthorityType = "levy"         // 行政征收
	AuthBenefit      AuthorityType = "benefit"      // 行政给付
	AuthInspection   AuthorityType = "inspection"   // 行政检查
	AuthConfirmation AuthorityType = "confirmation" // 行政确认
	AuthReward       AuthorityType = "reward"       // 行政奖励
	AuthAdjudication AuthorityType = "adjudication" // 行政裁决
	AuthOtherAdmin   AuthorityType = "other_admin"  // 其他行政权力
	AuthStreetPower  AuthorityType = "street_power" // 街道法定职权（条例赋予）
	AuthEnforcement  AuthorityType = "enforcement"  // 综合行政执法（下放）
)

// AuthorityTypes lists the types in display order.
var AuthorityTypes = []AuthorityType{
	AuthLicensing, AuthPenalty, AuthCoercion, AuthLevy, AuthBenefit, AuthInspection,
	AuthConfirmation, AuthReward, AuthAdjudication, AuthOtherAdmin, AuthStreetPower, AuthEnforcement,
}

var authorityTypeNames = map[AuthorityType]Msg{
	AuthLicensing: {"行政许可", "Licensing"}, AuthPenalty: {"行政处罚", "Penalty"}, AuthCoercion: {"行政强制", "Coercion"},
	AuthLevy: {"行政征收", "Levy"}, AuthBenefit: {"行政给付", "Benefit payment"}, AuthInspection: {"行政检查", "Inspection"},
	AuthConfirmation: {"行政确认", "Confirmation"}, AuthReward: {"行政奖励", "Reward"}, AuthAdjudication: {"行政裁决", "Adjudication"},
	AuthOtherAdmin: {"其他行政权力", "Other administrative power"}, AuthStreetPower: {"街道职权", "Street office power"},
	AuthEnforcement: {"综合行政执法", "Comprehensive enforcement"},
}

// Name is the display name.
func (t AuthorityType) Name() Msg { return authorityTypeNames[t] }

// Valid reports whether t is a known type.
func (t AuthorityType) Valid() bool { _, ok := authorityTypeNames[t]; return ok }

// ParseAuthorityType accepts a code or a name.
func ParseAuthorityType(s string) (AuthorityType, bool) {
	for t, n := range authorityTypeNames {
		if s == string(t) || s == n.Zh || s == n.En {
			return t, true
		}
	}
	return "", false
}

// Categories are the six usual duty categories; projects may use others.
var Categories = []string{"党的建设", "平安建设", "城市管理", "民生保障", "社区建设", "综合保障"}
