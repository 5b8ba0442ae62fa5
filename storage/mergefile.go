package storage

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/merge"
)

// Merging a copy back (File → Merge, `rpbmatrix merge`) is two steps, so
// that a window can show the conflicts and let someone choose:
//
//	plan, err := st.PlanMerge(copyPath)  // read the copy, work the merge out
//	plan.Resolve(i, merge.Theirs)        // or plan.ResolveAll(merge.Ours)
//	report, err := st.Merge(plan, false) // back up, then one undoable action
//
// The base of the three-way merge is the copy's own record of what it was
// handed out with, or, once the copy has been merged, the copy as it was
// then (rebuilt from its audit log), so that merging a copy again brings
// only what changed in it since, and merging it twice changes nothing.

// Bases a merge compares against.
const (
	BaseHandout   = "handout"    // the records the copy was handed out with
	BaseLastMerge = "last_merge" // the copy as it was when last merged here
	BaseNone      = "none"       // not a copy of this project: every difference is a conflict
)

// MergeMark is what a project file knows of a copy it has merged, kept in
// the bucket "merges" under the copy's project ID.
type MergeMark struct {
	Copy    model.ID  `json:"copy"`
	CopySeq uint64    `json:"copy_seq"` // the copy's audit entries when merged
	OursSeq uint64    `json:"ours_seq"` // this file's audit entry of the merge
	File    string    `json:"file"`
	Time    time.Time `json:"time"`
}

// MergeNote is in the audit entry of a merge: the mark it set and the one
// it replaced, which undo puts back.
type MergeNote struct {
	Copy model.ID   `json:"copy"`
	Mark *MergeMark `json:"mark,omitempty"`
	Prev *MergeMark `json:"prev,omitempty"`
}

// MergePlan is a merge of a copy into a store, worked out and not yet
// applied. Resolve its conflicts (merge.Plan), then pass it to Merge.
type MergePlan struct {
	*merge.Plan
	Copy   string  // the copy's path
	Origin *Origin // where the copy came from; nil when it is no hand-out copy
	Base   string  // BaseHandout, BaseLastMerge or BaseNone

	copyID  model.ID
	copySeq uint64 // the copy's audit entries
	oursSeq uint64 // the store's audit entries when planned
	prev    *MergeMark
}

// MergeReport says what a merge did (or, dry, would do).
type MergeReport struct {
	Copy      string           `json:"copy"`
	Base      string           `json:"base"`
	Origin    *Origin          `json:"origin,omitempty"`
	Edits     []merge.Edit     `json:"applied"`
	Conflicts []merge.Conflict `json:"conflicts"`
	Changes   int              `json:"changes"`          // records of the project changed
	Seq       uint64           `json:"seq,omitempty"`    // the audit entry written; 0 for none
	Backup    string           `json:"backup,omitempty"` // taken before the merge
	DryRun    bool             `json:"dry_run"`
}

// ConflictError is Merge's refusal while conflicts are unresolved.
type ConflictError struct{ N int }

func (e *ConflictError) Error() string  { return e.Msg().In(words.En) }
func (e *ConflictError) Msg() words.Msg { return words.M("storage.merge.unresolved", "n", e.N) }

// ErrStalePlan is Merge's refusal when the project changed after the plan.
var ErrStalePlan = &Error{msg: words.M("storage.merge.stale")}

// PlanMerge reads the copy at copyPath (read-only; it is never changed)
// and works out its merge into the store's project.
func (s *Store) PlanMerge(copyPath string) (*MergePlan, error) {
	if absPath(copyPath) == absPath(s.path) {
		return nil, fail(nil, words.M("storage.merge.same_file", "file", copyPath))
	}
	c, err := Open(copyPath, Options{ReadOnly: true, Command: s.opts.Command})
	if err != nil {
		return nil, err
	}
	defer c.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil, errClosed
	}
	mp := &MergePlan{Copy: copyPath, Origin: c.origin, Base: BaseNone, copyID: c.p.Info.ID, copySeq: c.audit, oursSeq: s.audit}
	in := merge.Input{Ours: s.p, Theirs: c.p}
	var oursSince, theirsSince uint64
	if o := c.origin; o != nil && o.Source == s.p.Info.ID {
		if mp.prev, err = s.readMark(mp.copyID); err != nil {
			return nil, err
		}
		if m := mp.prev; m != nil && m.CopySeq <= c.audit {
			in.Base, err = c.projectAt(m.CopySeq)
			mp.Base, oursSince, theirsSince = BaseLastMerge, m.OursSeq, m.CopySeq
		} else {
			in.Base, err = c.base()
			mp.Base, oursSince = BaseHandout, o.SourceSeq
		}
		if err != nil {
			return nil, fail(err, words.M("storage.merge.no_base", "file", copyPath, "cause", cause(err)))
		}
		in.Offices = o.Offices
	}
	mp.Plan = merge.Compute(in)
	if !mp.Plan.Empty() {
		want := plannedRecords(mp.Plan)
		if by, err := c.changedBy(theirsSince, want); err == nil {
			mp.Attribute(merge.Theirs, by.find)
		}
		if mp.Base != BaseNone {
			if by, err := s.changedBy(oursSince, want); err == nil {
				mp.Attribute(merge.Ours, by.find)
			}
		}
	}
	return mp, nil
}

// Merge applies a plan whose conflicts are all resolved: a backup first,
// then every change in one undoable action with one audit entry, each
// change keeping who made it in the copy. Nothing is written when dry is
// set, or when the plan changes nothing. It fails with a *ConflictError
// while conflicts are unresolved, ErrStalePlan when the project changed
// after the plan was made, and a *ValidationError when the result would
// not be a valid project.
func (s *Store) Merge(mp *MergePlan, dry bool) (*MergeReport, error) {
	rep := &MergeReport{Copy: mp.Copy, Base: mp.Base, Origin: mp.Origin, Edits: mp.Edits, Conflicts: mp.Conflicts, DryRun: dry}
	if n := mp.Unresolved(); n > 0 {
		return rep, &ConflictError{N: n}
	}
	changes, err := mp.Changes()
	if err != nil {
		return rep, err
	}
	var mark *MergeMark
	if mp.Base != BaseNone && (mp.prev == nil || mp.prev.CopySeq != mp.copySeq) {
		mark = &MergeMark{Copy: mp.copyID, CopySeq: mp.copySeq, File: filepath.Base(mp.Copy), Time: now()}
	}
	if !dry && (len(changes) > 0 || mark != nil) {
		if err := s.writable(); err != nil {
			return rep, err
		}
		if rep.Backup, err = s.Backup(""); err != nil {
			return rep, fail(err, words.M("storage.merge.backup_failed", "file", s.path, "cause", cause(err)))
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil && !dry {
		return rep, err
	}
	if s.audit != mp.oursSeq {
		return rep, ErrStalePlan
	}
	mc := make([]model.Change, len(changes))
	byRecord := map[recKey]merge.By{}
	for i, c := range changes {
		mc[i] = c.Change
		byRecord[keyOfChange(c.Change)] = c.By
	}
	applied, problems, err := s.apply(mc, true)
	if err == nil && len(problems) == 0 {
		problems = danglingProblems(s.p, applied)
	}
	if err != nil || len(problems) > 0 || dry {
		s.rollback(applied)
		rep.Changes = len(applied)
		if err != nil {
			return rep, err
		}
		if len(problems) > 0 {
			return rep, &ValidationError{Problems: problems}
		}
		return rep, nil
	}
	if len(applied) == 0 && mark == nil {
		return rep, nil
	}
	action := words.T("storage.merge.action", "file", filepath.Base(mp.Copy))
	seq, err := s.record(action, applied, func(w *wtx, e *AuditEntry) error {
		for i, c := range applied {
			if by := byRecord[keyOfChange(c)]; by.Author != "" {
				e.Changes[i].Author, e.Changes[i].Time = by.Author, by.Time
			}
		}
		if mark == nil {
			return nil
		}
		mark.OursSeq = w.Bucket(bucketAudit).Sequence() + 1 // the entry being written
		e.Merge = &MergeNote{Copy: mp.copyID, Mark: mark, Prev: mp.prev}
		return putMark(w, mp.copyID, mark)
	})
	if err != nil {
		return rep, err
	}
	rep.Changes, rep.Seq = len(applied), seq
	return rep, nil
}

// readMark reads what the store knows of the copy with that ID.
func (s *Store) readMark(copyID model.ID) (*MergeMark, error) {
	var m *MergeMark
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMerges)
		if b == nil {
			return nil
		}
		raw := b.Get(copyID[:])
		if raw == nil {
			return nil
		}
		m = new(MergeMark)
		if err := json.Unmarshal(raw, m); err != nil {
			return shape(words.M("storage.record.merge_mark", "id", copyID.String()))
		}
		return nil
	})
	return m, err
}

// putMark stores m as what is known of the copy; nil forgets it.
func putMark(w *wtx, copyID model.ID, m *MergeMark) error {
	b, err := w.CreateBucketIfNotExists(bucketMerges)
	if err != nil {
		return err
	}
	key := append([]byte(nil), copyID[:]...)
	if m == nil {
		return w.del(string(bucketMerges), b, key)
	}
	v, err := sealJSON(key, m)
	if err != nil {
		return err
	}
	return w.put(string(bucketMerges), b, key, v)
}

// projectAt rebuilds the store's project as it was after audit entry seq,
// by undoing in memory what every later entry did.
func (s *Store) projectAt(seq uint64) (*model.Project, error) {
	p := s.p.Clone()
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil && auditSeq(k) > int64(seq); k, v = c.Prev() {
			var e AuditEntry
			if err := decodeAudit(k, v, s.format >= sealedFormat, &e); err != nil {
				return err
			}
			for i := len(e.Changes) - 1; i >= 0; i-- {
				ch, err := decodeChange(e.Changes[i])
				if err != nil {
					return fail(err, words.M("storage.audit.bad_change", "seq", auditSeq(k), "kind", kindName(e.Changes[i].Kind), "detail", err.Error()))
				}
				p.Apply(ch.Inverse())
			}
		}
		return nil
	})
	return p, err
}

// recKey names a record across projects.
type recKey struct {
	kind model.EntityKind
	id   model.Identity
}

func keyOfChange(c model.Change) recKey {
	e := c.After
	if e == nil {
		e = c.Before
	}
	return recKey{c.Kind, e.Identity()}
}

// plannedRecords lists the records a plan edits or finds in conflict.
func plannedRecords(p *merge.Plan) map[recKey]bool {
	want := map[recKey]bool{}
	for _, e := range p.Edits {
		want[recKey{e.Record.Kind, e.Record.ID}] = true
	}
	for _, c := range p.Conflicts {
		want[recKey{c.Record.Kind, c.Record.ID}] = true
	}
	return want
}

// authorship is who last changed each field of some records ("" for any
// change of the record, its creation or deletion included).
type authorship map[recKey]map[string]merge.By

func (a authorship) find(r merge.Record, field string) (merge.By, bool) {
	by, ok := a[recKey{r.Kind, r.ID}][field]
	return by, ok
}

// changedBy reads the audit log after entry since, newest first, and
// notes who last changed each field of the wanted records.
func (s *Store) changedBy(since uint64, want map[recKey]bool) (authorship, error) {
	out := authorship{}
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil && auditSeq(k) > int64(since); k, v = c.Prev() {
			var e AuditEntry
			if err := decodeAudit(k, v, s.format >= sealedFormat, &e); err != nil {
				return err
			}
			for _, ac := range e.Changes {
				ch, err := decodeChange(ac)
				if err != nil {
					return err
				}
				key := keyOfChange(ch)
				if !want[key] {
					continue
				}
				by := merge.By{Author: e.Author, Time: e.Time}
				if ac.Author != "" {
					by = merge.By{Author: ac.Author, Time: ac.Time}
				}
				fields := out[key]
				if fields == nil {
					fields = map[string]merge.By{}
					out[key] = fields
				}
				note := func(f string) {
					if _, seen := fields[f]; !seen {
						fields[f] = by
					}
				}
				note("")
				for _, f := range changedFields(ch) {
					note(f)
				}
			}
		}
		return nil
	})
	return out, err
}

// changedFields lists the JSON fields a change changes (none for a
// creation or deletion, which change the whole record).
func changedFields(c model.Change) []string {
	if c.Before == nil || c.After == nil {
		return nil
	}
	b, a := merge.Fields(c.Before), merge.Fields(c.After)
	var out []string
	for f, v := range a {
		if string(b[f]) != string(v) {
			out = append(out, f)
		}
	}
	for f := range b {
		if _, ok := a[f]; !ok {
			out = append(out, f)
		}
	}
	return out
}

// IsConflict reports whether err is Merge's refusal over unresolved conflicts.
func IsConflict(err error) bool {
	var ce *ConflictError
	return errors.As(err, &ce)
}
