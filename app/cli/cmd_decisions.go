package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

var decisionsCmd = &Command{
	Name:    "decisions",
	Summary: words.M("cli.decisions.summary"),
	Usage:   "decisions FILE.rpb [--meeting ID|DATE|TITLE] [--json] [--lang zh|en]",
}

func init() {
	decisionsCmd.Run = runDecisions
	Register(decisionsCmd)
}

// decisionColumns are the columns of the 处理意见清单, as the minutes send
// it upward.
var decisionColumns = []string{"seq", "office", "duty", "kind", "findings", "opinion", "responsible", "deadline", "status"}

// decisionRow is one decision as `decisions --json` prints it: codes for
// programs, words in the command's language for people.
type decisionRow struct {
	Seq             int      `json:"seq"`
	ID              string   `json:"id"`
	Office          string   `json:"office"` // "" for every office the duty applies to
	Duty            string   `json:"duty"`
	ListKind        string   `json:"list_kind"`
	ListKindName    string   `json:"list_kind_name"`
	Findings        []string `json:"findings"` // rule codes, worst first
	FindingNames    []string `json:"finding_names"`
	Action          string   `json:"action"`
	Opinion         string   `json:"opinion"`
	ResponsibleUnit string   `json:"responsible_unit"`
	Deadline        string   `json:"deadline"`
	Status          string   `json:"status"`
	StatusName      string   `json:"status_name"`
	Meeting         string   `json:"meeting"`
	Note            string   `json:"note,omitempty"`
}

// runDecisions lists the decisions of the project, or of the meetings
// --meeting names (by ID, date or title), as the 处理意见清单: a header and
// one tab-separated row a decision, or JSON. The count goes to stderr.
// Exit 0: listed (none is no error); 1: the file cannot be read; 2: usage
// (bad flags, no such meeting).
func runDecisions(env Env, args []string) int {
	c := decisionsCmd
	fs := NewFlags(env, c)
	meeting := fs.String("meeting", "", words.Say(env.Lang, "cli.decisions.flag.meeting"))
	asJSON := fs.Bool("json", false, words.Say(env.Lang, "cli.decisions.flag.json"))
	lang := LangFlag(env, fs)
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, c, *lang); !ok {
		return ExitUsage
	}
	st, code := readProject(env, c, pos)
	if st == nil {
		return code
	}
	defer st.Close()
	p := st.Project()

	var decs []*model.Decision
	var meetings []*model.Meeting
	if *meeting != "" {
		if meetings = findMeetings(p, *meeting); len(meetings) == 0 {
			return Usage(env, c, words.M("cli.decisions.no_such_meeting", "meeting", *meeting, "meetings", meetingList(p)))
		}
		for _, m := range meetings {
			decs = append(decs, p.DecisionsOf(m.ID)...)
		}
	} else {
		decs = decisionsByMeeting(p)
	}

	r := model.Analyze(p)
	rows := make([]decisionRow, len(decs))
	for i, d := range decs {
		rows[i] = decisionRowOf(p, r, d, i+1, env.Lang)
	}
	if *asJSON {
		out := struct {
			File      string        `json:"file"`
			Meetings  []string      `json:"meetings,omitempty"`
			Decisions []decisionRow `json:"decisions"`
		}{File: pos[0], Decisions: rows}
		for _, m := range meetings {
			out.Meetings = append(out.Meetings, m.Name())
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return env.FailErr(c, err)
		}
	} else {
		printDecisions(env, rows)
	}
	env.Warn(words.M("cli.decisions.count", "n", len(rows)))
	return ExitOK
}

// decisionsByMeeting lists every decision by meeting (in date order, those
// recorded in no meeting last), then as recorded.
func decisionsByMeeting(p *model.Project) []*model.Decision {
	var out []*model.Decision
	for _, m := range p.MeetingList() {
		out = append(out, p.DecisionsOf(m.ID)...)
	}
	for _, d := range p.DecisionList() {
		if d.Meeting == model.NilID || p.Meetings[d.Meeting] == nil {
			out = append(out, d)
		}
	}
	return out
}

// findMeetings finds the meetings s names: by ID, else by date, else by title.
func findMeetings(p *model.Project, s string) []*model.Meeting {
	if id, err := uuid.Parse(s); err == nil {
		if m := p.Meetings[id]; m != nil {
			return []*model.Meeting{m}
		}
		return nil
	}
	var byDate, byTitle []*model.Meeting
	for _, m := range p.MeetingList() {
		if m.Date == s {
			byDate = append(byDate, m)
		}
		if strings.TrimSpace(m.Title) == strings.TrimSpace(s) {
			byTitle = append(byTitle, m)
		}
	}
	if len(byDate) > 0 {
		return byDate
	}
	return byTitle
}

// meetingList names the project's meetings with their dates, for a message.
func meetingList(p *model.Project) []words.Msg {
	var out []words.Msg
	for _, m := range p.MeetingList() {
		out = append(out, words.M("cli.decisions.meeting", "date", m.Date, "title", m.Name()))
	}
	if len(out) == 0 {
		out = append(out, words.M("cli.decisions.no_meetings"))
	}
	return out
}

func decisionRowOf(p *model.Project, r *model.Result, d *model.Decision, seq int, lang string) decisionRow {
	row := decisionRow{Seq: seq, ID: d.ID.String(), Action: d.Action.Code(), Opinion: p.Opinion(d).In(lang),
		ResponsibleUnit: d.ResponsibleUnit, Deadline: d.Deadline, Status: d.Status.Code(),
		StatusName: d.Status.Name().In(lang), Meeting: p.MeetingName(d), Note: d.Note, Findings: []string{}, FindingNames: []string{}}
	if o := p.Offices[d.Office]; o != nil {
		row.Office = o.Name
	}
	if du := p.Duties[d.Duty]; du != nil {
		row.Duty, row.ListKind, row.ListKindName = du.Title(), du.Kind.Code(), du.Kind.Name().In(lang)
	}
	for _, rule := range r.DecisionFindings(p, d) {
		row.Findings = append(row.Findings, string(rule))
		row.FindingNames = append(row.FindingNames, rule.Name().In(lang))
	}
	return row
}

// printDecisions writes the header and one tab-separated row a decision.
func printDecisions(env Env, rows []decisionRow) {
	lang := env.Lang
	hdr := make([]string, len(decisionColumns))
	for i, c := range decisionColumns {
		hdr[i] = words.Say(lang, "cli.decisions.col."+c)
	}
	fmt.Fprintln(env.Stdout, strings.Join(hdr, "\t"))
	sep := words.Say(lang, "list.sep")
	for _, r := range rows {
		office := r.Office
		if office == "" {
			office = words.Say(lang, "cli.decisions.every_office")
		}
		cells := []string{fmt.Sprint(r.Seq), office, r.Duty, r.ListKindName, strings.Join(r.FindingNames, sep), r.Opinion,
			r.ResponsibleUnit, r.Deadline, r.StatusName}
		for i, s := range cells {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
		}
		fmt.Fprintln(env.Stdout, strings.Join(cells, "\t"))
	}
}
