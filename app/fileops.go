package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	fynestorage "fyne.io/fyne/v2/storage"

	"rpbmatrix/app/mergeui"
	"rpbmatrix/app/session"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// projectExt is the project file's extension.
const projectExt = ".rpb"

// openTimeout is how long Open waits for another window to release the
// file; the design promises an answer within 2 s.
const openTimeout = 1500 * time.Millisecond

// openResult is what the background open hands back to the window.
type openResult struct {
	store *storage.Store
	sess  *session.Session
	err   error
	// how long the parts took: until the file was opened, reading it, analysing it
	before, file, analysis time.Duration
}

// opening is a project file being read and analysed in the background.
type opening struct {
	path   string
	start  time.Time // when the user began to wait for it
	result chan openResult
}

// startOpening opens path and analyses its project off the Fyne thread.
// The window's first file starts before the window is made, so that the
// reading, the longest part, runs while Fyne starts.
func startOpening(path, author string, start time.Time) *opening {
	o := &opening{path: path, start: start, result: make(chan openResult, 1)}
	go func() {
		t0 := time.Now()
		st, err := storage.Open(path, storage.Options{Author: author, Timeout: openTimeout})
		t1 := time.Now()
		res := openResult{err: err, before: t0.Sub(start), file: t1.Sub(t0)}
		if err == nil {
			// A project too large to analyse is refused like a file that
			// does not open, with the size error's words, not a crash.
			if err = model.CheckProjectSize(st.Project()); err != nil {
				st.Close()
				res.err = err
			}
		}
		if err == nil {
			// The full analysis of a large project is the slow part after
			// reading; the session keeps it.
			res.store, res.sess = st, session.New(st, author)
		}
		res.analysis = time.Since(t1)
		o.result <- res
	}()
	return o
}

// openPath opens path in the background with a progress dialog; the old
// project stays open until the new one is ready. Errors get a dialog that
// explains them and, for a damaged file, offers the latest backup.
func (m *mainWindow) openPath(path string) {
	if m.store != nil && samePath(m.store.Path(), path) {
		return
	}
	start := time.Now()
	if m.store == nil && m.opens == 0 {
		start = processStart // the first project: the user waits from the start
	}
	m.await(startOpening(path, authorFromPrefs(m.app.Preferences()), start))
}

// await shows progress until o is read, then installs its project or
// explains why it did not open.
func (m *mainWindow) await(o *opening) {
	m.opens++
	m.waiting++
	done := m.busy(trf("progress.opening", "File", filepath.Base(o.path)))
	m.background.Add(1)
	go func() {
		res := <-o.result
		fyne.Do(func() {
			defer m.background.Done()
			t3 := time.Now()
			m.waiting--
			done()
			m.opened(o.path, res)
			logTiming("open", o.start, "before", res.before, "file", res.file, "analysis", res.analysis, "views", time.Since(t3), "process cpu", processCPU)
			if res.err == nil {
				afterFrame(m.walkTimings)
			}
		})
	}()
}

// opened installs a project opened in the background, or explains the error.
func (m *mainWindow) opened(path string, res openResult) {
	if res.err != nil {
		if m.store == nil {
			m.rebuild() // the start page, if none was made while waiting
		}
		m.showOpenError(path, res.err)
		return
	}
	m.setStoreWithSession(res.store, res.sess)
	// Reading a large file leaves as much garbage as the project itself;
	// hand it back to the system once the project is on screen, rather than
	// bit by bit over minutes.
	afterFrame(func() { go debug.FreeOSMemory() })
	m.backUpDaily(res.store)
}

// backUpDaily takes the day's first backup of st off the Fyne thread, once
// the project is on screen: copying a prefecture's file takes a few tenths
// of a second the user need not wait for. A failure is shown, unless the
// file was closed meanwhile; the project is usable either way.
func (m *mainWindow) backUpDaily(st *storage.Store) {
	m.background.Add(1) // now, while the open is still counted
	afterFrame(func() {
		go func() {
			_, err := st.DailyBackup()
			fyne.Do(func() {
				defer m.background.Done()
				if err != nil && m.store == st {
					m.showError(err)
				}
			})
		}()
	})
}

// setStoreWithSession is setStore reusing an analysis made in the background.
func (m *mainWindow) setStoreWithSession(st *storage.Store, s *session.Session) {
	if m.store != nil && m.store != st {
		m.store.Close()
	}
	m.store = st
	if m.interactive {
		rememberFile(m.app.Preferences(), st.Path())
	}
	m.sess = s
	m.tabs = nil // a new project starts on the remembered tab
	m.rebuild()
}

// showOpenError explains why a file did not open. A damaged or empty file
// with a backup gets an offer to restore the backup.
func (m *mainWindow) showOpenError(path string, err error) {
	text := errorText(err)
	if errors.Is(err, storage.ErrNoFile) && m.interactive {
		forgetFile(m.app.Preferences(), path)
	}
	if recs := storage.DamagedRecords(err); len(recs) > 0 {
		names := make([]words.Msg, len(recs))
		for i, r := range recs {
			names[i] = r.Name
			if r.Name.IsZero() { // the audit log and the like: named by where it is
				names[i] = words.M("merge.record.text", "text", r.Bucket)
			}
		}
		text += "\n" + trf("files.open.damaged_records", "records", names)
	}
	// A backup helps only a damaged file: offered for a locked or
	// unreadable one, copying it over would harm the holder's work.
	backup, ok := storage.LatestBackup(path)
	if !storage.Restorable(err) || !ok {
		dialog.ShowError(errors.New(text), m.win)
		return
	}
	when := ""
	if fi, err := os.Stat(backup); err == nil {
		when = fi.ModTime().Format("2006-01-02 15:04")
	}
	ask := widget.NewLabel(text + "\n\n" + trf("open.restore.ask", "Backup", filepath.Base(backup), "Time", when))
	ask.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(tr("open.failed"), tr("open.restore"), tr("dialog.cancel"), ask, func(yes bool) {
		if !yes {
			return
		}
		if err := storage.RestoreBackup(backup, path); err != nil {
			m.showError(err)
			return
		}
		m.openPath(path)
	}, m.win)
	d.Resize(fyne.NewSize(theme32(36), 0))
	d.Show()
}

// openDialog asks for a project file to open.
func (m *mainWindow) openDialog() { m.askProjectFile(m.openPath) }

// askProjectFile asks for an existing project file and hands its path to then.
func (m *mainWindow) askProjectFile(then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		then(r.URI().Path())
	}, m.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{projectExt}))
	m.startIn(d)
	d.Show()
}

// openDemo opens the user's copy of the demo project, making it if needed.
func (m *mainWindow) openDemo() {
	path, err := demoPath()
	if err != nil {
		m.showError(err)
		return
	}
	m.openPath(path)
}

// newProject asks for a name and region, then where to save the new file.
func (m *mainWindow) newProject() {
	name, region := widget.NewEntry(), widget.NewEntry()
	name.SetPlaceHolder(tr("new.name.placeholder"))
	region.SetPlaceHolder(tr("new.region.placeholder"))
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(tr("new.name.required"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("new.name"), name),
		widget.NewFormItem(tr("new.region"), region),
	}
	form := dialog.NewForm(tr("new.title"), tr("new.next"), tr("dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		m.saveNewProject(strings.TrimSpace(name.Text), strings.TrimSpace(region.Text))
	}, m.win)
	form.Resize(fyne.NewSize(theme32(32), 0))
	form.Show()
}

// askNewProjectFile asks where to save a new project file (suggesting
// name) and hands the path, with the project extension, to then. The file
// dialog makes an empty file, which is removed: storage refuses to
// replace anything.
func (m *mainWindow) askNewProjectFile(name string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			os.Remove(path)
		}
		if filepath.Ext(path) != projectExt {
			path += projectExt
		}
		then(path)
	}, m.win)
	d.SetFileName(name)
	m.startIn(d)
	d.Show()
}

// saveNewProject asks where to create the file and opens it.
func (m *mainWindow) saveNewProject(name, region string) {
	m.askNewProjectFile(name+projectExt, func(path string) {
		p := model.NewProject(name, region, authorFromPrefs(m.app.Preferences()))
		st, err := storage.Create(path, p, storage.Options{Author: authorFromPrefs(m.app.Preferences()), Timeout: openTimeout})
		if err != nil {
			m.showError(err)
			return
		}
		m.setStore(st)
	})
}

// saveCopy writes a copy of the open file elsewhere (另存副本); the window stays on the original.
func (m *mainWindow) saveCopy() {
	if m.store == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := m.store.SaveCopy(path); err != nil {
			m.showError(err)
			return
		}
		dialog.ShowInformation(tr("menu.save_copy"), trf("save_copy.done", "File", path), m.win)
	}, m.win)
	base := strings.TrimSuffix(filepath.Base(m.store.Path()), projectExt)
	d.SetFileName(base + "-" + time.Now().Format("20060102") + projectExt)
	m.startIn(d)
	d.Show()
}

// startIn points a file dialog at the open file's folder, else the last
// file's, else the user's Documents/RPB Matrix folder.
func (m *mainWindow) startIn(d interface{ SetLocation(fyne.ListableURI) }) {
	dir := ""
	if m.store != nil {
		dir = filepath.Dir(m.store.Path())
	} else if recent := recentFiles(m.app.Preferences()); len(recent) > 0 {
		dir = filepath.Dir(recent[0])
	} else if files, err := filesDir(); err == nil {
		dir = files
	}
	if dir == "" {
		return
	}
	if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// busy shows an indefinite progress dialog and returns the function that
// closes it. Closing stops the bar: a hidden dialog does not stop its
// animation, which would go on redrawing the window at 20 frames a second.
func (m *mainWindow) busy(what string) (done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(what, bar, m.win)
	d.Resize(fyne.NewSize(theme32(28), 0))
	d.Show()
	return func() {
		bar.Stop()
		d.Hide()
	}
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// theme32 is n times the text size, for dialog widths that scale with it.
func theme32(n float32) float32 { return theme.TextSize() * n }

// handOut asks for the offices of a hand-out copy, then where to save it.
func (m *mainWindow) handOut() {
	if m.store == nil {
		return
	}
	st := m.store
	mergeui.NewHandOut(m.win, st, func(offices []model.ID) {
		base := strings.TrimSuffix(filepath.Base(st.Path()), projectExt)
		m.askNewProjectFile(base+"-"+time.Now().Format("20060102")+projectExt, func(path string) {
			m.writeHandOut(st, path, offices)
		})
	}).Show()
}

// writeHandOut writes the copy and says so.
func (m *mainWindow) writeHandOut(st *storage.Store, path string, offices []model.ID) {
	q, err := st.HandOut(path, offices)
	if err != nil {
		m.showError(err)
		return
	}
	var names []string
	for _, o := range q.OfficeList() {
		names = append(names, o.Name)
	}
	dialog.ShowInformation(tr("files.handout.title"), trf("files.handout.done", "file", path, "offices", names), m.win)
	m.updateUndoItems() // the hand-out is in the audit log
}

// mergeCopy asks for a copy and shows the review of its merge.
func (m *mainWindow) mergeCopy() {
	if m.store == nil {
		return
	}
	m.askProjectFile(m.reviewMerge)
}

// reviewMerge shows the review of merging the copy at path; the project is
// analysed again once the merge changed it.
func (m *mainWindow) reviewMerge(path string) {
	s := m.sess
	mergeui.ShowMerge(m.win, m.store, path, func(changed bool) {
		m.updateUndoItems()
		m.afterImport(s, changed)
	})
}

// startupHook runs once the window is made, before it shows; builds for
// pictures of dialogs set it (mergeshot.go).
var startupHook = func(*mainWindow) {}
