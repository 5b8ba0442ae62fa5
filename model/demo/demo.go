package demo

import (
	"encoding/json"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"rpbmatrix/assets"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The demo project is a fictional district (云州市临江区) with an old-town
// street, a new residential street and a farming township. Its data are CSV
// files a domain person can edit in a spreadsheet (see demo/README.md); the
// loader turns names into IDs and checks every reference.
// The files are embedded by rpbmatrix/assets (assets.DemoFiles).

// demoNamespace seeds the demo's name-based IDs, so two loads give the same
// project and a file written from it can be compared with another.
var demoNamespace = uuid.MustParse("6f1d3c52-8a4e-4b7f-9e0a-2c5d8b1f7a30")

// Project returns a fresh copy of the embedded demo project. It is
// validated: an error names the data file, line and column at fault.
func Project() (*model.Project, error) {
	sub, err := fs.Sub(assets.DemoFiles, "demo")
	if err != nil {
		return nil, err
	}
	return loadDemo(sub)
}

// demoID derives a stable ID from an entity kind and its natural key.
func demoID(kind string, key ...string) model.ID {
	return uuid.NewSHA1(demoNamespace, []byte(kind+":"+strings.Join(key, "/")))
}

// demoInfo is project.json.
type demoInfo struct {
	Name    string    `json:"name"`
	Region  string    `json:"region"`
	Author  string    `json:"author"`
	Created time.Time `json:"created"`
	Note    string    `json:"note"` // for people editing the files: says the data are fictional

	// The title block of printed reports (model.Info).
	Organization string `json:"organization"`
	Marking      string `json:"marking"`
	Version      string `json:"version"`
	DataCutoff   string `json:"data_cutoff"`
	DocNumber    string `json:"doc_number"`
}

// demoLoader carries the project being built and the name indexes the files refer through.
type demoLoader struct {
	fsys        fs.FS
	p           *model.Project
	meta        model.Meta // template for every entity: fixed time and author
	offices     map[string]*model.Office
	authorities map[string]*model.Authority
	duties      map[dutyKey]*model.Duty
}

// dutyKey is how the files name a duty: its list and its number in that list.
type dutyKey struct {
	kind model.ListKind
	seq  int
}

func (k dutyKey) String() string { return k.kind.Code() + "/" + strconv.Itoa(k.seq) }

func loadDemo(fsys fs.FS) (*model.Project, error) {
	l := &demoLoader{fsys: fsys, offices: map[string]*model.Office{},
		authorities: map[string]*model.Authority{}, duties: map[dutyKey]*model.Duty{}}
	for _, step := range []func() error{l.info, l.loadOffices, l.loadAuthorities, l.loadDuties,
		l.loadHoldings, l.loadAssessments, l.loadMeetings, l.loadDecisions, l.loadIncidents, l.loadProposals, l.loadOffList} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if ps := model.Validate(l.p); len(ps) > 0 {
		return nil, &Error{Problem: words.M("demo.error.invalid", "n", len(ps), "first", ps[0].Msg)}
	}
	return l.p, nil
}

func (l *demoLoader) info() error {
	data, err := fs.ReadFile(l.fsys, demoProjectFile)
	if err != nil {
		return &Error{File: demoProjectFile, Problem: words.M("demo.error.read", "cause", err.Error())}
	}
	var in demoInfo
	if err := json.Unmarshal(data, &in); err != nil {
		return &Error{File: demoProjectFile, Problem: words.M("demo.error.json", "cause", err.Error())}
	}
	if in.Name == "" || in.Created.IsZero() {
		return &Error{File: demoProjectFile, Problem: words.M("demo.error.project_info")}
	}
	created := in.Created.UTC()
	l.p = model.NewProject(in.Name, in.Region, in.Author)
	l.p.Info.ID = demoID("project", in.Region, in.Name)
	l.p.Info.Created, l.p.Info.Modified = created, created
	l.p.Info.Organization, l.p.Info.Marking, l.p.Info.Version = in.Organization, in.Marking, in.Version
	l.p.Info.DataCutoff, l.p.Info.DocNumber = in.DataCutoff, in.DocNumber
	l.meta = model.Meta{Created: created, Modified: created, Author: in.Author}
	return nil
}

func (l *demoLoader) newMeta(kind string, key ...string) model.Meta {
	m := l.meta
	m.ID = demoID(kind, key...)
	return m
}

func (l *demoLoader) loadOffices() error {
	t, err := readTable(l.fsys, demoOfficesFile, officeColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		name, err := r.need(colName)
		if err != nil {
			return err
		}
		if l.offices[name] != nil {
			return r.fail(colName, words.M("demo.error.office_twice", "office", name))
		}
		kind, ok := model.ParseOfficeKind(r.str(colType))
		if !ok {
			return notOneOf(r, colType, []model.OfficeKind{model.OfficeStreet, model.OfficeTownship})
		}
		o := &model.Office{Meta: l.newMeta("office", name), Name: name, Kind: kind,
			Description: r.str(colDescription), Notes: r.str(colNotes)}
		for _, f := range []struct {
			column string
			to     *int
		}{{colPopulation, &o.Population}, {colCommunities, &o.Communities}, {colEstablished, &o.Establishment},
			{colOnStaff, &o.OnStaff}, {colAuxiliary, &o.Auxiliary}, {colSecondedOut, &o.SecondedOut},
			{colSecondedIn, &o.SecondedIn}, {colCommunity, &o.CommunityWorkers}} {
			if *f.to, err = r.int(f.column); err != nil {
				return err
			}
		}
		if o.BudgetWan, err = r.float(colBudget); err != nil {
			return err
		}
		l.offices[name] = o
		l.p.Offices[o.ID] = o
	}
	return nil
}

func (l *demoLoader) loadAuthorities() error {
	t, err := readTable(l.fsys, demoAuthoritiesFile, authorityColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		name, err := r.need(colName)
		if err != nil {
			return err
		}
		if l.authorities[name] != nil {
			return r.fail(colName, words.M("demo.error.authority_twice", "authority", name))
		}
		typ, ok := model.ParseAuthorityType(r.str(colType))
		if !ok {
			return notOneOf(r, colType, model.AuthorityTypes)
		}
		a := &model.Authority{Meta: l.newMeta("authority", name), Name: name, Type: typ,
			LegalBasis: r.str(colLegalBasis), Notes: r.str(colNotes)}
		l.authorities[name] = a
		l.p.Authorities[a.ID] = a
	}
	return nil
}

// dutyRef reads the list kind and number columns of a row.
func (l *demoLoader) dutyRef(r row) (dutyKey, error) {
	kind, ok := model.ParseListKind(r.str(colListKind))
	if !ok {
		return dutyKey{}, notOneOf(r, colListKind, model.ListKinds)
	}
	seq, err := r.int(colSeq)
	if err != nil {
		return dutyKey{}, err
	}
	if seq == 0 {
		return dutyKey{}, r.fail(colSeq, words.M("demo.error.seq"))
	}
	return dutyKey{kind, seq}, nil
}

// loadDuties reads the hand-written catalogue and then the generated rest
// of the full lists; both have the same columns and number each list on.
func (l *demoLoader) loadDuties() error {
	for _, file := range []string{demoDutiesFile, demoFullListFile} {
		if err := l.loadDutyFile(file); err != nil {
			return err
		}
	}
	return nil
}

func (l *demoLoader) loadDutyFile(file string) error {
	t, err := readTable(l.fsys, file, dutyColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		key, err := l.dutyRef(r)
		if err != nil {
			return err
		}
		if l.duties[key] != nil {
			return r.fail(colSeq, words.M("demo.error.duty_twice", "kind", key.kind.Name(), "seq", key.seq))
		}
		name, err := r.need(colDutyName)
		if err != nil {
			return err
		}
		category, err := r.need(colCategory)
		if err != nil {
			return err
		}
		d := &model.Duty{Meta: l.newMeta("duty", key.String()), Seq: key.seq, Name: name, SubItem: r.str(colSubItem),
			Category: category, SubCategory: r.str(colSubCategory), Kind: key.kind, LegalBasis: r.str(colDutyBasis), Source: r.str(colSource),
			LeadDept: r.str(colLeadDept), SupportDepts: r.str(colSupportDepts), HigherDeptDuty: r.str(colHigherDuty),
			OfficeDuty: r.str(colOfficeDuty), ReceivingDept: r.str(colReceivingDept), WorkingMethod: r.str(colWorkingMethod),
			Notes: r.str(colNotes)}
		if d.Required, err = l.authorityList(r, colRequired); err != nil {
			return err
		}
		for _, n := range r.list(colScope) {
			o := l.offices[n]
			if o == nil {
				return r.fail(colScope, words.M("demo.error.unknown_office", "office", n, "file", demoOfficesFile))
			}
			d.Scope = append(d.Scope, o.ID)
		}
		l.duties[key] = d
		l.p.Duties[d.ID] = d
	}
	return nil
}

// office reads the office column of a row.
func (l *demoLoader) office(r row) (*model.Office, error) {
	name, err := r.need(colOffice)
	if err != nil {
		return nil, err
	}
	o := l.offices[name]
	if o == nil {
		return nil, r.fail(colOffice, words.M("demo.error.unknown_office", "office", name, "file", demoOfficesFile))
	}
	return o, nil
}

// authority reads the authority column of a row; "" gives nil.
func (l *demoLoader) authority(r row) (*model.Authority, error) {
	name := r.str(colAuthority)
	if name == "" {
		return nil, nil
	}
	a := l.authorities[name]
	if a == nil {
		return nil, r.fail(colAuthority, words.M("demo.error.unknown_authority", "authority", name, "file", demoAuthoritiesFile))
	}
	return a, nil
}

// duty reads the list kind and number of a row and checks the name column
// agrees, so a row keyed to the wrong number is caught.
func (l *demoLoader) duty(r row) (*model.Duty, error) {
	key, err := l.dutyRef(r)
	if err != nil {
		return nil, err
	}
	d := l.duties[key]
	if d == nil {
		return nil, r.fail(colSeq, words.M("demo.error.no_duty", "file", demoDutiesFile, "kind", key.kind.Name(), "seq", key.seq))
	}
	if name := r.str(colDutyName); name != "" && name != d.Name {
		return nil, r.fail(colDutyName, words.M("demo.error.duty_name", "kind", key.kind.Name(), "seq", key.seq, "duty", d.Name, "name", name))
	}
	return d, nil
}

// pair reads the office and the duty of a row about one (office, duty in
// its list): an assessment or an incident.
func (l *demoLoader) pair(r row) (*model.Office, *model.Duty, error) {
	o, err := l.office(r)
	if err != nil {
		return nil, nil, err
	}
	d, err := l.duty(r)
	if err != nil {
		return nil, nil, err
	}
	return o, d, applying(r, d, o)
}

// applying checks that duty d applies to office o.
func applying(r row, d *model.Duty, o *model.Office) error {
	if !d.AppliesTo(o.ID) {
		return r.fail(colOffice, words.M("demo.error.not_in_scope", "duty", d.Name, "office", o.Name, "file", demoDutiesFile))
	}
	return nil
}

func (l *demoLoader) loadHoldings() error {
	t, err := readTable(l.fsys, demoHoldingsFile, holdingColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		o, err := l.office(r)
		if err != nil {
			return err
		}
		a, err := l.authority(r)
		if err != nil {
			return err
		}
		if a == nil {
			return r.fail(colAuthority, words.M("demo.error.empty_cell"))
		}
		deJure, err := r.yes(colDeJure)
		if err != nil {
			return err
		}
		level, ok := model.ParseLevel(r.str(colDeFacto))
		if !ok {
			return notOneOf(r, colDeFacto, model.Levels)
		}
		h := &model.Holding{Meta: l.newMeta("holding", o.Name, a.Name), Office: o.ID, Authority: a.ID,
			DeJure: deJure, DeFacto: level, Note: r.str(colNote)}
		if l.p.Holdings[h.Key()] != nil {
			return r.fail(colAuthority, words.M("demo.error.holding_twice", "office", o.Name, "authority", a.Name))
		}
		l.p.Holdings[h.Key()] = h
	}
	return nil
}

func (l *demoLoader) loadAssessments() error {
	t, err := readTable(l.fsys, demoAssessmentsFile, assessmentColumns)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		o, d, err := l.pair(r)
		if err != nil {
			return err
		}
		role, ok := model.ParseRole(r.str(colRole))
		if !ok {
			return notOneOf(r, colRole, model.Roles)
		}
		a := &model.Assessment{Meta: l.newMeta("assessment", o.Name, dutyKey{d.Kind, d.Seq}.String()),
			Office: o.ID, Duty: d.ID, Role: role, VetoBasis: r.str(colVetoBasis), Notes: r.str(colNote)}
		if a.Veto, err = r.yes(colVeto); err != nil {
			return err
		}
		for _, f := range []struct {
			column string
			to     *int
		}{{colAssessedBy, &a.AssessedBy}, {colIncidents, &a.Incidents}, {colReports, &a.ReportsPerMonth},
			{colSystemsNeeded, &a.SystemsNeeded}, {colSystemsHeld, &a.SystemsHeld},
			{colInspections, &a.InspectionsPerYear}, {colSignOffs, &a.SignOffs}, {colApps, &a.Apps},
			{colWorkGroups, &a.WorkGroups}, {colDuplicate, &a.DuplicateEntry}, {colCheckIns, &a.CheckIns}} {
			if *f.to, err = r.int(f.column); err != nil {
				return err
			}
		}
		for _, f := range []struct {
			column string
			to     *float64
		}{{colHours, &a.HoursPerMonth}, {colFormalismHours, &a.FormalismHours}, {colStaffNeeded, &a.StaffNeeded},
			{colStaffHeld, &a.StaffHeld}, {colFundsNeeded, &a.FundsNeeded}, {colFundsHeld, &a.FundsHeld},
			{colFundsDistrict, &a.FundsDistrict}, {colFundsTransfer, &a.FundsTransferred}, {colFundsSelf, &a.FundsSelf}} {
			if *f.to, err = r.float(f.column); err != nil {
				return err
			}
		}
		if a.FormalismHours > a.HoursPerMonth {
			return r.fail(colFormalismHours, words.M("demo.error.formalism_over_hours",
				"formalism", r.str(colFormalismHours), "hours", r.str(colHours)))
		}
		if l.p.Assessments[a.Key()] != nil {
			return r.fail(colSeq, words.M("demo.error.assessment_twice", "duty", d.Name, "office", o.Name))
		}
		l.p.Assessments[a.Key()] = a
	}
	return nil
}

func (l *demoLoader) loadDecisions() error {
	t, err := readTable(l.fsys, demoDecisionsFile, decisionColumns)
	if err != nil {
		return err
	}
	for i, r := range t.rows {
		d, err := l.duty(r)
		if err != nil {
			return err
		}
		office := model.NilID
		if r.str(colOffice) != "" {
			o, err := l.office(r)
			if err != nil {
				return err
			}
			if err := applying(r, d, o); err != nil {
				return err
			}
			office = o.ID
		}
		action, ok := model.ParseAction(r.str(colAction))
		if !ok {
			return notOneOf(r, colAction, model.Actions)
		}
		day, err := parseDay(r.str(colDate))
		if err != nil {
			return r.fail(colDate, words.M("demo.error.date", "value", r.str(colDate)))
		}
		// Meetings start at 14:30; one minute per item keeps the file's order.
		at := day.Add(14*time.Hour + 30*time.Minute + time.Duration(i)*time.Minute).UTC()
		dec := &model.Decision{Meta: model.Meta{ID: demoID("decision", r.str(colMeeting), strconv.Itoa(i+1)), Created: at, Modified: at, Author: l.meta.Author},
			Office: office, Duty: d.ID, Action: action, Note: r.str(colNote), Department: r.str(colDepartment),
			ResponsibleUnit: r.str(colResponsible), Deadline: r.str(colDeadline), RecordedBy: r.str(colRecorder)}
		if s := r.str(colStatus); s != "" {
			if dec.Status, ok = model.ParseDecisionStatus(s); !ok {
				return notOneOf(r, colStatus, model.DecisionStatuses)
			}
		}
		systems, err := r.delta(colSystemsAdd, true)
		if err != nil {
			return err
		}
		dec.SystemsDelta = int(systems)
		if label := r.str(colMeeting); label != "" {
			dec.Meeting = model.LabelMeetingID(label)
			if l.p.Meetings[dec.Meeting] == nil {
				return r.fail(colMeeting, words.M("demo.error.unknown_meeting", "meeting", label, "file", demoMeetingsFile))
			}
		}
		a, err := l.authority(r)
		if err != nil {
			return err
		}
		if a != nil {
			dec.Authority = a.ID
		}
		if dec.StaffDelta, err = r.delta(colStaffAdd, false); err != nil {
			return err
		}
		if dec.FundsDelta, err = r.delta(colFundsAdd, false); err != nil {
			return err
		}
		l.p.Decisions[dec.ID] = dec
	}
	return nil
}

// parseDay reads a YYYY-MM-DD date in China's time zone.
func parseDay(s string) (time.Time, error) {
	return time.ParseInLocation("2006-01-02", s, time.FixedZone("CST", 8*3600))
}
