package cli

import (
	"encoding/json"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

var scenarioCmd = &Command{
	Name:    "scenario",
	Summary: words.M("cli.scenario.summary"),
	Usage:   "scenario FILE.rpb [--office NAME] [--json] [--lang zh|en]",
}

func init() {
	scenarioCmd.Run = runScenario
	Register(scenarioCmd)
}

// scenarioReport is what `scenario --json` prints: the totals before and
// after the decisions are carried out and the findings they close, leave
// open and open, worst first.
type scenarioReport struct {
	File      string            `json:"file"`
	Office    string            `json:"office,omitempty"` // "" for the whole district
	Decisions int               `json:"decisions"`
	Before    scenarioTotals    `json:"before"`
	After     scenarioTotals    `json:"after"`
	Closed    []scenarioFinding `json:"closed"`
	StillOpen []scenarioFinding `json:"still_open"`
	Opened    []scenarioFinding `json:"opened"`
}

type scenarioTotals struct {
	BalanceIndex float64        `json:"balance_index"`
	Items        int            `json:"items"`
	Assessed     int            `json:"assessed"`
	Weight       float64        `json:"weight"`
	Gap          float64        `json:"gap"`
	Findings     int            `json:"findings"`
	ByRule       map[string]int `json:"by_rule"`
	BySeverity   map[string]int `json:"by_severity"`
}

type scenarioFinding struct {
	Rule      string `json:"rule"`
	RuleName  string `json:"rule_name"`
	Severity  string `json:"severity"`
	Office    string `json:"office"`
	Duty      string `json:"duty,omitempty"`
	Authority string `json:"authority,omitempty"`
	Reason    string `json:"reason"`
}

// runScenario compares the project with its scenario (the decisions
// carried out) for one office or the district: the balance index before →
// after, and the findings closed, still open and newly opened. The text
// lists the closed and opened findings (still open: their number only);
// JSON lists all three. Exit 0: compared; 1: the file cannot be read; 2:
// usage (bad flags, no such office).
func runScenario(env Env, args []string) int {
	c := scenarioCmd
	fs := NewFlags(env, c)
	office := fs.String("office", "", words.Say(env.Lang, "cli.scenario.flag.office"))
	asJSON := fs.Bool("json", false, words.Say(env.Lang, "cli.scenario.flag.json"))
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
	officeID, code := officeNamed(env, c, p, pos[0], *office)
	if code != ExitOK {
		return code
	}

	pl := model.NewPlan(model.NewAnalyzer(p))
	base, scen := pl.Base(), pl.Scenario()
	ba := pl.District()
	if officeID != model.NilID {
		ba = pl.Office(officeID)
	}
	closed, still, opened := model.CompareFindings(base.FindingsOfOffice(officeID), scen.FindingsOfOffice(officeID))

	if *asJSON {
		rep := scenarioReport{File: pos[0], Office: *office, Decisions: len(p.Decisions),
			Before: totalsOf(ba.Before), After: totalsOf(ba.After),
			Closed: findingsOf(p, base, closed, env.Lang), StillOpen: findingsOf(p, scen, still, env.Lang),
			Opened: findingsOf(p, scen, opened, env.Lang)}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return env.FailErr(c, err)
		}
		return ExitOK
	}

	if officeID != model.NilID {
		env.Say(words.M("cli.scenario.title.office", "office", *office, "decisions", len(p.Decisions)))
	} else {
		env.Say(words.M("cli.scenario.title.district", "decisions", len(p.Decisions)))
	}
	env.Say(words.M("cli.scenario.balance", "index", words.M("term.balance_index"),
		"before", words.Index(ba.Before.Balance).Fine(), "after", words.Index(ba.After.Balance).Fine()))
	env.Say(words.M("cli.scenario.tally", "closed", len(closed), "still_open", len(still), "opened", len(opened)))
	for _, list := range []struct {
		key string
		fs  []model.Finding
		r   *model.Result
	}{{"cli.scenario.closed", closed, base}, {"cli.scenario.opened", opened, scen}} {
		if len(list.fs) == 0 {
			continue
		}
		env.Say(words.M(list.key, "n", len(list.fs)))
		for _, f := range list.fs {
			writeFinding(env.Stdout, p, list.r, f, env.Lang)
		}
	}
	return ExitOK
}

func totalsOf(s model.Summary) scenarioTotals {
	t := scenarioTotals{BalanceIndex: s.Balance, Items: s.Items, Assessed: s.Assessed, Weight: s.Weight, Gap: s.Gap,
		ByRule: map[string]int{}, BySeverity: map[string]int{}}
	for rule, n := range s.ByRule {
		t.ByRule[string(rule)] = n
		t.Findings += n
	}
	for sev, n := range s.BySeverity {
		t.BySeverity[sev.Code()] = n
	}
	return t
}

// findingsOf words findings for JSON, their reasons from r.
func findingsOf(p *model.Project, r *model.Result, fs []model.Finding, lang string) []scenarioFinding {
	out := make([]scenarioFinding, len(fs))
	for i, f := range fs {
		x := scenarioFinding{Rule: string(f.Rule), RuleName: f.Rule.Name().In(lang), Severity: f.Severity.Code(),
			Reason: strings.TrimSpace(r.Reason(f).In(lang))}
		if o := p.Offices[f.Office]; o != nil {
			x.Office = o.Name
		}
		if d := p.Duties[f.Duty]; d != nil {
			x.Duty = d.Title()
		}
		if a := p.Authorities[f.Authority]; a != nil {
			x.Authority = a.Name
		}
		out[i] = x
	}
	return out
}
