package demo

import (
	"strconv"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The registers beside the lists (issues 10 and 12): the working group's
// meetings, accountability incidents, admission requests (准入申请) and
// off-list tasks (清单外事项).

// date reads a YYYY-MM-DD cell; "" is allowed.
func date(r row, column string) (string, error) {
	s := r.str(column)
	if s == "" {
		return "", nil
	}
	if _, err := parseDay(s); err != nil {
		return "", r.fail(column, words.M("demo.error.date", "value", s))
	}
	return s, nil
}

func (l *demoLoader) loadMeetings() error {
	t, err := readTable(l.fsys, demoMeetingsFile, meetingColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		title, err := r.need(colMeeting)
		if err != nil {
			return err
		}
		day, err := date(r, colDate)
		if err != nil {
			return err
		}
		id := model.LabelMeetingID(title)
		if l.p.Meetings[id] != nil {
			return r.fail(colMeeting, words.M("demo.error.meeting_twice", "meeting", title))
		}
		m := l.meta
		m.ID = id
		l.p.Meetings[id] = &model.Meeting{Meta: m, Title: title, Date: day, Place: r.str(colPlace),
			Chair: r.str(colChair), Attendees: r.list(colAttendees), Minutes: r.str(colMinutes)}
	}
	return nil
}

func (l *demoLoader) loadIncidents() error {
	t, err := readTable(l.fsys, demoIncidentsFile, incidentColumns)
	if err != nil {
		return err
	}
	for i, r := range t.rows {
		o, d, err := l.pair(r)
		if err != nil {
			return err
		}
		day, err := date(r, colDate)
		if err != nil {
			return err
		}
		kind, ok := model.ParseIncidentKind(r.str(colIncidentKind))
		if !ok {
			return notOneOf(r, colIncidentKind, model.IncidentKinds)
		}
		cause, ok := model.ParseIncidentCause(r.str(colCause))
		if !ok {
			return notOneOf(r, colCause, model.IncidentCauses)
		}
		tolerance, err := r.yes(colTolerance)
		if err != nil {
			return err
		}
		inc := &model.Incident{Meta: l.newMeta("incident", strconv.Itoa(i+1)), Office: o.ID, Duty: d.ID,
			Date: day, Kind: kind, Cause: cause, Tolerance: tolerance, Notes: r.str(colNote)}
		l.p.Incidents[inc.ID] = inc
	}
	return nil
}

// authorityList reads a cell naming authorities.
func (l *demoLoader) authorityList(r row, column string) ([]model.ID, error) {
	var out []model.ID
	for _, n := range r.list(column) {
		a := l.authorities[n]
		if a == nil {
			return nil, r.fail(column, words.M("demo.error.unknown_authority", "authority", n, "file", demoAuthoritiesFile))
		}
		out = append(out, a.ID)
	}
	return out, nil
}

func (l *demoLoader) loadProposals() error {
	t, err := readTable(l.fsys, demoProposalsFile, proposalColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		name, err := r.need(colDutyName)
		if err != nil {
			return err
		}
		level, ok := model.ParseBasisLevel(r.str(colBasisLevel))
		if !ok {
			return notOneOf(r, colBasisLevel, model.BasisLevels)
		}
		admission, ok := model.ParseAdmission(r.str(colAdmission))
		if !ok {
			return notOneOf(r, colAdmission, model.Admissions)
		}
		decided, err := date(r, colDecidedOn)
		if err != nil {
			return err
		}
		q := &model.Proposal{Meta: l.newMeta("proposal", r.str(colProposer), name), Department: r.str(colProposer),
			Name: name, Description: r.str(colDescription), Basis: r.str(colDutyBasis), BasisLevel: level,
			Admission: admission, Reason: r.str(colReason), DecidedOn: decided, DecidedBy: r.str(colDecidedBy),
			Notes: r.str(colNotes)}
		for _, n := range r.list(colScope) {
			o := l.offices[n]
			if o == nil {
				return r.fail(colScope, words.M("demo.error.unknown_office", "office", n, "file", demoOfficesFile))
			}
			q.Scope = append(q.Scope, o.ID)
		}
		for _, f := range []struct {
			column string
			to     *float64
		}{{colStaffNeeded, &q.StaffNeeded}, {colStaffCarried, &q.StaffCarried},
			{colFundsNeeded, &q.FundsNeeded}, {colFundsCarried, &q.FundsCarried}} {
			if *f.to, err = r.float(f.column); err != nil {
				return err
			}
		}
		if q.Required, err = l.authorityList(r, colRequired); err != nil {
			return err
		}
		if q.Granted, err = l.authorityList(r, colGranted); err != nil {
			return err
		}
		l.p.Proposals[q.ID] = q
	}
	return nil
}

func (l *demoLoader) loadOffList() error {
	t, err := readTable(l.fsys, demoOffListFile, offListColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		o, err := l.office(r)
		if err != nil {
			return err
		}
		name, err := r.need(colDutyName)
		if err != nil {
			return err
		}
		since, err := date(r, colSince)
		if err != nil {
			return err
		}
		task := &model.OffListTask{Meta: l.newMeta("offlist", o.Name, name), Office: o.ID, Name: name,
			AssignedBy: r.str(colAssignedBy), Since: since, Notes: r.str(colNotes)}
		if task.TimesPerYear, err = r.int(colTimesPerYear); err != nil {
			return err
		}
		if task.HoursPerMonth, err = r.float(colHours); err != nil {
			return err
		}
		l.p.OffListTasks[task.ID] = task
	}
	return nil
}
