package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// fileFormat is the number meta/schema holds in a file this program writes.
// Formats 1 and 2 were the entity schema (model.SchemaVersion) itself;
// format 3 keeps the entities of schema 2 and seals every value (seal.go);
// format 4 holds the entities of schema 3 and the buckets of its new kinds
// (meetings, proposals, off-list tasks, incidents: bucketSince).
// A program that reads up to format N refuses a later file as newer,
// rather than writing values of its own schema into it.
const fileFormat = 4

// sealedFormat is the first format whose values are sealed.
const sealedFormat = 3

// schemaOf is the entity schema of the values of a file of format f: the
// version migrations start from. A new entity schema needs a new format.
func schemaOf(f int) int {
	switch {
	case f >= 4:
		return 3
	case f == sealedFormat:
		return 2
	}
	return f
}

// Buckets a file may hold besides allBuckets, created when first needed.
var (
	// bucketBase holds the records a hand-out copy was made with, one
	// nested bucket per kind (named as the kind's own bucket): the base of
	// a three-way merge (see handout.go).
	bucketBase = []byte("base")
	// bucketMerges holds, under a copy's project ID, what was last merged
	// from that copy (see MergeMark).
	bucketMerges = []byte("merges")

	keyOrigin = []byte("origin") // meta/origin: where a hand-out copy came from
	keyFormat = []byte("format") // meta/format: the format again, sealed
)

// formatRecord is meta/format: the file's format under a seal, because
// meta/schema, which programs of every version read first, cannot carry one.
// A flipped bit in meta/schema would otherwise pass for another format.
type formatRecord struct {
	Format int `json:"format"`
}

// putFormat writes the file's format, plain and sealed.
func putFormat(w *wtx) error {
	meta := w.Bucket(bucketMeta)
	if err := w.put(string(bucketMeta), meta, keySchema, []byte(strconv.Itoa(fileFormat))); err != nil {
		return err
	}
	v, err := sealJSON(keyFormat, formatRecord{fileFormat})
	if err != nil {
		return err
	}
	return w.put(string(bucketMeta), meta, keyFormat, v)
}

// sealedFormatOf reads meta/format; ok is false when it is absent or its
// seal does not hold.
func sealedFormatOf(meta *bolt.Bucket) (format int, ok bool) {
	raw := meta.Get(keyFormat)
	if raw == nil || checkSeal(keyFormat, raw) != sealOK {
		return 0, false
	}
	var r formatRecord
	if json.Unmarshal(raw, &r) != nil {
		return 0, false
	}
	return r.Format, true
}

// optionalBuckets are the root buckets a sound file may or may not have.
var optionalBuckets = [][]byte{bucketUndo, bucketRedo, bucketBase, bucketMerges}

func knownRoot(name []byte) bool {
	for _, set := range [][][]byte{allBuckets, optionalBuckets} {
		for _, b := range set {
			if bytes.Equal(b, name) {
				return true
			}
		}
	}
	return false
}

// maxNamed is how many damaged records an error names; it counts the rest.
const maxNamed = 5

// DamagedRecord is a record whose bytes changed after they were written.
type DamagedRecord struct {
	Bucket string // where it is stored: "assessments", "audit", "base/duties" …
	Key    []byte
	Kind   model.EntityKind // the entity's kind; "" for the audit log and the like
	Name   words.Msg        // the record as the user knows it
}

// sealFailure is a load failure naming the damaged records.
type sealFailure struct {
	records []DamagedRecord
	total   int
	msg     words.Msg
}

func (e *sealFailure) Error() string  { return e.msg.In(words.En) }
func (e *sealFailure) Msg() words.Msg { return e.msg }
func (e *sealFailure) Unwrap() error  { return errShape }

// DamagedRecords lists the records an error from Open or Check names as
// damaged (the first few), for a window that shows them.
func DamagedRecords(err error) []DamagedRecord {
	var sf *sealFailure
	if errors.As(err, &sf) {
		return sf.records
	}
	return nil
}

// checkSeals verifies the seal of every value in the file (but meta/schema)
// and the bookkeeping no seal covers: no unknown bucket, nested buckets
// only in the hand-out base, the audit log's counter at its last entry.
func checkSeals(tx *bolt.Tx) error {
	var bad []DamagedRecord
	total := 0
	got := digests{}
	var walk func(path string, b *bolt.Bucket, nested bool) error
	walk = func(path string, b *bolt.Bucket, nested bool) error {
		// The bucket's digest, added to got once at the end.
		var count int64
		var xor uint32
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				if !nested || !isKindBucket(k) {
					return shape(words.M("storage.load.nested", "bucket", path, "key", hex.EncodeToString(k)))
				}
				if err := walk(path+"/"+string(k), b.Bucket(k), false); err != nil {
					return err
				}
				continue
			}
			if path == string(bucketMeta) && bytes.Equal(k, keySchema) {
				continue
			}
			// One look at the seal serves the digest and the check.
			_, rest, sum, sealed := splitSeal(v)
			if counted(path, k) {
				count++
				xor ^= sum
			}
			p := sealOK
			switch {
			case !sealed:
				p = sealNoSeal
			case sealSum(k, rest) != sum:
				p = sealMismatch
			}
			if p != sealOK {
				total++
				if len(bad) < maxNamed {
					bad = append(bad, describeRecord(tx, path, k, v, p))
				}
			}
		}
		if count > 0 {
			got.addCount(path, count, xor)
		}
		return nil
	}
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if !knownRoot(name) {
			return shape(words.M("storage.load.unknown_bucket", "bucket", hex.EncodeToString(name)))
		}
		return walk(string(name), b, bytes.Equal(name, bucketBase))
	})
	if err != nil {
		return err
	}
	if total > 0 {
		return damagedRecords(bad, total)
	}
	if err := checkDigest(tx.Bucket(bucketMeta), got); err != nil {
		return err
	}
	return checkAuditCounter(tx)
}

// damagedRecords is the failure that names bad (the first of total).
func damagedRecords(bad []DamagedRecord, total int) error {
	names := make([]words.Msg, len(bad))
	for i, r := range bad {
		names[i] = r.Name
	}
	var msg words.Msg
	if total > len(bad) {
		msg = words.M("storage.seal.many", "records", names, "more", total-len(bad))
	} else {
		msg = words.M("storage.seal.damaged", "records", names)
	}
	return &sealFailure{records: bad, total: total, msg: msg}
}

// checkAuditCounter checks that the audit log's sequence is its last
// entry's number, which no seal covers: a changed counter would make the
// next entry overwrite an old one or leave a gap.
func checkAuditCounter(tx *bolt.Tx) error {
	b := tx.Bucket(bucketAudit)
	if b == nil {
		return nil
	}
	last := uint64(0)
	if k, _ := b.Cursor().Last(); k != nil {
		if len(k) != 8 {
			return shape(words.M("storage.load.stack_key", "bucket", string(bucketAudit), "key", hex.EncodeToString(k)))
		}
		last = binary.BigEndian.Uint64(k)
	}
	if seq := b.Sequence(); seq != last {
		return shape(words.M("storage.load.audit_counter", "seq", int64(seq), "last", int64(last)))
	}
	return nil
}

// kindOfBucket is the entity kind stored in the bucket name, if any.
func kindOfBucket(name []byte) (model.EntityKind, kindLayout, bool) {
	for k, l := range layouts {
		if l.fixed == nil && bytes.Equal(l.bucket, name) {
			return k, l, true
		}
	}
	return "", kindLayout{}, false
}

// isKindBucket reports whether name is the bucket of an entity kind (the
// names the hand-out base uses for its nested buckets).
func isKindBucket(name []byte) bool {
	for _, l := range layouts {
		if bytes.Equal(l.bucket, name) {
			return true
		}
	}
	return false
}

// describeRecord names a damaged record as well as the file allows: its
// kind and ID, and the names of what it is about when those records are
// sound.
func describeRecord(tx *bolt.Tx, path string, key, raw []byte, p sealProblem) DamagedRecord {
	r := DamagedRecord{Bucket: path, Key: append([]byte(nil), key...)}
	bucket, inBase := path, false
	if rest, ok := bytes.CutPrefix([]byte(path), append(append([]byte(nil), bucketBase...), '/')); ok {
		bucket, inBase = string(rest), true
	}
	switch {
	case bucket == string(bucketMeta) && bytes.Equal(key, keyInfo):
		r.Kind, r.Name = model.KindInfo, kindName(model.KindInfo)
	case bucket == string(bucketMeta) && bytes.Equal(key, keyOrigin):
		r.Name = words.M("storage.record.origin")
	case bucket == string(bucketSettings):
		r.Kind, r.Name = model.KindSettings, kindName(model.KindSettings)
	case bucket == string(bucketAudit) && len(key) == 8:
		r.Name = words.M("storage.record.audit", "seq", auditSeq(key))
	case (bucket == string(bucketUndo) || bucket == string(bucketRedo)) && len(key) == 8:
		r.Name = words.M("storage.record.stack_"+bucket, "seq", auditSeq(key))
	case bucket == string(bucketMerges) && len(key) == 16:
		r.Name = words.M("storage.record.merge_mark", "id", uuid.UUID(key).String())
	default:
		if k, l, ok := kindOfBucket([]byte(bucket)); ok {
			r.Kind = k
			r.Name = entityName(tx, k, l, key, raw)
			if moved(k, key, raw) {
				r.Name = words.M("storage.load.key_mismatch", "bucket", path, "key", hex.EncodeToString(key))
			}
		}
	}
	if r.Name.IsZero() {
		r.Name = words.M("storage.record.other", "bucket", path, "key", hex.EncodeToString(key))
	}
	if inBase {
		r.Name = words.M("storage.record.in_base", "record", r.Name)
	}
	if p == sealNoSeal {
		r.Name = words.M("storage.record.unsealed", "record", r.Name)
	}
	return r
}

// moved reports whether a value whose seal fails under key is a sound
// record of another key: a record put under the wrong key.
func moved(k model.EntityKind, key, raw []byte) bool {
	e, err := model.NewEntity(k)
	if err != nil || decodeInto(raw, e) != nil {
		return false
	}
	own := keyOf(e)
	return !bytes.Equal(own, key) && checkSeal(own, raw) == sealOK
}

// entityName names the record of kind k under key: by its own label (read
// from the damaged value, when it still decodes) or by the labels of the
// two records a pair is about.
func entityName(tx *bolt.Tx, k model.EntityKind, l kindLayout, key, raw []byte) words.Msg {
	if l.pair {
		if len(key) != 32 {
			return words.Msg{}
		}
		first, second := uuid.UUID(key[:16]), uuid.UUID(key[16:])
		otherKind := model.KindDuty
		if k == model.KindHolding {
			otherKind = model.KindAuthority
		}
		return words.M("storage.record.pair", "kind", kindName(k),
			"office", soundLabel(tx, model.KindOffice, key[:16], first.String()),
			"other", soundLabel(tx, otherKind, key[16:], second.String()),
			"id", first.String()+"/"+second.String())
	}
	if len(key) != 16 {
		return words.Msg{}
	}
	id := uuid.UUID(key).String()
	e, err := model.NewEntity(k)
	if err == nil && decodeInto(raw, e) == nil && e.Label() != "" {
		return words.M("storage.record.entity", "kind", kindName(k), "name", e.Label(), "id", id)
	}
	return words.M("storage.record.entity_id", "kind", kindName(k), "id", id)
}

// soundLabel is the label of the record of kind k under key when its seal
// holds, else def.
func soundLabel(tx *bolt.Tx, k model.EntityKind, key []byte, def string) string {
	b := tx.Bucket(layouts[k].bucket)
	if b == nil {
		return def
	}
	raw := b.Get(key)
	if raw == nil || checkSeal(key, raw) != sealOK {
		return def
	}
	e, err := model.NewEntity(k)
	if err != nil || decodeInto(raw, e) != nil || e.Label() == "" {
		return def
	}
	return e.Label()
}
