package sheet

import (
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// assessPlan is the part of a plan that writes assessments: those this
// import creates or changes, one per (office, duty) however many rows name
// the pair, and the rows of assessment sheets waiting for the duties the
// whole import plans.
type assessPlan struct {
	byPair     map[model.PairKey]*plannedAssessment
	order      []*plannedAssessment
	pending    []pendingAssessRow
	unassessed int                       // rows whose indicators were left out: not assessed
	cols       map[*Source][]assessField // the assessment columns of each list table
	sheetNotes map[sheetNote]bool        // notes on whole tables the report has
	scratch    *model.Project            // one office and one duty, to validate an assessment
	dutyIndex  map[string][]*model.Duty  // by name and sub-item, for assessment sheets
	seqIndex   map[int][]*model.Duty     // by number, for assessment sheets without names
	officeFold map[string]*model.Office  // by folded name
}

type plannedAssessment struct {
	a     *model.Assessment
	isNew bool
}

// assessOutcome is what planning one row's assessment of one pair did.
type assessOutcome struct {
	status   Status // StatusImported (created), StatusUpdated, StatusSkipped (not assessed) or StatusRejected
	reason   words.Msg
	rejected []Entry // value problems the model found, by column
}

// planAssessment creates or updates the assessment of d by o from the
// row's cells. A pair with no assessment yet gets one only when the row
// says the duty is assessed: an unassessed duty stays out of the balance
// index, so importing it never moves the index. e is the row's entry,
// the template of rejections.
func (pl *planner) planAssessment(o *model.Office, d *model.Duty, r *assessRow, e Entry, headerOf func(col int) string) assessOutcome {
	ap := &pl.assess
	if ap.byPair == nil {
		ap.byPair = map[model.PairKey]*plannedAssessment{}
		ap.scratch = &model.Project{Offices: map[model.ID]*model.Office{}, Duties: map[model.ID]*model.Duty{}}
	}
	key := model.PairKey{Office: o.ID, Other: d.ID}
	pa := ap.byPair[key]
	old := pl.p.Assessment(o.ID, d.ID)
	assessed := pa != nil || old != nil
	switch st := r.state(); {
	case st == stateUnassessed && assessed:
		return assessOutcome{status: StatusSkipped, reason: words.M("assessimport.row.unassessed_existing", "office", o.Name)}
	case st == stateUnassessed:
		ap.unassessed++
		return assessOutcome{status: StatusSkipped, reason: words.M("assessimport.row.marked_unassessed")}
	case st == stateUnsaid && !assessed:
		ap.unassessed++
		return assessOutcome{status: StatusSkipped, reason: words.M("assessimport.row.not_assessed",
			"role", assessRole.name(), "assessed", assessAssessed.name())}
	}
	var a *model.Assessment
	switch {
	case pa != nil:
		x := *pa.a
		a = &x
	case old != nil:
		a = old.Clone().(*model.Assessment)
		a.Touch(pl.opts.Author)
	default:
		a = &model.Assessment{Meta: model.NewMeta(pl.opts.Author), Office: o.ID, Duty: d.ID, Role: d.Kind.ExpectedRole()}
	}
	r.applyTo(a)
	clear(ap.scratch.Offices)
	clear(ap.scratch.Duties)
	ap.scratch.Offices[o.ID], ap.scratch.Duties[d.ID] = o, d
	if probs := model.ValidateChange(ap.scratch, model.Change{Kind: model.KindAssessment, After: a}); len(probs) > 0 {
		rr := rowRejections{e: e, headerOf: headerOf}
		for _, pr := range probs {
			col := -1
			if f := assessFieldOfCode(pr.Field); f != assessNone && r.cells[f].set {
				col = r.cols[f]
			}
			rr.add(col, pr.Msg)
		}
		return assessOutcome{status: StatusRejected, rejected: rr.list}
	}
	if pa == nil {
		pa = &plannedAssessment{isNew: old == nil}
		ap.byPair[key] = pa
		ap.order = append(ap.order, pa)
	}
	pa.a = a
	if pa.isNew {
		return assessOutcome{status: StatusImported, reason: words.M("assessimport.row.created", "office", o.Name)}
	}
	return assessOutcome{status: StatusUpdated, reason: words.M("assessimport.row.updated", "office", o.Name)}
}

// assessChanges resolves the rows of assessment sheets against every
// office and duty of the project and the import, then returns the
// assessments to write and counts them in the report. The plan calls it
// last: assessments name offices and duties written before them.
func (pl *planner) assessChanges() []model.Change {
	pl.resolvePendingAssessments()
	var out []model.Change
	for _, pa := range pl.assess.order {
		out = append(out, pl.p.Put(pa.a))
		if pa.isNew {
			pl.report.AssessmentsCreated++
		} else {
			pl.report.AssessmentsUpdated++
		}
	}
	pl.report.AssessmentsUnassessed = pl.assess.unassessed
	return out
}

// AssessmentCounts is the report's line on assessments in lang, and
// whether the import touched any.
func (r *Report) AssessmentCounts(lang string) (string, bool) {
	if r.AssessmentsCreated+r.AssessmentsUpdated+r.AssessmentsUnassessed == 0 {
		return "", false
	}
	return words.Say(lang, "assessimport.report.counts", "created", r.AssessmentsCreated,
		"updated", r.AssessmentsUpdated, "unassessed", r.AssessmentsUnassessed), true
}
