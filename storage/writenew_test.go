package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A new file is written in several transactions; a failure after some of
// them (here in the last, after every batch of records) leaves nothing:
// no file under the name, no temporary file beside it.
func TestWriteNewFailsWhole(t *testing.T) {
	defer func(n int) { newBatch = n }(newBatch)
	newBatch = 300 // 1,000 duties and their assessments: many transactions
	p := synthetic(3, 1000)
	path := newPath(t)
	boom := errors.New("disk gone")
	err := placeNew(path, p, newFile{author: "测试员", action: "x", extra: func(*wtx) error { return boom }})
	if !errors.Is(err, boom) {
		t.Fatalf("placeNew: %v, want the failure", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// A file written in batches holds every record, sealed and counted in its
// digest, exactly as one written in one transaction.
func TestWriteNewInBatches(t *testing.T) {
	defer func(n int) { newBatch = n }(newBatch)
	p := synthetic(3, 1000)
	for _, batch := range []int{1 << 30, 700, 1} {
		if batch == 1 {
			p = synthetic(2, 30) // one record a transaction: keep it small
		}
		newBatch = batch
		path := newPath(t)
		st, err := Create(path, p, testOpts)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		q, c, err := CheckLoad(path) // seals, digest and structure
		if err != nil {
			t.Fatalf("batch %d: %v", batch, err)
		}
		if len(q.Duties) != len(p.Duties) || c.Assessments != len(p.Assessments) || c.AuditEntries != 1 {
			t.Errorf("batch %d: %d duties, %d assessments, %d audit entries; want %d, %d, 1", batch, len(q.Duties), c.Assessments, c.AuditEntries, len(p.Duties), len(p.Assessments))
		}
	}
}
