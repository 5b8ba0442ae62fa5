package model_test

import (
	"slices"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// TestAccessorsAgreeWithList checks that the lazy accessors return exactly
// the findings of the full worst-first list, in the same order.
func TestAccessorsAgreeWithList(t *testing.T) {
	p := synth.Generate(4, 60, 3)
	full := model.Analyze(p)
	lazy := model.Summarize(p)
	if lazy.Findings != nil {
		t.Fatal("Summarize worded the list")
	}
	if !slices.Equal(lazy.AllFindings(), full.Findings) {
		t.Fatal("AllFindings differs from Analyze's list")
	}
	for _, o := range p.OfficeList() {
		var want []model.Finding
		for _, f := range full.Findings {
			if f.Office == o.ID {
				want = append(want, f)
			}
		}
		if got := model.Summarize(p).FindingsOfOffice(o.ID); !slices.Equal(got, want) {
			t.Fatalf("%s: FindingsOfOffice gives %d findings, the list %d", o.Name, len(got), len(want))
		}
		for _, d := range p.DutyList()[:10] {
			var want []model.Finding
			for _, f := range full.Findings {
				if f.Office == o.ID && f.Duty == d.ID {
					want = append(want, f)
				}
			}
			if got := lazy.FindingsFor(o.ID, d.ID); !slices.Equal(got, want) {
				t.Fatalf("%s / %s: FindingsFor %v, want %v", o.Name, d.Name, got, want)
			}
			if s := full.Scores[model.PairKey{Office: o.ID, Other: d.ID}]; s != nil && len(want) > 0 && s.Worst != want[0].Severity {
				t.Fatalf("score's worst %v, worst finding %v", s.Worst, want[0].Severity)
			}
		}
	}
	// Worst first: severity never rises, and within a severity the gap never rises.
	for i := 1; i < len(full.Findings); i++ {
		a, b := full.Findings[i-1], full.Findings[i]
		if b.Severity > a.Severity || (b.Severity == a.Severity && b.Gap > a.Gap+1e-6) {
			t.Fatalf("findings %d and %d out of order: %v/%v then %v/%v", i-1, i, a.Severity, a.Gap, b.Severity, b.Gap)
		}
	}
	worst := full.Worst(model.NilID, 20)
	if len(worst) != 20 || !slices.IsSortedFunc(worst, func(a, b *model.Score) int { return -cmpFloat(a.Gap, b.Gap) }) {
		t.Fatalf("Worst: %d scores, not by gap", len(worst))
	}
	if n := full.Total.ByRule[model.RuleAuthorityGap] + full.Total.ByRule[model.RuleUnfunded]; n == 0 {
		t.Fatal("totals count no findings")
	}
	total := 0
	for _, n := range full.Total.BySeverity {
		total += n
	}
	if total != len(full.Findings) {
		t.Fatalf("BySeverity counts %d findings, the list has %d", total, len(full.Findings))
	}
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

// TestTownshipWording: a township calls itself 乡镇, not 街道.
func TestTownshipWording(t *testing.T) {
	f := newFixture()
	o := f.office("青山镇", 0)
	o.Kind = model.OfficeTownship
	f.hold(o, "行政检查", true, model.LevelFull)
	got := of(model.Analyze(f.p), model.RuleIdle)
	if len(got) != 1 || got[0].Reason.Zh != "持有「行政检查」（依法赋予，完全行使），但本乡镇承担的事项都不需要此权限" {
		t.Fatalf("got %v", got)
	}
}

// TestEmptyProject: nothing to analyse is not an error.
func TestEmptyProject(t *testing.T) {
	p := model.NewProject("空项目", "测试区", "t")
	an := model.NewAnalyzer(p)
	r := an.Result()
	if len(r.Findings) != 0 || len(r.Scores) != 0 || r.Total.Balance != 1 || r.Total.Items != 0 {
		t.Fatalf("empty project: %+v", r.Total)
	}
	o := &model.Office{Meta: model.NewMeta("t"), Name: "新街道", Kind: model.OfficeStreet, StaffActual: 10}
	c := p.Put(o)
	p.Apply(c)
	if r := an.Update([]model.Change{c}); r.Offices[o.ID] == nil || r.Offices[o.ID].Balance != 1 {
		t.Fatalf("after adding an office: %+v", r.Offices)
	}
}
