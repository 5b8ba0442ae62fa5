package storage

import (
	"os"
	"runtime"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestReserveFile grows the file for a large commit only, and the file
// stays sound with pages beyond bbolt's high water mark.
func TestReserveFile(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int64
		grows bool
	}{
		{"an ordinary edit leaves the file to bbolt", 1 << 20, false},
		{"a large commit grows it first", 64 << 20, runtime.GOOS != "windows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t, mustCreate(t, handMade()), Options{})
			defer s.Close()
			before := fileSize(t, s.path)
			var hwm int64
			if err := s.db.View(func(tx *bolt.Tx) error {
				hwm = tx.Size()
				reserveFile(s.path, tx, tc.n)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			after := fileSize(t, s.path)
			if grew := after > before; grew != tc.grows || (grew && after < hwm+tc.n) {
				t.Fatalf("%d bytes before, %d after (high water %d, n %d)", before, after, hwm, tc.n)
			}
			s.Close()
			if _, err := Check(s.path); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
