package sheet

import (
	"errors"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Store is what an import needs of storage.Store: the project, a backup and
// one all-or-nothing commit.
type Store interface {
	Project() *model.Project
	Backup(dir string) (string, error)
	Commit(action string, changes ...model.Change) error
}

// ErrRejected is returned by Apply when any row was rejected: nothing is written.
var ErrRejected = errors.New("sheet: rows were rejected; nothing was imported")

// PlanFiles reads, prepares and plans the import of the files at paths.
// A file that cannot be read is a rejected entry in the report.
func PlanFiles(p *model.Project, paths []string, opts Options) *Plan {
	var sources []*Source
	var failed []error
	for _, path := range paths {
		tables, err := ReadFile(path)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		sources = append(sources, Prepare(tables)...)
	}
	plan := NewPlan(p, sources, opts)
	for _, err := range failed {
		plan.RejectFile(err)
	}
	return plan
}

// Apply writes the plan to st: a backup into backupDir ("" lets the store
// choose), then every change in one commit. It writes nothing and returns
// ErrRejected when any row was rejected, and writes nothing (not even a
// backup) when there is nothing to change.
func (pl *Plan) Apply(st Store, backupDir string, files []string) error {
	if !pl.Report.OK() {
		return ErrRejected
	}
	if len(pl.Changes) == 0 {
		return nil
	}
	if len(st.Project().Duties)+len(st.Project().Offices) > 0 {
		path, err := st.Backup(backupDir)
		if err != nil {
			return &FileError{Problem: words.M("sheet.apply.backup_failed", "err", errText(err)), Err: err}
		}
		pl.Report.Backup = path
	}
	if err := st.Commit(describe(files, pl.Report), pl.Changes...); err != nil {
		return &FileError{Problem: words.M("sheet.apply.commit_failed", "err", wordedCause(err)), Err: err}
	}
	pl.Report.Committed = true
	return nil
}
