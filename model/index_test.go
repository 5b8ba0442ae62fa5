package model_test

import (
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/synth"
)

// unassessedDuties are four duties of every kind and scope, none assessed:
// what importing a published list adds before anyone has assessed it. Two
// require authorities, so an office may lack them.
func unassessedDuties(p *model.Project) []*model.Duty {
	auths := p.AuthorityList()
	offices := p.OfficeList()
	return []*model.Duty{
		{Meta: model.NewMeta("t"), Name: "新增基本事项", Category: "平安建设", Kind: model.ListBasic,
			Required: []model.ID{auths[0].ID, auths[len(auths)-1].ID}},
		{Meta: model.NewMeta("t"), Name: "新增配合事项", Category: "民生保障", Kind: model.ListSupporting,
			Required: []model.ID{auths[1].ID}},
		{Meta: model.NewMeta("t"), Name: "新增收回事项", Category: "城市管理", Kind: model.ListReturned},
		{Meta: model.NewMeta("t"), Name: "新增一街道事项", Category: "新领域", Kind: model.ListBasic,
			Scope: []model.ID{offices[0].ID}},
	}
}

// The honest index (issue 12): importing duties nobody has assessed never
// moves a balance index, of an office or of the district, in a full
// analysis or an incremental one; the summaries say how many items are
// assessed.
func TestUnassessedDutiesLeaveTheIndex(t *testing.T) {
	p := synth.Generate(8, 120, 2)
	before := model.Analyze(p)
	an := model.NewAnalyzer(p)
	var changes []model.Change
	for _, d := range unassessedDuties(p) {
		changes = append(changes, p.Put(d))
	}
	for _, c := range changes {
		p.Apply(c)
	}
	for _, r := range map[string]*model.Result{"full": model.Analyze(p), "incremental": an.Update(changes)} {
		if got, want := r.Total.Balance, before.Total.Balance; got != want {
			t.Errorf("district index %v, was %v", got, want)
		}
		if r.Total.Weight != before.Total.Weight || r.Total.Gap != before.Total.Gap {
			t.Errorf("district ΣW ΣG %v %v, were %v %v", r.Total.Weight, r.Total.Gap, before.Total.Weight, before.Total.Gap)
		}
		added := 0
		for id, s := range r.Offices {
			b := before.Offices[id]
			if s.Balance != b.Balance || s.Weight != b.Weight || s.Gap != b.Gap {
				t.Errorf("%s: index %v (ΣW %v ΣG %v), was %v (ΣW %v ΣG %v)", p.Offices[id].Name,
					s.Balance, s.Weight, s.Gap, b.Balance, b.Weight, b.Gap)
			}
			if s.Assessed != b.Assessed || s.Items <= b.Items {
				t.Errorf("%s: assessed %d of %d, was %d of %d", p.Offices[id].Name, s.Assessed, s.Items, b.Assessed, b.Items)
			}
			added += s.Items - b.Items
		}
		// Three duties for every office, one for the first.
		if want := 3*len(p.Offices) + 1; added != want || r.Total.Items-before.Total.Items != want {
			t.Errorf("%d items added (total %d), want %d", added, r.Total.Items-before.Total.Items, want)
		}
		if r.Total.Assessed != before.Total.Assessed || r.Total.Assessed != len(p.Assessments) {
			t.Errorf("assessed %d, was %d; the project has %d assessments", r.Total.Assessed, before.Total.Assessed, len(p.Assessments))
		}
	}
}

// An unassessed basic-list duty is still the office's duty: when the office
// lacks an authority it requires, AUTHORITY_GAP says so (the holdings are
// known without an assessment), and its score carries the gap, while the
// index leaves it out. No other rule fires on it.
func TestUnassessedBasicDutyAuthorityGap(t *testing.T) {
	f := newFixture()
	o := f.office("东城街道", 0)
	done := f.duty("垃圾分类", model.ListBasic, "行政处罚")
	f.hold(o, "行政处罚", true, model.LevelFull)
	f.assess(o, done, func(a *model.Assessment) { a.FundsNeeded, a.FundsHeld = 10, 5 })
	before := model.Analyze(f.p)

	d := f.duty("违法建设治理", model.ListBasic, "行政处罚", "行政强制")
	r := model.Analyze(f.p)
	fs := r.FindingsFor(o.ID, d.ID)
	if len(fs) != 1 || fs[0].Rule != model.RuleAuthorityGap || fs[0].Severity != model.SevWarning {
		t.Fatalf("findings on the unassessed duty: %v", fs)
	}
	checkReason(t, r, fs[0], "需要 2 项权限，实际完全行使 1 项（覆盖率 50%）：缺少 行政强制",
		"needs 2 authorities, fully exercises 1 (coverage 50%): missing 行政强制")
	sc := r.Scores[model.PairKey{Office: o.ID, Other: d.ID}]
	if sc == nil || sc.Assessed || sc.Weight != 3 || sc.Gap != 1.5 || sc.ResourceCoverage != 1 {
		t.Fatalf("score %+v", sc)
	}
	s := r.Offices[o.ID]
	if s.Balance != before.Offices[o.ID].Balance || s.Balance != 0.5 || s.Items != 2 || s.Assessed != 1 {
		t.Fatalf("office summary %+v, was %+v", s.Summary, before.Offices[o.ID].Summary)
	}
	if got := s.Coverage().In("zh"); got != "已评估 1 / 2" {
		t.Errorf("coverage %q", got)
	}
	if s.ByRule[model.RuleAuthorityGap] != 1 || r.Total.ByRule[model.RuleAuthorityGap] != 1 {
		t.Fatalf("the finding is not counted: %v", s.ByRule)
	}
}
