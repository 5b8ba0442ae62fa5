package report

import (
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/storage"
)

func TestZZProbe(t *testing.T) {
	path := os.Getenv("PROBE_FILE")
	if path == "" {
		t.Skip()
	}
	ms := func() uint64 { var m runtime.MemStats; runtime.ReadMemStats(&m); return m.HeapAlloc >> 20 }
	for _, skip := range []bool{false, true} {
		t0 := time.Now()
		st, err := storage.Open(path, storage.Options{ReadOnly: true, SkipCheck: skip})
		if err != nil {
			t.Fatal(err)
		}
		p := st.Project()
		t.Logf("open skip=%v %v heap %d MB", skip, time.Since(t0), ms())
		t0 = time.Now()
		r := model.Analyze(p)
		t.Logf("analyze %v heap %d MB", time.Since(t0), ms())
		t0 = time.Now()
		o := p.OfficeList()[0]
		_, err = Write(io.Discard, p, r, Options{Offices: []model.ID{o.ID}, Sections: OfficeSections})
		t.Logf("write one office %v err %v", time.Since(t0), err)
		st.Close()
	}
}
