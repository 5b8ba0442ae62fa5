package app

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// With RPB_TIMINGS set, the window writes to stderr how long the waits a
// user feels take, each from the action until the window has drawn the
// result and takes input again, so the bars of issue 9 can be read off the
// real binary:
//
//	rpb timing: open 1234 ms (before 250 ms, file 310 ms, analysis 520 ms, views 90 ms, process cpu 1900 ms)
//	rpb timing: switch office 61 ms (views 40 ms)
//	rpb timing: edit 35 ms (store 8 ms, analysis 1 ms, views 12 ms)
//
// RPB_TIMINGS=walk also walks through those steps by itself once the
// project is open — the matrix tab, five offices, three edits each undone,
// every office, one office again — and then idles, for measuring memory
// and idle CPU from outside. With RPB_CPUPROFILE=file as well, the walk
// (or with RPB_TIMINGS=1 the open alone) is profiled from the start of the
// process into file, and the heap at its end into file.heap.
var timingMode = os.Getenv("RPB_TIMINGS")

// stopProfile ends the CPU profile of RPB_CPUPROFILE, if one runs.
var stopProfile = startProfile(os.Getenv("RPB_CPUPROFILE"))

func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rpb timing: no profile:", err)
		return func() {}
	}
	var once sync.Once
	return func() { once.Do(func() { stopAndWriteHeap(f, path) }) }
}

// stopAndWriteHeap ends the CPU profile written to f and writes the heap
// beside it, as path.heap.
func stopAndWriteHeap(f *os.File, path string) {
	pprof.StopCPUProfile()
	f.Close()
	if h, err := os.Create(path + ".heap"); err == nil {
		runtime.GC()
		pprof.WriteHeapProfile(h)
		h.Close()
	}
}

// processStart is about when the process started: package variables are
// set before main runs.
var processStart = time.Now()

// logTiming reports what began at start once the frame showing it has been
// drawn, with the parts it took: alternating names and durations, or
// functions giving a duration when the frame has been drawn.
func logTiming(what string, start time.Time, parts ...any) {
	if timingMode == "" {
		return
	}
	afterFrame(func() {
		detail := ""
		for i := 0; i+1 < len(parts); i += 2 {
			if detail != "" {
				detail += ", "
			}
			d, ok := parts[i+1].(time.Duration)
			if f, isFunc := parts[i+1].(func() time.Duration); !ok && isFunc {
				d = f()
			}
			detail += fmt.Sprintf("%s %d ms", parts[i], d.Milliseconds())
		}
		fmt.Fprintf(os.Stderr, "rpb timing: %s %d ms (%s)\n", what, time.Since(start).Milliseconds(), detail)
	})
}

// afterFrame calls f on the Fyne thread once the next frame has been drawn
// (in the test driver, which draws nothing, at once).
// An animation ticks just before each frame is drawn; what its first tick
// queues runs when the loop is next free, after that frame is drawn.
func afterFrame(f func()) {
	var a *fyne.Animation
	a = fyne.NewAnimation(time.Minute, func(float32) {
		if a != nil {
			a.Stop()
			a = nil
			go fyne.Do(f)
		}
	})
	a.Start()
}

// traceSession makes the session report its timings.
func (m *mainWindow) traceSession() {
	if timingMode == "" || m.sess == nil {
		return
	}
	m.sess.Trace = logTiming
}

// walkTimings takes the open window through the steps the bars name, one
// after the other, each when the last has been drawn.
func (m *mainWindow) walkTimings() {
	if timingMode != "walk" || m.sess == nil || m.sidebar == nil {
		stopProfile() // the profile was of the open alone
		return
	}
	var steps []func()
	steps = append(steps, func() {
		start := time.Now()
		m.tabs.SelectIndex(tabMatrix)
		logTiming("matrix tab", start, "handled", time.Since(start))
	})
	for i := 1; i <= 5 && i < len(m.sidebar.offices); i++ {
		steps = append(steps, func() { m.sidebar.list.Select(i) })
	}
	for range 3 {
		steps = append(steps, m.walkEdit, func() { m.doUndo() })
	}
	steps = append(steps, func() { m.sidebar.list.Select(0) },
		func() { m.sidebar.list.Select(1) }, func() {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Fprintf(os.Stderr, "rpb timing: walk done; Go heap %d MB\n", ms.HeapAlloc>>20)
			stopProfile()
		})
	var next func(int)
	next = func(i int) {
		if i == len(steps) {
			return
		}
		steps[i]()
		afterFrame(func() { afterFrame(func() { next(i + 1) }) })
	}
	next(0)
}

// walkEdit changes the workload of the first assessed item of the selected
// office, as the detail panel does.
func (m *mainWindow) walkEdit() {
	p := m.sess.Project()
	for _, d := range p.DutyList() {
		if a := p.Assessment(m.sess.Office(), d.ID); a != nil {
			next := *a
			next.HoursPerMonth++
			if err := m.sess.Commit("timing", p.Put(&next)); err != nil {
				fmt.Fprintln(os.Stderr, "rpb timing: edit failed:", err)
			}
			return
		}
	}
}
