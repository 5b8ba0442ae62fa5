package storage

import "rpbmatrix/model"

// Counts are how many records of each kind a project file holds.
type Counts struct {
	Offices       int `json:"offices"`
	Duties        int `json:"duties"`
	Authorities   int `json:"authorities"`
	Holdings      int `json:"holdings"`
	Assessments   int `json:"assessments"`
	Decisions     int `json:"decisions"`
	Meetings      int `json:"meetings"`
	Proposals     int `json:"proposals"`
	OffListTasks  int `json:"off_list_tasks"`
	Incidents     int `json:"incidents"`
	AuditEntries  int `json:"audit_entries"`
	SchemaVersion int `json:"schema_version"` // of the entities (model.SchemaVersion when current)
	FileFormat    int `json:"file_format"`    // of the file: 3 and later seal every record, 4 adds meetings …
}

// Check opens the file read-only, runs bbolt's structure check and decodes
// every record. A nil error means the file is sound.
func Check(path string) (Counts, error) {
	_, c, err := CheckLoad(path)
	return c, err
}

// CheckLoad is Check that also returns the project it read (migrated in
// memory when the file is of an older schema; the file is not changed).
func CheckLoad(path string) (*model.Project, Counts, error) {
	db, err := openBolt(path, Options{ReadOnly: true})
	if err != nil {
		return nil, Counts{}, err
	}
	defer db.Close()
	defer removeHolder(writeHolder(path, thisHolder("", false)))
	v, err := verify(db, path, true)
	if err != nil {
		return nil, Counts{}, err
	}
	if err := checkMetaPages(path); err != nil {
		return nil, Counts{}, openErr(path, ErrDamaged, err)
	}
	p := v.p
	return p, Counts{
		Offices:       len(p.Offices),
		Duties:        len(p.Duties),
		Authorities:   len(p.Authorities),
		Holdings:      len(p.Holdings),
		Assessments:   len(p.Assessments),
		Decisions:     len(p.Decisions),
		Meetings:      len(p.Meetings),
		Proposals:     len(p.Proposals),
		OffListTasks:  len(p.OffListTasks),
		Incidents:     len(p.Incidents),
		AuditEntries:  int(v.audit),
		SchemaVersion: schemaOf(v.format),
		FileFormat:    v.format,
	}, nil
}
