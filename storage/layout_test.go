package storage

import (
	"bytes"
	"slices"
	"testing"

	"rpbmatrix/model"
)

// Every entity kind has a place in the file: a bucket the file is created
// with, and either a fixed key or a decoder for its records.
func TestEveryKindHasALayout(t *testing.T) {
	buckets := map[string]model.EntityKind{}
	for _, k := range model.Kinds() {
		l, ok := layouts[k]
		switch {
		case !ok:
			t.Errorf("%s: no layout", k)
			continue
		case !slices.ContainsFunc(allBuckets, func(b []byte) bool { return bytes.Equal(b, l.bucket) }):
			t.Errorf("%s: bucket %s is not created with the file", k, l.bucket)
		case (l.fixed == nil) == (l.decode == nil):
			t.Errorf("%s: needs a fixed key or a decoder, not both", k)
		}
		if other, dup := buckets[string(l.bucket)]; dup && l.fixed == nil {
			t.Errorf("%s and %s share the bucket %s", k, other, l.bucket)
		}
		buckets[string(l.bucket)] = k
	}
	if len(layouts) != len(model.Kinds()) {
		t.Errorf("%d layouts for %d kinds", len(layouts), len(model.Kinds()))
	}
	// A bucket added by a later format is a kind's, of a format this
	// program writes, and a file of that format has it.
	for name, since := range bucketSince {
		if _, ok := buckets[name]; !ok || since < 2 || since > fileFormat {
			t.Errorf("bucket %s added in format %d: not a kind's, or not a format this program writes", name, since)
		}
		if !slices.ContainsFunc(bucketsOf(since), func(b []byte) bool { return string(b) == name }) ||
			slices.ContainsFunc(bucketsOf(since-1), func(b []byte) bool { return string(b) == name }) {
			t.Errorf("bucketsOf disagrees with bucketSince on %s", name)
		}
	}
}

// keyOf and keyMatches agree for every kind keyed by identity.
func TestKeysMatchTheirRecords(t *testing.T) {
	p := handMade()
	for _, k := range model.Kinds() {
		l := layouts[k]
		for e := range p.All(k) {
			key := keyOf(e)
			if l.fixed != nil {
				if !bytes.Equal(key, l.fixed) {
					t.Errorf("%s: key %q, want %q", k, key, l.fixed)
				}
				continue
			}
			if !l.keyMatches(key, e.Identity()) {
				t.Errorf("%s: key %x does not match its own record", k, key)
			}
			if l.keyMatches(append(key[:len(key):len(key)], 0), e.Identity()) {
				t.Errorf("%s: a longer key matches", k)
			}
		}
	}
}
