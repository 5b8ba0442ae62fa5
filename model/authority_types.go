package model

import (
	"strings"

	"rpbmatrix/model/words"
)

// AuthorityType classifies an authority: the ten standard administrative power
// types, or one of the powers street offices hold by statute (DESIGN §2). Its
// name is the catalogue's authority_type.<code>.
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

var authorityTypeCodes = func() map[AuthorityType]string {
	m := make(map[AuthorityType]string, len(AuthorityTypes))
	for _, t := range AuthorityTypes {
		m[t] = string(t)
	}
	return m
}()

// Name is the display name.
func (t AuthorityType) Name() words.Msg { return enumName("authority_type.", authorityTypeCodes[t]) }

// Valid reports whether t is a known type.
func (t AuthorityType) Valid() bool { _, ok := authorityTypeCodes[t]; return ok }

// ParseAuthorityType accepts a code or a name.
func ParseAuthorityType(s string) (AuthorityType, bool) {
	return parseEnum(s, "authority_type.", authorityTypeCodes)
}

// Categories are the six usual duty categories, as projects store them (in
// Chinese); projects may use others.
var Categories = strings.Split(words.Say(words.Zh, "category.usual"), "|")
