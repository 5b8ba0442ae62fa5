package sheet

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Policy says what to do with a row that duplicates a duty already in the
// project or an earlier row of the import (same name, sub-item, list kind and scope).
type Policy int

const (
	PolicySkip   Policy = iota // keep what is there; report the row as skipped
	PolicyUpdate               // overwrite the existing duty's fields with the row's non-empty ones
	PolicyAdd                  // add the row as a further duty
)

var policyCodes = map[Policy]string{PolicySkip: "skip", PolicyUpdate: "update", PolicyAdd: "add"}

// Policies lists the policies in the order the wizard offers them.
var Policies = []Policy{PolicySkip, PolicyUpdate, PolicyAdd}

// Code is the command-line name.
func (p Policy) Code() string { return policyCodes[p] }

// Name is the display name.
func (p Policy) Name() words.Msg { return words.M("sheet.policy." + p.Code()) }

// ParsePolicy reads "skip", "update" or "add".
func ParsePolicy(s string) (Policy, bool) {
	for p, c := range policyCodes {
		if s == c {
			return p, true
		}
	}
	return 0, false
}

// Options steer an import.
type Options struct {
	// Kind is the list kind of rows whose sheet, heading or 清单类型 column names none.
	Kind model.ListKind
	// Office scopes rows that name no office (a 街道/乡镇 column wins); "" leaves
	// them in every office's list. An office not in the project is created.
	Office      string
	OnDuplicate Policy
	Author      string
}

// Plan is an import worked out in memory: the changes to commit and the
// report of every row. Nothing is written until Apply.
type Plan struct {
	Changes []model.Change
	Report  *Report
}

// NewPlan works out the import of sources into p: it reads every row,
// resolves offices, finds duplicates and validates each duty. Files whose
// tables were all skipped are reported as rejected, because the user asked
// for them and gets nothing. p is not changed.
func NewPlan(p *model.Project, sources []*Source, opts Options) *Plan {
	return newPlan(p, sources, opts, false)
}

// newPlan is NewPlan; with consume set it empties the tables' rows as it
// plans them, for a caller that needs them no more.
func newPlan(p *model.Project, sources []*Source, opts Options, consume bool) *Plan {
	pl := &planner{consume: consume, p: p, opts: opts, report: &Report{},
		offices: map[string]*model.Office{}, existing: map[textKey]*model.Duty{}, planned: map[textKey]*plannedDuty{},
		sameFields: map[textKey]*plannedDuty{}, existingProps: map[string]*model.Proposal{}, plannedProps: map[string]*plannedProposal{},
		staffed: map[string]*model.Office{}, texts: map[string]string{}}
	for _, o := range p.Offices {
		pl.offices[o.Name] = o
	}
	for _, d := range p.Duties {
		pl.existing[dutyKey(d)] = d
	}
	for _, q := range p.Proposals {
		pl.existingProps[foldKey(q.Department)+"\x00"+foldKey(q.Name)] = q
	}
	filesWithData := map[string]bool{}
	var files []string
	for _, s := range sources {
		if !containsString(files, s.Table.File) {
			files = append(files, s.Table.File)
		}
		// A proposals sheet (准入申请) is read as requests, not as a list.
		if hr, m := proposalTable(s); hr >= 0 {
			filesWithData[s.Table.File] = true
			pl.addProposals(s, hr, m)
			continue
		}
		// So is an assessment sheet (履职评估表), one office × duty a row.
		if h := assessmentTable(s); h != nil {
			filesWithData[s.Table.File] = true
			pl.addAssessmentSheet(s, h)
			continue
		}
		// So is a staffing sheet (人员编制情况), as the offices' staffing.
		if hr, m := staffingTable(s); hr >= 0 {
			filesWithData[s.Table.File] = true
			pl.addStaffing(s, hr, m)
			continue
		}
		if s.Skipped() {
			pl.report.Entries = append(pl.report.Entries, Entry{File: s.Table.File, Sheet: s.Table.Sheet, Status: StatusSkipped, Reason: s.Skip})
			continue
		}
		filesWithData[s.Table.File] = true
		start := len(pl.report.Entries)
		pl.report.trimmed = start
		s.scan(opts, -1, func(r *Record) {
			pl.addWithAssessment(s, r) // pl.add, then the row's assessment columns
			pl.report.trim()
			if pl.consume {
				s.Table.Rows[r.Row-1] = nil
			}
		}, func(e Entry) {
			pl.report.Entries = append(pl.report.Entries, e)
			pl.report.trim()
		})
		mine := pl.report.Entries[start:]
		sort.SliceStable(mine, func(i, j int) bool { return mine[i].Row < mine[j].Row })
	}
	for _, f := range files {
		if !filesWithData[f] {
			pl.report.Entries = append(pl.report.Entries, Entry{File: f, Status: StatusRejected,
				Reason: words.M("sheet.file.no_list")})
		}
	}
	pl.refuseTooLarge(files, filesWithData)
	return pl.finish()
}

// RejectFile adds a file that could not be read at all to a plan's report.
func (pl *Plan) RejectFile(err error) {
	if fe, ok := err.(*FileError); ok {
		pl.Report.Entries = append(pl.Report.Entries, Entry{File: fe.File, Status: StatusRejected, Reason: fe.Problem})
		return
	}
	pl.Report.Entries = append(pl.Report.Entries, Entry{Status: StatusRejected, Reason: words.M("sheet.error.other", "err", errText(err))})
}

type plannedDuty struct {
	duty    *model.Duty
	isNew   bool
	from    *Table // the table and row that first planned it (see where)
	row     int
	widened bool // rows of other offices added their office to its scope
}

// where names the row that first planned the duty; worded only when a
// later row needs it, so that a million planned rows keep no message each.
func (pd *plannedDuty) where() words.Msg {
	return (&Entry{File: pd.from.File, Sheet: pd.from.Sheet, Row: pd.row}).Place()
}

type planner struct {
	p        *model.Project
	opts     Options
	report   *Report
	offices  map[string]*model.Office // by name: the project's and the new ones
	newOffs  []*model.Office
	existing map[textKey]*model.Duty  // the project's duties by key
	planned  map[textKey]*plannedDuty // duties this import writes, by key
	order    []*plannedDuty
	// sameFields finds a new duty limited to one office by its fields
	// without the scope, for the rows of the same duty in other offices.
	sameFields map[textKey]*plannedDuty

	// Proposals (准入申请) by department and name: the project's and this import's.
	existingProps map[string]*model.Proposal
	plannedProps  map[string]*plannedProposal
	props         []*model.Proposal
	// Offices a staffing sheet changes, by name; staffedOrder are the
	// project's (changed copies), the new ones are in newOffs.
	staffed      map[string]*model.Office
	staffedOrder []*model.Office

	assess assessPlan // assessments (assessments_plan.go)

	// texts are the field texts duties share (see keep); consume lets
	// the plan drop each row of its tables once planned (PlanFiles, whose
	// tables nobody else holds).
	texts   map[string]string
	consume bool

	viewProj    *model.Project // cached by view
	viewOffices int            // len(newOffs) when viewProj was built
}

// keep returns s detached from the row it was read from, and one copy of
// a text many rows repeat (a legal basis, a department): a duty then holds
// its own texts, not the whole row of the CSV or sheet it came from.
func (pl *planner) keep(s string) string {
	if s == "" {
		return ""
	}
	if t, ok := pl.texts[s]; ok {
		return t
	}
	t := strings.Clone(s)
	if len(pl.texts) < maxSharedTexts {
		pl.texts[t] = t
	}
	return t
}

// maxSharedTexts bounds keep's table; the texts rows repeat come early.
const maxSharedTexts = 1 << 16

func (pl *planner) office(name string) *model.Office {
	if o := pl.offices[name]; o != nil {
		return o
	}
	o := &model.Office{Meta: model.NewMeta(pl.opts.Author), Name: name, Kind: officeKindOf(name)}
	pl.offices[name] = o
	pl.newOffs = append(pl.newOffs, o)
	return o
}

func (pl *planner) add(s *Source, r *Record) {
	v := func(f Field) string { return pl.keep(r.Values[f]) }
	d := &model.Duty{Meta: model.NewMeta(pl.opts.Author), Seq: r.Seq, Kind: r.Kind,
		Name: v(FieldName), SubItem: v(FieldSubItem), Category: v(FieldCategory),
		SubCategory: v(FieldSubCategory), LegalBasis: v(FieldLegalBasis), Source: v(FieldSource), LeadDept: v(FieldLeadDept),
		SupportDepts: v(FieldSupportDepts), HigherDeptDuty: v(FieldHigherDeptDuty),
		OfficeDuty: v(FieldOfficeDuty), ReceivingDept: v(FieldReceivingDept),
		WorkingMethod: v(FieldWorkingMethod), Notes: v(FieldNotes)}
	if d.Source == "" {
		d.Source = pl.keep(s.Table.Where())
	}
	// A cell may name several offices ("东华门街道、景山街道"), or every office.
	for _, name := range officeNames(r.Values[FieldOffice], func(n string) bool { return pl.offices[n] != nil }) {
		d.Scope = append(d.Scope, pl.office(name).ID)
	}
	t := s.Table
	e := Entry{File: t.File, Sheet: t.Sheet, Row: r.Row, Duty: d.Title(), Status: StatusImported, Reason: joinNotes(r.Notes)}

	if probs := model.ValidateDuty(pl.view(), d); len(probs) > 0 {
		for _, pr := range probs {
			re := e
			re.Status, re.Reason = StatusRejected, pr.Msg
			if col := r.Cols[fieldOfProblem(pr.Field)]; col >= 0 {
				re.Column = columnLabel(col, t.Cell(s.Header.Row, col))
			}
			pl.report.Entries = append(pl.report.Entries, re)
		}
		return
	}

	key := dutyKey(d)
	if prev := pl.planned[key]; prev != nil && pl.opts.OnDuplicate != PolicyAdd {
		if pl.opts.OnDuplicate == PolicySkip {
			e.Status, e.Reason = StatusSkipped, words.M("sheet.row.duplicate_skipped", "where", prev.where())
		} else {
			mergeInto(prev.duty, d, pl.opts.Author)
			e.Status, e.Reason = StatusUpdated, words.M("sheet.row.duplicate_merged", "where", prev.where())
		}
		pl.report.Entries = append(pl.report.Entries, e)
		return
	}
	// A row scoped to an office also duplicates a duty that already applies
	// to every office.
	old, oldKey := pl.existing[key], key
	if old == nil && len(d.Scope) > 0 {
		wide := *d
		wide.Scope = nil
		if k := dutyKey(&wide); pl.existing[k] != nil {
			old, oldKey = pl.existing[k], k
		}
	}
	if old != nil {
		switch pl.opts.OnDuplicate {
		case PolicySkip:
			e.Status, e.Reason = StatusSkipped, words.M("sheet.row.exists_skipped", "duty", old.Title())
			if oldKey != key {
				e.Reason = words.M("sheet.row.exists_everywhere_skipped", "duty", old.Title())
			}
			pl.report.Entries = append(pl.report.Entries, e)
			return
		case PolicyUpdate:
			if pd := pl.planned[oldKey]; pd != nil && !pd.isNew { // updated already by an earlier row
				mergeInto(pd.duty, d, pl.opts.Author)
				e.Status, e.Reason = StatusUpdated, words.M("sheet.row.duplicate_merged", "where", pd.where())
				pl.report.Entries = append(pl.report.Entries, e)
				return
			}
			nd := *old
			nd.Scope = append([]model.ID(nil), old.Scope...)
			nd.Required = append([]model.ID(nil), old.Required...)
			mergeInto(&nd, d, pl.opts.Author)
			pd := &plannedDuty{duty: &nd, from: t, row: r.Row}
			pl.planned[oldKey] = pd
			pl.order = append(pl.order, pd)
			e.Status, e.Reason = StatusUpdated, words.M("sheet.row.exists_updated")
			pl.report.Entries = append(pl.report.Entries, e)
			return
		case PolicyAdd:
			e.Reason = appendMsg(e.Reason, words.M("sheet.row.exists_added"))
		}
	}
	// The same duty in another office's list — a list of several offices,
	// or an export's rows, one per office — widens the duty planned from
	// the first row rather than making another.
	fk := fieldsKey(d)
	if same := pl.sameFields[fk]; same != nil && old == nil && pl.opts.OnDuplicate != PolicyAdd && len(d.Scope) == 1 {
		if !slices.Contains(same.duty.Scope, d.Scope[0]) {
			same.duty.Scope = append(same.duty.Scope, d.Scope[0])
			same.widened = true
		}
		pl.planned[key] = same
		e.Status, e.Reason = StatusUpdated, appendMsg(e.Reason, words.M("sheet.row.scope_merged", "where", same.where(), "office", r.Values[FieldOffice]))
		pl.report.Entries = append(pl.report.Entries, e)
		return
	}
	pd := &plannedDuty{duty: d, isNew: true, from: t, row: r.Row}
	if len(d.Scope) == 1 && pl.sameFields[fk] == nil {
		pl.sameFields[fk] = pd
	}
	if _, taken := pl.planned[key]; !taken {
		pl.planned[key] = pd
	} else {
		e.Reason = appendMsg(e.Reason, words.M("sheet.row.duplicate_added"))
	}
	pl.order = append(pl.order, pd)
	pl.report.Entries = append(pl.report.Entries, e)
}

// view is the project as validation sees it: its offices plus the new
// ones. It is rebuilt only when an office has been added since.
func (pl *planner) view() *model.Project {
	if len(pl.newOffs) == 0 {
		return pl.p
	}
	if pl.viewOffices == len(pl.newOffs) {
		return pl.viewProj
	}
	offices := make(map[model.ID]*model.Office, len(pl.p.Offices)+len(pl.newOffs))
	for id, o := range pl.p.Offices {
		offices[id] = o
	}
	for _, o := range pl.newOffs {
		offices[o.ID] = o
	}
	pl.viewProj, pl.viewOffices = &model.Project{Offices: offices, Authorities: pl.p.Authorities}, len(pl.newOffs)
	return pl.viewProj
}

func (pl *planner) finish() *Plan {
	plan := &Plan{Report: pl.report}
	for _, o := range pl.newOffs {
		plan.Changes = append(plan.Changes, pl.p.Put(o))
		pl.report.OfficesCreated = append(pl.report.OfficesCreated, o.Name)
	}
	for _, o := range pl.staffedOrder {
		plan.Changes = append(plan.Changes, pl.p.Put(o))
	}
	// A duty that rows of every office widened to them all is in every
	// office's list: it applies to all, as it did in the project exported.
	all := len(pl.p.Offices) + len(pl.newOffs)
	for _, pd := range pl.order {
		if pd.widened && all >= 2 && len(pd.duty.Scope) == all && pl.opts.Office == "" {
			pd.duty.Scope = nil
		}
		if pd.isNew {
			// Nobody else holds a new duty: the change takes it as it is,
			// not a copy (a copy of a million rows is a few hundred MB).
			plan.Changes = append(plan.Changes, model.Change{Kind: model.KindDuty, After: pd.duty})
			continue
		}
		plan.Changes = append(plan.Changes, pl.p.Put(pd.duty))
	}
	for _, q := range pl.props {
		plan.Changes = append(plan.Changes, pl.p.Put(q))
	}
	plan.Changes = append(plan.Changes, pl.assessChanges()...)
	return plan
}

// mergeInto copies the non-empty fields of src over dst.
func mergeInto(dst, src *model.Duty, author string) {
	set := func(d *string, s string) {
		if s != "" {
			*d = s
		}
	}
	if src.Seq != 0 {
		dst.Seq = src.Seq
	}
	set(&dst.Category, src.Category)
	set(&dst.SubCategory, src.SubCategory)
	set(&dst.LegalBasis, src.LegalBasis)
	set(&dst.Source, src.Source)
	set(&dst.LeadDept, src.LeadDept)
	set(&dst.SupportDepts, src.SupportDepts)
	set(&dst.HigherDeptDuty, src.HigherDeptDuty)
	set(&dst.OfficeDuty, src.OfficeDuty)
	set(&dst.ReceivingDept, src.ReceivingDept)
	set(&dst.WorkingMethod, src.WorkingMethod)
	set(&dst.Notes, src.Notes)
	dst.Touch(author)
}

func fieldOfProblem(code string) Field {
	switch code {
	case "name":
		return FieldName
	case "category":
		return FieldCategory
	case "kind":
		return FieldKind
	case "seq":
		return FieldSeq
	case "scope":
		return FieldOffice
	}
	return FieldNone
}

func joinNotes(ns []words.Msg) words.Msg {
	var m words.Msg
	for _, n := range ns {
		m = appendMsg(m, n)
	}
	return m
}

// appendMsg is a followed by b, as one message.
func appendMsg(a, b words.Msg) words.Msg {
	if a.IsZero() {
		return b
	}
	return words.M("sheet.notes", "first", a, "then", b)
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// describe is the commit's action text for the audit log, in the current
// language as every action the user takes.
func describe(files []string, r *Report) string {
	return words.T("sheet.audit.import", "files", files, "added", r.Count(StatusImported), "updated", r.Count(StatusUpdated))
}

// fieldsKey is a duty's identity and every field a list shows, but not
// its scope: the rows of one duty in several offices' lists share it.
func fieldsKey(d *model.Duty) textKey {
	var k keyHasher
	for _, s := range []string{foldKey(d.Name), foldKey(d.SubItem), d.Kind.Code(), strconv.Itoa(d.Seq), d.Category,
		d.LegalBasis, d.LeadDept, d.SupportDepts, d.HigherDeptDuty, d.OfficeDuty, d.ReceivingDept, d.WorkingMethod, d.Notes} {
		k.text(s)
	}
	return k.sum()
}
