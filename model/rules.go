package model

import (
	"slices"
	"strings"

	"rpbmatrix/model/words"
)

// The rule registry. Each rule lives in its own file, rule_<name>.go, which
// registers it: its code, its place in the display order, the Settings it
// reads, and for each kind of item it looks at (Scope: a duty in an office's
// list, an (office, authority), an office, an admission request, an off-list
// task) how it grades one and how it words the reason. Its names, description and reason templates are the
// catalogue's rule.<CODE>.* keys. Adding a rule is that file, its test and
// its catalogue entries; the engine, the totals, the finding order and the
// wording all go through the registry. A new kind of item is a Scope, a
// facts type and a check field here, and, for a register of entries beside
// the lists, a row in newRegisters (analysis_entries.go).

// RuleCode is the stable code of an analysis rule.
type RuleCode string

// Scope is the kind of item a rule grades.
type Scope int

const (
	ScopeDuty      Scope = 1 // each (office, duty) in the office's list
	ScopeAuthority Scope = 2 // each (office, authority)
	ScopeOffice    Scope = 3 // each office as a whole
	// The registers beside the lists: each entry for every office it
	// applies to. A finding on one names it in Finding.Entry.
	ScopeProposal Scope = 4 // each (office, admission request 准入申请)
	ScopeOffList  Scope = 5 // each off-list task (清单外事项), on its office
)

// check grades one kind of item from its facts F (0: the rule does not
// fire) and words the reason of a finding from the same facts.
type check[F any] struct {
	grade  func(x *F) Severity
	reason func(x *F) words.Msg
}

// rule is one registered analysis rule. A rule may grade more than one
// kind of item (UNDERSTAFFED grades each duty and each office as a whole).
type rule struct {
	code RuleCode
	// order places the rule in lists and legends, and breaks ties in the
	// finding order; smaller first.
	order int
	// settings are the JSON names of the Settings fields the rule reads.
	settings []string
	duty     *check[pairFacts]
	auth     *check[authFacts]
	office   *check[officeFacts]
	proposal *check[proposalFacts]
	offList  *check[offListFacts]

	ix int // position in the display order (set by the registry)
}

// registry is every registered rule, in display order once indexed.
var registry struct {
	all                []*rule
	byCode             map[RuleCode]*rule
	duty, auth, office []*rule // the rules grading each kind of item
	indexed            bool
}

// register adds a rule; each rule file calls it when the package is
// initialised (as a package-level variable), before any init function.
func register(r rule) *rule {
	if registry.indexed {
		panic("model: rule " + string(r.code) + " registered after the registry was indexed")
	}
	registry.all = append(registry.all, &r)
	return &r
}

// RuleCodes lists every rule's code in display order.
var RuleCodes []RuleCode

// init indexes the registry: package-level variables, the registrations
// among them, are all initialised before any init function runs.
func init() {
	rs := registry.all
	slices.SortFunc(rs, func(a, b *rule) int { return a.order - b.order })
	registry.byCode = make(map[RuleCode]*rule, len(rs))
	for i, r := range rs {
		if _, dup := registry.byCode[r.code]; dup {
			panic("model: rule " + string(r.code) + " registered twice")
		}
		r.ix = i
		registry.byCode[r.code] = r
		RuleCodes = append(RuleCodes, r.code)
		if r.duty != nil {
			registry.duty = append(registry.duty, r)
		}
		if r.auth != nil {
			registry.auth = append(registry.auth, r)
		}
		if r.office != nil {
			registry.office = append(registry.office, r)
		}
	}
	registry.indexed = true
}

// RuleInfo describes a rule for the UI, the report and the help text.
type RuleInfo struct {
	Code RuleCode
	Name words.Msg // 有责无权 / Duty without power
	// Formal is the name documents use (报告、纪要、处理意见): 问责陷阱 →
	// 权小责大、问责风险高.
	Formal      words.Msg
	Description words.Msg // when it fires and how it is graded, naming the settings it uses
	Scopes      []Scope   // the kinds of item it grades
	Settings    []string  // JSON names of the Settings fields it reads
}

func (r *rule) info() RuleInfo {
	var scopes []Scope
	if r.duty != nil {
		scopes = append(scopes, ScopeDuty)
	}
	if r.auth != nil {
		scopes = append(scopes, ScopeAuthority)
	}
	if r.office != nil {
		scopes = append(scopes, ScopeOffice)
	}
	if r.proposal != nil {
		scopes = append(scopes, ScopeProposal)
	}
	if r.offList != nil {
		scopes = append(scopes, ScopeOffList)
	}
	return RuleInfo{Code: r.code, Name: r.code.Name(), Formal: r.code.Formal(), Description: words.M("rule." + string(r.code) + ".desc"),
		Scopes: scopes, Settings: slices.Clone(r.settings)}
}

// Rules describes every rule in display order.
func Rules() []RuleInfo {
	out := make([]RuleInfo, len(registry.all))
	for i, r := range registry.all {
		out[i] = r.info()
	}
	return out
}

// RuleByCode describes one rule.
func RuleByCode(c RuleCode) (RuleInfo, bool) {
	if r, ok := registry.byCode[c]; ok {
		return r.info(), true
	}
	return RuleInfo{}, false
}

// Name is the rule's display name; an unknown code names itself.
func (c RuleCode) Name() words.Msg {
	if _, ok := registry.byCode[c]; !ok {
		return words.M("rule.unknown", "code", string(c))
	}
	return words.M("rule." + string(c) + ".name")
}

// Formal is the rule's name for documents; an unknown code names itself.
func (c RuleCode) Formal() words.Msg {
	if _, ok := registry.byCode[c]; !ok {
		return words.M("rule.unknown", "code", string(c))
	}
	return words.M("rule." + string(c) + ".formal")
}

// ParseRuleCode accepts a code (any case) or a rule's name in either language.
func ParseRuleCode(s string) (RuleCode, bool) {
	for _, r := range registry.all {
		if strings.EqualFold(s, string(r.code)) || isName(s, "rule."+string(r.code)+".name") {
			return r.code, true
		}
	}
	return "", false
}
