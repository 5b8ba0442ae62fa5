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
	t0 := time.Now()
	st, err := storage.Open(path, storage.Options{ReadOnly: true, SkipCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	p := st.Project()
	t.Logf("open %v heap %d MB", time.Since(t0), ms())
	o := p.OfficeList()[0]
	t0 = time.Now()
	q := officesOnly(p, []*model.Office{o})
	r := model.Analyze(q)
	t.Logf("subset+analyze %v heap %d MB", time.Since(t0), ms())
	t0 = time.Now()
	_, err = Write(io.Discard, p, nil, Options{Offices: []model.ID{o.ID}, Sections: OfficeSections})
	t.Logf("write one office %v err %v heap %d", time.Since(t0), err, ms())
	_ = r
	st.Close()
}
