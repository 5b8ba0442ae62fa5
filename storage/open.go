package storage

import (
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// boltMagic is the number every bbolt meta page carries after its 16-byte page header.
const boltMagic = 0xED0CDAED

// openBolt opens an existing bbolt file without ever creating one, and turns
// every way that can fail into an *OpenError. bolt.Open itself runs under
// guard because it reads the meta and freelist pages of the mapped file.
func openBolt(path string, opts Options) (*bolt.DB, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, openErr(path, ErrNoFile, nil)
	case err != nil:
		return nil, openErr(path, ErrUnreadable, err)
	case fi.IsDir():
		return nil, openErr(path, ErrNotBolt, nil)
	case fi.Size() == 0:
		// bbolt would quietly turn an empty file into a new, empty database.
		return nil, openErr(path, ErrEmptyFile, nil)
	}
	if m, ok := readMeta(path); ok && fi.Size() < m.highWater {
		return nil, openErr(path, ErrDamaged, truncated(fi.Size(), m.highWater))
	}

	// Keep hold of the file bolt opens, so its descriptor can be closed if
	// bolt panics half-way through Open. (A mapping bolt made by then keeps
	// the lock until the process ends, which is why Open reads every file
	// through a read-only handle, whose open reads only the checksummed meta
	// pages, before it opens one for writing.)
	var mu sync.Mutex
	var files []*os.File
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		// Never create: the file was there a moment ago; if it is gone now,
		// say so rather than start an empty project.
		f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
		if err == nil {
			mu.Lock()
			files = append(files, f)
			mu.Unlock()
		}
		return f, err
	}
	var db *bolt.DB
	var boltErr error
	returned := false
	gerr := guard(func() error {
		db, boltErr = bolt.Open(path, 0o600, &bolt.Options{
			Timeout:      opts.timeout(),
			ReadOnly:     opts.ReadOnly,
			NoSync:       opts.NoSync,
			FreelistType: bolt.FreelistMapType,
			OpenFile:     openFile,
		})
		returned = true
		return nil
	})
	if !returned {
		mu.Lock()
		for _, f := range files {
			f.Close()
		}
		mu.Unlock()
		return nil, openErr(path, ErrDamaged, fail(gerr, words.M("storage.cause.header_fault", "detail", gerr.Error())))
	}
	if boltErr == nil {
		return db, nil
	}
	switch {
	case errors.Is(boltErr, bolt.ErrTimeout):
		oe := openErr(path, ErrLocked, boltErr)
		oe.Holders = Holders(path)
		return nil, oe
	case errors.Is(boltErr, fs.ErrNotExist):
		return nil, openErr(path, ErrNoFile, nil)
	case errors.Is(boltErr, fs.ErrPermission):
		return nil, openErr(path, ErrUnreadable, boltErr)
	case !hasBoltMagic(path):
		return nil, openErr(path, ErrNotBolt, boltErr)
	}
	return nil, openErr(path, ErrDamaged, boltErr)
}

// hasBoltMagic reports whether the first meta page of the file carries the
// bbolt magic number, which separates "some other file" from "a damaged project".
func hasBoltMagic(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(head[16:]) == boltMagic
}

func truncated(size, want int64) error {
	return fail(nil, words.M("storage.cause.truncated", "size", size, "want", want))
}

// verified is what a sound file yields: the project and its bookkeeping.
type verified struct {
	p          *model.Project
	format     int // fileFormat of the file as read
	origin     *Origin
	undo, redo []stackItem
	audit      uint64 // audit entries written so far
	txid       int    // the transaction the project was read in
}

// verify loads the project from db and (with structure) runs bbolt's
// structure check. A fault or a panic on damaged pages, a file shorter than
// its own high-water mark, undecodable records and tx.Check failures all
// come back as *OpenError.
func verify(db *bolt.DB, path string, structure bool) (*verified, error) {
	var v verified
	var loadErr error
	gerr := guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if fi, err := os.Stat(path); err == nil && fi.Size() < tx.Size() {
				loadErr = openErr(path, ErrDamaged, truncated(fi.Size(), tx.Size()))
				return nil
			}
			var err error
			v.p, v.format, err = load(tx, structureCheck(path, structure))
			if err != nil {
				loadErr = classifyLoad(path, err)
				return nil
			}
			if v.undo, v.redo, err = readStacks(tx, v.format); err != nil {
				loadErr = openErr(path, ErrDamaged, err)
				return nil
			}
			if v.origin, err = readOrigin(tx); err != nil {
				loadErr = openErr(path, ErrDamaged, err)
				return nil
			}
			v.audit = tx.Bucket(bucketAudit).Sequence()
			v.txid = tx.ID()
			return nil
		})
	})
	if gerr != nil {
		return nil, openErr(path, ErrDamaged, fail(gerr, words.M("storage.cause.read_fault", "detail", gerr.Error())))
	}
	if loadErr != nil {
		return nil, loadErr
	}
	return &v, nil
}

func classifyLoad(path string, err error) error {
	switch {
	case errors.Is(err, ErrNotProject):
		return openErr(path, ErrNotProject, nil)
	case errors.Is(err, ErrNewerVersion):
		return openErr(path, ErrNewerVersion, err)
	}
	return openErr(path, ErrDamaged, err)
}

// checkTx runs bbolt's consistency check and joins its first few findings.
func checkTx(tx *bolt.Tx) error {
	var msgs []string
	n := 0
	for err := range tx.Check() {
		if n < 5 {
			msgs = append(msgs, err.Error())
		}
		n++
	}
	if n == 0 {
		return nil
	}
	detail := strings.Join(msgs, "; ")
	if n > len(msgs) {
		return fail(nil, words.M("storage.cause.structure_more", "detail", detail, "more", n-len(msgs)))
	}
	return fail(nil, words.M("storage.cause.structure", "detail", detail))
}
