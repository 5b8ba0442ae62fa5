package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestAdmissionUnfunded(t *testing.T) {
	runRuleCases(t, model.RuleAdmissionUnfunded, []ruleCase{
		{"admitted without staff, funds or authority", func(f *fixture, o *model.Office) {
			f.proposal("电动自行车充电设施排查", "区消防救援支队", model.AdmissionAdmitted, func(q *model.Proposal) {
				q.StaffNeeded, q.FundsNeeded = 2, 10
				q.Required = []model.ID{f.auth("行政检查"), f.auth("行政处罚")}
			})
		}, model.SevSerious,
			"「电动自行车充电设施排查」（区消防救援支队申请，准入）未做到人财物随事转：需要人力 2 人，随事转移 0 人；需要经费 10 万元/年，随事转移 0 万元；所需权限 行政检查、行政处罚 未随事下放，本街道也不能完全行使",
			"\"电动自行车充电设施排查\" (requested by 区消防救援支队, Admitted) does not bring what it needs: needs 2 staff (FTE), 0 come with it; needs funds of 10 (10,000 yuan a year), 0 come with it; the authorities it requires (行政检查, 行政处罚) are not devolved with it, nor does the street office fully exercise them"},
		{"admitted, funds short only", func(f *fixture, o *model.Office) {
			f.proposal("电动自行车充电设施排查", "区消防救援支队", model.AdmissionAdmitted, func(q *model.Proposal) {
				q.StaffNeeded, q.StaffCarried, q.FundsNeeded, q.FundsCarried = 2, 2, 10, 8
				q.Required, q.Granted = []model.ID{f.auth("行政检查")}, []model.ID{f.auth("行政检查")}
			})
		}, model.SevWarning,
			"「电动自行车充电设施排查」（区消防救援支队申请，准入）未做到人财物随事转：需要经费 10 万元/年，随事转移 8 万元",
			"\"电动自行车充电设施排查\" (requested by 区消防救援支队, Admitted) does not bring what it needs: needs funds of 10 (10,000 yuan a year), 8 come with it"},
		{"pending, one lack: info", func(f *fixture, o *model.Office) {
			f.proposal("养犬登记", "", model.AdmissionPending, func(q *model.Proposal) { q.StaffNeeded, q.StaffCarried = 1, 0.5 })
		}, model.SevInfo,
			"「养犬登记」（申请部门未注明，待审）未做到人财物随事转：需要人力 1 人，随事转移 0.5 人",
			"\"养犬登记\" (requesting department not stated, Pending) does not bring what it needs: needs 1 staff (FTE), 0.5 come with it"},
		{"authority the office already exercises fully", func(f *fixture, o *model.Office) {
			f.hold(o, "行政检查", true, model.LevelFull)
			f.proposal("养犬登记", "区公安分局", model.AdmissionAdmitted, func(q *model.Proposal) { q.Required = []model.ID{f.auth("行政检查")} })
		}, 0, "", ""},
		{"admitted as supporting needs no authority", func(f *fixture, o *model.Office) {
			f.proposal("养犬登记", "区公安分局", model.AdmissionToSupporting, func(q *model.Proposal) { q.Required = []model.ID{f.auth("行政检查")} })
		}, 0, "", ""},
		{"shortfalls within the tolerances", func(f *fixture, o *model.Office) {
			f.proposal("养犬登记", "区公安分局", model.AdmissionAdmitted, func(q *model.Proposal) {
				q.StaffNeeded, q.StaffCarried, q.FundsNeeded, q.FundsCarried = 1, 0.9, 10, 9
			})
		}, 0, "", ""},
		{"rejected", func(f *fixture, o *model.Office) {
			f.proposal("养犬登记", "区公安分局", model.AdmissionRejected, func(q *model.Proposal) { q.StaffNeeded, q.FundsNeeded = 3, 30 })
		}, 0, "", ""},
	})
}

// A request is found on each office it applies to, and a holding edit
// that gives one office the authority closes it there only, incrementally.
func TestAdmissionPerOffice(t *testing.T) {
	f := newFixture()
	east, west, north := f.office("东城街道", 0), f.office("西城街道", 0), f.office("北城街道", 0)
	q := f.proposal("燃气安全巡查", "区城市管理委", model.AdmissionAdmitted, func(q *model.Proposal) {
		q.Required = []model.ID{f.auth("行政检查")}
	})
	q.Scope = []model.ID{east.ID, west.ID}
	an := model.NewAnalyzer(f.p)
	offices := func(r *model.Result) map[model.ID]bool {
		out := map[model.ID]bool{}
		for _, x := range r.FindingsOfEntry(q.ID) {
			out[x.Office] = true
		}
		return out
	}
	if got := offices(an.Result()); len(got) != 2 || !got[east.ID] || !got[west.ID] || got[north.ID] {
		t.Fatalf("found on %v", got)
	}
	h := &model.Holding{Meta: model.NewMeta("t"), Office: west.ID, Authority: f.auth("行政检查"), DeJure: true, DeFacto: model.LevelFull}
	c := f.p.Put(h)
	f.p.Apply(c)
	r := an.Update([]model.Change{c})
	if got := offices(r); len(got) != 1 || !got[east.ID] {
		t.Fatalf("after the holding: found on %v", got)
	}
	if diff := compareResults(r, model.Analyze(f.p)); diff != "" {
		t.Fatal(diff)
	}
}
