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

// maxCommitChanges is the most changes Apply commits into a project file
// at once. The commit is one transaction with one undoable audit entry
// holding every change; measured as a whole process, 350,000 new duties
// into the demo peak at 1.29 GB, 400,000 at 1.47 GB (an update logs the
// record before and after: 200,000 updates take 1.58 GB, so an update counts
// twice, see commitWeight). A new file has
// no such limit (Fill, storage.CreateAs).
var maxCommitChanges = 350_000

// commitWeight counts the changes against maxCommitChanges: a record the
// project already holds counts twice, since its audit entry logs it both
// before and after (measured: 200,000 updates take what 400,000 additions do).
func commitWeight(p *model.Project, changes []model.Change) int {
	n := 0
	for _, c := range changes {
		n++
		if c.After != nil && p.Has(c.After) {
			n++
		}
	}
	return n
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
	plan := newPlan(p, sources, opts, true) // the tables are ours: planned rows go
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
	if n := commitWeight(st.Project(), pl.Changes); n > maxCommitChanges {
		return &FileError{Problem: words.M("sheet.apply.too_many_changes", "n", n, "limit", maxCommitChanges, "memory", MaxRowsMemoryGB)}
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

// Fill puts the plan into p, a new project that no file holds yet, for
// storage.CreateAs to write whole: the file then appears with the import
// in it or not at all, as Apply's one commit would give, without an undo
// record of every row (there is nothing before it to go back to). It
// returns the audit action to create the file with, and ErrRejected (p
// unchanged) when any row was rejected. The caller marks the report
// Committed once the file is written.
func (pl *Plan) Fill(p *model.Project, files []string) (string, error) {
	if !pl.Report.OK() {
		return "", ErrRejected
	}
	for i, c := range pl.Changes {
		if c.After != nil {
			p.Insert(c.After) // the plan's own copy: nobody else holds it
		}
		pl.Changes[i] = model.Change{}
	}
	pl.Changes = nil
	return describe(files, pl.Report), nil
}
