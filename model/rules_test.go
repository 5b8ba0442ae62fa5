package model_test

import (
	"reflect"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// TestScores checks W, A, S, G and the balance index on one item.
func TestScores(t *testing.T) {
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("安全生产", model.ListBasic, "行政处罚", "行政检查")
	f.hold(o, "行政处罚", true, model.LevelFull)
	f.hold(o, "行政检查", true, model.LevelPartial)
	f.assess(o, d, func(a *model.Assessment) {
		a.Veto, a.Incidents, a.AssessedBy = true, 1, 3 // W = 3 + 1 + 0.5 + 0.5 = 5
		a.StaffNeeded, a.StaffHeld = 2, 1              // 0.5
		a.FundsNeeded, a.FundsHeld = 10, 8             // 0.8
	})
	r := model.Analyze(f.p)
	s := r.Scores[model.PairKey{Office: o.ID, Other: d.ID}]
	if s == nil {
		t.Fatal("no score")
	}
	want := model.Score{Office: o.ID, Duty: d.ID, Weight: 5, AuthorityCoverage: 0.75, ResourceCoverage: 0.5, Gap: 2.5, Worst: model.SevCritical, Assessed: true}
	if *s != want {
		t.Fatalf("score %+v\nwant %+v", *s, want)
	}
	if b := r.Offices[o.ID].Balance; b != 0.5 || r.Total.Balance != 0.5 {
		t.Fatalf("balance %v / %v, want 0.5", b, r.Total.Balance)
	}
	if got := r.Worst(model.NilID, 1); len(got) != 1 || got[0] != s {
		t.Fatalf("Worst = %v", got)
	}
	k := r.Offices[o.ID].ByKind[model.ListBasic]
	if k == nil || k.Items != 1 || k.ByRule[model.RuleUnderstaffed] != 1 || r.ByCategory["城市管理"].Gap != 2.5 {
		t.Fatalf("summaries: by kind %+v, by category %+v", k, r.ByCategory["城市管理"])
	}
}

// TestZeroSettingsUseDefaults: settings stored before a field existed decode as zero.
func TestZeroSettingsUseDefaults(t *testing.T) {
	if got := (model.Settings{}).Normalized(); got != model.DefaultSettings() {
		t.Fatalf("Normalized zero settings = %+v", got)
	}
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("垃圾分类", model.ListBasic)
	f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 9 })
	f.p.Settings = model.Settings{}
	if got := of(model.Analyze(f.p), model.RuleUnfunded); len(got) != 0 {
		t.Fatalf("a zero tolerance was taken literally: %v", got)
	}
}

// The registry: every rule is named and described in both languages, grades
// at least one kind of item, reads only settings that exist, and is found
// by its code or its name in either language.
func TestRuleRegistry(t *testing.T) {
	rules := model.Rules()
	if len(rules) != len(model.RuleCodes) || len(rules) == 0 {
		t.Fatalf("%d rules described, %d codes", len(rules), len(model.RuleCodes))
	}
	settings := map[string]bool{}
	st := reflect.TypeOf(model.Settings{})
	for i := range st.NumField() {
		name, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
		settings[name] = true
	}
	for i, info := range rules {
		c := info.Code
		if model.RuleCodes[i] != c {
			t.Errorf("rule %d is %s in Rules, %s in RuleCodes", i, c, model.RuleCodes[i])
		}
		if len(info.Scopes) == 0 {
			t.Errorf("%s grades nothing", c)
		}
		for _, s := range info.Settings {
			if !settings[s] {
				t.Errorf("%s reads setting %q, which Settings does not have", c, s)
			}
		}
		for _, lang := range words.Languages {
			for _, m := range []words.Msg{info.Name, info.Formal, info.Description, c.Name(), c.Formal()} {
				if !words.Has(lang, m.Key) || m.In(lang) == "" {
					t.Errorf("%s: %q has no %s words", c, m.Key, lang)
				}
			}
			for _, s := range []string{string(c), strings.ToLower(string(c)), info.Name.In(lang), strings.ToUpper(info.Name.In(lang))} {
				if got, ok := model.ParseRuleCode(s); !ok || got != c {
					t.Errorf("ParseRuleCode(%q) = %v, %v", s, got, ok)
				}
			}
		}
	}
	if _, ok := model.ParseRuleCode("no such rule"); ok {
		t.Error("an unknown name parsed")
	}
	if got := model.RuleCode("NEW_RULE").Formal().In(words.Zh); got != "NEW_RULE" {
		t.Errorf("an unknown code names itself formally, got %q", got)
	}
	if got := model.RuleCode("NEW_RULE").Name().In(words.En); got != "NEW_RULE" {
		t.Errorf("an unknown code names itself, got %q", got)
	}
}
