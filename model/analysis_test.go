package model_test

import (
	"slices"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

// The accessors agree: AllFindings is every office's findings, worst first;
// FindingsOfOffice and FindingsFor are its slices; the counts in the
// summaries count it; every finding's reason is worded in full in both
// languages.
func TestFindingAccessorsAgree(t *testing.T) {
	p := synth.Generate(4, 60, 3)
	r := model.Analyze(p)
	all := r.AllFindings()
	if len(all) == 0 || len(all) != r.FindingCount() {
		t.Fatalf("AllFindings lists %d, FindingCount %d", len(all), r.FindingCount())
	}
	for _, o := range p.OfficeList() {
		var want []model.Finding
		for _, f := range all {
			if f.Office == o.ID {
				want = append(want, f)
			}
		}
		if got := r.FindingsOfOffice(o.ID); !slices.Equal(got, want) {
			t.Fatalf("%s: FindingsOfOffice gives %d findings, AllFindings %d", o.Name, len(got), len(want))
		}
		if n := r.Offices[o.ID].ByRule; sum(n) != len(want) {
			t.Fatalf("%s: ByRule counts %d, the office has %d findings", o.Name, sum(n), len(want))
		}
		for _, d := range p.DutyList()[:10] {
			var want []model.Finding
			for _, f := range all {
				if f.Office == o.ID && f.Duty == d.ID {
					want = append(want, f)
				}
			}
			if got := r.FindingsFor(o.ID, d.ID); !slices.Equal(got, want) {
				t.Fatalf("%s / %s: FindingsFor %v, want %v", o.Name, d.Name, got, want)
			}
			if s := r.Scores[model.PairKey{Office: o.ID, Other: d.ID}]; s != nil && len(want) > 0 && s.Worst != want[0].Severity {
				t.Fatalf("score's worst %v, worst finding %v", s.Worst, want[0].Severity)
			}
		}
	}
	// Worst first: severity never rises, and within a severity the gap never rises.
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if b.Severity > a.Severity || (b.Severity == a.Severity && b.Gap > a.Gap) {
			t.Fatalf("findings %d and %d out of order: %v/%v then %v/%v", i-1, i, a.Severity, a.Gap, b.Severity, b.Gap)
		}
	}
	bySev := 0
	for _, n := range r.Total.BySeverity {
		bySev += n
	}
	if bySev != len(all) || sum(r.Total.ByRule) != len(all) {
		t.Fatalf("BySeverity counts %d, ByRule %d, the list has %d", bySev, sum(r.Total.ByRule), len(all))
	}
	rules := map[model.RuleCode]bool{}
	for _, f := range all {
		rules[f.Rule] = true
		m := r.Reason(f)
		for _, lang := range words.Languages {
			if m.In(lang) == "" {
				t.Fatalf("%+v has no %s reason", f, lang)
			}
			if miss := words.Missing(lang, m); len(miss) > 0 {
				t.Fatalf("%s reason lacks %v in %s", f.Rule, miss, lang)
			}
		}
	}
	if len(rules) < len(model.RuleCodes)-1 {
		t.Errorf("only %d of %d rules fired: the test does not exercise them", len(rules), len(model.RuleCodes))
	}
	worst := r.Worst(model.NilID, 20)
	if len(worst) != 20 || !slices.IsSortedFunc(worst, func(a, b *model.Score) int { return -cmpFloat(a.Gap, b.Gap) }) {
		t.Fatalf("Worst: %d scores, not by gap", len(worst))
	}
}

// A reason is worded from the analysis as it is: once a finding is gone,
// its reason is empty rather than made up.
func TestReasonOfAFindingGone(t *testing.T) {
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("垃圾分类", model.ListBasic)
	a := f.assess(o, d, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 4 })
	an := model.NewAnalyzer(f.p)
	gone := of(an.Result(), model.RuleUnfunded)[0]
	b := *a
	b.FundsHeld = 10
	c := f.p.Put(&b)
	f.p.Apply(c)
	r := an.Update([]model.Change{c})
	if m := r.Reason(gone); !m.IsZero() {
		t.Fatalf("reason of a closed finding: %q", m.In(words.Zh))
	}
	if m := r.Reason(model.Finding{Rule: "NO_SUCH_RULE", Office: o.ID, Duty: d.ID}); !m.IsZero() {
		t.Fatal("reason of an unknown rule")
	}
}

func sum(m map[model.RuleCode]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestEmptyProject: nothing to analyse is not an error.
func TestEmptyProject(t *testing.T) {
	p := model.NewProject("空项目", "测试区", "t")
	an := model.NewAnalyzer(p)
	r := an.Result()
	if r.FindingCount() != 0 || len(r.AllFindings()) != 0 || len(r.Scores) != 0 || r.Total.Balance != 1 || r.Total.Items != 0 {
		t.Fatalf("empty project: %+v", r.Total)
	}
	o := &model.Office{Meta: model.NewMeta("t"), Name: "新街道", Kind: model.OfficeStreet, OnStaff: 10}
	c := p.Put(o)
	p.Apply(c)
	if r := an.Update([]model.Change{c}); r.Offices[o.ID] == nil || r.Offices[o.ID].Balance != 1 {
		t.Fatalf("after adding an office: %+v", r.Offices)
	}
}
