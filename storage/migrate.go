package storage

import (
	"encoding/json"
	"fmt"

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
// Version 2 (model.SchemaVersion):
//   - an assessment has flat fields staff_needed, staff_held, funds_needed,
//     funds_held, systems_needed, systems_held;
//   - settings gain partial_credit and assessed_by_threshold, filled with the
//     documented defaults (model.DefaultSettings) when a v1 file is migrated.
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
