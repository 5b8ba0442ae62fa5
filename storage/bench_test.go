package storage

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/storage/merge"
)

// largeFile returns a 200 offices × 1,000 duties project file (200,000
// assessments), generated once per machine into the temp folder because
// generating it takes longer than opening it.
func largeFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("rpbmatrix-bench-200x1000-f%d.rpb", fileFormat))
	if _, err := Check(path); err == nil {
		return path
	}
	os.Remove(path)
	s, err := Create(path, synthetic(200, 1000), Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkOpenLarge opens the 200×1,000 project: read, decode, index and
// the full structure check. The bar is < 1 s and < 400 MB RSS; peak RSS is
// measured in a fresh child process (peak-RSS-MB) so that generating the
// file does not count.
func BenchmarkOpenLarge(b *testing.B) {
	path := largeFile(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Project().Assessments) != 200_000 {
			b.Fatalf("%d assessments", len(s.Project().Assessments))
		}
		s.Close()
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	fi, _ := os.Stat(path)
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
	rss, heap, elapsed := openInChild(b, path)
	b.ReportMetric(rss, "peak-RSS-MB")
	b.ReportMetric(heap, "heap-MB")
	b.ReportMetric(elapsed, "child-open-ms")
}

// openInChild runs TestOpenLargeChild in a new process and reads its report.
func openInChild(b *testing.B, path string) (rssMB, heapMB, ms float64) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenLargeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RPB_OPEN_CHILD_FILE="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 4 && f[0] == "OPENED" {
			rssMB, _ = strconv.ParseFloat(f[1], 64)
			heapMB, _ = strconv.ParseFloat(f[2], 64)
			ms, _ = strconv.ParseFloat(f[3], 64)
			return
		}
	}
	b.Fatalf("child printed no report:\n%s", out)
	return
}

// TestOpenLargeChild is the child of BenchmarkOpenLarge; it does nothing in
// a normal test run.
func TestOpenLargeChild(t *testing.T) {
	path := os.Getenv("RPB_OPEN_CHILD_FILE")
	if path == "" {
		t.Skip("only run as the child of BenchmarkOpenLarge")
	}
	start := time.Now()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("OPENED %.1f %.1f %.1f\n", vmHWM()/1024, float64(ms.HeapInuse)/1e6, float64(elapsed.Microseconds())/1000)
	runtime.KeepAlive(s)
	s.Close()
}

// vmHWM is the process's peak resident set in kB (Linux; 0 elsewhere).
func vmHWM() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return n
		}
	}
	return 0
}

// BenchmarkCommitFsync commits one assessment edit with fsync on (bar < 20 ms).
func BenchmarkCommitFsync(b *testing.B) {
	for _, size := range []struct{ offices, duties int }{{3, 100}, {200, 1000}} {
		b.Run(fmt.Sprintf("%dx%d", size.offices, size.duties), func(b *testing.B) {
			var path string
			if size.offices == 200 {
				src := largeFile(b)
				path = filepath.Join(b.TempDir(), "large.rpb")
				if err := copySynced(src, path); err != nil {
					b.Fatal(err)
				}
			} else {
				path = mustCreate(b, synthetic(size.offices, size.duties))
			}
			s, err := Open(path, Options{Author: "bench"})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var a *model.Assessment
			for _, x := range s.Project().Assessments {
				a = x
				break
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				e := *a
				e.HoursPerMonth = float64(i%200) + 1
				e.FormalismHours = 0
				if err := s.Commit("编辑履职评估", s.Project().Put(&e)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// copySynced copies a file and syncs the copy, so that the first timed
// commit does not pay for flushing 120 MB of freshly written pages.
func copySynced(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BenchmarkMergeLarge hands out a copy of the 200×1,000 project for some
// offices, edits a tenth of its assessments (and a hundred other ones in
// the original), and merges it back, the copy preferred where both sides
// changed a field. It reports the time to work the merge out (plan-ms) and
// to apply it (apply-ms: the backup of the 120 MB file, validation and one
// commit with fsync).
func BenchmarkMergeLarge(b *testing.B) {
	for _, offices := range []int{10, 200} {
		b.Run(fmt.Sprintf("%d-offices", offices), func(b *testing.B) {
			src := largeFile(b)
			var planMS, applyMS, edits float64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := b.TempDir()
				path := filepath.Join(dir, "large.rpb")
				if err := copySynced(src, path); err != nil {
					b.Fatal(err)
				}
				ours, err := Open(path, Options{Author: "甲"})
				if err != nil {
					b.Fatal(err)
				}
				var ids []model.ID
				for _, o := range ours.Project().OfficeList()[:offices] {
					ids = append(ids, o.ID)
				}
				copyPath := filepath.Join(dir, "copy.rpb")
				if _, err := ours.HandOut(copyPath, ids); err != nil {
					b.Fatal(err)
				}
				editEvery(b, copyPath, 10, "乙", func(a *model.Assessment) { a.Notes, a.StaffHeld = "街道填写", a.StaffHeld+1 })
				editSome(b, ours, 100, func(a *model.Assessment) { a.FundsHeld++ })
				b.StartTimer()

				t0 := time.Now()
				plan, err := ours.PlanMerge(copyPath)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				plan.ResolveAll(merge.Theirs)
				if _, err := ours.Merge(plan, false); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				b.StopTimer()
				planMS += float64(t1.Sub(t0).Microseconds()) / 1000
				applyMS += float64(t2.Sub(t1).Microseconds()) / 1000
				edits += float64(len(plan.Edits) + len(plan.Conflicts))
				ours.Close()
			}
			b.ReportMetric(planMS/float64(b.N), "plan-ms")
			b.ReportMetric(applyMS/float64(b.N), "apply-ms")
			b.ReportMetric(edits/float64(b.N), "fields")
		})
	}
}

// editEvery changes every n-th assessment of the file at path in one commit.
func editEvery(b *testing.B, path string, n int, author string, edit func(*model.Assessment)) {
	s, err := Open(path, Options{Author: author, NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var cs []model.Change
	i := 0
	for _, a := range s.Project().Assessments {
		if i++; i%n == 0 {
			x := a.Clone().(*model.Assessment)
			edit(x)
			x.Touch(author)
			cs = append(cs, s.Project().Put(x))
		}
	}
	if err := s.Commit("批量编辑", cs...); err != nil {
		b.Fatal(err)
	}
}

// editSome changes n assessments of the store in one commit.
func editSome(b *testing.B, s *Store, n int, edit func(*model.Assessment)) {
	var cs []model.Change
	for _, a := range s.Project().Assessments {
		if len(cs) == n {
			break
		}
		x := a.Clone().(*model.Assessment)
		edit(x)
		cs = append(cs, s.Project().Put(x))
	}
	if err := s.Commit("批量编辑", cs...); err != nil {
		b.Fatal(err)
	}
}
