// Package storage keeps an RPB Matrix project in one bbolt file (.rpb).
//
// The whole project is read into memory on Open. Every user action is one
// Commit: one bbolt Update that writes the changed entities and appends an
// audit entry, so there is no Save and a crash loses nothing committed.
// Undo and redo are themselves audit entries, and the undo and redo stacks
// are stored in the file, so undo works after the file is reopened.
//
// Opening never creates a file and never turns a damaged file into an empty
// project: an empty, foreign, truncated or scribbled file gives an
// *OpenError that names the file and says what is wrong. Every record
// carries a checksum and every bucket a count (seal.go, digest.go), so a
// changed byte is found on open and by Check, and the record named.
//
// Whoever has a file open leaves a note beside it (holder.go), so that the
// next one is told who holds it. A copy handed out for some offices
// (HandOut) is merged back three-way (PlanMerge, Merge; package merge).
package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Options tune how a project file is opened.
type Options struct {
	// ReadOnly opens with a shared lock; Commit, Undo and Redo fail.
	ReadOnly bool
	// Timeout is how long to wait for another window to let go of the file
	// before failing with ErrLocked; 0 means the default of one second.
	Timeout time.Duration
	// NoSync skips fsync on commit. Only for tests and bulk generation.
	NoSync bool
	// Author is recorded in the audit log, and on every record a Commit
	// stores without one; "" means the system's user name.
	Author string
	// SkipCheck skips bbolt's structure check on a read-only Open, for a
	// quick look (every record is still decoded). A writable Open always
	// checks: bbolt's writable open trusts the freelist that the check
	// verifies. Check never skips it.
	SkipCheck bool
	// Command names the sub-command that opens the file ("import",
	// "merge" …), which another program that finds the file locked is
	// told; "" means as the command line says: the window when it names
	// no sub-command.
	Command string
}

// DefaultTimeout is how long Open waits for a lock held by another window.
const DefaultTimeout = time.Second

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

// Store is an open project file with its project in memory.
type Store struct {
	mu    sync.Mutex
	db    *bolt.DB
	path  string
	opts  Options
	p     *model.Project
	undo  []stackItem // newest last
	redo  []stackItem // newest last
	audit uint64      // audit entries written
	note  string      // the holder note beside the file (holder.go)
	// origin says where a hand-out copy came from; nil for another file.
	origin *Origin
	// format is the file's format (fileFormat once a writable Open has
	// migrated it; an older one when opened read-only).
	format int

	// backupMu lets one backup at a time name, write and prune: the daily
	// one runs in the background (DailyBackup) beside the user's actions.
	backupMu sync.Mutex
}

// Project returns the project in memory. Change it only through Commit.
// Commit, Undo and Redo change it in place, so call them from the goroutine
// that reads it (in the app, the UI goroutine).
func (s *Store) Project() *model.Project { return s.p }

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.opts.ReadOnly }

// Close releases the file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	removeHolder(s.note)
	s.note = ""
	return err
}

// Open opens an existing project file and reads the whole project into
// memory. Files of an older schema are backed up and migrated (in memory
// only when opened read-only).
//
// The file is always read and checked through a read-only handle first:
// a writable bolt.Open reads the freelist, and if that faults on a damaged
// page the mapping it leaves behind keeps the file locked until the process
// ends. A sound file is then reopened for writing.
func Open(path string, opts Options) (*Store, error) {
	opts.Author = authorOr(opts.Author)
	ro := opts
	ro.ReadOnly = true
	db, err := openBolt(path, ro)
	if err != nil {
		return nil, err
	}
	note := writeHolder(path, thisHolder(opts.Command, false))
	v, err := verify(db, path, !(opts.ReadOnly && opts.SkipCheck))
	if err != nil {
		db.Close()
		removeHolder(note)
		return nil, err
	}
	if !opts.ReadOnly {
		db.Close()
		removeHolder(note)
		if db, err = openBolt(path, opts); err != nil {
			return nil, err
		}
		note = writeHolder(path, thisHolder(opts.Command, true))
		if v, err = reverify(db, path, v); err != nil {
			db.Close()
			removeHolder(note)
			return nil, err
		}
	}
	s := &Store{db: db, path: path, opts: opts, p: v.p, undo: v.undo, redo: v.redo, audit: v.audit, format: v.format, note: note, origin: v.origin}
	if !opts.ReadOnly && v.format < fileFormat {
		if _, err := s.Backup(""); err != nil {
			s.Close()
			return nil, fail(err, words.M("storage.migrate.backup_failed", "file", path, "cause", cause(err)))
		}
		if err := s.migrateFile(v.format); err != nil {
			s.Close()
			return nil, fail(err, words.M("storage.migrate.failed", "file", path, "cause", cause(err)))
		}
	}
	return s, nil
}

// reverify reads the project again if another program committed to the file
// between the read-only check and the writable reopen.
func reverify(db *bolt.DB, path string, v *verified) (*verified, error) {
	same := false
	if err := db.View(func(tx *bolt.Tx) error { same = tx.ID() == v.txid; return nil }); err != nil {
		return nil, openErr(path, ErrDamaged, err)
	}
	if same {
		return v, nil
	}
	return verify(db, path, true)
}

// Create writes p as a new project file at path and returns it open. It
// fails with ErrExists rather than overwrite anything. The file appears
// whole or not at all: it is built beside path and linked into place.
// The store takes ownership of p.
func Create(path string, p *model.Project, opts Options) (*Store, error) {
	return CreateAs(path, p, opts, words.T("storage.audit.created"))
}

// CreateAs is Create with action as the audit entry of the creation: a
// file made by importing lists says so, and that it holds what they held.
func CreateAs(path string, p *model.Project, opts Options, action string) (*Store, error) {
	if opts.ReadOnly {
		return nil, errors.New("storage: Create cannot be read-only")
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, openErr(path, ErrExists, nil)
	}
	if ps := model.Validate(p); len(ps) > 0 {
		return nil, &ValidationError{Problems: ps}
	}
	opts.Author = authorOr(opts.Author)
	if err := placeNew(path, p, newFile{author: opts.Author, action: action}); err != nil {
		return nil, err
	}
	db, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	note := writeHolder(path, thisHolder(opts.Command, true))
	return &Store{db: db, path: path, opts: opts, p: p, audit: 1, format: fileFormat, note: note}, nil
}

// placeNew writes p as a new file at path, built beside it under a
// temporary name and linked into place, and returns with no handle on it
// open. The temporary name is removed before anything opens the file:
// Windows refuses to remove a file that is open, and removing it while the
// new store held the file left a hidden twin .NAME.rpb.creating-NNN behind
// for every project created there.
func placeNew(path string, p *model.Project, nf newFile) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".creating-*")
	if err != nil {
		return fail(err, words.M("storage.create.failed", "file", path, "cause", cause(err)))
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // bolt must create it itself, or it sees an empty file it did not make

	err = writeNew(tmpName, p, nf) // closes the file before it returns
	if err != nil {
		os.Remove(tmpName)
		return fail(err, words.M("storage.create.write_failed", "file", path, "cause", cause(err)))
	}
	err = linkNoReplace(tmpName, path)
	os.Remove(tmpName) // after a link, a second name; after a rename, gone already
	switch {
	case errors.Is(err, fs.ErrExist):
		return openErr(path, ErrExists, nil)
	case err != nil:
		return fail(err, words.M("storage.create.failed", "file", path, "cause", cause(err)))
	}
	syncDir(filepath.Dir(path))
	return nil
}

// bytesPerRecord is about what one record takes in a new file, page
// overhead included (a 200,000-assessment project is about 122 MB).
const bytesPerRecord = 640

// newFile is what a new file records besides its project.
type newFile struct {
	author string
	action string           // the audit entry of its creation
	extra  func(*wtx) error // writes more records (a hand-out's origin and base)
}

// writeNew writes the whole project into a new bolt file. The file is
// not yet linked in under its name (placeNew), so it is written in several
// transactions of newBatch records each: a failure anywhere leaves only a
// temporary file that is removed, and memory holds one batch's pages at a
// time instead of the whole file's. Records go in key order into pages
// filled to the brim (nothing is ever inserted between them later that
// would split them), the digest is kept as they are written, and the file
// is synced once, at the end.
func writeNew(path string, p *model.Project, nf newFile) error {
	// Map the file at about its final size from the start: otherwise bbolt
	// remaps (and copies every dirty node) each time the file doubles.
	records := 0
	for _, k := range model.Kinds() {
		for range p.All(k) {
			records++
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: DefaultTimeout, NoSync: true, FreelistType: bolt.FreelistMapType,
		InitialMmapSize: records * bytesPerRecord})
	if err != nil {
		return err
	}
	d := digests{}
	fresh := func(tx *bolt.Tx) *wtx { return &wtx{Tx: tx, d: d, fresh: true} }
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return putFormat(fresh(tx))
	})
	for _, k := range model.Kinds() {
		if err != nil {
			break
		}
		rows := sortedByKey(p, k)
		name := layouts[k].bucket
		for len(rows) > 0 && err == nil {
			n := min(len(rows), newBatch)
			err = db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				b.FillPercent = 1.0
				return putRows(fresh(tx), string(name), b, rows[:n])
			})
			clear(rows[:n]) // let the batch's entities go with the project, not with this list
			rows = rows[n:]
		}
	}
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error {
			w := fresh(tx)
			if nf.extra != nil {
				if err := nf.extra(w); err != nil {
					return err
				}
			}
			return w.finish()
		})
	}
	if err == nil {
		// A transaction of its own, so that both meta pages describe the
		// whole project: if the newer one is ever damaged, bbolt falls back
		// to the other, which then holds the project rather than half of it.
		err = db.Update(func(tx *bolt.Tx) error {
			w, err := writing(tx)
			if err != nil {
				return err
			}
			if _, err := appendAudit(w, AuditEntry{Time: now(), Author: nf.author, Action: nf.action, Op: OpCreate}); err != nil {
				return err
			}
			return w.finish()
		})
	}
	if err == nil {
		err = db.Sync()
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// newBatch is how many records one transaction of writeNew writes: large
// enough that the commits cost little, small enough that a batch's dirty
// pages (about twice its records' size) stay a few tens of megabytes.
var newBatch = 50_000

// putProject stores every entity of p.
func putProject(w *wtx, p *model.Project) error {
	for _, k := range model.Kinds() {
		if err := putKind(w, nil, p, k); err != nil {
			return err
		}
	}
	return nil
}

// keyed is an entity with its key.
type keyed struct {
	k []byte
	e model.Entity
}

// sortedByKey lists the entities of one kind in key order.
func sortedByKey(p *model.Project, k model.EntityKind) []keyed {
	var rows []keyed
	for e := range p.All(k) {
		rows = append(rows, keyed{keyOf(e), e})
	}
	slices.SortFunc(rows, func(a, b keyed) int { return bytes.Compare(a.k, b.k) })
	return rows
}

// putRows seals and stores rows, in key order, into b at path. Each value
// is sealed as it is stored, so only bbolt's pages hold the encoded records.
func putRows(w *wtx, path string, b *bolt.Bucket, rows []keyed) error {
	var enc recordEncoder
	for _, r := range rows {
		v, err := enc.seal(r.k, r.e)
		if err != nil {
			return err
		}
		if err := w.put(path, b, r.k, v); err != nil {
			return err
		}
	}
	return nil
}

// putKind stores the entities of one kind in key order, which lets bbolt
// fill pages densely, into the kind's bucket under parent (the file's root
// when nil).
func putKind(w *wtx, parent *bolt.Bucket, p *model.Project, k model.EntityKind) error {
	rows := sortedByKey(p, k)
	name := layouts[k].bucket
	path := string(name)
	var bk *bolt.Bucket
	if parent == nil {
		bk = w.Bucket(name)
	} else {
		var err error
		if bk, err = parent.CreateBucketIfNotExists(name); err != nil {
			return err
		}
		path = string(bucketBase) + "/" + path
	}
	bk.FillPercent = 0.9
	return putRows(w, path, bk, rows)
}

// putEntity stores one entity under its key.
func putEntity(w *wtx, enc *recordEncoder, e model.Entity) error {
	key := keyOf(e)
	b, err := enc.seal(key, e)
	if err != nil {
		return err
	}
	name := layouts[e.EntityKind()].bucket
	return w.put(string(name), w.Bucket(name), key, b)
}

// deleteEntity removes one entity.
func deleteEntity(w *wtx, e model.Entity) error {
	l := layouts[e.EntityKind()]
	if l.fixed != nil {
		return fail(nil, words.M("storage.undeletable", "kind", kindName(e.EntityKind())))
	}
	return w.del(string(l.bucket), w.Bucket(l.bucket), keyOf(e))
}

// linkNoReplace puts the file at tmp in place at path unless path exists.
// A hard link is atomic and refuses to replace; where links are not
// supported it falls back to a checked rename.
func linkNoReplace(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, statErr := os.Lstat(path); statErr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}

// syncDir makes a rename or link in dir durable; best effort (not on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// authorOr is author, or when that is empty the name of the system's user:
// every change is put down to someone.
func authorOr(author string) string {
	if author != "" {
		return author
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "rpbmatrix"
}
