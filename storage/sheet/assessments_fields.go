package sheet

import (
	"regexp"
	"sync"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Assessment columns (履职评估指标) carry the facts of one office's
// assessment of one duty: workload, the burdens that are not hours, the
// staff, funds and systems it needs and holds, its role and whether it is
// assessed at all. Planners keep them beside the duties of an office's list
// (assessments_cols.go) or in a sheet of their own, one office × duty a row
// (assessments_sheet.go). Their vocabulary is the catalogue's
// assessimport.* keys.

type assessField int

const (
	assessNone assessField = iota
	assessRole
	assessAssessed
	assessAssessedBy
	assessVeto
	assessVetoBasis
	assessHours
	assessFormalismHours
	assessReports
	assessInspections
	assessSignOffs
	assessApps
	assessWorkGroups
	assessDuplicateEntry
	assessCheckIns
	assessStaffNeeded
	assessStaffHeld
	assessFundsNeeded
	assessFundsHeld
	assessFundSource
	assessFundsDistrict
	assessFundsTransferred
	assessFundsSelf
	assessSystemsNeeded
	assessSystemsHeld
	assessFieldCount
)

// assessValueKind is how a column's cells are read.
type assessValueKind int

const (
	valueWhole  assessValueKind = iota // a count: a whole number from 0 to max
	valueAmount                        // hours, FTE, 万元: a number from 0 to max
	valueYesNo                         // 是 / 否
	valueRole                          // 牵头 / 配合 / 不承担, or 未评估
	valueSource                        // 区级财政专项 / 部门随事转移 / 街道（乡镇）自筹
	valueText                          // free text up to model.MaxText
)

// assessSpec is a field's code (the model's JSON name, which problems name
// too), how its cells read and the largest value it takes. The limits are
// what a month, a year or a street can hold: 744 hours in a month, 10 million
// 万元 (100 billion yuan) a year.
type assessSpec struct {
	code string
	kind assessValueKind
	max  float64
}

var assessSpecs = [assessFieldCount]assessSpec{
	assessNone:             {"none", valueText, 0},
	assessRole:             {"role", valueRole, 0},
	assessAssessed:         {"assessed", valueYesNo, 0},
	assessAssessedBy:       {"assessed_by", valueWhole, 1000},
	assessVeto:             {"veto", valueYesNo, 0},
	assessVetoBasis:        {"veto_basis", valueText, 0},
	assessHours:            {"hours", valueAmount, 744},
	assessFormalismHours:   {"formalism_hours", valueAmount, 744},
	assessReports:          {"reports", valueWhole, 10000},
	assessInspections:      {"inspections", valueWhole, 10000},
	assessSignOffs:         {"sign_offs", valueWhole, 10000},
	assessApps:             {"apps", valueWhole, 1000},
	assessWorkGroups:       {"work_groups", valueWhole, 1000},
	assessDuplicateEntry:   {"duplicate_entry", valueWhole, 1000},
	assessCheckIns:         {"check_ins", valueWhole, 100000},
	assessStaffNeeded:      {"staff_needed", valueAmount, 10000},
	assessStaffHeld:        {"staff_held", valueAmount, 10000},
	assessFundsNeeded:      {"funds_needed", valueAmount, 1e7},
	assessFundsHeld:        {"funds_held", valueAmount, 1e7},
	assessFundSource:       {"fund_source", valueSource, 0},
	assessFundsDistrict:    {"funds_district", valueAmount, 1e7},
	assessFundsTransferred: {"funds_transferred", valueAmount, 1e7},
	assessFundsSelf:        {"funds_self", valueAmount, 1e7},
	assessSystemsNeeded:    {"systems_needed", valueWhole, 1000},
	assessSystemsHeld:      {"systems_held", valueWhole, 1000},
}

func (f assessField) code() string    { return assessSpecs[f].code }
func (f assessField) name() words.Msg { return words.M("assessimport.field." + f.code()) }

// indicator reports whether the field is a fact of the assessment rather
// than its state (role, assessed or not).
func (f assessField) indicator() bool {
	return f != assessNone && f != assessRole && f != assessAssessed
}

// assessFieldOfCode is the field a model problem names by its code.
func assessFieldOfCode(code string) assessField {
	for f := assessRole; f < assessFieldCount; f++ {
		if f.code() == code {
			return f
		}
	}
	return assessNone
}

// whole is the assessment's count the field feeds, or nil.
func (f assessField) whole(a *model.Assessment) *int {
	switch f {
	case assessAssessedBy:
		return &a.AssessedBy
	case assessReports:
		return &a.ReportsPerMonth
	case assessInspections:
		return &a.InspectionsPerYear
	case assessSignOffs:
		return &a.SignOffs
	case assessApps:
		return &a.Apps
	case assessWorkGroups:
		return &a.WorkGroups
	case assessDuplicateEntry:
		return &a.DuplicateEntry
	case assessCheckIns:
		return &a.CheckIns
	case assessSystemsNeeded:
		return &a.SystemsNeeded
	case assessSystemsHeld:
		return &a.SystemsHeld
	}
	return nil
}

// amount is the assessment's quantity the field feeds, or nil.
func (f assessField) amount(a *model.Assessment) *float64 {
	switch f {
	case assessHours:
		return &a.HoursPerMonth
	case assessFormalismHours:
		return &a.FormalismHours
	case assessStaffNeeded:
		return &a.StaffNeeded
	case assessStaffHeld:
		return &a.StaffHeld
	case assessFundsNeeded:
		return &a.FundsNeeded
	case assessFundsHeld:
		return &a.FundsHeld
	case assessFundsDistrict:
		return &a.FundsDistrict
	case assessFundsTransferred:
		return &a.FundsTransferred
	case assessFundsSelf:
		return &a.FundsSelf
	}
	return nil
}

// assessHeaderWords is the assessment columns' recognition vocabulary.
var assessHeaderWords = sync.OnceValue(func() *sideVocab[assessField] {
	var fields []assessField
	for f := assessRole; f < assessFieldCount; f++ {
		fields = append(fields, f)
	}
	return loadSideVocabAt("assessimport.header.", "assessimport.recognise.sheet", fields)
})

// unitSuffix is a unit in brackets after a header: 督查检查次数（次/年）.
var unitSuffix = regexp.MustCompile(`\s*[(（][^()（）]*[)）]\s*$`)

// assessFieldOf is the assessment field a header cell names, with or
// without its unit in brackets.
func assessFieldOf(cell string) assessField {
	sv := assessHeaderWords()
	if f := sv.field(cell); f != assessNone {
		return f
	}
	if bare := unitSuffix.ReplaceAllString(cell, ""); bare != cell && bare != "" {
		return sv.field(bare)
	}
	return assessNone
}
