package storage

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// boltFile writes a bbolt file by hand, for files that are databases but
// not (sound) projects.
func boltFile(t *testing.T, fill func(tx *bolt.Tx) error) string {
	t.Helper()
	path := newPath(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// projectWith creates a sound project file, then changes it with edit.
func projectWith(t *testing.T, edit func(tx *bolt.Tx) error) string {
	t.Helper()
	path := mustCreate(t, handMade())
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(edit); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	path := newPath(t)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// highWater is how many bytes of the file bbolt uses; a file may be longer
// (bbolt grows files ahead of need), so "truncated" means shorter than this.
func highWater(t *testing.T, file []byte) int {
	t.Helper()
	m, ok := readMeta(writeFile(t, file))
	if !ok {
		t.Fatal("sound file has no valid meta page")
	}
	return int(m.highWater)
}

// largerProject is big enough to span many pages.
func largerProjectBytes(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(mustCreate(t, synthetic(6, 120)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDamagedFilesGiveClearErrors(t *testing.T) {
	sound := largerProjectBytes(t)
	for _, tc := range []struct {
		name  string
		file  func(t *testing.T) string
		kinds []error // any of these
		says  string  // the message must contain this too
	}{
		{"zero bytes", func(t *testing.T) string { return writeFile(t, nil) }, []error{ErrEmptyFile}, "0 字节"},
		{"text file", func(t *testing.T) string {
			return writeFile(t, []byte(strings.Repeat("序号,事项名称,类别\n1,违法建设巡查,城市管理\n", 400)))
		}, []error{ErrNotBolt}, "不是 RPB Matrix 项目文件"},
		{"a few bytes", func(t *testing.T) string { return writeFile(t, []byte("PK\x03\x04")) }, []error{ErrNotBolt}, "not an RPB Matrix project file"},
		{"directory", func(t *testing.T) string {
			p := newPath(t)
			os.Mkdir(p, 0o755)
			return p
		}, []error{ErrNotBolt}, ""},
		{"truncated to the meta pages", func(t *testing.T) string { return writeFile(t, sound[:8192]) }, []error{ErrDamaged}, "截断"},
		{"truncated by half", func(t *testing.T) string { return writeFile(t, sound[:highWater(t, sound)/2]) }, []error{ErrDamaged}, "已损坏"},
		{"truncated mid-page", func(t *testing.T) string { return writeFile(t, sound[:highWater(t, sound)/2+1000]) }, []error{ErrDamaged}, "截断"},
		{"one page short of its high-water mark", func(t *testing.T) string {
			return writeFile(t, sound[:highWater(t, sound)-4096])
		}, []error{ErrDamaged}, "truncated"},
		{"both meta pages scribbled", func(t *testing.T) string {
			b := append([]byte(nil), sound...)
			rand.New(rand.NewSource(1)).Read(b[:8192])
			return writeFile(t, b)
		}, []error{ErrNotBolt, ErrDamaged}, ""},
		{"empty bolt database", func(t *testing.T) string { return boltFile(t, func(*bolt.Tx) error { return nil }) }, []error{ErrNotProject}, "不是 RPB Matrix 项目"},
		{"another program's bolt database", func(t *testing.T) string {
			return boltFile(t, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("users"))
				if err != nil {
					return err
				}
				return b.Put([]byte("alice"), []byte("{}"))
			})
		}, []error{ErrNotProject}, "bbolt"},
		{"newer schema", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error {
				// As a newer program writes it: both format records agree.
				v, err := sealJSON(keyFormat, formatRecord{fileFormat + 1})
				if err != nil {
					return err
				}
				if err := tx.Bucket(bucketMeta).Put(keyFormat, v); err != nil {
					return err
				}
				return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(fileFormat+1)))
			})
		}, []error{ErrNewerVersion}, "升级"},
		{"format record changed to a newer one", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error {
				return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(fileFormat+4)))
			})
		}, []error{ErrDamaged}, "format record"},
		{"format record changed to an older one", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error {
				return tx.Bucket(bucketMeta).Put(keySchema, []byte("2"))
			})
		}, []error{ErrDamaged}, "格式记录"},
		{"record that is not JSON", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error {
				k, _ := tx.Bucket(bucketOffices).Cursor().First()
				return tx.Bucket(bucketOffices).Put(k, []byte("\x00\x01garbage"))
			})
		}, []error{ErrDamaged}, "office"},
		{"record under another's key", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketAssessments)
				k, v := b.Cursor().Last()
				wrong := append([]byte(nil), k...)
				wrong[31] ^= 0xff
				return b.Put(wrong, append([]byte(nil), v...))
			})
		}, []error{ErrDamaged}, "does not match"},
		{"project without its meta bucket", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketMeta) })
		}, []error{ErrDamaged}, "meta"},
		{"missing bucket", func(t *testing.T) string {
			return projectWith(t, func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketDuties) })
		}, []error{ErrDamaged}, "duties"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.file(t)
			before, _ := os.ReadFile(path)
			for _, open := range []struct {
				how string
				do  func() error
			}{
				{"Open", func() error {
					s, err := Open(path, testOpts)
					if err == nil {
						s.Close()
					}
					return err
				}},
				{"Open read-only", func() error {
					s, err := Open(path, Options{ReadOnly: true})
					if err == nil {
						s.Close()
					}
					return err
				}},
				{"Check", func() error { _, err := Check(path); return err }},
			} {
				err := open.do()
				var oe *OpenError
				if !errors.As(err, &oe) {
					t.Fatalf("%s: err = %v, want an *OpenError", open.how, err)
				}
				if !matchesAny(err, tc.kinds) {
					t.Fatalf("%s: err = %v, want one of %v", open.how, err, tc.kinds)
				}
				if !strings.Contains(said(err), path) || !strings.Contains(said(err), tc.says) {
					t.Errorf("%s: message %q should name the file and say %q", open.how, said(err), tc.says)
				}
			}
			if after, _ := os.ReadFile(path); !reflect.DeepEqual(before, after) {
				t.Errorf("opening changed the damaged file (%d bytes → %d)", len(before), len(after))
			}
		})
	}
}

func matchesAny(err error, kinds []error) bool {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// Garbage written over any one page gives an error or, when the page was
// free, the same project as before: never a crash, never a different project.
// Afterwards the original file opens again, so a failed Open left no lock.
func TestGarbageOverEachPage(t *testing.T) {
	sound := largerProjectBytes(t)
	want := mustOpen(t, writeFile(t, sound), Options{ReadOnly: true}).Project()
	const page = 4096
	pages := len(sound) / page
	r := rand.New(rand.NewSource(7))
	path := filepath.Join(t.TempDir(), "scribbled.rpb")
	damaged, unharmed := 0, 0
	for pg := 0; pg < pages; pg++ {
		for _, fill := range []string{"random", "zeros"} {
			b := append([]byte(nil), sound...)
			if fill == "random" {
				r.Read(b[pg*page : (pg+1)*page])
			} else {
				clear(b[pg*page : (pg+1)*page])
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				if !matchesAny(err, []error{ErrDamaged, ErrNotBolt}) {
					t.Fatalf("page %d (%s): err = %v, want ErrDamaged", pg, fill, err)
				}
				damaged++
				continue
			}
			if !reflect.DeepEqual(s.Project(), want) {
				t.Fatalf("page %d (%s): opened without error but the project differs", pg, fill)
			}
			s.Close()
			unharmed++
		}
	}
	t.Logf("%d pages: %d damaged versions refused, %d unharmed (free pages or the spare meta page)", pages, damaged, unharmed)
	if damaged == 0 {
		t.Fatal("no scribbled page was detected")
	}
	if err := os.WriteFile(path, sound, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, testOpts)
	if err != nil {
		t.Fatalf("the sound file no longer opens after the failures: %v", err)
	}
	s.Close()
}

// withMetas returns a copy of a sound file whose two meta pages edit has
// changed, with their checksums made valid again: damage bbolt cannot see
// by itself.
func withMetas(t *testing.T, sound []byte, edit func(meta []byte)) []byte {
	t.Helper()
	b := append([]byte(nil), sound...)
	m, ok := readMeta(writeFile(t, sound))
	if !ok {
		t.Fatal("sound file has no valid meta page")
	}
	for _, off := range []int64{pageHeaderSize, m.pageSize + pageHeaderSize} {
		meta := b[off : off+metaSize]
		edit(meta)
		h := fnv.New64a()
		h.Write(meta[:56])
		binary.LittleEndian.PutUint64(meta[56:], h.Sum64())
	}
	return b
}

// Damage that passes bbolt's own meta checksums: pages named in the meta
// pages that lie outside the file, or a freelist that does not fit its page.
// bbolt would read past its mapping here; the guard or the checks before
// tx.Check must turn that into an error.
func TestDamageBehindValidMetaPages(t *testing.T) {
	sound := largerProjectBytes(t)
	le := binary.LittleEndian
	for _, tc := range []struct {
		name string
		file func(t *testing.T) []byte
		says string
	}{
		{"root page far past the end", func(t *testing.T) []byte {
			return withMetas(t, sound, func(m []byte) { le.PutUint64(m[16:], 1<<28) })
		}, "已损坏"},
		{"root page just past the high-water mark", func(t *testing.T) []byte {
			return withMetas(t, sound, func(m []byte) { le.PutUint64(m[16:], le.Uint64(m[40:])) })
		}, "已损坏"},
		{"freelist page past the end", func(t *testing.T) []byte {
			return withMetas(t, sound, func(m []byte) { le.PutUint64(m[32:], 1<<40) })
		}, "freelist"},
		{"freelist longer than its page", func(t *testing.T) []byte {
			b := append([]byte(nil), sound...)
			m, _ := readMeta(writeFile(t, sound))
			page := b[int64(m.freelist)*m.pageSize:]
			le.PutUint16(page[10:], 0xFFFF)
			le.PutUint64(page[16:], 1<<40)
			return b
		}, "entries do not fit"},
		{"freelist page that is the root page", func(t *testing.T) []byte {
			return withMetas(t, sound, func(m []byte) { le.PutUint64(m[32:], le.Uint64(m[16:])) })
		}, "page flags"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.file(t))
			for _, opts := range []Options{testOpts, {ReadOnly: true}} {
				_, err := Open(path, opts)
				if !errors.Is(err, ErrDamaged) || !strings.Contains(said(err), tc.says) {
					t.Fatalf("Open (read-only %v): err = %v, want ErrDamaged saying %q", opts.ReadOnly, err, tc.says)
				}
			}
			if _, err := Check(path); !errors.Is(err, ErrDamaged) {
				t.Fatalf("Check: %v", err)
			}
		})
	}
}
