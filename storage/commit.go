package storage

import (
	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// update runs fn in one write transaction that keeps the file's digest.
func (s *Store) update(fn func(w *wtx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		w, err := writing(tx)
		if err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		return w.finish()
	})
}

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
	_, err = s.record(action, applied, nil)
	return err
}

// record writes changes already applied in memory as one undoable action:
// the records, one audit entry (which more, when set, completes before it
// is written: authors, a merge's note) and the undo stack. On failure the
// changes are rolled back in memory too. It returns the entry's sequence.
func (s *Store) record(action string, applied []model.Change, more func(w *wtx, e *AuditEntry) error) (uint64, error) {
	var undo []stackItem
	var seq uint64
	err := s.update(func(w *wtx) error {
		sealed, err := writeChanges(w, applied)
		if err != nil {
			return err
		}
		acs, err := auditChanges(applied, sealed)
		if err != nil {
			return err
		}
		entry := AuditEntry{Time: now(), Author: s.opts.Author, Action: action, Op: OpDo, Changes: acs}
		if more != nil {
			if err := more(w, &entry); err != nil {
				return err
			}
		}
		if seq, err = appendAudit(w, entry); err != nil {
			return err
		}
		reserveFile(s.path, w.Tx, commitBytes(sealed, acs))
		undo = push(s.undo, stackItem{Seq: seq, Action: action})
		return saveStacks(w, s.undo, s.redo, undo, nil)
	})
	if err != nil {
		s.rollback(applied)
		return 0, fail(err, words.M("storage.commit.failed_unchanged", "file", s.path, "cause", cause(err)))
	}
	s.undo, s.redo = undo, nil
	s.audit++
	return seq, nil
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
			stamp(nc.After, s.opts.Author)
			problems = append(problems, model.ValidateChange(s.p, nc)...)
		}
		s.p.Apply(nc)
		applied = append(applied, nc)
	}
	return applied, problems, nil
}

// stamp puts a record stored without an author down to author, now. (An
// editor sets who changed a record; a merge keeps who changed it in the
// copy; what comes without one is the store's author's.)
func stamp(e model.Entity, author string) {
	if e == nil {
		return
	}
	if m := model.MetaOf(e); m != nil && m.Author == "" {
		m.Author = author
		if m.Modified.IsZero() {
			m.Modified = now()
		}
	}
}

// rollback undoes applied changes in memory, newest first.
func (s *Store) rollback(applied []model.Change) {
	for i := len(applied) - 1; i >= 0; i-- {
		s.p.Apply(applied[i].Inverse())
	}
}

// denseFrom is the least changes of a commit whose buckets are filled as a
// new file's are.
const denseFrom = 1000

// writeChanges stores each change's After, or deletes its Before. It
// returns the sealed value written for each After, for the audit entry.
func writeChanges(w *wtx, cs []model.Change) ([][]byte, error) {
	var enc recordEncoder
	sealed := make([][]byte, len(cs))
	for i, c := range cs {
		if c.After == nil {
			if err := deleteEntity(w, c.Before); err != nil {
				return nil, err
			}
			continue
		}
		key := keyOf(c.After)
		v, err := enc.seal(key, c.After)
		if err != nil {
			return nil, err
		}
		name := layouts[c.After.EntityKind()].bucket
		b := w.Bucket(name)
		if len(cs) >= denseFrom {
			// New records have the newest keys (version-7 IDs): pages
			// filled to bbolt's default half would take twice the file,
			// and the memory of the commit, that they need.
			b.FillPercent = 0.9
		}
		if err := w.put(string(name), b, key, v); err != nil {
			return nil, err
		}
		sealed[i] = v
	}
	return sealed, nil
}

// migrateFile rewrites every record in the current format, in one Update:
// the entities in the current schema, sealed, in the buckets of the current
// format; a hand-out copy's base likewise; the audit log and the undo and
// redo stacks sealed as they are (logged values keep their version and are
// migrated when undo reads them).
func (s *Store) migrateFile(from int) error {
	p := s.p
	var base *model.Project
	if s.origin != nil {
		var err error
		if base, err = s.base(); err != nil { // read in the file's old schema
			return err
		}
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		w := rebuilding(tx) // the digest is computed when all is rewritten
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if err := putProject(w, p); err != nil {
			return err
		}
		if base != nil {
			if err := putBase(w, base); err != nil {
				return err
			}
		}
		if from < sealedFormat {
			if err := resealBucket(tx.Bucket(bucketAudit)); err != nil {
				return err
			}
			if err := saveStacks(w, nil, nil, s.undo, s.redo); err != nil {
				return err
			}
		}
		if err := putFormat(w); err != nil {
			return err
		}
		if _, err := appendAudit(w, AuditEntry{Time: now(), Author: s.opts.Author, Op: OpMigrate,
			Action: words.T("storage.audit.migrated", "from", from, "to", fileFormat)}); err != nil {
			return err
		}
		return w.finish()
	})
	if err == nil {
		s.audit++
		s.format = fileFormat
	}
	return err
}

// resealBucket seals every value of b, which holds plain versioned values.
// It works in batches, as a bucket must not be changed under a cursor and
// an old audit log can be larger than memory should hold at once.
func resealBucket(b *bolt.Bucket) error {
	const batch = 256
	var after []byte
	for {
		type kv struct{ k, v []byte }
		var rows []kv
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); k != nil && string(k) == string(after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(rows) < batch; k, v = c.Next() {
			if isSealed(v) {
				continue
			}
			sealed, err := reseal(k, v)
			if err != nil {
				return fail(err, words.M("storage.audit.unreadable", "seq", auditSeq(k), "detail", err.Error()))
			}
			rows = append(rows, kv{append([]byte(nil), k...), sealed})
		}
		if len(rows) == 0 {
			return nil
		}
		for _, r := range rows {
			if err := b.Put(r.k, r.v); err != nil {
				return err
			}
		}
		after = rows[len(rows)-1].k
	}
}
