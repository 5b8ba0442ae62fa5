// Package session holds what every view of an open project shares: the store,
// the live analysis, the language, the selected office and duty, and the
// listeners that refresh views after an edit, an undo or a redo.
//
// All methods are meant to be called on the Fyne thread (event handlers run
// there); a goroutine must go through fyne.Do before calling them.
package session

import (
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Store is the part of the project file a session needs. *storage.Store
// implements it; tests may pass a fake.
type Store interface {
	Project() *model.Project
	Commit(action string, changes ...model.Change) error
	Undo() ([]model.Change, error)
	Redo() ([]model.Change, error)
	CanUndo() bool
	CanRedo() bool
	UndoLabel() string
	RedoLabel() string
}

// Session is one open project as the GUI sees it.
type Session struct {
	Store    Store
	Analyzer *model.Analyzer
	Author   string // recorded on every change
	Path     string // the project file, for titles and "save a copy"

	office model.ID // NilID: all offices
	duty   model.ID // selected duty, NilID when none

	// plan is the live scenario of the decisions (Plan), made when first
	// asked for and kept current by every commit, undo and redo; nil until
	// then and after a full re-analysis replaced the Analyzer it follows.
	plan *model.Plan

	// analysing is set while a full analysis runs off the Fyne thread over
	// the project; the project must not change meanwhile.
	analysing bool

	changeListeners []func()
	officeListeners []func(model.ID)
	dutyListeners   []func(office, duty model.ID)
	matrixHandlers  []func(MatrixRequest)

	// Trace, when set, is told what each commit, undo, redo and office
	// switch was, when it began and what it took (alternating names and
	// durations), once every view has followed it: the window reports the
	// real binary's timings through it (RPB_TIMINGS).
	Trace func(what string, start time.Time, parts ...any)
}

// MatrixRequest asks the matrix view to show an office's list (NilID: every
// office) filtered to a category and a rule (empty: all) with one duty
// selected (NilID: none).
type MatrixRequest struct {
	Office   model.ID
	Category string
	Rule     model.RuleCode
	Duty     model.ID
}

// Error is a refusal of the session with its words, worded where it is
// shown (find it with errors.As and an interface{ Msg() words.Msg }).
type Error struct{ msg words.Msg }

// Msg is the message, to be worded in the reader's language.
func (e *Error) Msg() words.Msg { return e.msg }

// Error is the message in English, for logs.
func (e *Error) Error() string { return e.msg.In(words.En) }

// ErrNothingToUndo and ErrNothingToRedo report an undo or redo with an empty history.
var (
	ErrNothingToUndo = &Error{words.M("session.nothing_to_undo")}
	ErrNothingToRedo = &Error{words.M("session.nothing_to_redo")}
)

// ErrAnalysing refuses an edit, undo or redo while a full analysis runs in the background.
var ErrAnalysing = &Error{words.M("session.analysing")}

// New opens a session on st and analyses the project in full.
func New(st Store, author string) *Session {
	return &Session{Store: st, Analyzer: model.NewAnalyzer(st.Project()), Author: author}
}

// Project is the project in memory. Treat it as read-only: change it through Commit.
func (s *Session) Project() *model.Project { return s.Store.Project() }

// Result is the current analysis.
func (s *Session) Result() *model.Result { return s.Analyzer.Result() }

// T words a message (words.Msg, or model.Msg while it lasts) in the session's language.
func (s *Session) T(m interface{ In(lang string) string }) string { return m.In(words.Current()) }

// Commit stores changes as one user action named action (shown in the
// undo menu), brings the analysis up to date and refreshes every view.
// Each change is validated first; the first problem is returned as the
// error and nothing is stored.
func (s *Session) Commit(action string, changes ...model.Change) error {
	start := time.Now()
	if len(changes) == 0 {
		return nil
	}
	if s.analysing {
		return ErrAnalysing
	}
	p := s.Project()
	for _, c := range changes {
		if probs := model.ValidateChange(p, c); len(probs) > 0 {
			return probs[0]
		}
	}
	if err := model.CheckSizeAfter(p, changes); err != nil { // or the file would not open again
		return err
	}
	if err := s.Store.Commit(action, changes...); err != nil {
		return err
	}
	s.applied("edit", start, changes)
	return nil
}

// CanUndo and CanRedo report whether there is an action to undo or redo.
func (s *Session) CanUndo() bool { return s.Store.CanUndo() }
func (s *Session) CanRedo() bool { return s.Store.CanRedo() }

// Undo reverts the last action. The project file refuses, unwritten, one
// that would bring back more office × duty pairs than model.MaxPairs (a
// *model.SizeError, as Commit returns for an edit); Redo likewise.
func (s *Session) Undo() error {
	start := time.Now()
	if s.analysing {
		return ErrAnalysing
	}
	if !s.Store.CanUndo() {
		return ErrNothingToUndo
	}
	changes, err := s.Store.Undo()
	if err != nil {
		return err
	}
	s.applied("undo", start, changes)
	return nil
}

// Redo applies again the last undone action.
func (s *Session) Redo() error {
	start := time.Now()
	if s.analysing {
		return ErrAnalysing
	}
	if !s.Store.CanRedo() {
		return ErrNothingToRedo
	}
	changes, err := s.Store.Redo()
	if err != nil {
		return err
	}
	s.applied("redo", start, changes)
	return nil
}

// Reanalyse runs the full analysis again (after settings or a bulk import)
// and refreshes every view.
func (s *Session) Reanalyse() {
	s.Analyzer = model.NewAnalyzer(s.Project())
	s.plan = nil
	s.dropStaleSelection()
	s.Changed()
}

// ReanalyseInBackground is Reanalyse for a large project: background runs
// analyse off the Fyne thread and then install on it (through fyne.Do).
// Until install has run, the views keep the previous analysis and Commit,
// Undo and Redo return ErrAnalysing, so the project does not change under
// the analysis.
func (s *Session) ReanalyseInBackground(background func(analyse, install func())) {
	s.analysing = true
	p := s.Project()
	var a *model.Analyzer
	background(func() { a = model.NewAnalyzer(p) }, func() {
		s.Analyzer, s.analysing, s.plan = a, false, nil
		s.dropStaleSelection()
		s.Changed()
	})
}

// Plan is the live scenario of the working group's decisions: the baseline
// analysis and the analysis of the project as it would be with every
// decision carried out, before → after. The first call analyses the
// scenario in full (a few hundred milliseconds on 200 × 1,000); after that
// every commit, undo and redo brings it up to date incrementally, before the
// views are told of the change.
func (s *Session) Plan() *model.Plan {
	if s.plan == nil {
		s.plan = model.NewPlan(s.Analyzer)
	}
	return s.plan
}

// Analysing reports whether a full analysis is running in the background.
func (s *Session) Analysing() bool { return s.analysing }

// applied brings the analysis and the views up to date after action (an
// edit, undo or redo begun at start) stored changes.
func (s *Session) applied(action string, start time.Time, changes []model.Change) {
	stored := time.Now()
	s.Analyzer.Update(changes)
	if s.plan != nil {
		s.plan.Update(changes)
	}
	analysed := time.Now()
	s.dropStaleSelection()
	s.Changed()
	s.trace(action, start, "store", stored.Sub(start), "analysis", analysed.Sub(stored), "views", time.Since(analysed))
}

// dropStaleSelection forgets a selected office or duty that no longer exists.
func (s *Session) dropStaleSelection() {
	p := s.Project()
	if s.office != model.NilID && p.Offices[s.office] == nil {
		s.office = model.NilID
		for _, f := range s.officeListeners {
			f(s.office)
		}
	}
	if s.duty != model.NilID && p.Duties[s.duty] == nil {
		s.duty = model.NilID
		for _, f := range s.dutyListeners {
			f(s.office, s.duty)
		}
	}
}

// Changed tells every listener that the project or its analysis changed.
func (s *Session) Changed() {
	for _, f := range s.changeListeners {
		f()
	}
}

// OnChange registers f to run after every commit, undo, redo or reanalysis.
func (s *Session) OnChange(f func()) { s.changeListeners = append(s.changeListeners, f) }

// ResetListeners forgets every listener and handler, for a window that
// replaces all its views; the selection is kept.
func (s *Session) ResetListeners() {
	s.changeListeners, s.officeListeners, s.dutyListeners, s.matrixHandlers = nil, nil, nil, nil
}

// Office is the selected office; NilID means all offices.
func (s *Session) Office() model.ID { return s.office }

// SetOffice selects an office (NilID: all offices) and tells the listeners.
func (s *Session) SetOffice(id model.ID) {
	if id == s.office {
		return
	}
	start := time.Now()
	s.office = id
	for _, f := range s.officeListeners {
		f(id)
	}
	if id == model.NilID {
		s.trace("all offices", start, "views", time.Since(start))
	} else {
		s.trace("switch office", start, "views", time.Since(start))
	}
}

// trace tells Trace, if set, about what began at start.
func (s *Session) trace(what string, start time.Time, parts ...any) {
	if s.Trace != nil {
		s.Trace(what, start, parts...)
	}
}

// OnOfficeSelect registers f to run when the selected office changes.
func (s *Session) OnOfficeSelect(f func(office model.ID)) {
	s.officeListeners = append(s.officeListeners, f)
}

// Duty is the selected duty, NilID when none.
func (s *Session) Duty() model.ID { return s.duty }

// SelectDuty selects a duty (NilID: none) of the selected office and tells the
// listeners, so that the matrix and the detail panel agree.
func (s *Session) SelectDuty(duty model.ID) {
	if duty == s.duty {
		return
	}
	s.duty = duty
	for _, f := range s.dutyListeners {
		f(s.office, duty)
	}
}

// OnDutySelect registers f to run when the selected duty changes.
func (s *Session) OnDutySelect(f func(office, duty model.ID)) {
	s.dutyListeners = append(s.dutyListeners, f)
}

// ShowMatrix asks the window to show office's matrix filtered to category
// (empty: all) with duty selected (NilID: none). The office becomes the
// selected office first; then every handler runs in the order registered
// (the main window switches to the matrix tab, the matrix applies the filter).
func (s *Session) ShowMatrix(office model.ID, category string, duty model.ID) {
	s.ShowMatrixRequest(MatrixRequest{Office: office, Category: category, Duty: duty})
}

// ShowMatrixRequest is ShowMatrix with every filter, the rule included.
func (s *Session) ShowMatrixRequest(r MatrixRequest) {
	s.SetOffice(r.Office)
	for _, f := range s.matrixHandlers {
		f(r)
	}
	s.SelectDuty(r.Duty)
}

// OnShowMatrix registers f to handle ShowMatrix requests.
func (s *Session) OnShowMatrix(f func(MatrixRequest)) {
	s.matrixHandlers = append(s.matrixHandlers, f)
}

// OfficeName names an office in the session's language; NilID is "all offices".
func (s *Session) OfficeName(id model.ID) string {
	if id == model.NilID {
		return words.T("session.all_offices")
	}
	if o := s.Project().Offices[id]; o != nil {
		return o.Name
	}
	return "?"
}

// Lazy keeps a view current without redrawing it while it is off screen: a
// view with a hundred thousand rows must not be rebuilt after every edit
// made in another tab. Changed refreshes the view when it is on screen and
// otherwise marks it stale; Show refreshes a stale view when it comes on
// screen.
type Lazy struct {
	Refresh func()
	// OnScreen reports whether the view is on screen; nil means always.
	OnScreen func() bool
	stale    bool
}

// Changed is told that what the view shows has changed.
func (l *Lazy) Changed() {
	if l.OnScreen != nil && !l.OnScreen() {
		l.stale = true
		return
	}
	l.stale = false
	l.Refresh()
}

// Show is told that the view has come on screen.
func (l *Lazy) Show() { l.Fresh() }

// Fresh refreshes the view now if a change has not reached it yet, for
// reading its state while it is off screen.
func (l *Lazy) Fresh() {
	if l.stale {
		l.stale = false
		l.Refresh()
	}
}
