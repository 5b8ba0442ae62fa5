package storage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage/merge"
)

// A hand-out copy is a project file for some offices (merge.Slice) that
// remembers where it came from (meta/origin) and holds, in the bucket
// "base", the records it was made with: the base of the three-way merge
// that brings it back (Store.PlanMerge), so that merging needs neither the
// original's history nor its file as it was.

// Origin says where a hand-out copy came from.
type Origin struct {
	Source     model.ID `json:"source"`      // the project it was handed out from (Info.ID)
	SourceName string   `json:"source_name"` // that project's name then
	SourceFile string   `json:"source_file"` // its file's name then
	// SourceSeq is the audit entry of the source that records the hand-out
	// (or its last entry): the source's own changes are those after it.
	SourceSeq uint64     `json:"source_seq"`
	Offices   []model.ID `json:"offices"`
	Time      time.Time  `json:"time"`
	Author    string     `json:"author,omitempty"`
}

// Origin returns where the store's file was handed out from, or nil when it
// is not a hand-out copy.
func (s *Store) Origin() *Origin { return s.origin }

// HandOut writes a copy of the project for the given offices to path, which
// must not exist, and records the hand-out in the store's audit log when
// the store is writable. It returns the copy's project.
func (s *Store) HandOut(path string, offices []model.ID) (*model.Project, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil, errClosed
	}
	if absPath(path) == absPath(s.path) {
		return nil, fail(nil, words.M("storage.copy.same_file", "file", path))
	}
	if len(offices) == 0 {
		return nil, fail(nil, words.M("storage.handout.no_office"))
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, openErr(path, ErrExists, nil) // before the hand-out is logged
	}
	var names []string
	for _, id := range offices {
		o := s.p.Offices[id]
		if o == nil {
			return nil, fail(nil, words.M("storage.handout.unknown_office", "id", id.String()))
		}
		names = append(names, o.Name)
	}
	q := merge.Slice(s.p, offices)
	if err := model.CheckProjectSize(q); err != nil { // a copy that could not be analysed
		return nil, err
	}
	at := now()
	q.Info = model.Info{ID: model.NewID(), Name: words.T("storage.handout.name", "name", s.p.Info.Name, "offices", names),
		Region: s.p.Info.Region, Created: at, Modified: at, Author: s.opts.Author}
	if ps := model.Validate(q); len(ps) > 0 {
		return nil, &ValidationError{Problems: ps}
	}

	origin := Origin{Source: s.p.Info.ID, SourceName: s.p.Info.Name, SourceFile: filepath.Base(s.path),
		SourceSeq: s.audit, Offices: append([]model.ID(nil), offices...), Time: at, Author: s.opts.Author}
	if !s.opts.ReadOnly {
		err := s.update(func(w *wtx) error {
			seq, err := appendAudit(w, AuditEntry{Time: at, Author: s.opts.Author, Op: OpHandout,
				Action: words.T("storage.audit.handed_out", "file", filepath.Base(path), "offices", names)})
			origin.SourceSeq = seq
			return err
		})
		if err != nil {
			return nil, fail(err, words.M("storage.commit.failed", "file", s.path, "cause", cause(err)))
		}
		s.audit++
	}
	nf := newFile{author: s.opts.Author,
		action: words.T("storage.audit.handout_created", "source", s.p.Info.Name, "offices", names),
		extra:  func(w *wtx) error { return putHandout(w, q, origin) }}
	if err := placeNew(path, q, nf); err != nil {
		return nil, err
	}
	return q, nil
}

// putHandout stores the origin and the base of a new copy.
func putHandout(w *wtx, base *model.Project, origin Origin) error {
	v, err := sealJSON(keyOrigin, origin)
	if err != nil {
		return err
	}
	if err := w.put(string(bucketMeta), w.Bucket(bucketMeta), keyOrigin, v); err != nil {
		return err
	}
	return putBase(w, base)
}

// putBase stores the base of a copy, replacing any it had (a file being
// migrated has its base rewritten in the current schema).
func putBase(w *wtx, base *model.Project) error {
	if w.Bucket(bucketBase) != nil {
		if err := w.DeleteBucket(bucketBase); err != nil {
			return err
		}
	}
	b, err := w.CreateBucket(bucketBase)
	if err != nil {
		return err
	}
	for _, k := range model.Kinds() {
		if k == model.KindInfo {
			continue
		}
		if err := putKind(w, b, base, k); err != nil {
			return err
		}
	}
	return nil
}

// readOrigin reads meta/origin, nil when the file is not a hand-out copy.
// (Its seal is checked with every other when the file is loaded.)
func readOrigin(tx *bolt.Tx) (*Origin, error) {
	raw := tx.Bucket(bucketMeta).Get(keyOrigin)
	if raw == nil {
		return nil, nil
	}
	var o Origin
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, shape(words.M("storage.load.record_bad", "record", "meta/origin", "detail", err.Error()))
	}
	return &o, nil
}

// base reads the records a hand-out copy was made with.
func (s *Store) base() (*model.Project, error) {
	var p *model.Project
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketBase)
		if b == nil {
			return shape(words.M("storage.load.bucket_missing", "bucket", string(bucketBase)))
		}
		var err error
		p, err = loadProject(tx, b, s.format)
		return err
	})
	return p, err
}

// view runs fn in a read transaction under guard (the file is mapped).
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	if s.db == nil {
		return errClosed
	}
	return guard(func() error { return s.db.View(fn) })
}
