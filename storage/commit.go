package storage

import (
	"strconv"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

func (s *Store) writable() error {
	if s.db == nil {
		return errClosed
	}
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	return nil
}

// Commit records one user action: it validates every change (and that
// nothing is left referring to what the action deletes), writes them
// with one audit entry in a single bbolt Update, and applies them to the
// project in memory. Either all of it happens or none of it. Each change is
// validated against the project with the changes before it applied, so one
// action may add an office and its assessments together.
//
// The Before of each change is taken from the project, not from the caller,
// so the audit log and undo always restore exactly what was there.
// A new action clears the redo stack.
func (s *Store) Commit(action string, changes ...model.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	applied, problems, err := s.apply(changes, true)
	if err == nil && len(problems) == 0 {
		problems = danglingProblems(s.p, applied)
	}
	if err != nil || len(problems) > 0 {
		s.rollback(applied)
		if err != nil {
			return err
		}
		return &ValidationError{Problems: problems}
	}
	if len(applied) == 0 {
		return nil
	}
	var undo []stackItem
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := writeChanges(tx, applied); err != nil {
			return err
		}
		acs, err := auditChanges(applied)
		if err != nil {
			return err
		}
		seq, err := appendAudit(tx, AuditEntry{Time: now(), Author: s.opts.Author, Action: action, Op: OpDo, Changes: acs})
		if err != nil {
			return err
		}
		undo = push(s.undo, stackItem{Seq: seq, Action: action})
		return saveStacks(tx, s.undo, s.redo, undo, nil)
	})
	if err != nil {
		s.rollback(applied)
		return fail(err, words.M("storage.commit.failed", "file", s.path, "cause", cause(err)))
	}
	s.undo, s.redo = undo, nil
	s.audit++
	return nil
}

// apply applies changes to the project in memory one by one, replacing each
// Before with what the project holds and (when validate is set) collecting
// the problems each change has against the project as it stands then.
// It returns the changes actually applied, for writing or rolling back.
func (s *Store) apply(changes []model.Change, validate bool) ([]model.Change, []model.Problem, error) {
	applied := make([]model.Change, 0, len(changes))
	var problems []model.Problem
	for _, c := range changes {
		var nc model.Change
		switch {
		case c.After != nil:
			nc = s.p.Put(c.After)
		case c.Before == nil:
			continue
		case layouts[c.Before.EntityKind()].fixed != nil:
			return applied, nil, fail(nil, words.M("storage.undeletable", "kind", kindName(c.Before.EntityKind())))
		default:
			nc = s.p.Delete(c.Before)
		}
		if nc.Before == nil && nc.After == nil {
			continue // deleting what is not there
		}
		if validate {
			problems = append(problems, model.ValidateChange(s.p, nc)...)
		}
		s.p.Apply(nc)
		applied = append(applied, nc)
	}
	return applied, problems, nil
}

// rollback undoes applied changes in memory, newest first.
func (s *Store) rollback(applied []model.Change) {
	for i := len(applied) - 1; i >= 0; i-- {
		s.p.Apply(applied[i].Inverse())
	}
}

// writeChanges stores each change's After, or deletes its Before.
func writeChanges(tx *bolt.Tx, cs []model.Change) error {
	for _, c := range cs {
		var err error
		if c.After != nil {
			err = putEntity(tx, c.After)
		} else {
			err = deleteEntity(tx, c.Before)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateFile rewrites every record in the current schema, in one Update.
func (s *Store) migrateFile(from int) error {
	p := s.p
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := putProject(tx, p); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(model.SchemaVersion))); err != nil {
			return err
		}
		_, err := appendAudit(tx, AuditEntry{Time: now(), Author: s.opts.Author, Op: OpMigrate,
			Action: words.T("storage.audit.migrated", "from", from, "to", model.SchemaVersion)})
		return err
	})
	if err == nil {
		s.audit++
	}
	return err
}
