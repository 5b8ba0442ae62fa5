package model_test

import (
	"testing"

	"rpbmatrix/model"
)

func TestAccountabilityNoTolerance(t *testing.T) {
	runRuleCases(t, model.RuleNoTolerance, []ruleCase{
		{"recorded lack of authority, no 容错", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic, "行政处罚", "行政强制")
			f.hold(o, "行政处罚", true, model.LevelFull)
			f.assess(o, d, nil)
			f.incident(o, d, model.IncidentAccountability, model.CauseAuthority, false)
		}, model.SevSerious,
			"问责事件 1 起未适用容错纠错（问责 1 起），其中 1 起记录原因为缺少权限；权限覆盖率 50%",
			"1 incident without fault tolerance applied (Accountability: 1), of which 1 recorded as lacking authority; authority coverage 50%"},
		{"two untolerated reach the threshold: critical", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic)
			f.assess(o, d, func(a *model.Assessment) { a.StaffNeeded, a.StaffHeld = 4, 1 })
			f.incident(o, d, model.IncidentInterview, model.CauseResources, false)
			f.incident(o, d, model.IncidentCriticism, model.CauseOther, false)
			f.incident(o, d, model.IncidentCriticism, model.CauseResources, true) // 容错 applied: not counted
		}, model.SevCritical,
			"问责事件 2 起未适用容错纠错（约谈 1 起、通报批评 1 起），其中 1 起记录原因为缺少资源；资源覆盖率 25%",
			"2 incidents without fault tolerance applied (Admonitory talk: 1, Public criticism: 1), of which 1 recorded as lacking resources; resource coverage 25%"},
		{"only the analysis finds the lack: warning", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, model.LevelPartial)
			f.incident(o, d, model.IncidentAdmonition, model.CauseOther, false) // not even assessed
		}, model.SevWarning,
			"问责事件 1 起未适用容错纠错（诫勉 1 起）；权限覆盖率 50%",
			"1 incident without fault tolerance applied (Admonition: 1); authority coverage 50%"},
		{"容错 applied", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic, "行政处罚")
			f.incident(o, d, model.IncidentAccountability, model.CauseAuthority, true)
		}, 0, "", ""},
		{"no lack recorded or found", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic, "行政处罚")
			f.hold(o, "行政处罚", true, model.LevelFull)
			f.assess(o, d, nil)
			f.incident(o, d, model.IncidentAccountability, model.CauseOther, false)
		}, 0, "", ""},
		// A count on the assessment says nothing about 容错.
		{"count only", func(f *fixture, o *model.Office) {
			d := f.duty("违法建设治理", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 3 })
		}, 0, "", ""},
	})
}

// ACCOUNTABILITY_TRAP counts the incident records of a pair; the count on
// the assessment only when it has none (never both).
func TestAccountabilityTrapRecords(t *testing.T) {
	runRuleCases(t, model.RuleAccountabilityTrap, []ruleCase{
		{"two records, count 0", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, nil)
			f.incident(o, d, model.IncidentInterview, model.CauseOther, true)
			f.incident(o, d, model.IncidentAccountability, model.CauseAuthority, false)
		}, model.SevSerious,
			"近一年被问责 2 次（阈值 2 次），但权限覆盖率仅 0%（阈值 50%）",
			"held accountable 2 times in the past year (threshold 2), but authority coverage is only 0% (threshold 50%)"},
		{"one record overrides a count of 5", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.assess(o, d, func(a *model.Assessment) { a.Incidents = 5 })
			f.incident(o, d, model.IncidentInterview, model.CauseOther, false)
		}, 0, "", ""},
		{"records without an assessment", func(f *fixture, o *model.Office) {
			d := f.duty("安全生产", model.ListBasic, "行政处罚")
			f.incident(o, d, model.IncidentInterview, model.CauseOther, false)
			f.incident(o, d, model.IncidentInterview, model.CauseOther, false)
		}, model.SevSerious,
			"近一年被问责 2 次（阈值 2 次），但权限覆盖率仅 0%（阈值 50%）",
			"held accountable 2 times in the past year (threshold 2), but authority coverage is only 0% (threshold 50%)"},
	})
}

// The weight counts the records too: W = 3 (lead) + 0.5 per incident.
func TestWeightCountsIncidentRecords(t *testing.T) {
	f := newFixture()
	o := f.office("东城街道", 0)
	d := f.duty("安全生产", model.ListBasic)
	f.assess(o, d, func(a *model.Assessment) { a.Incidents = 4 })
	f.incident(o, d, model.IncidentInterview, model.CauseOther, false)
	r := model.Analyze(f.p)
	if w := r.Scores[model.PairKey{Office: o.ID, Other: d.ID}].Weight; w != 3.5 {
		t.Fatalf("W = %v, want 3.5 (one record, the count of 4 set aside)", w)
	}
}
