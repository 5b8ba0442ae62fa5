package storage

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model/words"
)

// A seal proves a record is what was written, but not that every record
// written is still there: a flipped bit in a page's element count hides
// the records after it, and no seal is broken. meta/digest holds, for every
// bucket, how many records it has and the XOR of their checksums; every
// write transaction keeps it up to date (wtx) and Open compares it with
// what it reads (checkSeals). It is itself sealed.

var keyDigest = []byte("digest")

// bucketDigest is the count and the XOR of the checksums of a bucket's records.
type bucketDigest struct {
	N int64  `json:"n"`
	X uint32 `json:"x"`
}

// digests is bucketDigest by bucket path ("offices", "base/duties" …).
type digests map[string]bucketDigest

// digestRecord is meta/digest.
type digestRecord struct {
	Buckets digests `json:"buckets"`
}

// readDigest decodes meta/digest; ok is false when it is missing or unreadable.
func readDigest(raw []byte) (digests, bool) {
	var r digestRecord
	if raw == nil || json.Unmarshal(raw, &r) != nil || r.Buckets == nil {
		return nil, false
	}
	return r.Buckets, true
}

func (d digests) add(path string, raw []byte, sign int64) {
	d.addCount(path, sign, sumOf(raw))
}

// addCount counts n records whose seals' XOR is xor.
func (d digests) addCount(path string, n int64, xor uint32) {
	bd := d[path]
	bd.N += n
	bd.X ^= xor
	d[path] = bd
}

// sumOf is the checksum a sealed value carries (0 for one that is not sealed).
func sumOf(raw []byte) uint32 {
	_, _, sum, _ := splitSeal(raw)
	return sum
}

// counted reports whether the record under key in the bucket at path is
// part of the digest: all are but meta/schema (not sealed) and the digest.
func counted(path string, key []byte) bool {
	return path != string(bucketMeta) || (!bytes.Equal(key, keySchema) && !bytes.Equal(key, keyDigest))
}

// wtx is a write transaction that keeps meta/digest up to date. Every write
// to a sealed file goes through it.
type wtx struct {
	*bolt.Tx
	d digests
	// fresh says every key put is new (a file being built): no old value
	// to take out of the digest, so none is looked up.
	fresh bool
}

// writing starts keeping the digest of tx, whose file has one.
func writing(tx *bolt.Tx) (*wtx, error) {
	d, ok := readDigest(tx.Bucket(bucketMeta).Get(keyDigest))
	if !ok {
		return nil, shape(words.M("storage.digest.missing"))
	}
	return &wtx{Tx: tx, d: d}, nil
}

// rebuilding starts a transaction whose digest is computed afresh when it
// finishes: a new file, or one being rewritten in this format.
func rebuilding(tx *bolt.Tx) *wtx { return &wtx{Tx: tx} }

// put stores val under key in the bucket at path.
func (w *wtx) put(path string, b *bolt.Bucket, key, val []byte) error {
	if w.d != nil && counted(path, key) {
		if !w.fresh {
			if old := b.Get(key); old != nil {
				w.d.add(path, old, -1)
			}
		}
		w.d.add(path, val, 1)
	}
	return b.Put(key, val)
}

// del deletes key from the bucket at path.
func (w *wtx) del(path string, b *bolt.Bucket, key []byte) error {
	if w.d != nil && counted(path, key) {
		if old := b.Get(key); old != nil {
			w.d.add(path, old, -1)
		}
	}
	return b.Delete(key)
}

// finish writes the digest.
func (w *wtx) finish() error {
	d := w.d
	if d == nil {
		var err error
		if d, err = digestOf(w.Tx); err != nil {
			return err
		}
	}
	for path, bd := range d {
		if bd.N == 0 {
			delete(d, path)
		}
	}
	v, err := sealJSON(keyDigest, digestRecord{d})
	if err != nil {
		return err
	}
	return w.Bucket(bucketMeta).Put(keyDigest, v)
}

// digestOf computes the digest of every bucket of tx.
func digestOf(tx *bolt.Tx) (digests, error) {
	d := digests{}
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(path+"/"+string(k), b.Bucket(k))
			}
			if counted(path, k) {
				d.add(path, v, 1)
			}
			return nil
		})
	}
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(string(name), b) })
	return d, err
}

// checkDigest compares the digest the file holds with got, the one of
// what was read, and names the buckets that differ.
func checkDigest(meta *bolt.Bucket, got digests) error {
	want, ok := readDigest(meta.Get(keyDigest))
	if !ok {
		return shape(words.M("storage.digest.missing"))
	}
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		w, g := want[p], got[p]
		if w == g {
			continue
		}
		where := bucketName(p)
		if w.N != g.N {
			return shape(words.M("storage.digest.count", "bucket", where, "n", g.N, "want", w.N))
		}
		return shape(words.M("storage.digest.sum", "bucket", where))
	}
	return nil
}

// bucketName names a bucket by what it holds.
func bucketName(path string) words.Msg {
	name, inBase := strings.CutPrefix(path, string(bucketBase)+"/")
	var m words.Msg
	if k, _, ok := kindOfBucket([]byte(name)); ok {
		m = words.M("storage.bucket.kind", "kind", kindName(k))
	} else {
		m = words.M("storage.bucket.named", "bucket", name)
	}
	if inBase {
		m = words.M("storage.record.in_base", "record", m)
	}
	return m
}
