package storage

import (
	"encoding/hex"
	"errors"
	"runtime"
	"strconv"
	"sync"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// errShape marks a load failure that means the file's contents are not what
// this schema promises (bad JSON, key and value disagreeing, missing record).
var errShape = errors.New("bad record")

// shape returns a load failure that says msg.
func shape(msg words.Msg) error { return fail(errShape, msg) }

// load reads the whole project from tx. It returns the file's format
// (fileFormat); values of an older schema are migrated in memory. In a
// sealed file every value's seal is checked first. structure, when not
// nil, checks the file's structure (structureCheck): it runs once every
// page has been read under guard, and before the records are decoded,
// while the process holds little memory besides the pages it reads (and
// the seals read them just before: they are released after both).
// Errors are ErrNotProject, ErrNewerVersion or wrap errShape, or
// structure's.
func load(tx *bolt.Tx, structure func(*bolt.Tx) error) (*model.Project, int, error) {
	meta := tx.Bucket(bucketMeta)
	var raw []byte
	if meta != nil {
		raw = meta.Get(keySchema)
	}
	if raw == nil {
		// A project with its meta record gone is damaged; a database with
		// none of our buckets is someone else's.
		for _, name := range allBuckets[1:] {
			if tx.Bucket(name) != nil {
				return nil, 0, shape(words.M("storage.load.schema_missing"))
			}
		}
		return nil, 0, ErrNotProject
	}
	format, err := strconv.Atoi(string(raw))
	if err != nil || format < 1 || strconv.Itoa(format) != string(raw) {
		return nil, 0, shape(words.M("storage.load.schema_bad", "value", string(raw)))
	}
	if sealed, ok := sealedFormatOf(meta); ok && sealed != format {
		return nil, format, shape(words.M("storage.load.format_mismatch", "format", format, "sealed", sealed))
	} else if !ok && format >= sealedFormat && format <= fileFormat {
		return nil, format, shape(words.M("storage.load.format_missing", "format", format))
	}
	if format > fileFormat {
		return nil, format, fail(ErrNewerVersion, words.M("storage.cause.newer_format", "version", format, "supported", fileFormat))
	}
	for _, name := range bucketsOf(format) {
		if tx.Bucket(name) == nil {
			return nil, format, shape(words.M("storage.load.bucket_missing", "bucket", string(name)))
		}
	}
	if format >= sealedFormat {
		if err := checkSeals(tx); err != nil {
			return nil, format, err
		}
		if structure != nil {
			if err := structure(tx); err != nil {
				return nil, format, err
			}
		}
		releasePages(tx) // every page was read for its seals (and the check)
	} else if info := meta.Get(keyInfo); info != nil && isSealed(info) {
		// Sealed records in a file that says it is older: the format record
		// itself has changed.
		return nil, format, shape(words.M("storage.load.format_sealed", "format", format))
	}
	p, err := loadProject(tx, nil, format)
	if err == nil && format < sealedFormat && structure != nil {
		err = structure(tx) // the pages were first read by decoding
	}
	return p, format, err
}

// structureCheck returns the structure check of the file at path (nil
// when on is false): its freelist page, its branch pages, and bbolt's
// check. tx.Check reads pages from its own goroutine, which guard cannot
// cover: it runs only after every page of the buckets has been read under
// guard and the freelist page is known to fit.
func structureCheck(path string, on bool) func(*bolt.Tx) error {
	if !on {
		return nil
	}
	return func(tx *bolt.Tx) error {
		err := checkFreelistPage(path)
		if err == nil {
			err = checkBranches(path)
		}
		if err == nil {
			err = checkTx(tx)
		}
		return err
	}
}

// loadProject decodes every entity kind from the kind buckets under parent
// (the file's root when parent is nil, or the hand-out base), written by a
// file of format, and migrates the values of an older schema.
func loadProject(tx *bolt.Tx, parent *bolt.Bucket, format int) (*model.Project, error) {
	bucket := func(name []byte) *bolt.Bucket {
		if parent == nil {
			return tx.Bucket(name)
		}
		return parent.Bucket(name)
	}
	schema := schemaOf(format)
	mig := migrations(schema)
	p := model.NewProject("", "", "")
	p.Info = model.Info{} // read from the file, or (the base) none
	for _, k := range model.Kinds() {
		l := layouts[k]
		b := bucket(l.bucket)
		if b == nil {
			if parent != nil && k == model.KindInfo {
				continue // the base holds no Info
			}
			if bucketSince[string(l.bucket)] > format {
				continue // a kind the file's format did not have yet
			}
			return nil, shape(words.M("storage.load.bucket_missing", "bucket", string(l.bucket)))
		}
		if l.fixed == nil {
			if err := l.decode(b, l, mig[k], p); err != nil {
				return nil, err
			}
			continue
		}
		e, err := model.NewEntity(k)
		if err != nil {
			return nil, err
		}
		if err := decodeOne(b.Get(l.fixed), mig[k], e, string(l.bucket)+"/"+string(l.fixed)); err != nil {
			return nil, err
		}
		p.Insert(e)
	}
	if schema < 3 {
		if err := adoptMeetingLabels(bucket(bucketDecisions), p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// records returns the decoder of a kind keyed by identity, stored as T.
// fast, when not nil, is tried first (see decodeBucket).
func records[T any, PT interface {
	*T
	model.Entity
}](fast func([]byte, *T, *interner) bool) func(*bolt.Bucket, kindLayout, migrateFunc, *model.Project) error {
	return func(b *bolt.Bucket, l kindLayout, mig migrateFunc, p *model.Project) error {
		parts, n, err := decodeBucket(b, string(l.bucket), mig, fast, func(k []byte, v *T) bool { return l.keyMatches(k, PT(v).Identity()) })
		if err != nil {
			return err
		}
		reserve[T](p, n)
		for _, out := range parts {
			for i := range out {
				p.Insert(PT(&out[i]))
			}
		}
		return nil
	}
}

// reserve sizes the project's map of the pair kinds for the n records of
// T about to go in, which spares 200,000 assessments a dozen rounds of
// growing it.
func reserve[T any](p *model.Project, n int) {
	switch any((*T)(nil)).(type) {
	case *model.Assessment:
		if len(p.Assessments) == 0 {
			p.Assessments = make(map[model.PairKey]*model.Assessment, n)
		}
	case *model.Holding:
		if len(p.Holdings) == 0 {
			p.Holdings = make(map[model.PairKey]*model.Holding, n)
		}
	case *model.Incident:
		if len(p.Incidents) == 0 {
			p.Incidents = make(map[model.ID]*model.Incident, n)
		}
	}
}

// decodeOne decodes a single required value.
func decodeOne(raw []byte, mig migrateFunc, into any, where string) error {
	if raw == nil {
		return shape(words.M("storage.load.record_missing", "record", where))
	}
	if mig != nil {
		var err error
		if raw, err = mig(raw); err != nil {
			return shape(words.M("storage.load.record_bad", "record", where, "detail", err.Error()))
		}
	}
	if err := decodeInto(raw, into); err != nil {
		return shape(words.M("storage.load.record_bad", "record", where, "detail", err.Error()))
	}
	return nil
}

// decodeBucket decodes every value of b, a segment at a time: each
// segment's values go into one slice (one allocation for thousands of
// records), the work split over the available cores; then the pages read
// are released (releasePages), so the file's mapped pages never count in
// the process's memory all at once beside the project decoded from them.
// It returns the segments' slices and how many records they hold.
// keyOK checks that a record sits under its own key.
//
// fast, when not nil, is tried first and encoding/json is used when it
// declines (see fastdecode.go).
func decodeBucket[T any](b *bolt.Bucket, name string, mig migrateFunc, fast func([]byte, *T, *interner) bool, keyOK func(k []byte, v *T) bool) ([][]T, int, error) {
	workers := runtime.GOMAXPROCS(0)
	interners := make([]interner, workers)
	var parts [][]T
	n := 0
	var keys, vals [][]byte
	c := b.Cursor()
	k, v := c.First()
	for k != nil {
		keys, vals = keys[:0], vals[:0]
		size := 0
		for ; k != nil && len(keys) < segmentRecords && size < segmentBytes; k, v = c.Next() {
			if v == nil {
				return nil, 0, shape(words.M("storage.load.nested", "bucket", name, "key", hex.EncodeToString(k)))
			}
			keys = append(keys, k)
			vals = append(vals, v)
			size += len(v)
		}
		out := make([]T, len(keys))
		if err := decodeSegment(keys, vals, out, name, mig, fast, keyOK, interners); err != nil {
			return nil, 0, err
		}
		parts = append(parts, out)
		n += len(out)
		releasePages(b.Tx())
	}
	return parts, n, nil
}

// A segment of a bucket is decoded at once: enough records to share out
// over the cores, few enough that their pages are a small part of memory.
// (Variables for the tests, which cut segments small.)
var (
	segmentRecords = 32 << 10
	segmentBytes   = 16 << 20
)

// decodeSegment decodes vals (under keys) into out, split over the cores,
// each worker sharing texts through its own interner.
func decodeSegment[T any](keys, vals [][]byte, out []T, name string, mig migrateFunc, fast func([]byte, *T, *interner) bool, keyOK func(k []byte, v *T) bool, interners []interner) error {
	workers := len(interners)
	if len(keys) < 256 {
		workers = 1
	}
	chunk := (len(keys) + workers - 1) / workers
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(keys))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			in := &interners[w]
			// The values point into the mapped file, so a damaged page can
			// fault here: guard this goroutine too.
			errs[w] = guard(func() error {
				for i := lo; i < hi; i++ {
					raw := vals[i]
					if mig != nil {
						var err error
						if raw, err = mig(raw); err != nil {
							return badRecord(name, keys[i], err)
						}
					}
					if fast == nil || !fast(raw, &out[i], in) {
						var zero T
						out[i] = zero // fast may have filled some fields before declining
						if err := decodeInto(raw, &out[i]); err != nil {
							return badRecord(name, keys[i], err)
						}
					}
					if !keyOK(keys[i], &out[i]) {
						return shape(words.M("storage.load.key_mismatch", "bucket", name, "key", hex.EncodeToString(keys[i])))
					}
				}
				return nil
			})
		}(w, lo, hi)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			if !errors.Is(err, errShape) { // a fault on the mapped file
				err = shape(words.M("storage.load.record_bad", "record", name, "detail", err.Error()))
			}
			return err
		}
	}
	return nil
}

// badRecord says that the record under key in bucket cannot be decoded.
func badRecord(bucket string, key []byte, err error) error {
	return shape(words.M("storage.load.record_bad", "record", bucket+"/"+hex.EncodeToString(key), "detail", err.Error()))
}
