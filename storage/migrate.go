package storage

import (
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
)

// Schema history.
//
// Version 1 (the first prototype, files written before the analysis rules
// settled):
//   - an assessment kept each resource as a nested pair,
//     "staff":{"needed":3,"held":2}, "funds":{"needed":40,"held":25},
//     "systems":{"needed":2,"held":1};
//   - settings had no "partial_credit" (a partly exercisable authority counted
//     as not held) and no "assessed_by_threshold" (多头考核 was not measured).
//
// Version 2 (files of format 2 and 3):
//   - an assessment has flat fields staff_needed, staff_held, funds_needed,
//     funds_held, systems_needed, systems_held;
//   - settings gain partial_credit and assessed_by_threshold, filled with the
//     documented defaults (model.DefaultSettings) when a v1 file is migrated.
//
// Version 3 (model.SchemaVersion; file format 4):
//   - new kinds, each in a bucket of its own: meetings, proposals (准入申请),
//     off-list tasks, incidents (问责事件); an older file has none;
//   - an office's staff_actual (实有人员，含编外) becomes on_staff (实有在编)
//     up to its establishment and auxiliary (编外/协管) for the rest
//     (model.SplitStaffActual), so that Office.StaffAvailable is the old
//     headcount; seconded and community-worker counts start at 0;
//   - a decision's staff_add and funds_add become the signed staff_delta and
//     funds_delta (same values: they were additions); its free-text meeting
//     label becomes meeting_id, the ID of a Meeting record titled by the
//     label (model.LabelMeetingID), which loading creates for every label
//     the decisions use (adoptMeetingLabels) with no date, time or author;
//   - every action code keeps its meaning ("return" is still returning the
//     duty to a higher department; "add_resources" now also removes); a
//     decision's status starts as open (待落实);
//   - assessments, duties and settings read as they are (new fields empty).
//
// Values of an older schema are migrated in memory as they are read; a file
// opened for writing is then rewritten in the current schema in one
// transaction, after a backup of the old file is taken.

// migrateFunc rewrites one stored value from the file's schema to the current one.
type migrateFunc func(raw []byte) ([]byte, error)

// migrationSet has the function of each entity kind that changed; a kind
// not in it is read as it is.
type migrationSet map[model.EntityKind]migrateFunc

// migrations returns the functions that bring values written by schema
// version from up to model.SchemaVersion.
func migrations(from int) migrationSet {
	set := migrationSet{}
	if from < 2 {
		set[model.KindSettings] = chain(set[model.KindSettings], settingsV1toV2)
		set[model.KindAssessment] = chain(set[model.KindAssessment], assessmentV1toV2)
	}
	if from < 3 {
		set[model.KindOffice] = chain(set[model.KindOffice], officeV2toV3)
		set[model.KindDecision] = chain(set[model.KindDecision], decisionV2toV3)
	}
	return set
}

// chain runs first (if any) then next, so that steps compose v1→v2→v3….
func chain(first, next migrateFunc) migrateFunc {
	if first == nil {
		return next
	}
	return func(raw []byte) ([]byte, error) {
		raw, err := first(raw)
		if err != nil {
			return nil, err
		}
		return next(raw)
	}
}

func settingsV1toV2(raw []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	def := model.DefaultSettings()
	if _, ok := m["partial_credit"]; !ok {
		m["partial_credit"], _ = json.Marshal(def.PartialCredit)
	}
	if _, ok := m["assessed_by_threshold"]; !ok {
		m["assessed_by_threshold"], _ = json.Marshal(def.AssessedByThreshold)
	}
	return json.Marshal(m)
}

func assessmentV1toV2(raw []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for _, res := range []string{"staff", "funds", "systems"} {
		nested, ok := m[res]
		if !ok {
			continue
		}
		var pair struct {
			Needed json.RawMessage `json:"needed"`
			Held   json.RawMessage `json:"held"`
		}
		if err := json.Unmarshal(nested, &pair); err != nil {
			return nil, fmt.Errorf("v1 %s: %v", res, err)
		}
		if pair.Needed != nil {
			m[res+"_needed"] = pair.Needed
		}
		if pair.Held != nil {
			m[res+"_held"] = pair.Held
		}
		delete(m, res)
	}
	return json.Marshal(m)
}

func officeV2toV3(raw []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	actual, ok := m["staff_actual"]
	if !ok {
		return raw, nil
	}
	var total, establishment int
	if err := json.Unmarshal(actual, &total); err != nil {
		return nil, fmt.Errorf("v2 staff_actual: %v", err)
	}
	if e, ok := m["establishment"]; ok {
		if err := json.Unmarshal(e, &establishment); err != nil {
			return nil, fmt.Errorf("v2 establishment: %v", err)
		}
	}
	delete(m, "staff_actual")
	onStaff, auxiliary := model.SplitStaffActual(total, establishment)
	if onStaff != 0 {
		m["on_staff"], _ = json.Marshal(onStaff)
	}
	if auxiliary != 0 {
		m["auxiliary"], _ = json.Marshal(auxiliary)
	}
	return json.Marshal(m)
}

func decisionV2toV3(raw []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for old, now := range map[string]string{"staff_add": "staff_delta", "funds_add": "funds_delta"} {
		if v, ok := m[old]; ok {
			m[now] = v
			delete(m, old)
		}
	}
	label, err := meetingLabel(m)
	if err != nil {
		return nil, err
	}
	delete(m, "meeting")
	if label != "" {
		m["meeting_id"], _ = json.Marshal(model.LabelMeetingID(label))
	}
	return json.Marshal(m)
}

// meetingLabel is the meeting a schema-2 decision named in words, trimmed;
// "" for none.
func meetingLabel(m map[string]json.RawMessage) (string, error) {
	raw, ok := m["meeting"]
	if !ok {
		return "", nil
	}
	var label string
	if err := json.Unmarshal(raw, &label); err != nil {
		return "", fmt.Errorf("v2 meeting: %v", err)
	}
	return strings.TrimSpace(label), nil
}

// MigrateValue brings one value of kind k written in entity schema from
// (a stored record, or an entry of an older JSON export) to the current
// schema, model.SchemaVersion.
func MigrateValue(k model.EntityKind, from int, raw []byte) ([]byte, error) {
	if mig := migrations(from)[k]; mig != nil {
		return mig(raw)
	}
	return raw, nil
}

// LegacyMeeting is the meeting record that a decision value of entity
// schema from names by a label (schema 2 and older), or nil: the same
// record in every file (see model.LabelMeetingID), with no time or author,
// which a project and its hand-out copies, migrated apart, could not agree
// on.
func LegacyMeeting(from int, raw []byte) (*model.Meeting, error) {
	if from >= 3 {
		return nil, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	label, err := meetingLabel(m)
	if err != nil || label == "" {
		return nil, err
	}
	return &model.Meeting{Meta: model.Meta{ID: model.LabelMeetingID(label)}, Title: label}, nil
}

// adoptMeetingLabels gives p a Meeting record (LegacyMeeting) for every
// label the schema-2 decisions in b name, so that their meeting_id
// (decisionV2toV3) refers to one.
func adoptMeetingLabels(b *bolt.Bucket, p *model.Project) error {
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		m, err := LegacyMeeting(valueVersion(v), v)
		if err != nil {
			return badRecord(string(bucketDecisions), k, err)
		}
		if m != nil && p.Meetings[m.ID] == nil {
			p.Insert(m)
		}
		return nil
	})
}
